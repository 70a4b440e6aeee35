/**
 * 'almere': Samenwerkingsverband Passend Onderwijs Almere, PO (seed 002: Ondersteuningsplan Primair
 * Onderwijs 2018-2022, L5–L7, adopted 4 and 23 April 2018, L13–14). The SWV is the city of Almere
 * (L169), in Flevoland: vakantieregio noord. Differs from 'wet' where the seed says so (notes
 * seed-002.md; the plan leaves most terms to website documents that are not in it, L635, L660, L665):
 *  - TLV: the current school's board applies (L629); the SWV's orthopedagoog is the 1st deskundige
 *    (L616); parents, current school and S(B)O school reach a joint advice in the toelaatbaarheids-
 *    overleg (TLO) with the 2nd deskundige of Toeleiding (L627); the SWV decides on the dossier (L612);
 *  - duration: at least one full school year, reasoned from the goals, a planned return moment at the
 *    start (L612, L629, L658); SO cat. III, MG and EMB exempt (footnote 24, L637); four kinds (L620–625);
 *  - bezwaar: ouders and the school board, within six weeks (L641);
 *  - impasse: doorzettingskracht, then the teamleider Toeleiding names the school (L593);
 *  - terugplaatsing: a talk every school year (L645); in the TLV's last school year the S(B)O board
 *    arranges the return or a new TLV (L649);
 *  - thuiszitters: a (threatening) thuiszitter reported at once to the board, the SWV and leerplicht (L589).
 */
import type { PolicyInput } from '../policy';
import { wetPolicyInput } from './wet';

const plan = 'Ondersteuningsplan Primair Onderwijs 2018-2022 Samenwerkingsverband Passend Onderwijs Almere';
const wet = wetPolicyInput;

export const almerePolicyInput: PolicyInput = {
  ...wet,
  code: 'almere',
  naam: 'Samenwerkingsverband Passend Onderwijs Almere (PO)',
  versie: '2018-2022',
  // seed 002 L7, L13–14: the plan for 2018-2022, adopted in April 2018; the school year 2018-2019 is its first.
  geldigVanaf: '2018-08-01',
  bron: plan,
  sector: 'po',
  regio: 'noord',
  regioRegel:
    'rijksoverheid.nl regio-indeling schoolvakanties: Almere (Flevoland, behalve Zeewolde) valt in regio noord; het ondersteuningsplan noemt geen regio',
  zorgplicht: {
    ...wet.zorgplicht,
    beslistermijnWeken: {
      ...wet.zorgplicht.beslistermijnWeken,
      // seed 002 L226, L230: zorgplicht as a principle only
      toelichting: `Het ondersteuningsplan noemt de zorgplicht als beginsel ("De schoolbesturen hebben zorgplicht", ${plan}, hoofdstuk 2) maar geen aanmeldprocedure of termijnen: de wettelijke termijn van zes weken geldt.`,
    },
  },
  impasse: {
    ...wet.impasse,
    route: {
      soort: 'doorzettingsmacht',
      // seed 002 L593 (§5.4, Leerlingen die thuiszitten of dreigen thuis te zitten)
      regel: `${plan}, §5.4 In geval van nood`,
      toelichting:
        '"Alleen als de doorzettingskracht faalt, is doorzettingsmacht aan de orde." Eerst zoeken de partijen met de ouders in overleg een oplossing; bij stagnerende besluitvorming bepaalt de teamleider Toeleiding welke school de leerling een passende plek moet bieden. Het plan noemt geen termijnen: het serviceniveau per trede is een standaardinstelling van dit systeem.',
      treden: [
        {
          code: 'E1',
          // the SWV's Steunpunt Toeleiding follows the overleg with the parents (product reading)
          rol: 'coordinator',
          omschrijving:
            'Doorzettingskracht: de partijen spreken elkaar aan op de afspraken en zoeken met de ouders in overleg een plek waar iedereen zich aan houdt',
          eigenaar: 'school met zorgplicht',
          // seed 002 L593
          regel: `${plan}, §5.4 In geval van nood`,
        },
        {
          code: 'E2',
          // the teamleider Toeleiding is the SWV's: the coordinator role (product reading)
          rol: 'coordinator',
          omschrijving:
            'Doorzettingsmacht: bij stagnerende besluitvorming bepaalt de teamleider Toeleiding, binnen de gestelde kaders, welke school verplicht is de leerling een passende plek te bieden',
          eigenaar: 'teamleider Toeleiding',
          // seed 002 L593
          regel: `${plan}, §5.4 In geval van nood`,
        },
      ],
    },
    // The impasse process climbs route.treden; there is no plaatsingstafel ladder.
    ladder: [],
  },
  tlv: {
    ...wet.tlv,
    route: {
      soort: 'toelaatbaarheidsoverleg',
      aanvrager: {
        door: 'het bevoegd gezag van de huidige school',
        // seed 002 L629
        regel: `${plan}, §5.5 Toeleiding: aanvraag van een toelaatbaarheidsverklaring`,
        toelichting: '"Een TLV wordt altijd aangevraagd door het bevoegd gezag van de huidige school."',
      },
      overleg: {
        door: 'het toelaatbaarheidsoverleg (TLO)',
        // seed 002 L616, L627
        regel: `${plan}, §5.5 Toeleiding: deskundigenadvies en aanvraag`,
        toelichting:
          'Ouders, de huidige school en de S(B)O-school komen in het TLO tot een gezamenlijk advies, "waarbij de tweede deskundige Toeleiding altijd aanwezig is"; de orthopedagoog/psycholoog van het samenwerkingsverband is de eerste deskundige. Beiden leggen het deskundigenadvies vast in het aanvraagformulier met het verslag van het TLO.',
        deelnemers: {
          waarde: [
            'ouders',
            'huidige school',
            'S(B)O-school',
            'orthopedagoog/psycholoog van het samenwerkingsverband (eerste deskundige)',
            'tweede deskundige Toeleiding',
          ],
          // seed 002 L616, L627
          regel: `${plan}, §5.5 Toeleiding: deskundigenadvies en aanvraag`,
        },
      },
      besluit: {
        rol: 'coordinator',
        door: 'het samenwerkingsverband (verwerkt door het steunpunt Toeleiding)',
        // seed 002 L612, L604
        regel: `${plan}, §5.5 Toeleiding`,
        toelichting:
          '"Het Samenwerkingsverband besluit op basis van de aanvraag met het dossier of een leerling in aanmerking komt voor extra ondersteuning en geeft daarvoor een TLV af."',
      },
    },
    categorieen: {
      // seed 002 L620–625
      waarde: [
        { code: 'sbo', omschrijving: 'SBO', soorten: ['sbo'] },
        {
          code: 'so-i',
          omschrijving:
            'SO categorie I / laag: zeer moeilijk lerend, psychiatrie, gedragsproblematiek, verstandelijke beperking',
          soorten: ['so'],
        },
        { code: 'so-ii', omschrijving: 'SO categorie II / midden: lichamelijke beperking', soorten: ['so'] },
        { code: 'so-iii', omschrijving: 'SO categorie III / hoog: ernstig meervoudige beperking', soorten: ['so'] },
      ],
      regel: `${plan}, §5.5 Toeleiding: "Er kunnen vier soorten TLV's worden aangevraagd"`,
    },
    beslistermijnWeken: {
      ...wet.tlv.beslistermijnWeken,
      // seed 002 L601: "termijnen worden bewaakt" (the terms themselves are not in the plan)
      toelichting: `Het ondersteuningsplan noemt geen beslistermijn ("termijnen worden bewaakt", ${plan}, §5.5; de richtlijnen Toeleiding staan niet in het plan); dan geldt een redelijke termijn van uiterlijk acht weken na ontvangst van de aanvraag (Awb 4:13).`,
    },
    duur: {
      soort: 'doelgericht',
      minimaalSchooljaren: {
        waarde: 1,
        // seed 002 L629
        regel: `${plan}, §5.5 Toeleiding: een TLV voor het SBO en SO wordt toegekend voor de duur van tenminste één volledig schooljaar`,
        toelichting:
          'Het product leest "volledig schooljaar" letterlijk: de TLV loopt ten minste tot het einde van het eerste schooljaar dat de leerling vanaf de eerste dag op de S(B)O-school is (bij een start in februari dus tot het einde van het volgende schooljaar). De andere lezing, twaalf maanden vanaf de start, geeft een eerdere einddatum; het product kiest de lezing die de leerling niet te vroeg zonder TLV laat.',
      },
      terugkeerdatum: {
        // seed 002 L612, L629, L658
        regel: `${plan}, §5.5 Toeleiding: bij de aanvraag wordt een beredeneerde onderbouwing van de gewenste duur vermeld; bij de start wordt ook het moment van terugplaatsing vastgelegd`,
        toelichting:
          'Bij de aanvraag staat een beredeneerde onderbouwing van de gewenste duur (§5.5); het plan streeft ook naar een duur "aan de hand van de te behalen doelen" (§5.6, ambities, over de stedelijke voorziening). De einddatum is dus altijd een gekozen datum, met reden.',
      },
      zonderMinimum: {
        waarde: ['so-iii'],
        // seed 002 L637 (footnote 24)
        regel: `${plan}, §5.5 Toeleiding, voetnoot 24: met uitzondering van SO categorie III, MG en EMB`,
        toelichting:
          "Een TLV in categorie SO III of voor een leerling met EMB kent geen minimale duur. MG (meervoudig gehandicapt) is geen eigen categorie in het plan: zo'n TLV wordt vastgelegd als categorie SO III of met EMB.",
      },
    },
    bezwaar: {
      ...wet.tlv.bezwaar,
      termijnWeken: {
        ...wet.tlv.bezwaar.termijnWeken,
        // seed 002 L641
        toelichting: `"Tegen een besluit van het afgeven van een toelaatbaarheidsverklaring door het Samenwerkingsverband PO kunnen betrokken ouders, maar ook het schoolbestuur, binnen zes weken na afgifte hun bezwaar indienen" (${plan}, §5.5 Bezwaar). Het product rekent de zes weken vanaf de dag na verzending van het besluit (Awb 6:8).`,
      },
      indieners: {
        waarde: ['ouders', 'schoolbestuur'],
        // seed 002 L641
        regel: `${plan}, §5.5 Toeleiding: Bezwaar`,
      },
      advies: {
        ...wet.tlv.bezwaar.advies,
        toelichting:
          'Het plan noemt de LBT niet; de procedure bezwaarschrift staat op de website (niet in het plan). De wet schrijft het advies van de landelijke bezwaaradviescommissie voor.',
      },
    },
  },
  terugplaatsing: {
    ...wet.terugplaatsing,
    screening: {
      waarde: ['10-01'],
      // seed 002 L645: the yearly talk is the plan's; its date is not
      regel: 'standaardinstelling van dit systeem',
      toelichting: `"…dat ieder schooljaar het gesprek gevoerd moet worden over mogelijke terug- of overplaatsing" (${plan}, §5.5 Toeleiding: Afloop). Het plan noemt geen datum: op 1 oktober krijgt de S(B)O-school de lijst van haar leerlingen met een TLV.`,
    },
    laatsteSchooljaar: {
      datum: {
        waarde: '09-01',
        // seed 002 L649: the duty is the plan's; the day of the reminder is not
        regel: 'standaardinstelling van dit systeem',
        toelichting: `"In het laatste schooljaar waarop de TLV betrekking heeft, draagt het bevoegd gezag van de S(B)O-school er zorg voor dat terugplaatsing of overplaatsing van de leerling naar het (speciaal) basisonderwijs plaatsvindt" (${plan}, §5.5 Toeleiding: Afloop). Is voortgezet verblijf nodig, dan vraagt dat bevoegd gezag een nieuwe TLV aan met doelen en duur. Het plan noemt geen datum voor een herinnering: 1 september, op een schooldag.`,
      },
      door: 'het bevoegd gezag van de S(B)O-school',
    },
  },
  thuiszitters: {
    ...wet.thuiszitters!,
    // seed 002 L589: every professional reports at once, a threatening thuiszitter too, to the board,
    // the SWV and leerplicht; L591: the SWV is in direct contact with the leerplichtambtenaar.
    melden: {
      aan: ['schoolbestuur', 'leerplicht'],
      dreigend: true,
      regel: `${plan}, §5.4 In geval van nood: leerlingen die thuiszitten of dreigen thuis te zitten`,
      toelichting:
        '"Het is de taak van alle professionals om thuiszittende leerlingen, of waar thuiszitten dreigt, direct te melden. Een thuiszitter moet bij zowel het bestuur, het Samenwerkingsverband PO als bij de afdeling Leerplicht worden gemeld." Het product meldt het op de dag dat de zaak opent aan het bestuur van de school, de coördinator en leerplicht.',
    },
  },
};
