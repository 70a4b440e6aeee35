/**
 * Calendar dates and wall-clock instants.
 *
 * Why a string type: deadlines in this domain are *calendar dates* ("6 weken na aanmelding"), not
 * instants. A 'YYYY-MM-DD' string has no time zone, survives JSON/Temporal payloads unchanged and
 * compares lexicographically. Only when a timer must fire do we turn a date + wall-clock time into an
 * instant (epoch ms) in Europe/Amsterdam, with DST handled by the zone data of `Intl`.
 *
 * Determinism: this module is imported by Temporal workflows. It never reads the clock
 * (no `Date.now()`, no `new Date()` without arguments); all arithmetic is done on UTC day numbers.
 * Footprint: the worker loads it once per thread and shares it (preloaded), and it stays small
 * even so: no zod (schemas are in `schemas.ts`) and no date library: zones and Dutch names come from `Intl`, whose formatters are
 * made once per zone. `Intl`, not a `Date` subclass: Temporal's workflow sandbox replaces the
 * `Date` constructor, and a subclass built from a timestamp there loses its zone.
 */

/** A local calendar date 'YYYY-MM-DD' (no time, no zone). Validate external input with `isoDateSchema`. */
export type IsoDate = string;
/** A wall-clock time 'HH:mm' (24h). */
export type WallTime = string;

export const DEFAULT_TZ = 'Europe/Amsterdam';
const MS_PER_DAY = 86_400_000;
export const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
export const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

interface Parts {
  y: number;
  m: number; // 1..12
  d: number; // 1..31
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * Plain arithmetic, no `Date` objects: workflows call this thousands of times per planning round,
 * and the sandbox's `Date` is slow to construct (the profile of issue 8 showed it).
 */
function partsOf(d: string): Parts | undefined {
  const m = ISO_RE.exec(d);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const day = Number(m[3]);
  // Gregorian years only (Date.UTC would read 0050 as 1950), and no 2026-02-30, 2025-02-29, ...
  if (y < 1583 || mo < 1 || mo > 12 || day < 1 || day > (mo === 2 && isLeapYear(y) ? 29 : DAYS_IN_MONTH[mo - 1]))
    return undefined;
  return { y, m: mo, d: day };
}

/** True when `d` is a real calendar date in 'YYYY-MM-DD' form. */
export function isValidIsoDate(d: unknown): d is IsoDate {
  return typeof d === 'string' && partsOf(d) !== undefined;
}

/** Parses or throws a RangeError with a Dutch message (programming errors must fail loudly). */
export function parseIsoDate(d: string): Parts {
  const p = partsOf(d);
  if (!p) throw new RangeError(`Ongeldige datum '${d}': verwacht een bestaande datum als JJJJ-MM-DD`);
  return p;
}

/**
 * Results remembered per worker thread, shared by every case in it (the module is preloaded once):
 * a case's view re-plans its reminders on every read, over the same few hundred dates. Capped, so a
 * walk over centuries cannot grow it without bound; the results are pure, so forgetting is safe.
 */
function onthouden<K, V>(bereken: (k: K) => V, max = 20_000): (k: K) => V {
  const bekend = new Map<K, V>();
  return (k) => {
    let v = bekend.get(k);
    if (v === undefined) {
      v = bereken(k);
      if (bekend.size >= max) bekend.clear();
      bekend.set(k, v);
    }
    return v;
  };
}

const dayNumber = onthouden((d: IsoDate): number => {
  const p = parseIsoDate(d);
  return Date.UTC(p.y, p.m - 1, p.d) / MS_PER_DAY;
});

/** Days since 1970-01-01 → calendar date (H. Hinnant's civil_from_days; no `Date` object). */
const fromDayNumber = onthouden(civilFromDays);
function civilFromDays(n: number): IsoDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Builds an IsoDate from numbers (month 1..12); throws RangeError for impossible dates. */
export function isoDate(y: number, m: number, d: number): IsoDate {
  const s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  parseIsoDate(s);
  return s;
}

export function addDays(d: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`Aantal dagen moet een geheel getal zijn, niet ${n}`);
  return fromDayNumber(dayNumber(d) + n);
}

export function addWeeks(d: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`Aantal weken moet een geheel getal zijn, niet ${n}`);
  return addDays(d, 7 * n);
}

/**
 * The same day `n` months later, or the month's last day where it has no such day (31 January + 1
 * month = 28 or 29 February), as a term of months is counted (Algemene termijnenwet; Awb).
 */
export function addMonths(d: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`Aantal maanden moet een geheel getal zijn, niet ${n}`);
  const { y, m, d: dag } = parseIsoDate(d);
  const t = y * 12 + (m - 1) + n;
  const jaar = Math.floor(t / 12);
  const maand = (t % 12) + 1;
  const laatste = maand === 2 && isLeapYear(jaar) ? 29 : DAYS_IN_MONTH[maand - 1];
  return isoDate(jaar, maand, Math.min(dag, laatste));
}

/** Calendar days from b to a (a − b): diffDays('2026-07-27', '2026-06-15') === 42. */
export function diffDays(a: IsoDate, b: IsoDate): number {
  return dayNumber(a) - dayNumber(b);
}

/** −1 / 0 / 1; usable as an Array.sort comparator. */
export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  const diff = dayNumber(a) - dayNumber(b);
  return diff < 0 ? -1 : diff > 0 ? 1 : 0;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) <= 0 ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) >= 0 ? a : b;
}

/** 0 = Sunday … 6 = Saturday (same convention as Date#getDay). */
export function weekday(d: IsoDate): number {
  // Day 0 (1970-01-01) was a Thursday (4).
  return (((dayNumber(d) + 4) % 7) + 7) % 7;
}

export function isWeekend(d: IsoDate): boolean {
  const w = weekday(d);
  return w === 0 || w === 6;
}

const dutchDateFormat = new Intl.DateTimeFormat('nl-NL', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "maandag 27 juli 2026": for letters to schools and parents. */
export function formatDutchDate(d: IsoDate): string {
  const p = parseIsoDate(d);
  // Noon UTC formatted in UTC: no zone can shift the calendar day.
  return dutchDateFormat.format(Date.UTC(p.y, p.m - 1, p.d, 12));
}

function parseTime(time: WallTime): { h: number; min: number } {
  const m = TIME_RE.exec(time);
  if (!m) throw new RangeError(`Ongeldige tijd '${time}': verwacht UU:MM (24-uurs)`);
  return { h: Number(m[1]), min: Number(m[2]) };
}

const zoneFormats = new Map<string, Intl.DateTimeFormat>();
function zoneFormat(tz: string): Intl.DateTimeFormat {
  let f = zoneFormats.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    zoneFormats.set(tz, f);
  }
  return f;
}

/** The wall clock in `tz` at an instant, as numbers. */
function wallClock(
  epochMs: number,
  tz: string,
): { y: number; m: number; d: number; h: number; min: number; s: number } {
  const p: Record<string, number> = {};
  for (const part of zoneFormat(tz).formatToParts(epochMs))
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  return { y: p.year, m: p.month, d: p.day, h: p.hour, min: p.minute, s: p.second };
}

/** How far `tz` is ahead of UTC at an instant, in ms. */
function zoneOffset(epochMs: number, tz: string): number {
  const w = wallClock(epochMs, tz);
  return Date.UTC(w.y, w.m - 1, w.d, w.h, w.min, w.s) - Math.floor(epochMs / 1000) * 1000;
}

/**
 * Epoch ms of wall-clock `time` on calendar date `d` in zone `tz` (DST-correct).
 * A time that does not exist (02:30 on the spring-forward Sunday) is shifted forward by the gap
 * (03:30). Timers use 08:00/17:00, which always exist in Europe/Amsterdam.
 */
export function toInstant(d: IsoDate, time: WallTime, tz: string = DEFAULT_TZ): number {
  // Pure, and asked for the same few dates at every planning round: remembered (see onthouden).
  const key = `${d} ${time} ${tz}`;
  let at = instants.get(key);
  if (at === undefined) {
    at = computeInstant(d, time, tz);
    if (instants.size >= 20_000) instants.clear();
    instants.set(key, at);
  }
  return at;
}
const instants = new Map<string, number>();

function computeInstant(d: IsoDate, time: WallTime, tz: string): number {
  const p = parseIsoDate(d);
  const t = parseTime(time);
  const wall = Date.UTC(p.y, p.m - 1, p.d, t.h, t.min);
  // The offset at the wall time read as UTC is right except within hours of a switch; a second
  // look at the first guess settles it.
  const guess = wall - zoneOffset(wall, tz);
  return wall - zoneOffset(guess, tz);
}

/** The calendar date in zone `tz` of an instant. */
export function toIsoDate(epochMs: number, tz: string = DEFAULT_TZ): IsoDate {
  if (!Number.isFinite(epochMs)) throw new RangeError(`Ongeldig tijdstip: ${epochMs}`);
  const w = wallClock(epochMs, tz);
  return `${String(w.y).padStart(4, '0')}-${String(w.m).padStart(2, '0')}-${String(w.d).padStart(2, '0')}`;
}

/**
 * The next instant strictly after `epochMs` that falls on `wd` (0=Sunday..6) at wall-clock `time` in
 * `tz`. Used for the weekly digest (Monday 08:00 Europe/Amsterdam): computed per calendar date, so
 * the UTC hour follows DST (07:00Z in winter, 06:00Z in summer).
 */
export function nextWeekdayAt(epochMs: number, wd: number, time: WallTime, tz: string = DEFAULT_TZ): number {
  if (!Number.isInteger(wd) || wd < 0 || wd > 6)
    throw new RangeError(`Weekdag moet 0 (zondag) t/m 6 (zaterdag) zijn, niet ${wd}`);
  parseTime(time);
  const start = toIsoDate(epochMs, tz);
  for (let i = 0; i <= 8; i++) {
    const candidate = addDays(start, i);
    if (weekday(candidate) !== wd) continue;
    const at = toInstant(candidate, time, tz);
    if (at > epochMs) return at;
  }
  /* istanbul ignore next -- unreachable: within 8 days the weekday recurs after epochMs */
  throw new Error('nextWeekdayAt: geen tijdstip gevonden');
}
