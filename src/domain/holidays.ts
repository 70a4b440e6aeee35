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
import {
  addDays,
  compareDates,
  formatDutchDate,
  IsoDate,
  isoDate,
  isWeekend,
  maxDate,
  parseIsoDate,
  weekday,
} from './dates';
import { easterSunday } from './easter';
import { RegionaleVakantie, SCHOOLJAREN_MET_VAKANTIEDATA, SCHOOLVAKANTIES, Vakantie } from './holidayData';
import { Regio } from './regio';
import { addSchoolYears, schoolYearByLabel, schoolYearOf } from './schoolYear';

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

/** A case's calendar for a period: the holidays it copies, and where no official holiday data exists. */
export interface Kalender {
  rooster: Vakantie[];
  /** From this day on the region's holidays are not known yet: only weekends and feestdagen count. */
  zonderVakantiegegevensVanaf?: IsoDate;
  /** The same in Dutch, for the case's timeline and the coordinator. */
  melding?: string;
}

/** The first day from `van` through `tot` that no copied holiday data covers, if any. */
function eersteDagZonderVakantiegegevens(regio: Regio, van: IsoDate, tot: IsoDate): IsoDate | undefined {
  for (let sy = schoolYearOf(van); compareDates(sy.start, tot) <= 0; sy = addSchoolYears(sy, 1)) {
    if (SCHOOLJAREN_MET_VAKANTIEDATA.includes(sy.label)) continue;
    let dag = maxDate(van, sy.start);
    // A copied holiday may run into the year without data (the last summer does): it still counts.
    for (let v = schoolHolidayOn(dag, regio); v; v = schoolHolidayOn(dag, regio)) dag = addDays(v.tot, 1);
    return compareDates(dag, tot) <= 0 ? dag : undefined;
  }
  return undefined;
}

/**
 * The region's holidays from `van` through `tot` as a case copies them (`regionaalRooster`), and
 * from which day the product has no official holiday data (only weekends and feestdagen count then),
 * with a notice that says so. A case that runs past its copy asks for this through an activity, so
 * its history records the answer; for a period with data it returns no notice.
 */
export function regionaleKalender(regio: Regio, van: IsoDate, tot: IsoDate): Kalender {
  parseIsoDate(van);
  parseIsoDate(tot);
  if (compareDates(tot, van) < 0) throw new RangeError(`Ongeldige periode: ${tot} ligt vóór ${van}`);
  const rooster = regionaalRooster(regio, van, tot);
  const vanaf = eersteDagZonderVakantiegegevens(regio, van, tot);
  if (!vanaf) return { rooster };
  return {
    rooster,
    zonderVakantiegegevensVanaf: vanaf,
    melding: `Voor regio ${regio} zijn vanaf ${formatDutchDate(vanaf)} nog geen officiële schoolvakanties bekend: tot die er zijn, telt het product alleen weekenden en feestdagen als vrije dagen.`,
  };
}

/** The first school day after a summer holiday, with the rule; `geschat` when no holiday data exists. */
export interface EersteSchooldag {
  datum: IsoDate;
  regel: string;
  geschat?: true;
}

/**
 * The first school day after the summer holiday that opens school year `schooljaar` ('2027-2028')
 * or that falls in calendar year `jaar` (2027): the day the yearly TLV inventory starts (seed 001
 * L1270–1273). From the school's own `rooster` when given (its entry whose name has 'zomer'),
 * else from the region's holidays. Without data for that summer: the first school day from the
 * first Monday of September, marked `geschat`.
 */
export function eersteSchooldagNaZomervakantie(
  schooljaarOfJaar: string | number,
  regio: Regio,
  rooster?: SchoolRooster,
): EersteSchooldag {
  const jaar = typeof schooljaarOfJaar === 'number' ? schooljaarOfJaar : schoolYearByLabel(schooljaarOfJaar).startYear;
  if (!Number.isInteger(jaar)) throw new RangeError(`Ongeldig jaar ${jaar}`);
  const inJaar = (v: Vakantie) => parseIsoDate(v.van).y === jaar && /zomer/i.test(v.naam);
  const zomer = rooster ? rooster.find(inJaar) : SCHOOLVAKANTIES[regio].find(inJaar);
  if (zomer) {
    // A case's copy of the regional calendar (regionaalRooster) already names its region.
    const naam = !rooster
      ? `${zomer.naam} regio ${regio}`
      : / regio /.test(zomer.naam)
        ? zomer.naam
        : `${zomer.naam} volgens schoolrooster`;
    return {
      datum: nextSchoolDay(addDays(zomer.tot, 1), regio, rooster),
      regel: `eerste schooldag na de ${naam} (${formatDutchDate(zomer.van)} tot en met ${formatDutchDate(zomer.tot)})`,
    };
  }
  const bron = rooster ? 'volgens schoolrooster' : `regio ${regio}`;
  const eersteSeptember = isoDate(jaar, 9, 1);
  const maandag = addDays(eersteSeptember, (8 - weekday(eersteSeptember)) % 7);
  return {
    datum: nextSchoolDay(maandag, regio, rooster),
    regel: `geschat: de zomervakantie ${jaar} ${bron} is nog niet bekend; aangenomen is de eerste schooldag vanaf de eerste maandag van september`,
    geschat: true,
  };
}
