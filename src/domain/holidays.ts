/**
 * Feestdagen and school days.
 *
 * Feestdagen: the "algemeen erkende feestdagen" of the Algemene termijnenwet (art. 3): Nieuwjaarsdag,
 * Eerste/Tweede Paasdag, Koningsdag, Bevrijdingsdag (5 mei), Hemelvaartsdag, Eerste/Tweede Pinksterdag,
 * Eerste/Tweede Kerstdag. Koningsdag is 27 April, or 26 April when the 27th is a Sunday (rule since 2014).
 *
 * Goede Vrijdag: Atw art. 3 lid 2 puts it on a par with these days, so a term does not end on it
 * (termijnenwet.ts). Primary schools are generally closed (e.g. the Westland SPOW school rooster of
 * mariaschool.wsko.nl lists it as a day off), so it is no school day either: reminders never land on
 * it and school-day counts skip it.
 *
 * School days: not a weekend, not a feestdag/Goede Vrijdag, and not in a school holiday of the region
 * (or of the school's own rooster, which replaces the regional list when given). For dates outside the
 * holiday data (see SCHOOLJAREN_MET_VAKANTIEDATA) only weekends and feestdagen are excluded: the
 * answer is then optimistic and `hasSchoolHolidayData` tells callers so.
 */
import { addDays, compareDates, IsoDate, isoDate, isWeekend, parseIsoDate, weekday } from './dates';
import { easterSunday } from './easter';
import { RegionaleVakantie, SCHOOLJAREN_MET_VAKANTIEDATA, SCHOOLVAKANTIES, Vakantie } from './holidayData';
import { Regio } from './regio';
import { schoolYearOf } from './schoolYear';

export interface Feestdag {
  datum: IsoDate;
  naam: string;
  /** Where the Algemene termijnenwet names it: art. 3 lid 1 (the feestdagen) or lid 2 (Goede Vrijdag). */
  atw: 'art. 3 lid 1' | 'art. 3 lid 2';
}

/** A school's own holiday list; when given it replaces the regional default holidays. */
export type SchoolRooster = readonly Vakantie[];

const feestdagCache = new Map<number, readonly Feestdag[]>();

/** Feestdagen of a calendar year, in date order, Goede Vrijdag included. */
export function feestdagenIn(year: number): readonly Feestdag[] {
  const cached = feestdagCache.get(year);
  if (cached) return cached;
  const pasen = easterSunday(year);
  const koningsdag = weekday(isoDate(year, 4, 27)) === 0 ? isoDate(year, 4, 26) : isoDate(year, 4, 27);
  const list: Feestdag[] = [
    { datum: isoDate(year, 1, 1), naam: 'Nieuwjaarsdag', atw: 'art. 3 lid 1' },
    { datum: addDays(pasen, -2), naam: 'Goede Vrijdag', atw: 'art. 3 lid 2' },
    { datum: pasen, naam: 'Eerste Paasdag', atw: 'art. 3 lid 1' },
    { datum: addDays(pasen, 1), naam: 'Tweede Paasdag', atw: 'art. 3 lid 1' },
    { datum: koningsdag, naam: 'Koningsdag', atw: 'art. 3 lid 1' },
    { datum: isoDate(year, 5, 5), naam: 'Bevrijdingsdag', atw: 'art. 3 lid 1' },
    { datum: addDays(pasen, 39), naam: 'Hemelvaartsdag', atw: 'art. 3 lid 1' },
    { datum: addDays(pasen, 49), naam: 'Eerste Pinksterdag', atw: 'art. 3 lid 1' },
    { datum: addDays(pasen, 50), naam: 'Tweede Pinksterdag', atw: 'art. 3 lid 1' },
    { datum: isoDate(year, 12, 25), naam: 'Eerste Kerstdag', atw: 'art. 3 lid 1' },
    { datum: isoDate(year, 12, 26), naam: 'Tweede Kerstdag', atw: 'art. 3 lid 1' },
  ];
  list.sort((a, b) => compareDates(a.datum, b.datum));
  const frozen = Object.freeze(list.map((f) => Object.freeze(f)));
  feestdagCache.set(year, frozen);
  return frozen;
}

/** The feestdag (or Goede Vrijdag) on `d`, if any. */
export function feestdagOn(d: IsoDate): Feestdag | undefined {
  return feestdagenIn(parseIsoDate(d).y).find((f) => f.datum === d);
}

/** True when the regional holiday data covers the school year of `d`. */
export function hasSchoolHolidayData(d: IsoDate): boolean {
  return SCHOOLJAREN_MET_VAKANTIEDATA.includes(schoolYearOf(d).label);
}

function inPeriod(d: IsoDate, v: Vakantie): boolean {
  return compareDates(v.van, d) <= 0 && compareDates(d, v.tot) <= 0;
}

/**
 * The school holiday on `d`: from the school's own `rooster` when given, else the regional default
 * (advisory extra meivakantie weeks excluded, see holidayData.ts).
 */
export function schoolHolidayOn(
  d: IsoDate,
  regio: Regio,
  rooster?: SchoolRooster,
): Vakantie | RegionaleVakantie | undefined {
  parseIsoDate(d);
  if (rooster) return rooster.find((v) => inPeriod(d, v));
  return SCHOOLVAKANTIES[regio].find((v) => v.status !== 'adviesweek' && inPeriod(d, v));
}

/**
 * Why `d` is not a school day ('weekend', 'Tweede Pinksterdag', 'zomervakantie regio zuid',
 * 'kerstvakantie volgens schoolrooster'), or undefined when it is one. Used in rule texts.
 */
export function nonSchoolDayReason(d: IsoDate, regio: Regio, rooster?: SchoolRooster): string | undefined {
  // Most specific reason first: a Saturday in the zomervakantie is reported as zomervakantie.
  const f = feestdagOn(d);
  if (f) return f.naam;
  const v = schoolHolidayOn(d, regio, rooster);
  // A case's copy of the regional calendar (regionaalRooster) already names its region.
  if (v)
    return rooster
      ? v.naam.includes(' regio ')
        ? v.naam
        : `${v.naam} volgens schoolrooster`
      : `${v.naam} regio ${regio}`;
  if (isWeekend(d)) return 'weekend';
  return undefined;
}

export function isSchoolDay(d: IsoDate, regio: Regio, rooster?: SchoolRooster): boolean {
  return nonSchoolDayReason(d, regio, rooster) === undefined;
}

// A zomervakantie plus weekends and a feestdag is < 60 days; 400 guards against bad rooster data.
const MAX_ZOEK_DAGEN = 400;

function stepToSchoolDay(d: IsoDate, step: 1 | -1, regio: Regio, rooster?: SchoolRooster): IsoDate {
  let cur = d;
  for (let i = 0; i < MAX_ZOEK_DAGEN; i++) {
    if (isSchoolDay(cur, regio, rooster)) return cur;
    cur = addDays(cur, step);
  }
  throw new RangeError(
    `Geen schooldag gevonden binnen ${MAX_ZOEK_DAGEN} dagen vanaf ${d}: controleer het schoolrooster`,
  );
}

/** `d` itself when it is a school day, else the nearest earlier school day. */
export function previousSchoolDay(d: IsoDate, regio: Regio, rooster?: SchoolRooster): IsoDate {
  return stepToSchoolDay(d, -1, regio, rooster);
}

/** `d` itself when it is a school day, else the nearest later school day. */
export function nextSchoolDay(d: IsoDate, regio: Regio, rooster?: SchoolRooster): IsoDate {
  return stepToSchoolDay(d, 1, regio, rooster);
}

/** How many school days lie after `van` up to and including `tot` (0 when `tot` is not after `van`). */
export function schooldagenTussen(van: IsoDate, tot: IsoDate, regio: Regio, rooster?: SchoolRooster): number {
  let n = 0;
  for (let d = addDays(van, 1); compareDates(d, tot) <= 0; d = addDays(d, 1)) if (isSchoolDay(d, regio, rooster)) n++;
  return n;
}

/**
 * The n-th school day after `d` (d itself is not counted, whether or not it is a school day);
 * negative n counts back. n = 0 returns `d` unchanged.
 */
export function addSchoolDays(d: IsoDate, n: number, regio: Regio, rooster?: SchoolRooster): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`Aantal schooldagen moet een geheel getal zijn, niet ${n}`);
  const step = n < 0 ? -1 : 1;
  let cur = d;
  for (let left = Math.abs(n); left > 0; left--) {
    cur = stepToSchoolDay(addDays(cur, step), step, regio, rooster);
  }
  return cur;
}

/**
 * The region's school holidays from `vanaf` through `tot`, as a rooster a case carries with it:
 * workflows count school days on every replay, so a running case must not see a later change of
 * the table (a correction, a new school year) as a change of its own past.
 */
export function regionaalRooster(regio: Regio, vanaf: IsoDate, tot: IsoDate): Vakantie[] {
  return SCHOOLVAKANTIES[regio]
    .filter((v) => v.status !== 'adviesweek' && compareDates(v.tot, vanaf) >= 0 && compareDates(v.van, tot) <= 0)
    .map((v) => ({ naam: `${v.naam} regio ${regio}`, van: v.van, tot: v.tot }));
}
