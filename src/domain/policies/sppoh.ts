/**
 * 'sppoh': Stichting Passend Primair Onderwijs Haaglanden (seed 000: Hoofdlijnennotitie
 * Ondersteuningsplan 2021–2025, concept v0.56, L5–L13; period August 2021 – July 2025, L23).
 * Den Haag, Leidschendam-Voorburg and Rijswijk (L17) lie in Zuid-Holland: vakantieregio midden.
 * Differs from 'wet' where the seed says so (notes seed-000.md):
 *  - zorgplicht: "binnen 6 (+ 4) weken" (L292) restates the WPO terms;
 *  - TLV: consensus in the school's MDO with an S(B)O school, the parents' consent by default, their
 *    zienswijze, two independent deskundigen advise, the directeur decides (L469–473, L579); the SO
 *    level follows the Lecso doelgroepenmodel (L353); no duration rule (the TLV states its end date);
 *  - bezwaar: LBT advice → the directeur decides → rechtbank Den Haag (L298);
 *  - impasse: not described (product default); terugplaatsing: only a target (L478).
 * The seed gives no terms of its own beyond these: every other value is the law's or the product's.
 */
import type { PolicyInput } from '../policy';
import { wetPolicyInput } from './wet';

const plan = 'Ondersteuningsplan SPPOH 2021–2025 (hoofdlijnennotitie)';
const wet = wetPolicyInput.tlv.bezwaar;

export const sppohTlvBezwaar: PolicyInput['tlv']['bezwaar'] = {
  ...wet,
  indieners: {
    ...wet.indieners,
    // seed 000 L298: "Besluiten van het samenwerkingsverband staan voor belanghebbenden open voor bezwaar en beroep"
    toelichting: `Belanghebbenden: de ouders en het schoolbestuur (${plan}, §2.6.2; Awb 1:2).`,
  },
  advies: {
    // seed 000 L298
    door: 'landelijke adviescommissie bezwaar TLV (LBT)',
    regel: `${plan}, §2.6.2 Bezwaar en beroep; Algemene wet bestuursrecht, artikel 7:13`,
  },
  beslissing: {
    // seed 000 L298 (the directeur also decides the TLV itself, L469)
    door: 'de directeur van het samenwerkingsverband, namens het bestuur',
    regel: `${plan}, §2.6.2 Bezwaar en beroep`,
    toelichting: 'De directeur beslist namens het bestuur op het bezwaar, met inachtneming van het advies van de LBT.',
  },
  beroep: {
    ...wet.beroep,
    // seed 000 L298
    door: 'de rechtbank Den Haag',
    regel: `${plan}, §2.6.2 Bezwaar en beroep; Algemene wet bestuursrecht, artikel 8:1`,
  },
};

export const sppohPolicyInput: PolicyInput = {
  ...wetPolicyInput,
  code: 'sppoh',
  naam: 'SPPOH – Stichting Passend Primair Onderwijs Haaglanden',
  versie: '2021-2025',
  // seed 000 L23: "Het geldt voor de periode augustus 2021 t/m juli 2025."
  geldigVanaf: '2021-08-01',
  bron: `${plan}, concept versie 0.56 (14 september 2020)`,
  sector: 'po',
  regio: 'midden',
  regioRegel:
    'rijksoverheid.nl regio-indeling schoolvakanties: Den Haag, Leidschendam-Voorburg en Rijswijk (Zuid-Holland) vallen in regio midden; het ondersteuningsplan noemt geen regio',
  zorgplicht: {
    ...wetPolicyInput.zorgplicht,
    beslistermijnWeken: {
      ...wetPolicyInput.zorgplicht.beslistermijnWeken,
      // seed 000 L292
      toelichting: `"Scholen hebben de verplichting om na aanmelding van een leerling binnen 6 (+ 4) weken te onderzoeken of zij leerlingen met extra ondersteuning een passende plek kunnen bieden" (${plan}, §2.6.1 Zorgplicht). Het product leest dit als de wettelijke beslistermijn.`,
    },
  },
  impasse: {
    ...wetPolicyInput.impasse,
    route: {
      soort: 'productstandaard',
      regel: 'standaardinstelling van dit systeem',
      // seed 000 L292, L417, L498–500
      toelichting: `Het ondersteuningsplan beschrijft geen route voor een leerling voor wie geen school wordt gevonden: de school zoekt "samen met ouders een passende plek op een andere school" (${plan}, §2.6.1), de adviseur koppelt ondersteuningsvragen (§3.4.2), en het routeboek verzuim en thuiszitten (bijlage, niet in het plan) kent opschalingsmogelijkheden. Het product volgt de zaak per trede met zijn eigen serviceniveau.`,
    },
  },
  tlv: {
    ...wetPolicyInput.tlv,
    route: {
      soort: 'mdo-directeur',
      mdo: {
        door: 'het MDO op de school (ouders, school, de ontvangende S(B)O-school, zo nodig ketenpartners)',
        // seed 000 L471, L230
        regel: `${plan}, §3.3.2 Afgifte van een TLV`,
        toelichting:
          '"Consensus over een voorstel aanvraag TLV vindt plaats in het MDO op de school." De aanvraag wordt uitgewerkt "in samenspraak met ouders, de ontvangende S(B)O school en eventueel andere ketenpartners in het MDO" (§2.4.2).',
      },
      sboBetrokken: {
        // seed 000 L471–473
        regel: `${plan}, §3.3.2 Afgifte van een TLV`,
        toelichting:
          '"Betrokkenheid van SO of SBO is hierbij verplicht. Bij voorkeur gaat het hier om de doelschool die aangeeft de leerling een passend plek te kunnen bieden."',
      },
      instemmingOuders: {
        // seed 000 L473
        regel: `${plan}, §3.3.2 Afgifte van een TLV`,
        toelichting:
          '"Bij een aanvraag TLV door de school gaan we uit van instemming door ouders, in uitzonderlijke gevallen kan hiervan worden afgeweken." Het product vraagt bij een afwijking een reden.',
      },
      zienswijze: {
        // seed 000 L579
        regel: `${plan}, §3.5.6 Betrokkenheid ouders`,
        toelichting:
          'Ouders en leerlingen "kunnen indien van toepassing hun zienswijze geven bij de aanvraag van een TLV"; het product legt die vast bij de aanvraag.',
      },
      advies: {
        door: 'twee onafhankelijke deskundigen',
        // seed 000 L469
        regel: `${plan}, §3.3.2 Afgifte van een TLV; Wet op het primair onderwijs, artikel 18a lid 6`,
        toelichting: 'De directeur "laat zich hierbij adviseren door twee onafhankelijke deskundigen".',
      },
      besluit: {
        rol: 'directeur',
        door: 'de directeur van het samenwerkingsverband, namens het bestuur',
        // seed 000 L469
        regel: `${plan}, §3.3.2 Afgifte van een TLV`,
        toelichting: '"De directeur van het samenwerkingsverband neemt namens het bestuur een besluit op de aanvraag."',
      },
    },
    categorieen: {
      // seed 000 L351–353
      waarde: [
        { code: 'laag', omschrijving: 'SO bekostigingscategorie laag (categorie 1)', soorten: ['so'] },
        { code: 'midden', omschrijving: 'SO bekostigingscategorie midden (categorie 2)', soorten: ['so'] },
        { code: 'hoog', omschrijving: 'SO bekostigingscategorie hoog (categorie 3)', soorten: ['so'] },
      ],
      regel: `${plan}, §3.1.6 Landelijk doelgroepenmodel leidend`,
      toelichting:
        'De ondersteuningsbehoeften van een SO-leerling worden beschreven volgens het landelijk doelgroepenmodel van Lecso; daarmee "wordt mede bepaald welk bekostigingsniveau voor de school noodzakelijk is". Het plan noemt de niveaus niet: het product gebruikt de wettelijke bekostigingscategorieën laag, midden en hoog. SBO kent geen categorie.',
    },
    beslistermijnWeken: {
      ...wetPolicyInput.tlv.beslistermijnWeken,
      toelichting: `Het ondersteuningsplan noemt geen termijn voor het besluit van de directeur (${plan}, §3.3.2); dan geldt een redelijke termijn van uiterlijk acht weken na ontvangst van de aanvraag (Awb 4:13).`,
    },
    duur: {
      soort: 'expliciet',
      regel: `${plan} noemt geen geldigheidsduur; het samenwerkingsverband stelt de einddatum van elke TLV vast (Wet op het primair onderwijs, artikel 18a)`,
    },
    bezwaar: sppohTlvBezwaar,
  },
  terugplaatsing: {
    ...wetPolicyInput.terugplaatsing,
    evaluatieWeken: {
      ...wetPolicyInput.terugplaatsing.evaluatieWeken,
      // seed 000 L478
      toelichting: `Het plan noemt alleen het doel "SBO en SO scholen hanteren een actief terugplaatsingsbeleid" (${plan}, §3.3.3 Perspectief 2025), zonder stappen of termijnen: het product volgt het stappenplan met zijn standaardinstellingen.`,
    },
  },
  thuiszitters: {
    ...wetPolicyInput.thuiszitters!,
    streefMaanden: {
      waarde: 3,
      // seed 000 L450
      regel: `${plan}, §3.2.7 Perspectief 2025`,
      toelichting:
        '"Leerlingen hebben binnen drie maanden een passend aanbod van onderwijs en/of zorg." Het routeboek verzuim en thuiszitters zelf staat niet in het plan.',
    },
  },
};
