/**
 * P5 Thuiszitters: the choices a case records, zod-free so the workflow can check them without
 * loading zod (src/shared/thuiszitter.ts builds the API's schemas from them).
 */

/**
 * Why the child is at home, grouped as the reports count it. Illness does not make a thuiszitter
 * (seed 001 L1777): such a case is recorded, and counts only once the reason changes.
 */
export const redenGroepen = [
  'geen-passend-aanbod',
  'schorsing-of-verwijdering',
  'gedrag-of-psychisch',
  'gezin-of-thuissituatie',
  'ziekte',
  'overig',
] as const;
export type RedenGroep = (typeof redenGroepen)[number];

/** Who takes part in the plan van aanpak (seed 001 L1793–1795: schools, leerplicht, the social teams; care). */
export const partijen = ['school', 'swv', 'leerplicht', 'sociaal-team', 'zorg', 'ouders'] as const;
export type Partij = (typeof partijen)[number];

/**
 * dreigend: at home, not (yet) a thuiszitter (under the threshold, or ill); thuiszitter; vrijstelling;
 * streefdatum-verstreken: past the target, the directeur sees it; teruggekeerd, aanbod-elders: closed;
 * afgewezen: opened automatically and dismissed by a coordinator.
 */
export const thuiszitterStatussen = [
  'dreigend',
  'thuiszitter',
  'vrijstelling',
  'streefdatum-verstreken',
  'teruggekeerd',
  'aanbod-elders',
  'afgewezen',
] as const;
export type ThuiszitterStatus = (typeof thuiszitterStatussen)[number];
