/**
 * The limits of the inputs every case shares, in one place for both checks: the API's zod schemas
 * and the workflow validators' shape checks (src/workflows/argumenten.ts). zod-free.
 */
export const REDEN = { min: 3, max: 2000 } as const;
export const SCHOOLNAAM = { min: 1, max: 200 } as const;
/** A BRIN code exactly as written: 12AB or 12AB00. */
export const BRIN_CODE = /^[0-9]{2}[A-Z]{2}([0-9]{2})?$/;
/** A reasoned advice (the OA's to the directeur, the onafhankelijke derde's to the DB). */
export const ADVIES = { min: 10, max: 4000 } as const;
/** The name of the onafhankelijke derde. */
export const DERDE = { min: 2, max: 200 } as const;
