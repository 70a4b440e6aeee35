/**
 * Dutch school years run 1 August – 31 July (WPO; see domain README "schooljaar").
 * TLV end dates ("einde groep 8") and the yearly TLV inventory (seed 001 L1271) are expressed in
 * school years, so every such date is the 31 July that closes a school year.
 */
import { IsoDate, isoDate, parseIsoDate } from './dates';

export interface SchoolYear {
  /** e.g. '2026-2027' */
  label: string;
  /** 1 August, e.g. '2026-08-01' */
  start: IsoDate;
  /** 31 July, e.g. '2027-07-31' */
  end: IsoDate;
  /** calendar year of `start` */
  startYear: number;
}

/** The school year that starts on 1 August of `startYear`. */
export function schoolYearStartingIn(startYear: number): SchoolYear {
  if (!Number.isInteger(startYear) || startYear < 1900 || startYear > 9998) {
    throw new RangeError(`Ongeldig beginjaar van schooljaar: ${startYear}`);
  }
  return {
    label: `${startYear}-${startYear + 1}`,
    start: isoDate(startYear, 8, 1),
    end: isoDate(startYear + 1, 7, 31),
    startYear,
  };
}

/** The school year containing `d` (31 July belongs to the old year, 1 August to the new one). */
export function schoolYearOf(d: IsoDate): SchoolYear {
  const p = parseIsoDate(d);
  return schoolYearStartingIn(p.m >= 8 ? p.y : p.y - 1);
}

/** '2026-2027' → the school year; RangeError for labels like '2026-2028' or '26-27'. */
export function schoolYearByLabel(label: string): SchoolYear {
  const m = /^(\d{4})-(\d{4})$/.exec(label);
  if (!m || Number(m[2]) !== Number(m[1]) + 1) {
    throw new RangeError(`Ongeldig schooljaar '${label}': verwacht bijvoorbeeld '2026-2027'`);
  }
  return schoolYearStartingIn(Number(m[1]));
}

/** The school year `n` years after `sy` (negative n goes back). */
export function addSchoolYears(sy: SchoolYear, n: number): SchoolYear {
  return schoolYearStartingIn(sy.startYear + n);
}

/**
 * The school year in which a pupil born on `geboortedatum` turns `leeftijd` (e.g. 14: the EMB TLV
 * runs until the end of that school year, seed 001 L1168–1171). Born 29 February: the birthday in a
 * common year is 28 February or 1 March, which lie in the same school year, so it does not matter.
 */
export function schooljaarWaarin(geboortedatum: IsoDate, leeftijd: number): SchoolYear {
  const { y, m } = parseIsoDate(geboortedatum);
  if (!Number.isInteger(leeftijd) || leeftijd < 0 || leeftijd > 30) {
    throw new RangeError(`Ongeldige leeftijd ${leeftijd}: verwacht een geheel aantal jaren van 0 tot en met 30`);
  }
  // The birthday falls in the same month as the birth date (1 March at the latest for 29 February).
  const jaar = y + leeftijd;
  return schoolYearStartingIn(m >= 8 ? jaar : jaar - 1);
}
