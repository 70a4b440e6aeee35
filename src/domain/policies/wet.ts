/**
 * 'wet': the law defaults that apply to every SWV unless its own plan says otherwise (domain README,
 * "Law defaults"), plus product defaults where the law is silent (rule text: 'standaardinstelling van dit systeem').
 * Rule texts are shown to coordinators and written in letters to parents: plain Dutch that names the
 * rule and its source; seed line numbers stay in these comments.
 * The WPO wording below is a paraphrase of art. 40 (toelating, zorgplicht); check the consolidated text
 * on wetten.overheid.nl before quoting it to parents.
 */
import { PolicyInput } from '../policy';

export const wetPolicyInput: PolicyInput = {
  code: 'wet',
  naam: 'Wettelijke standaard (WPO/Awb)',
  versie: '2014',
  // Wet passend onderwijs, in force on 1 August 2014 (the product's law defaults date from it).
  geldigVanaf: '2014-08-01',
  bron: 'Wet op het primair onderwijs, Algemene wet bestuursrecht (wettelijke standaard)',
  sector: 'po',
  regio: 'midden',
  regioRegel:
    'productstandaard: de wet kent geen vakantieregio; elk samenwerkingsverband stelt de regio van zijn scholen in',
  tijden: { herinnering: '08:00', deadline: '17:00', tijdzone: 'Europe/Amsterdam' },
  zorgplicht: {
    beslistermijnWeken: {
      waarde: 6,
      regel: 'Wet op het primair onderwijs, artikel 40 lid 4',
      toelichting:
        'Het bevoegd gezag beslist binnen zes weken na ontvangst van de schriftelijke aanmelding over de toelating (parafrase). Zie ook seed 000 L292: "binnen 6 (+ 4) weken".',
    },
    verlengingMaxWeken: {
      waarde: 4,
      regel: 'Wet op het primair onderwijs, artikel 40 lid 4',
      toelichting:
        'De termijn kan eenmaal met ten hoogste vier weken worden verlengd; ouders worden schriftelijk geïnformeerd (parafrase).',
    },
    tijdelijkePlaatsingNaWeken: {
      waarde: 10,
      regel: 'Wet op het primair onderwijs, artikel 40 lid 4',
      toelichting:
        'Is na tien weken (zes plus ten hoogste vier) nog niet beslist, dan wordt de leerling tijdelijk geplaatst en ingeschreven, tenzij hij al op een andere school staat ingeschreven, tot het bevoegd gezag beslist (parafrase).',
    },
    herinneringenDagenVoor: {
      waarde: [14, 7, 2],
      regel: 'standaardinstelling van dit systeem',
      toelichting:
        'De wet noemt geen herinneringen; het product herinnert de school 14, 7 en 2 dagen vóór de beslisdatum, op de vorige schooldag als die dag geen schooldag is.',
    },
  },
  impasse: {
    serviceniveauSchooldagen: {
      waarde: 10,
      regel: 'standaardinstelling van dit systeem',
      toelichting:
        'De wet kent geen termijnen voor het oplossen van een impasse; na 10 schooldagen op dezelfde trede telt de zaak als vastgelopen.',
    },
    herinneringenSchooldagenVoor: {
      waarde: [3, 1],
      regel: 'standaardinstelling van dit systeem',
      toelichting: 'Herinnering aan de eigenaar van de trede 3 en 1 schooldag vóór het serviceniveau verloopt.',
    },
    route: {
      soort: 'productstandaard',
      regel: 'standaardinstelling van dit systeem',
      toelichting:
        'De wet beschrijft geen route voor een leerling voor wie geen school wordt gevonden; het samenwerkingsverband moet een dekkend aanbod hebben (Wet op het primair onderwijs, artikel 18a). Het product volgt de zaak per trede met een serviceniveau.',
    },
    ladder: [],
  },
  tlv: {
    beslistermijnWeken: {
      waarde: 8,
      regel: 'Algemene wet bestuursrecht, artikel 4:13 lid 2',
      toelichting:
        'WPO art. 18a stelt geen beslistermijn voor de TLV; dan geldt een redelijke termijn van uiterlijk acht weken na ontvangst van de aanvraag.',
    },
    herinneringenDagenVoor: {
      waarde: [14, 7, 2],
      regel: 'standaardinstelling van dit systeem',
      toelichting:
        'De wet en de ondersteuningsplannen noemen geen herinneringen; het product herinnert de deskundigen.',
    },
    route: {
      soort: 'twee-deskundigen',
      beoordeling: {
        door: 'de eerste deskundige van het samenwerkingsverband',
        regel: 'Wet op het primair onderwijs, artikel 18a lid 6',
        toelichting:
          'Het samenwerkingsverband beslist over de toelaatbaarheid na advies van ten minste twee deskundigen (parafrase); de eerste deskundige beoordeelt de aanvraag en legt haar voor aan de tweede.',
      },
      besluit: {
        rol: 'deskundige',
        door: 'de tweede deskundige, namens het samenwerkingsverband',
        regel: 'Wet op het primair onderwijs, artikel 18a lid 6',
      },
    },
    categorieen: {
      waarde: [],
      regel: 'Wet op het primair onderwijs, artikel 18a',
      toelichting:
        'De wet schrijft geen indeling in categorieën voor; de bekostigingscategorie van het SO (laag, midden, hoog) legt het samenwerkingsverband vast als het die gebruikt.',
    },
    bezwaar: {
      termijnWeken: {
        waarde: 6,
        regel: 'Algemene wet bestuursrecht, artikel 6:7',
        toelichting:
          'Bezwaar binnen zes weken; de termijn begint de dag na die waarop het besluit is bekendgemaakt, dat is toegezonden (Awb 6:8, 3:41). Valt de laatste dag op een zaterdag, zondag of feestdag, dan loopt hij door tot de eerstvolgende werkdag (Algemene termijnenwet art. 1).',
      },
      teLaat: {
        regel: 'Algemene wet bestuursrecht, artikelen 6:9 en 6:11',
        toelichting:
          'Een bezwaarschrift dat per post is verzonden, is op tijd als het vóór het einde van de termijn ter post is bezorgd en uiterlijk een week daarna is ontvangen (6:9 lid 2). Een te laat bezwaar wordt niet niet-ontvankelijk verklaard als de indiener redelijkerwijs niet in verzuim is geweest (6:11): het samenwerkingsverband beoordeelt dat; het product weigert niets.',
      },
      indieners: {
        waarde: ['ouders', 'schoolbestuur'],
        regel: 'Algemene wet bestuursrecht, artikelen 1:2 en 6:4',
        toelichting:
          'Belanghebbenden kunnen bezwaar maken: de ouders van de leerling en het bevoegd gezag van de school die de TLV aanvroeg of de leerling zou plaatsen (zie ook seed 002 L641: "betrokken ouders, maar ook het schoolbestuur").',
      },
      advies: {
        door: 'Landelijke Bezwaaradviescommissie Toelaatbaarheidsverklaringen (LBT)',
        regel: 'Wet op het primair onderwijs, artikel 18a; Algemene wet bestuursrecht, artikel 7:13',
        toelichting:
          'Het samenwerkingsverband vraagt vóór de beslissing op bezwaar advies aan de landelijke bezwaaradviescommissie; dat is een adviescommissie in de zin van Awb 7:13.',
      },
      beslissing: {
        door: 'het bestuur van het samenwerkingsverband',
        regel: 'Algemene wet bestuursrecht, artikelen 6:4 en 7:11',
        toelichting:
          'Het bezwaar wordt ingediend bij en heroverwogen door het bestuursorgaan dat het besluit nam: het bestuur van het samenwerkingsverband (of wie het daartoe mandaat gaf).',
      },
      beslistermijnWeken: {
        waarde: 12,
        regel: 'Algemene wet bestuursrecht, artikel 7:10 lid 1',
        toelichting:
          'Met advies van een commissie (de LBT) beslist het samenwerkingsverband binnen twaalf weken, gerekend vanaf de dag na afloop van de bezwaartermijn.',
      },
      verdagingMaxWeken: {
        waarde: 6,
        regel: 'Algemene wet bestuursrecht, artikel 7:10 lid 3',
        toelichting:
          'De beslissing kan eenmaal voor ten hoogste zes weken worden verdaagd; belanghebbenden krijgen daarvan schriftelijk bericht (7:10 lid 5). Verder uitstel alleen met instemming (7:10 lid 4): niet in het product.',
      },
      herinneringenDagenVoor: {
        waarde: [14, 7, 2],
        regel: 'standaardinstelling van dit systeem',
        toelichting:
          'De wet noemt geen herinneringen; het product herinnert het samenwerkingsverband 14, 7 en 2 dagen vóór de beslisdatum op bezwaar.',
      },
      beroep: {
        door: 'de rechtbank (sector bestuursrecht) in het arrondissement waar het samenwerkingsverband zijn zetel heeft',
        regel: 'Algemene wet bestuursrecht, artikelen 8:1 en 8:7',
        termijnWeken: {
          waarde: 6,
          regel: 'Algemene wet bestuursrecht, artikel 6:7',
          toelichting: 'Beroep binnen zes weken na de dag waarop de beslissing op bezwaar is toegezonden.',
        },
      },
    },
    duur: {
      soort: 'expliciet',
      regel:
        'Wet op het primair onderwijs, artikel 18a: het samenwerkingsverband bepaalt de geldigheidsduur van elke toelaatbaarheidsverklaring',
    },
    herbeoordeling: {
      evaluatieWekenVoorAanvraag: {
        waarde: 4,
        regel: 'standaardinstelling van dit systeem',
        toelichting:
          'De wet noemt geen termijnen voor de herbeoordeling. Tussen de interne evaluatie met de ouders en de aanvraag liggen vier schoolweken: tijd voor het aanvraagformulier met drie handtekeningen en een actueel groeidocument.',
      },
      herinneringenWekenVoorAanvraag: {
        waarde: [12, 8, 2],
        regel: 'standaardinstelling van dit systeem',
        toelichting:
          'De S(B)O-school krijgt 12, 8 en 2 weken vóór de uiterste aanvraagdatum een herinnering (op de vorige schooldag als die dag geen schooldag is). De uiterste aanvraagdatum ligt zo ver vóór de einddatum dat de beoordeling (beslistermijn in schoolweken) vóór de laatste schooldag klaar is: bij een einddatum van 31 juli dus vóór de zomervakantie.',
      },
      emb: {
        aanvraagVso: {
          regel:
            'Wet voortgezet onderwijs 2020, artikel 2.47: voor het voortgezet speciaal onderwijs beslist het samenwerkingsverband voortgezet onderwijs over een nieuwe toelaatbaarheidsverklaring',
        },
        beslistermijnVsoWeken: {
          waarde: 8,
          regel: 'Algemene wet bestuursrecht, artikel 4:13 lid 2',
          toelichting:
            'De beslistermijn van het samenwerkingsverband VO is niet bekend; zonder eigen termijn beslist het uiterlijk acht weken na ontvangst van de aanvraag.',
        },
      },
    },
    teldatum: {
      datum: {
        waarde: '02-01',
        regel:
          'Wet op het primair onderwijs: de teldatum is 1 februari (vereenvoudiging bekostiging po, sinds 1 januari 2023)',
        toelichting:
          'De teldatum verschoof van 1 oktober naar 1 februari; de groeitelling (peildatum 1 februari) voor het S(B)O verdween (seed 000 L667–669, seed 004 L723).',
      },
      waarschuwingWekenNa: {
        waarde: 4,
        regel: 'standaardinstelling van dit systeem',
        toelichting:
          'Een overstap naar het S(B)O die tot vier weken na de teldatum is gepland, krijgt een waarschuwing: de bekostiging volgt de leerlingtelling op de teldatum, en die telling mist de leerling dan op de nieuwe school.',
      },
    },
  },
  // The law leaves the terugplaatsing policy to the SWV (WPO art. 18a, quoted in seed 001 L1148–1151:
  // "stelt … het beleid en de procedure vast met betrekking tot de terugplaatsing …"): all product defaults.
  terugplaatsing: {
    evaluatieWeken: {
      waarde: 6,
      regel: 'standaardinstelling van dit systeem',
      toelichting:
        'De wet laat het beleid en de procedure voor terugplaatsing aan het samenwerkingsverband (Wet op het primair onderwijs, artikel 18a: het samenwerkingsverband "stelt … het beleid en de procedure vast met betrekking tot de terugplaatsing …"). Zonder eigen beleid evalueert de ontvangende school binnen zes weken na de start.',
    },
    symbioseEvaluatieWeken: {
      waarde: 6,
      regel: 'standaardinstelling van dit systeem',
      toelichting:
        'De wet noemt geen termijn; bij een symbioseregeling wordt binnen zes weken na de start geëvalueerd en besloten over de volledige overstap naar de nieuwe school.',
    },
    herinneringenDagenVoor: {
      waarde: [10, 3],
      regel: 'standaardinstelling van dit systeem',
      toelichting:
        'De wet noemt geen herinneringen; het product herinnert de ontvangende school 10 en 3 dagen vóór de uiterste evaluatiedatum, op de vorige schooldag als die dag geen schooldag is.',
    },
    serviceniveauSchoolweken: {
      waarde: 6,
      regel: 'standaardinstelling van dit systeem',
      toelichting:
        'De wet noemt geen termijnen voor het signaleren, het verkennen van een passende plek en het besluit (stap 1 tot en met 3); staat een stap zes schoolweken stil, dan ziet de coördinator de zaak.',
    },
    screening: {
      waarde: ['10-01', '03-01'],
      regel: 'standaardinstelling van dit systeem',
      toelichting:
        'De wet noemt geen screeningsmomenten. De S(B)O-school en de ondersteuningsadviseur spreken de data af; tot een school eigen data heeft ingesteld, herinnert het product op 1 oktober en 1 maart.',
    },
  },
  // The law defines no thuiszitter; the national definition (langdurig relatief verzuim, as SPOW
  // writes it, seed 001 L1777) and the Thuiszitterspact's three months are the product's defaults.
  thuiszitters: {
    drempelWeken: {
      waarde: 4,
      regel: 'standaardinstelling van dit systeem',
      toelichting:
        'De wet definieert geen thuiszitter. Het product volgt de landelijke definitie van langdurig relatief verzuim: een ingeschreven leerling die om welke reden dan ook, behalve ziekte of vrijstelling, langer dan vier weken thuiszit. Een leerling die nergens is ingeschreven (absoluut verzuim) is meteen een thuiszitter.',
    },
    streefMaanden: {
      waarde: 3,
      regel: 'standaardinstelling van dit systeem',
      toelichting:
        'Naar het landelijke Thuiszitterspact: binnen drie maanden een passend aanbod van onderwijs en/of zorg.',
    },
    herinneringenDagenVoor: {
      waarde: [14, 7],
      regel: 'standaardinstelling van dit systeem',
      toelichting: 'De coördinator wordt 14 en 7 dagen vóór de streefdatum herinnerd.',
    },
    vrijstellingHerinneringDagenVoor: {
      waarde: [14],
      regel: 'standaardinstelling van dit systeem',
      toelichting: 'De coördinator en de school worden 14 dagen vóór het einde van een vrijstelling herinnerd.',
    },
    afspraakHerinneringDagenVoor: {
      waarde: [2],
      regel: 'standaardinstelling van dit systeem',
      toelichting:
        'De coördinator wordt 2 dagen vóór de uiterste datum van een afspraak uit het plan van aanpak herinnerd.',
    },
    rapportages: [
      {
        soort: 'landelijk',
        maanden: [1, 4, 7, 10],
        periodeMaanden: 3,
        regel: 'standaardinstelling van dit systeem',
        toelichting:
          'De landelijke thuiszittersregistratie wordt per kwartaal opgevraagd (zo beschreven door SPOW, seed 001 L147): de directeur krijgt op de eerste dag van elk kwartaal de telling over het vorige.',
      },
    ],
    vrijstelling: {
      regel:
        'Leerplichtwet 1969, artikel 5 en 15 (vrijstelling door de leerplichtambtenaar); standaardinstelling van dit systeem',
      toelichting:
        'Een vrijstelling wordt in het product alleen vastgelegd met het samenwerkingsverband erbij en voor een vaste periode: de leerling telt in die periode niet als thuiszitter.',
    },
  },
};

/**
 * 'wet-vo': the law defaults for a samenwerkingsverband VO. Zorgplicht comes from the WVO (art. 27,
 * since 1 August 2022 the Wet voortgezet onderwijs 2020) with the same terms as the WPO: six weeks,
 * once four more, then a temporary place; the TLV is for the VSO (WVO 2020 art. 2.47).
 */
export const wetVoPolicyInput: PolicyInput = {
  ...wetPolicyInput,
  code: 'wet-vo',
  naam: 'Wettelijke standaard voortgezet onderwijs (WVO/Awb)',
  bron: 'Wet op het voortgezet onderwijs (sinds 1 augustus 2022: Wet voortgezet onderwijs 2020), Algemene wet bestuursrecht (wettelijke standaard)',
  sector: 'vo',
  zorgplicht: {
    ...wetPolicyInput.zorgplicht,
    beslistermijnWeken: {
      waarde: 6,
      regel: 'Wet op het voortgezet onderwijs, artikel 27 lid 2c (nu Wet voortgezet onderwijs 2020)',
      toelichting:
        'Het bevoegd gezag van de school voor voortgezet onderwijs beslist binnen zes weken na ontvangst van de schriftelijke aanmelding over de toelating (parafrase); dezelfde termijn als in het primair onderwijs.',
    },
    verlengingMaxWeken: {
      waarde: 4,
      regel: 'Wet op het voortgezet onderwijs, artikel 27 lid 2c (nu Wet voortgezet onderwijs 2020)',
      toelichting:
        'De termijn kan eenmaal met ten hoogste vier weken worden verlengd; ouders worden schriftelijk geïnformeerd (parafrase).',
    },
    tijdelijkePlaatsingNaWeken: {
      waarde: 10,
      regel: 'Wet op het voortgezet onderwijs, artikel 27 lid 2c (nu Wet voortgezet onderwijs 2020)',
      toelichting:
        'Is na tien weken nog niet beslist, dan wordt de leerling tijdelijk geplaatst en ingeschreven, tenzij hij al op een andere school staat ingeschreven, tot het bevoegd gezag beslist (parafrase).',
    },
  },
  tlv: {
    ...wetPolicyInput.tlv,
    route: {
      soort: 'twee-deskundigen',
      beoordeling: {
        door: 'de eerste deskundige van het samenwerkingsverband',
        regel: 'Wet voortgezet onderwijs 2020, artikel 2.47',
        toelichting:
          'Het samenwerkingsverband VO beslist over de toelaatbaarheid tot het voortgezet speciaal onderwijs na advies van ten minste twee deskundigen (parafrase).',
      },
      besluit: {
        rol: 'deskundige',
        door: 'de tweede deskundige, namens het samenwerkingsverband',
        regel: 'Wet voortgezet onderwijs 2020, artikel 2.47',
      },
    },
    duur: {
      soort: 'expliciet',
      regel:
        'Wet voortgezet onderwijs 2020, artikel 2.47: het samenwerkingsverband bepaalt de geldigheidsduur van elke toelaatbaarheidsverklaring',
    },
  },
};
