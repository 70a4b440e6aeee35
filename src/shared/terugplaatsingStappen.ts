/**
 * P4 Terugplaatsing: the sub-steps of the SPOW Stappenplan Terugplaatsing (seed 001 Bijlage,
 * L2039–2146), as the case's checklist shows them. zod-free: the workflow imports it.
 */

export const stappen = [
  '1.1',
  '1.2',
  '1.3',
  '1.4',
  '1.5',
  '1.6',
  '2.1',
  '2.2',
  '2.3',
  '2.4',
  '2.5',
  '2.6',
  '3.1',
  '3.2',
  '3.3',
  '4.1',
  '4.2',
  '4.3',
] as const;
export type StapCode = (typeof stappen)[number];

/** Who takes a sub-step, as the checklist and the next step name them. */
export type Wie =
  'verwijzende school' | 'ontvangende school' | 'ondersteuningsadviseur' | 'ouders en scholen' | 'beide scholen';

/**
 * VO Groningen Stad's phases from VSO to regular VO (seed 004 §3.2, L347–355): the policy's
 * `terugplaatsing.variant` ('vso-vo') describes and cites them; which fields each records is the
 * process's (src/shared/terugplaatsing.ts, faseSchema).
 */
export const fasen = ['F1', 'F2', 'F3', 'F4', 'F5', 'F6'] as const;
export type FaseCode = (typeof fasen)[number];
/** A line of the checklist: a sub-step of the stappenplan or a phase VSO → VO. */
export type Stapnummer = StapCode | FaseCode;

/** Who records each phase besides the coordinator: the VSO school refers, the VO school receives and decides. */
export const faseWie: Record<FaseCode, Wie> = {
  F1: 'verwijzende school', // L347: the VSO evaluates the OPP
  F2: 'verwijzende school', // L349: the VSO's vooroverleg with the school of first preference
  F3: 'beide scholen', // L349: skills and support, VSO and VO together
  F4: 'ontvangende school', // L351: the VO school decides on its intention
  F5: 'beide scholen', // L351–353: the hand-over
  F6: 'ontvangende school', // L353: the cyclic OPP evaluation in regular VO
};

export interface StapBeschrijving {
  omschrijving: string;
  wie: Wie;
  /** The seed line behind it. */
  regel: string;
  /** The seed says "desgewenst", "mogelijke vervolgstap", "waar mogelijk", "sterk aangeraden": it may be skipped with a reason. */
  optioneel?: boolean;
  /** Recorded once per possible receiving school (contact, sharing the GD/OPP). */
  perSchool?: boolean;
}

const plan = 'Stappenplan Terugplaatsing SPOW';

export const stapBeschrijving: Record<StapCode, StapBeschrijving> = {
  '1.1': {
    omschrijving: 'De S(B)O-school signaleert (bijv. na een OPP-bespreking) dat doelen behaald zijn',
    wie: 'verwijzende school',
    // seed 001 L2057–2058
    regel: `${plan}, stap 1.1`,
  },
  '1.2': {
    omschrijving: 'De S(B)O-school onderzoekt intern of een terugplaatsingstraject wenselijk is',
    wie: 'verwijzende school',
    // seed 001 L2060–2061
    regel: `${plan}, stap 1.2`,
  },
  '1.3': {
    omschrijving: 'Eerste gesprek met de ouders: stemmen zij in met het zoeken naar een school?',
    wie: 'verwijzende school',
    // seed 001 L2063–2064; agreement of school and parents before a school is sought, L2018–2019
    regel: `${plan}, stap 1.3`,
  },
  '1.4': {
    omschrijving: 'De S(B)O-school informeert desgewenst de ondersteuningsadviseur',
    wie: 'verwijzende school',
    // seed 001 L2066–2067
    regel: `${plan}, stap 1.4`,
    optioneel: true,
  },
  '1.5': {
    omschrijving: 'Eventueel een HIA met de ondersteuningsadviseur: is terugplaatsing wenselijk?',
    wie: 'ondersteuningsadviseur',
    // seed 001 L2069–2071
    regel: `${plan}, stap 1.5`,
    optioneel: true,
  },
  '1.6': {
    omschrijving: 'Leerkracht en ouders verkennen de terugplaatsing met de leerling (wensen van de leerling)',
    wie: 'verwijzende school',
    // seed 001 L2073–2074 ("waar mogelijk")
    regel: `${plan}, stap 1.6`,
    optioneel: true,
  },
  '2.1': {
    omschrijving: 'Na overleg met de ouders contact met mogelijk geschikte scholen',
    wie: 'verwijzende school',
    // seed 001 L2078–2080
    regel: `${plan}, stap 2.1`,
    perSchool: true,
  },
  '2.2': {
    omschrijving: 'Met toestemming van de ouders het groeidocument/OPP delen met een mogelijk ontvangende school',
    wie: 'verwijzende school',
    // seed 001 L2082–2083
    regel: `${plan}, stap 2.2`,
    perSchool: true,
  },
  '2.3': {
    omschrijving: 'Een passende school gevonden: verder met 2.5',
    wie: 'verwijzende school',
    // seed 001 L2085
    regel: `${plan}, stap 2.3`,
  },
  '2.4': {
    omschrijving: 'Ook met hulp van de ondersteuningsadviseur geen school: het SWV organiseert een plaatsingstafel',
    wie: 'ondersteuningsadviseur',
    // seed 001 L2086–2089
    regel: `${plan}, stap 2.4`,
  },
  '2.5': {
    omschrijving: 'De ontvangende en de verwijzende school observeren bij elkaar (sterk aangeraden)',
    wie: 'ouders en scholen',
    // seed 001 L2091–2093
    regel: `${plan}, stap 2.5`,
    optioneel: true,
  },
  '2.6': {
    omschrijving: 'De ouders bezoeken de school voor een oriënterende kennismaking',
    wie: 'ouders en scholen',
    // seed 001 L2095
    regel: `${plan}, stap 2.6`,
  },
  '3.1': {
    omschrijving:
      'Gesprek over de verwachtingen: wanneer succesvol, extra ondersteuning, symbiose, voorbereiding van leerling en klas',
    wie: 'ouders en scholen',
    // seed 001 L2098–2116
    regel: `${plan}, stap 3.1`,
  },
  '3.2': {
    omschrijving: 'De ontvangende school legt het terugplaatsingsplan vast',
    wie: 'ontvangende school',
    // seed 001 L2117–2121
    regel: `${plan}, stap 3.2`,
  },
  '3.3': {
    omschrijving: 'Besluit over de terugplaatsing (negatief: terug naar stap 2)',
    wie: 'ontvangende school',
    // seed 001 L2096 (title), L2123–2125
    regel: `${plan}, stap 3`,
  },
  '4.1': {
    omschrijving: 'De leerling start op de ontvangende school',
    wie: 'ontvangende school',
    // seed 001 L2129
    regel: `${plan}, stap 4.1`,
  },
  '4.2': {
    omschrijving:
      'Evaluatie binnen zes weken met ouders, ontvangende school, ondersteuningsadviseur en verwijzende school',
    wie: 'ontvangende school',
    // seed 001 L2130–2133
    regel: `${plan}, stap 4.2`,
  },
  '4.3': {
    omschrijving:
      'Besluit over de doorgang: bij verschil van inzicht is het standpunt van de ontvangende school leidend',
    wie: 'ontvangende school',
    // seed 001 L2135–2137
    regel: `${plan}, stap 4.3`,
  },
};

/** The parties at the evaluation (seed 001 L2130–2133). */
export const evaluatiePartijen = [
  'ouders',
  'ontvangende-school',
  'ondersteuningsadviseur',
  'verwijzende-school',
] as const;
export type EvaluatiePartij = (typeof evaluatiePartijen)[number];
