/**
 * 'vo-groningen-stad': Samenwerkingsverband VO Groningen Stad (VO 20.01) (seed 004: Ondersteuningsplan
 * 2023-2027, L9–L15, adopted April 2023, L73). Groningen and Tynaarlo (L111; Groningen and Drenthe)
 * lie in vakantieregio noord. VO: zorgplicht under the WVO ('wet-vo'). Differs where the seed says so
 * (notes seed-004.md; procedures live in bijlagen not in the plan, L95):
 *  - TLV: route 1, consensus of ouders/leerling, ontvangende and verwijzende school: no CvA (L162,
 *    L189); route 2: the Commissie van Advies, mandated by the board (L183), on an open list of grounds
 *    (L192–195), among them a higher funding category and a school outside the SWV;
 *  - duration: the whole school career, no herindicatie (L163, L190); VSO "in principe tot het jaar
 *    waarin de leerling 20 jaar wordt" (L221);
 *  - bezwaar: the CvA mediates, then the LBT, then the court (L197);
 *  - impasse: the Thuiszitterspact 2.0 (L420, L545–549), whose casusoverleg is still to be set up (L562);
 *  - terugplaatsing: VSO → regulier VO in six phases; the VO school decides on its intention (L347–353).
 */
import type { PolicyInput } from '../policy';
import { wetVoPolicyInput } from './wet';

const plan = 'Ondersteuningsplan 2023-2027 Samenwerkingsverband VO Groningen Stad';
const wet = wetVoPolicyInput;

export const voGroningenStadPolicyInput: PolicyInput = {
  ...wet,
  code: 'vo-groningen-stad',
  naam: 'Samenwerkingsverband VO Groningen Stad (VO 20.01)',
  versie: '2023-2027',
  // seed 004 L9, L73: the plan for 2023-2027, adopted in April 2023; its first school year is 2023-2024.
  geldigVanaf: '2023-08-01',
  bron: plan,
  sector: 'vo',
  regio: 'noord',
  regioRegel:
    'rijksoverheid.nl regio-indeling schoolvakanties: Groningen (provincie Groningen) en Tynaarlo (Drenthe) vallen in regio noord; het ondersteuningsplan noemt geen regio',
  zorgplicht: {
    ...wet.zorgplicht,
    beslistermijnWeken: {
      ...wet.zorgplicht.beslistermijnWeken,
      // seed 004 L630, L637, L761
      toelichting: `Het ondersteuningsplan noemt de "(wettelijke) zorgplicht" zonder eigen termijnen (${plan}, §7.2; het toelatingsbeleid staat op de website): de termijnen van de Wet op het voortgezet onderwijs gelden.`,
    },
  },
  impasse: {
    ...wet.impasse,
    route: {
      soort: 'thuiszitterspact',
      // seed 004 L420, L545–549, L562, L749
      regel: `${plan}, §4.1 Veiligheid en §5.2 Het Thuiszitterspact 2.0`,
      toelichting:
        'Het plan kent geen plaatsingstafel of doorzettingsmacht. Het samenwerkingsverband "vertegenwoordigt de scholen aan de tafel van het Thuiszitterspact" (§4.1); het pact en zijn casusoverleg staan in bijlagen die niet in het plan zijn opgenomen, en de inrichting van het casusoverleg is nog een ambitie (§5.2). Het product volgt de zaak in twee treden met het serviceniveau van dit systeem; streefnorm: geen kind langer dan drie maanden thuis (§2.2).',
      treden: [
        {
          code: 'E1',
          // the SWV's leerling- en oudersteunpunt, engaged by the school or the parent (L749)
          rol: 'coordinator',
          omschrijving:
            'School en ouders zoeken samen een oplossing; op verzoek van de school of de ouder wordt het samenwerkingsverband ingeschakeld',
          eigenaar: 'school met zorgplicht',
          // seed 004 L749, L765
          regel: `${plan}, §8.1 Leerling- en oudersteunpunt`,
        },
        {
          code: 'E2',
          // the SWV represents the schools at the pact's table (L420)
          rol: 'coordinator',
          omschrijving:
            'Het samenwerkingsverband brengt de zaak in het casusoverleg van het Thuiszitterspact (gemeente, leerplicht, Wij Groningen, po, vo en mbo)',
          eigenaar: 'samenwerkingsverband VO Groningen Stad',
          // seed 004 L420, L562
          regel: `${plan}, §4.1 Veiligheid en §5.2 Het Thuiszitterspact 2.0`,
        },
      ],
    },
    // The impasse process climbs route.treden; there is no plaatsingstafel ladder.
    ladder: [],
  },
  tlv: {
    ...wet.tlv,
    route: {
      soort: 'consensus-of-cva',
      consensus: {
        door: 'ouders/leerling, de ontvangende en de verwijzende school',
        // seed 004 L162, L189
        regel: `${plan}, §1.3 Toelaatbaarheid vso en pro: TLV-route 1`,
        toelichting:
          '"Als de ouders/leerling, de ontvangende en de verwijzende school het met elkaar eens zijn, wordt (onder voorwaarden) zonder tussenkomst van de CvA een TLV afgegeven." De voorwaarden staan in bijlage 1.4, niet in het plan.',
      },
      cva: {
        rol: 'deskundige',
        door: 'de Commissie van Advies (CvA) van de samenwerkingsverbanden in de provincie Groningen',
        // seed 004 L179, L183, L192
        regel: `${plan}, §1.3 Toelaatbaarheid vso en pro: TLV-route 2`,
        toelichting:
          'Het bestuur heeft de bevoegdheid tot het bepalen van de toelaatbaarheid tot het vso cluster 3 en 4 gemandateerd aan de CvA; de CvA beoordeelt of voldoende is aangetoond dat regulier onderwijs niet aan de ondersteuningsbehoefte kan voldoen.',
      },
      cvaGronden: {
        // seed 004 L192–195 ("onder meer": an open list)
        waarde: [
          'geen of onvoldoende overeenstemming tussen de partijen',
          'verhoging van de bekostigingscategorie',
          'de leerling wordt verwezen door of naar een school die niet is aangesloten bij het samenwerkingsverband',
          'een andere reden (de lijst in het plan is niet uitputtend)',
        ],
        regel: `${plan}, §1.3: de CvA beoordeelt de TLV onder meer in de volgende situaties`,
      },
      besluit: {
        rol: 'coordinator',
        door: 'het samenwerkingsverband',
        // seed 004 L183, L189
        regel: `${plan}, §1.3 Toelaatbaarheid vso en pro`,
        toelichting:
          'Route 1: wie de TLV afgeeft, staat er niet; het product legt het besluit vast namens het samenwerkingsverband (de coördinator). Route 2: de CvA besluit, gemandateerd door het bestuur (cva).',
      },
    },
    categorieen: {
      // seed 004 L194, L625–626
      waarde: [
        { code: '1', omschrijving: 'bekostigingscategorie 1 (laag)', soorten: ['vso'] },
        { code: '2', omschrijving: 'bekostigingscategorie 2 (midden)', soorten: ['vso'] },
        { code: '3', omschrijving: 'bekostigingscategorie 3 (hoog)', soorten: ['vso'] },
      ],
      regel: `${plan}, §7.2 Beleid bestedingen: een TLV vso voor categorie 2 en 3; §1.3: bij verhoging van de bekostigingscategorie beoordeelt de CvA`,
      toelichting:
        'Het plan noemt categorie 2 en 3; categorie 1 (laag) is de wettelijke standaard voor een TLV vso zonder hogere categorie. Een hogere categorie gaat altijd langs de CvA.',
    },
    beslistermijnWeken: {
      ...wet.tlv.beslistermijnWeken,
      toelichting: `Het ondersteuningsplan noemt geen termijn (${plan}, §1.3; de handreiking TLV is bijlage 1.4); dan geldt een redelijke termijn van uiterlijk acht weken na ontvangst van de aanvraag (Awb 4:13).`,
    },
    duur: {
      soort: 'schoolloopbaan',
      // seed 004 L163, L190
      regel: `${plan}, §1.2 Sturingsprincipes: een TLV-vso geldt voor de duur van de schoolloopbaan; herindicaties zijn niet nodig`,
      vsoTotLeeftijd: {
        waarde: 20,
        // seed 004 L221 (footnote 1)
        regel: `${plan}, §1.3, voetnoot 1: de TLV-vso geldt in principe tot het jaar waarin de leerling 20 jaar wordt`,
        toelichting:
          'Het product leest dit als: tot en met het einde van het schooljaar waarin de leerling 20 wordt (zo verlaat een leerling het vso volgens de wet en de praktijk). De letterlijke lezing "tot het jaar" (het vso eindigt vóór dat schooljaar) zou een leerling een jaar eerder zonder TLV laten; voor verlenging na het twintigste jaar geldt het stroomschema van de inspectie.',
      },
      toelichting:
        'Een leerling die terugkeert naar het regulier vo en later weer naar het vso gaat: of de TLV dan nog geldt, staat niet in het plan; het product houdt de TLV geldig tot haar einddatum.',
    },
    herbeoordeling: {
      ...wet.tlv.herbeoordeling,
      evaluatieWekenVoorAanvraag: {
        ...wet.tlv.herbeoordeling.evaluatieWekenVoorAanvraag,
        // seed 004 L163, L190
        toelichting:
          'Geen herindicatie: de TLV geldt de hele schoolloopbaan. "De vso-school weegt regelmatig af of de leerling kan overstappen naar regulier onderwijs" (§1.3); dat is de terugplaatsingsroute. Het product plant geen herbeoordeling.',
      },
    },
    bezwaar: {
      ...wet.tlv.bezwaar,
      voorafgaand: [
        {
          door: 'de Commissie van Advies (bemiddeling)',
          // seed 004 L197
          regel: `${plan}, §1.3 Toelaatbaarheid vso en pro`,
          toelichting:
            '"Als een ouder of schoolbestuur bezwaar maakt tegen een afgegeven TLV, bemiddelt de CvA om het geschil op te lossen." Het plan noemt geen termijnen. Het product leest het bezwaar als het formele bezwaarschrift: de bezwaartermijn van zes weken (Awb 6:7) loopt tijdens de bemiddeling door, en het product waarschuwt vóór het einde ervan.',
          termijnLooptDoor: true,
        },
      ],
      indieners: {
        waarde: ['ouders', 'schoolbestuur'],
        // seed 004 L197
        regel: `${plan}, §1.3 Toelaatbaarheid vso en pro`,
      },
      advies: {
        door: 'landelijke bezwaaradviescommissie toelaatbaarheidsverklaringen (LBT)',
        // seed 004 L197
        regel: `${plan}, §1.3 Toelaatbaarheid vso en pro; Algemene wet bestuursrecht, artikel 7:13`,
        toelichting:
          '"Leidt dit niet tot resultaat, dan kan de ouder/het schoolbestuur bezwaar indienen bij de landelijke bezwaaradviescommissie toelaatbaarheidsverklaring." De LBT adviseert; het bestuur van het samenwerkingsverband beslist.',
      },
      beroep: {
        ...wet.tlv.bezwaar.beroep,
        // seed 004 L197
        toelichting: '"Tot slot kan de ouder of het bestuur de gang naar de rechter maken."',
      },
    },
  },
  terugplaatsing: {
    ...wet.terugplaatsing,
    variant: {
      soort: 'vso-vo',
      // seed 004 L346–355 (§3.2)
      regel: `${plan}, §3.2 Procedure en beleid m.b.t. het terug- of overplaatsen vanuit het VSO naar het regulier onderwijs`,
      fasen: [
        {
          code: 'F1',
          omschrijving:
            'Evaluatie van het OPP op het vso: kan de uitstroombestemming nog steeds worden bereikt, en is schakeling naar het regulier vo kansrijk?',
          door: 'vso-school',
          regel: `${plan}, §3.2 (L347)`,
        },
        {
          code: 'F2',
          omschrijving:
            'Oriëntatie op een schakeltraject: overleg met ouders (en leerling), samen een school van eerste voorkeur bepalen, vooroverleg van het vso met die school',
          door: 'vso-school',
          regel: `${plan}, §3.2 (L349)`,
        },
        {
          code: 'F3',
          omschrijving:
            'Overleg over de vaardigheden die van de leerling worden verwacht en de zorg en ondersteuning die in het regulier vo nodig zijn',
          door: 'vso-school en vo-school',
          regel: `${plan}, §3.2 (L349)`,
        },
        {
          code: 'F4',
          omschrijving:
            'De vo-school besluit, op basis van dit overleg (eventueel na nader onderzoek), over de intentie om de toeleiding verder vorm te geven',
          door: 'vo-school',
          regel: `${plan}, §3.2 (L351)`,
        },
        {
          code: 'F5',
          omschrijving:
            'Overdracht: afspraken over de startdatum, het ondersteuningsaanbod (OPP) en de nazorg vanuit het vso',
          door: 'vso-school en vo-school',
          regel: `${plan}, §3.2 (L351–353)`,
        },
        {
          code: 'F6',
          omschrijving: 'Uitvoering in het regulier vo, met opnieuw de cyclische evaluatie van het OPP',
          door: 'vo-school',
          regel: `${plan}, §3.2 (L353)`,
        },
      ],
    },
    evaluatieWeken: {
      ...wet.terugplaatsing.evaluatieWeken,
      toelichting: `Het plan noemt voor de fasen geen termijnen (${plan}, §3.2): na de start in het regulier vo evalueert de vo-school binnen zes weken, een standaardinstelling van dit systeem.`,
    },
  },
  thuiszitters: {
    ...wet.thuiszitters!,
    streefMaanden: {
      waarde: 3,
      // seed 004 L282
      regel: `${plan}, §2.2`,
      toelichting:
        '"Streven is dat geen enkel kind langer dan drie maanden thuis zit zonder passend aanbod van onderwijs."',
    },
  },
};
