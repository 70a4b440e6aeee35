/** P1: the legal outcomes of a zorgplicht case (domain README P1). zod-free: the workflow checks them. */
export const uitkomsten = [
  'toegelaten',
  'elders-toegelaten',
  'tlv-aangevraagd',
  'geen-zorgplicht',
  'ingetrokken',
] as const;
export type Uitkomst = (typeof uitkomsten)[number];

/**
 * Why there is no zorgplicht: the school is full or the parents do not accept its grondslag (seed 000
 * L292), or it is a cluster 1/2 school, outside passend onderwijs (seed 000 L349).
 */
export const gronden = ['vol', 'grondslag', 'cluster-1-2'] as const;

/** The kinds of TLV a school may ask for with `tlv-aangevraagd`. */
export const tlvSoorten = ['sbo', 'so'] as const;
