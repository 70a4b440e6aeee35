/** A bericht (an e-mail of a case) the workflow asks an activity to send; the text lives in a template. */
export const sjablonen = [
  'herinnering-school',
  'laatste-dag',
  'termijn-in-vakantie',
  'informatie-herinnering',
  'ouders-werken-niet-mee',
  'verlenging-ouders',
  'besluit-ouders',
  'termijn-overschreden',
  'tijdelijk-geplaatst',
  'geen-tijdelijke-plaatsing',
  'impasse-coordinator',
  'impasse-herinnering',
  'impasse-vastgelopen',
  'impasse-geplaatst',
  'impasse-ouders',
  'overzicht-vastgelopen',
  'tlv-aanvraag',
  'tlv-herinnering',
  'tlv-te-laat',
  'tlv-besluit',
  'tlv-bezwaar-herinnering',
  'tlv-verlopen',
  'tlv-aanvraag-onvolledig',
  'tlv-herbeoordeling',
  'tlv-laatste-schooljaar',
  'tlv-einddatum-gewijzigd',
  'tlv-bezwaar-verdaagd',
  'tlv-bezwaar-beslissing',
  'tlv-ingetrokken',
  'tlv-inventaris-school',
  'tlv-inventaris-coordinator',
  'terugplaatsing-herinnering',
  'terugplaatsing-evaluatie-te-laat',
  'terugplaatsing-vastgelopen',
  'terugplaatsing-negatief',
  'terugplaatsing-afgerond',
  'terugplaatsing-screening',
  'thuiszitter-gemeld',
  'thuiszitter-herinnering',
  'thuiszitter-streefdatum',
  'thuiszitter-afgesloten',
  'thuiszitter-rapportage',
  'thuiszitter-geopend',
  'thuiszitter-geplaatst',
  'thuiszitter-controleren',
  'bericht-niet-bezorgd',
] as const;
export type Sjabloon = (typeof sjablonen)[number];

export interface Ontvanger {
  /** `bestuur`: the SWV's Dagelijks Bestuur; `schoolbestuur`: the school's board; `leerplicht`: the municipality's. */
  rol: 'school' | 'coordinator' | 'ouders' | 'directeur' | 'bestuur' | 'deskundige' | 'schoolbestuur' | 'leerplicht';
  /** Absent for the SWV's own roles: the worker knows their mailboxes (COORDINATOR_EMAIL, …). */
  email?: string;
}

export interface Bericht {
  /** Unique per bericht: `<zaakId>/<step>/<date>`; the outbox sends each key once. */
  sleutel: string;
  sjabloon: Sjabloon;
  aan: Ontvanger[];
  gegevens: Record<string, unknown>;
}
