/** P1: the legal outcomes of a zorgplicht case (domain README P1). zod-free: the workflow checks them. */
export const uitkomsten = [
  'toegelaten',
  'elders-toegelaten',
  'tlv-aangevraagd',
  'geen-zorgplicht',
  'ingetrokken',
] as const;
export type Uitkomst = (typeof uitkomsten)[number];

/** Why there is no zorgplicht: school full, grondslag not respected, cluster 1/2 school (seed 000 L292). */
export const gronden = ['vol', 'grondslag', 'cluster-1-2'] as const;

/** The kinds of TLV a school may ask for with `tlv-aangevraagd`. */
export const tlvSoorten = ['sbo', 'so'] as const;
