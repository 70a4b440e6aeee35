/**
 * 'spow': Samenwerkingsverband Primair Onderwijs Westland (seed 001). Differs from 'wet' only where the
 * seed says so (see shared/domain/notes/seed-001.md):
 *  - zorgplicht: the seed gives no terms of its own (seed 001 L799–815 only says zorgplicht starts at the
 *    written aanmelding, L811), so the WPO terms apply;
 *  - impasse: the plaatsingstafel ladder E1–E7 (seed 001 L817–852), without deadlines in the seed;
 *  - TLV: decided within 6 weeks (seed 001 L1993–1994, also L1135–1136), duration by groep (addendum,
 *    L1996–2002), EMB until the end of the school year in which the pupil turns 14 (L1166–1171);
 *  - regio: Westland lies in Zuid-Holland, which is vakantieregio midden.
 *  - terugplaatsing: evaluation within 6 weeks after the start (Stappenplan stap 4, L2130–2133; addendum
 *    L2022–2023), also for a symbiose (L2025–2028); one or two screening moments a year (L2047–2052),
 *    whose dates and the Stap 1–3 service level are product defaults (no terms in the seed).
 */
import { PolicyInput } from '../policy';
import { wetPolicyInput } from './wet';

const plan = 'Ondersteuningsplan SPOW 2020-2024';

/** The current version: the plan with its addendum (seed 001 L1972–2037), which replaced the TLV durations. */
export const spowPolicyInput: PolicyInput = {
  ...wetPolicyInput,
  code: 'spow',
  naam: 'SPOW – Samenwerkingsverband Primair Onderwijs Westland',
  versie: '2020-2024-addendum',
  // The addendum is undated (seed 001 L1972–1984): 1 August 2022 is a product default, to be set to the
  // date the SWV gives. A case started before it keeps the durations of the plan itself.
  geldigVanaf: '2022-08-01',
  bron: `${plan}, met addendum (aanvragen toelaatbaarheidsverklaring, terugplaatsingsbeleid)`,
  sector: 'po',
  regio: 'midden',
  regioRegel:
    'rijksoverheid.nl regio-indeling schoolvakanties: Zuid-Holland (gemeenten Westland, Midden-Delfland, Rotterdam, seed 001 L38) valt in regio midden; SPOW-school mariaschool.wsko.nl volgt de data van regio midden',
  zorgplicht: {
    ...wetPolicyInput.zorgplicht,
    beslistermijnWeken: {
      ...wetPolicyInput.zorgplicht.beslistermijnWeken,
      toelichting:
        'Seed 001 noemt geen eigen termijn (L799–815; zorgplicht start bij schriftelijke aanmelding, L811), dus geldt de wettelijke termijn van zes weken.',
    },
  },
  impasse: {
    route: {
      soort: 'plaatsingstafel',
      // seed 001 L817–852
      regel: `${plan}, §1.2 Zorgplicht bij impasses`,
      toelichting:
        'De school met zorgplicht meldt het samenwerkingsverband; de ondersteuningsadviseur organiseert een plaatsingstafel; daarna de directeur, het Dagelijks Bestuur met een onafhankelijke derde, en zo nodig leerplicht, het SKT en de Geschillencommissie.',
    },
    serviceniveauSchooldagen: {
      waarde: 10,
      regel: 'standaardinstelling van dit systeem',
      toelichting:
        'Seed 001 L817–852 noemt geen termijnen voor de treden van de plaatsingstafel-ladder; na 10 schooldagen op dezelfde trede telt de zaak als vastgelopen en ziet de directeur haar.',
    },
    herinneringenSchooldagenVoor: {
      waarde: [3, 1],
      regel: 'standaardinstelling van dit systeem',
      toelichting:
        'Seed 001 L817–852 noemt geen herinneringen; herinnering aan de eigenaar van de trede 3 en 1 schooldag vooraf.',
    },
    // seed 001 L1470–1475: WSKO, SOOW, PCPOW, the SO board, and one member for the other boards.
    dagelijksBestuur: {
      waarde: ['WSKO', 'SOOW', 'PCPOW', 'SO'],
      regel: 'Ondersteuningsplan SPOW 2020-2024, §3.3 De structuur van de organisatie',
      toelichting:
        'De overige deelnemende besturen hebben samen één bestuurder in het DB; het product behandelt hun scholen als niet eigen vertegenwoordigd, zodat hun bestuur vóór het bindend besluit wordt uitgenodigd (§1.2: "Mocht het advies een school betreffen die niet vertegenwoordigd is in het DB, dan wordt het betreffende bestuur voor een overleg uitgenodigd").',
    },
    ladder: [
      {
        code: 'E1',
        omschrijving: 'School met zorgplicht meldt aan het SWV dat geen passende plek gevonden kan worden',
        eigenaar: 'school met zorgplicht',
        // seed 001 L821–823
        regel: 'Ondersteuningsplan SPOW 2020-2024, §1.2 Zorgplicht bij impasses',
      },
      {
        code: 'E2',
        omschrijving:
          'Ondersteuningsadviseur organiseert een plaatsingstafel (ouders, SKT, huidige school, thuisnabije scholen, zo nodig S(B)O; leerplicht optioneel volgens L144) gericht op vrijwillige plaatsing',
        eigenaar: 'ondersteuningsadviseur SPOW',
        // seed 001 L824–830
        regel: 'Ondersteuningsplan SPOW 2020-2024, §1.2 Zorgplicht bij impasses',
      },
      {
        code: 'E3',
        omschrijving:
          'Ondersteuningsadviseur meldt aan de directeur SPOW met een onderbouwd advies over de best passende school',
        eigenaar: 'ondersteuningsadviseur SPOW',
        // seed 001 L832–835
        regel: 'Ondersteuningsplan SPOW 2020-2024, §1.2 Zorgplicht bij impasses',
      },
      {
        code: 'E4',
        omschrijving:
          'Directeur SPOW bespreekt het advies met de directeur van die school (eventueel met extra ondersteuning van het SWV)',
        eigenaar: 'directeur SPOW',
        // seed 001 L837–840
        regel: 'Ondersteuningsplan SPOW 2020-2024, §1.2 Zorgplicht bij impasses',
      },
      {
        code: 'E5',
        omschrijving: 'Directeur legt de zaak voor aan het Dagelijks Bestuur',
        eigenaar: 'directeur SPOW',
        // seed 001 L842–843
        regel: 'Ondersteuningsplan SPOW 2020-2024, §1.2 Zorgplicht bij impasses',
      },
      {
        code: 'E6',
        omschrijving:
          'Onafhankelijke derde onderzoekt en adviseert; het DB neemt een bindend besluit (niet-vertegenwoordigd bestuur wordt eerst uitgenodigd)',
        eigenaar: 'Dagelijks Bestuur',
        // seed 001 L845–849
        regel: 'Ondersteuningsplan SPOW 2020-2024, §1.2 Zorgplicht bij impasses',
      },
      {
        code: 'E7',
        omschrijving:
          'Ouders niet akkoord: directeur overlegt met leerplicht en SKT; de Geschillencommissie kan worden ingeschakeld',
        eigenaar: 'directeur SPOW',
        // seed 001 L850–852
        regel: 'Ondersteuningsplan SPOW 2020-2024, §1.2 Zorgplicht bij impasses',
      },
    ],
  },
  tlv: {
    ...wetPolicyInput.tlv,
    route: {
      soort: 'twee-deskundigen',
      beoordeling: {
        door: 'de eerste deskundige (ondersteuningsadviseur van SPOW)',
        // seed 001 L1990–1993 (addendum), also L1132–1136
        regel: `${plan}, addendum toelaatbaarheidsverklaring`,
        toelichting:
          '"Daarom legt de eerste deskundige de aanvraag voor aan een tweede deskundige van het samenwerkingsverband."',
      },
      besluit: {
        rol: 'deskundige',
        door: 'de tweede deskundige van het samenwerkingsverband',
        // seed 001 L1992–1994
        regel: `${plan}, addendum toelaatbaarheidsverklaring`,
      },
    },
    categorieen: {
      waarde: [],
      // seed 001 L1152–1163: EMB groups A, B, C describe who qualifies for the simplified procedure
      regel: `${plan}, §1.7.5 Toelaatbaarheidsverklaring EMB-leerlingen`,
      toelichting:
        'SPOW gebruikt geen categorieën voor de TLV; de groepen A, B en C bij EMB bepalen alleen wie de vereenvoudigde procedure volgt.',
    },
    beslistermijnWeken: {
      waarde: 6,
      // seed 001 L1993–1994 (addendum), also L1135–1136 (§1.7.4)
      regel: 'Ondersteuningsplan SPOW 2020-2024, addendum toelaatbaarheidsverklaring',
      toelichting:
        '"Binnen 6 weken wordt beoordeeld of een TLV toegekend kan worden" (seed 001 L1993–1994, ook L1135–1136). Het startmoment staat er niet; het product rekent vanaf ontvangst van de volledige aanvraag.',
    },
    duur: {
      soort: 'groepsafhankelijk',
      // seed 001 L1996–1997
      vanafGroep4:
        'Ondersteuningsplan SPOW 2020-2024, addendum: een TLV S(B)O vanaf groep 4 geldt voor de gehele basisschoolperiode (tot het einde van groep 8)',
      // seed 001 L1998–2000
      totGroep3:
        'Ondersteuningsplan SPOW 2020-2024, addendum: een TLV S(B)O voor een kind tot groep 3 is tijdelijk, tot uiterlijk het einde van het schooljaar van groep 3',
      // seed 001 L2001–2002
      inGroep3:
        'Ondersteuningsplan SPOW 2020-2024, addendum: een TLV in groep 3 is naar de situatie van het kind tijdelijk of voor de gehele basisschoolperiode',
      // seed 001 L1997
      afwijking: 'Ondersteuningsplan SPOW 2020-2024, addendum: een beargumenteerde afwijking van de vastgestelde duur',
      // seed 001 L1166–1171 (§1.7.5, which starts at L1146)
      emb: 'Ondersteuningsplan SPOW 2020-2024, §1.7.5: een TLV voor een leerling met EMB geldt het hele verblijf op het SO, tot het einde van het schooljaar waarin de leerling 14 wordt',
    },
    // Seed 001 describes no bezwaar procedure of its own for a TLV: the Awb route of 'wet' holds. Its
    // geschillenregeling (§2.4.1, L1409–1443: a second opinion, then the GPO) is for parents who cannot
    // agree with a decision; the letter names it beside the Awb route, not instead of it.
    bezwaar: {
      ...wetPolicyInput.tlv.bezwaar,
      voorafgaand: [
        {
          door: 'second opinion bij de toelaatbaarheidscommissie van "SWV Onderwijs dat past" (Schiedam)',
          // seed 001 L1414–1427 (§2.4.1 Geschillenregeling)
          regel: `${plan}, §2.4.1 Geschillenregeling`,
          toelichting:
            'Ouders vragen de second opinion aan bij SPOW; het groeidocument gaat alleen met hun schriftelijke toestemming naar "SWV Onderwijs dat past"; na een gesprek met de ouders en beide gedragswetenschappers geeft die commissie schriftelijk en mondeling advies. De bezwaartermijn van de Awb loopt intussen door: wie ook bezwaar wil maken, dient dat binnen zes weken in.',
          termijnLooptDoor: true,
        },
      ],
      geschil: {
        door: 'Geschillencommissie passend onderwijs (Onderwijsgeschillen, Utrecht)',
        // seed 001 L1427–1437
        regel: `${plan}, §2.4.1 Geschillenregeling`,
        toelichting:
          '"Als de second opinion voor partijen niet tot een bevredigende oplossing leidt is er sprake van een geschil. Een geschil kan worden voorgelegd aan de geschillencommissie passend onderwijs."',
      },
      beslissing: {
        ...wetPolicyInput.tlv.bezwaar.beslissing,
        toelichting:
          'Het ondersteuningsplan van SPOW beschrijft geen eigen bezwaarprocedure voor de TLV (seed 001, P13); de route van de Algemene wet bestuursrecht geldt: advies van de LBT, dan beslist het bestuur van SPOW.',
      },
    },
    herbeoordeling: {
      ...wetPolicyInput.tlv.herbeoordeling,
      herinneringenWekenVoorAanvraag: {
        ...wetPolicyInput.tlv.herbeoordeling.herinneringenWekenVoorAanvraag,
        toelichting:
          'Seed 001 §1.8 (L1263–1289) noemt de inventarisatie aan het begin van het schooljaar, de interne evaluatie met de ouders en de aanvraag, maar geen termijnen: de herinneringen zijn een standaardinstelling. Of de beoordeling van een herbeoordeling ook binnen 6 weken valt, zegt het plan niet; het product rekent met dezelfde 6 weken.',
      },
      emb: {
        ...wetPolicyInput.tlv.herbeoordeling.emb,
        // seed 001 L1173–1174
        aanvraagVso: {
          regel:
            'Ondersteuningsplan SPOW 2020-2024, §1.7.5: bij de overstap van SO naar VSO moet een nieuwe toelaatbaarheidsverklaring worden aangevraagd bij het samenwerkingsverband VO',
        },
      },
    },
    teldatum: {
      ...wetPolicyInput.tlv.teldatum,
      waarschuwingWekenNa: {
        waarde: 4,
        // seed 001 L2008–2012 (also L1140–1145, L1330–1333); "omstreeks" is not quantified: 4 weeks is a product default
        regel:
          'Ondersteuningsplan SPOW 2020-2024, addendum: vindt de overstap omstreeks de teldatum plaats, dan wordt verwacht dat de scholen de plaatsing vóór de teldatum realiseren',
        toelichting:
          'Het plan noemt 1 oktober (teldatum) en 1 februari (groeitelling); sinds 1 januari 2023 is 1 februari de enige teldatum (seed 000 L667–669, seed 004 L723). "Omstreeks" staat niet in weken in het plan: tot vier weken na de teldatum is een standaardinstelling van dit systeem.',
      },
    },
  },
  terugplaatsing: {
    evaluatieWeken: {
      waarde: 6,
      // seed 001 L2130–2133 (Stappenplan, stap 4.2), also L2022–2023 (addendum Terugplaatsingsbeleid)
      regel: 'Ondersteuningsplan SPOW 2020-2024, Stappenplan Terugplaatsing, stap 4',
      toelichting:
        '"Binnen zes weken vindt er een evaluatiemoment plaats" met de ouders, de ontvangende school, de ondersteuningsadviseur en een betrokkene van de verwijzende school (seed 001 L2130–2133); ook het addendum: "Wanneer de leerling start op zijn/haar nieuwe school vindt binnen 6 weken na de start een evaluatie plaats" (L2022–2023).',
    },
    symbioseEvaluatieWeken: {
      waarde: 6,
      // seed 001 L2025–2028 (addendum Terugplaatsingsbeleid)
      regel: 'Ondersteuningsplan SPOW 2020-2024, addendum terugplaatsingsbeleid',
      toelichting:
        '"Bij sommige SO-leerlingen kan bij de start op de nieuwe school gedacht worden aan een symbioseregeling. … Doel is wel om ook bij deze leerlingen na 6 weken te evalueren en besluiten te nemen over de overstap naar de nieuwe school" (seed 001 L2025–2028).',
    },
    herinneringenDagenVoor: {
      ...wetPolicyInput.terugplaatsing.herinneringenDagenVoor,
      toelichting:
        'Het ondersteuningsplan noemt geen herinneringen (seed 001 L2016–2146); het product herinnert de ontvangende school 10 en 3 dagen vóór de uiterste evaluatiedatum, op de vorige schooldag als die dag geen schooldag is.',
    },
    serviceniveauSchoolweken: {
      ...wetPolicyInput.terugplaatsing.serviceniveauSchoolweken,
      toelichting:
        'Het Stappenplan Terugplaatsing noemt geen termijnen voor stap 1 tot en met 3 (seed 001 L2055–2125; notities seed 001, P11: geen termijnen voor stap 1–3); staat een stap zes schoolweken stil, dan ziet de coördinator de zaak.',
    },
    screening: {
      waarde: ['10-01', '03-01'],
      // seed 001 L2047–2052 (Stappenplan, Algemeen)
      regel: 'Ondersteuningsplan SPOW 2020-2024, Stappenplan Terugplaatsing, Algemeen',
      toelichting:
        'De S(B)O-school en de ondersteuningsadviseur leggen één of twee momenten per jaar vast waarop leerlingen worden besproken die mogelijk in aanmerking komen voor terugplaatsing. De data zelf staan niet in het plan (seed 001 L2047–2052): de school en de ondersteuningsadviseur spreken ze af. 1 oktober en 1 maart zijn een standaardinstelling van dit systeem; het product herinnert op deze data tot een school eigen data heeft ingesteld. Een tussentijds overleg blijft altijd mogelijk.',
    },
  },
  thuiszitters: {
    ...wetPolicyInput.thuiszitters!,
    rapportages: [
      {
        soort: 'landelijk',
        maanden: [1, 4, 7, 10],
        periodeMaanden: 3,
        // seed 001 L147
        regel: `${plan}, deel 1: "SPOW doet mee aan de landelijke thuiszittersregistratie, die per kwartaal wordt opgevraagd"`,
      },
      {
        soort: 'inspectie',
        maanden: [1, 3, 5, 7, 9, 11],
        periodeMaanden: 2,
        // seed 001 L1959
        regel: `${plan}: "De opgave thuiszitters (twee maandelijks) aan inspectie van het onderwijs"`,
        toelichting: 'Het plan noemt ook de kwartaalregistratie (L147): het product stuurt beide.',
      },
    ],
    drempelWeken: {
      waarde: 4,
      // seed 001 L1777–1778
      regel: `${plan}, §4.5 Thuiszitters`,
      toelichting:
        '"Thuiszitters zijn leerlingen die om welke reden dan ook, uitgezonderd ziekte of vrijstelling van leerplicht, meer dan 4 weken thuiszitten."',
    },
    streefMaanden: {
      waarde: 3,
      // seed 001 L1666–1667
      regel: `${plan}, §4.5 Thuiszitters (Rotterdamse aanpak voor Hoek van Holland); standaardinstelling van dit systeem`,
      toelichting:
        'Het plan neemt voor Hoek van Holland de Rotterdamse norm over: "geen enkel kind langer dan drie maanden thuis". Voor de andere gemeenten noemt het geen termijn; het product past dezelfde drie maanden toe.',
    },
  },
};

/**
 * The plan as adopted on 31 March 2020 (seed 001 L38–39), before its addendum: an SO TLV for at least
 * one full school year; for the SBO fixed moments at the end of groep 2, 5 and 8 (§1.7.4, L1137–1139).
 */
export const spow2020PolicyInput: PolicyInput = {
  ...spowPolicyInput,
  versie: '2020-2024',
  geldigVanaf: '2020-08-01',
  bron: plan,
  tlv: {
    ...spowPolicyInput.tlv,
    duur: {
      soort: 'groepsmomenten',
      sboEindeGroepen: {
        waarde: [2, 5, 8],
        // seed 001 L1137–1138
        regel: `${plan}, §1.7.4: voor het SBO hanteert het SPOW vaste momenten aan het eind van de groepen 2, 5 en 8`,
      },
      soMinimaalSchooljaren: {
        waarde: 1,
        // seed 001 L1137
        regel: `${plan}, §1.7.4: een TLV SO wordt toegekend voor de duur van tenminste één volledig schooljaar`,
      },
      // seed 001 L1166–1171 (§1.7.5, unchanged by the addendum)
      emb: `${plan}, §1.7.5: een TLV voor een leerling met EMB geldt het hele verblijf op het SO, tot het einde van het schooljaar waarin de leerling 14 wordt`,
    },
  },
};
