/**
 * Groep arithmetic for primary education (groep 1..8, one groep per school year).
 * Used for TLV durations in the SPOW addendum ("tot einde groep 8", "tot maximaal einde schooljaar
 * groep 3", seed 001 L1996–2002). "Einde groep N" = 31 July closing the school year in which the pupil
 * is in groep N (the formal end of the school year, not the last lesson day before the zomervakantie).
 */
import type { IsoDate } from './dates';
import { addSchoolYears, schoolYearOf } from './schoolYear';

export type Groep = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

export function assertGroep(g: number, wat = 'groep'): asserts g is Groep {
  if (!Number.isInteger(g) || g < 1 || g > 8) {
    throw new RangeError(`Ongeldige ${wat} ${g}: een groep in het primair onderwijs is 1 t/m 8`);
  }
}

/**
 * 31 July at the end of the school year in which a pupil who is in `currentGroep` on `onDate`
 * finishes `targetGroep`, assuming one groep per year (no doubling or skipping).
 * Example: groep 4 on 2026-09-01 (school year 2026-2027) → end of groep 8 = 2031-07-31.
 */
export function endOfGroep(currentGroep: number, onDate: IsoDate, targetGroep: number): IsoDate {
  assertGroep(currentGroep, 'huidige groep');
  assertGroep(targetGroep, 'doelgroep');
  if (targetGroep < currentGroep) {
    throw new RangeError(
      `Doelgroep ${targetGroep} ligt vóór de huidige groep ${currentGroep}: het einde van groep ${targetGroep} is al voorbij`,
    );
  }
  return addSchoolYears(schoolYearOf(onDate), targetGroep - currentGroep).end;
}

export function endOfGroep8(currentGroep: number, onDate: IsoDate): IsoDate {
  return endOfGroep(currentGroep, onDate, 8);
}

/** Only defined for pupils in groep 1–3 (RangeError otherwise). */
export function endOfGroep3(currentGroep: number, onDate: IsoDate): IsoDate {
  return endOfGroep(currentGroep, onDate, 3);
}
