/**
 * The three school-holiday regions (vakantieregio's) of the Netherlands.
 * Which region a municipality belongs to: rijksoverheid.nl, "Regio-indeling schoolvakanties"
 * (all of Zuid-Holland, including Westland, is regio midden).
 */
export const REGIOS = ['noord', 'midden', 'zuid'] as const;
export type Regio = (typeof REGIOS)[number];
