/**
 * Terugplaatsing: the return of a pupil from the S(B)O to a regular school, or from the SO to the SBO
 * (seed 001 addendum Terugplaatsingsbeleid L2016–2036, Stappenplan Terugplaatsing L2039–2146).
 *
 * Pure date functions, no clock. Unlike a statutory term (deadlines.ts, `wekenNa`), the evaluation is
 * a meeting the schools hold "binnen zes weken" (stap 4, L2130): when the last day of the term is
 * not a school day, it moves back to the previous school day, so the meeting is still within the term.
 * Screening moments (Algemeen, L2047–2052) move on to the next school day instead: a date agreed
 * for a meeting that falls in a holiday is held when the school is open again.
 */
import { addWeeks, compareDates, formatDutchDate, type IsoDate, isoDate, parseIsoDate } from './dates';
import { herinneringen, type Dated, type Herinnering } from './deadlines';
import {
  addSchoolDays,
  feestdagOn,
  nextSchoolDay,
  nonSchoolDayReason,
  previousSchoolDay,
  type SchoolRooster,
} from './holidays';
import type { Policy } from './policy';
import type { Regio } from './regio';
import { schoolYearOf } from './schoolYear';

const meervoud = (n: number, een: string, meer: string) => `${n} ${Math.abs(n) === 1 ? een : meer}`;

/** Why `d` is no school day, as the end of a sentence starting with the date ('valt in het weekend'). */
function waaromGeenSchooldag(d: IsoDate, reden: string): string {
  if (reden === 'weekend') return 'valt in het weekend';
  if (feestdagOn(d)) return `is ${reden}`;
  return `valt in de ${reden}`;
}

/**
 * The last day of the evaluation after the start at the receiving school: `startdatum` plus
 * `evaluatieWeken` calendar weeks (with a symbioseregeling `symbioseEvaluatieWeken`: the evaluation
 * and the decision on the full transfer). A day that is no school day (weekend, feestdag, school
 * holiday) moves back to the previous school day, as the meeting must be held within the term; the
 * rule text says why. Should no school day lie between the start and that day (a start on the eve
 * of the zomervakantie), the first school day after it is taken.
 */
export function terugplaatsingEvaluatiedatum(
  startdatum: IsoDate,
  policy: Policy,
  regio: Regio,
  rooster?: SchoolRooster,
  symbiose = false,
): Dated {
  parseIsoDate(startdatum);
  const t = symbiose ? policy.terugplaatsing.symbioseEvaluatieWeken : policy.terugplaatsing.evaluatieWeken;
  const ruw = addWeeks(startdatum, t.waarde);
  const termijn = `binnen ${meervoud(t.waarde, 'week', 'weken')} na de start op de ontvangende school (${formatDutchDate(startdatum)})`;
  const basis = symbiose
    ? `${t.regel}: bij een symbioseregeling ${termijn} evalueren en besluiten over de volledige overstap naar de nieuwe school`
    : `${t.regel}: ${termijn}`;
  const reden = nonSchoolDayReason(ruw, regio, rooster);
  if (!reden) return { datum: ruw, regel: basis };
  const vorige = previousSchoolDay(ruw, regio, rooster);
  if (compareDates(vorige, startdatum) > 0) {
    return {
      datum: vorige,
      regel: `${basis}; ${formatDutchDate(ruw)} ${waaromGeenSchooldag(ruw, reden)}: de vorige schooldag`,
    };
  }
  return {
    datum: nextSchoolDay(ruw, regio, rooster),
    regel: `${basis}; ${formatDutchDate(ruw)} ${waaromGeenSchooldag(ruw, reden)} en daarvoor ligt na de start geen schooldag meer: de eerstvolgende schooldag`,
  };
}

/** Reminders before the evaluation (policy.terugplaatsing.herinneringenDagenVoor), on school days. */
export function terugplaatsingHerinneringen(
  evaluatie: Dated,
  policy: Policy,
  regio: Regio,
  rooster?: SchoolRooster,
): Herinnering[] {
  return herinneringen(evaluatie, policy, regio, rooster, {
    naam: 'de evaluatie',
    dagenVoor: policy.terugplaatsing.herinneringenDagenVoor,
  });
}

/**
 * When a step of Stap 1–3 that has had no progress since `sinds` is shown to the coordinator:
 * `serviceniveauSchoolweken` school weeks (5 school days each, so holidays do not count).
 */
export function terugplaatsingServiceniveau(
  sinds: IsoDate,
  policy: Policy,
  regio: Regio,
  rooster?: SchoolRooster,
): Dated {
  const s = policy.terugplaatsing.serviceniveauSchoolweken;
  return {
    datum: addSchoolDays(sinds, 5 * s.waarde, regio, rooster),
    regel: `${s.regel}: ${meervoud(s.waarde, 'schoolweek', 'schoolweken')} zonder voortgang na ${formatDutchDate(sinds)}`,
  };
}

/** A yearly day moved to the next school day when it is none, with the words that say why ('' when not moved). */
function eerstvolgendeSchooldag(
  ruw: IsoDate,
  regio: Regio,
  rooster?: SchoolRooster,
): { datum: IsoDate; waarom: string } {
  const reden = nonSchoolDayReason(ruw, regio, rooster);
  if (!reden) return { datum: ruw, waarom: '' };
  return {
    datum: nextSchoolDay(ruw, regio, rooster),
    waarom: `; ${formatDutchDate(ruw)} ${waaromGeenSchooldag(ruw, reden)}: de eerstvolgende schooldag`,
  };
}

/**
 * The screening moments (policy.terugplaatsing.screening, 'MM-DD') from `van` through `tot`
 * (inclusive, across years), sorted. One that is no school day moves on to the next school day and
 * the rule text says why; two that land on the same school day are one moment.
 */
export function screeningmomenten(
  van: IsoDate,
  tot: IsoDate,
  policy: Policy,
  regio: Regio,
  rooster?: SchoolRooster,
): Dated[] {
  const eerste = parseIsoDate(van).y;
  const laatste = parseIsoDate(tot).y;
  if (compareDates(tot, van) < 0) throw new RangeError(`Ongeldige periode: ${tot} ligt vóór ${van}`);
  const s = policy.terugplaatsing.screening;
  const ruwe: IsoDate[] = [];
  for (let jaar = eerste; jaar <= laatste; jaar++) {
    for (const md of s.waarde) {
      const d = isoDate(jaar, Number(md.slice(0, 2)), Number(md.slice(3, 5)));
      if (compareDates(van, d) <= 0 && compareDates(d, tot) <= 0) ruwe.push(d);
    }
  }
  ruwe.sort(compareDates);
  const out: Dated[] = [];
  for (const ruw of ruwe) {
    const { datum, waarom } = eerstvolgendeSchooldag(ruw, regio, rooster);
    if (out.some((m) => m.datum === datum)) continue;
    const regel = `${s.regel}: screeningsmoment ${formatDutchDate(datum)} (bespreek met de ondersteuningsadviseur welke leerlingen in aanmerking komen voor terugplaatsing)`;
    out.push({ datum, regel: regel + waarom });
  }
  return out.sort((a, b) => compareDates(a.datum, b.datum));
}

/**
 * The reminder in the last school year of a TLV (Almere, seed 002 L649: the S(B)O board arranges the
 * return or a new TLV): the policy's day ('MM-DD') in the school year the end date falls in, on the
 * next school day; undefined without the rule, or when that day is not before the end date.
 */
export function laatsteSchooljaarHerinnering(
  einddatum: IsoDate,
  policy: Policy,
  regio: Regio,
  rooster?: SchoolRooster,
): Dated | undefined {
  // A policy copied into a case before issue 13 has no terugplaatsing section at all.
  const l = (policy.terugplaatsing as Policy['terugplaatsing'] | undefined)?.laatsteSchooljaar;
  if (!l) return undefined;
  const begin = Number(schoolYearOf(einddatum).start.slice(0, 4));
  const maand = Number(l.datum.waarde.slice(0, 2));
  const ruw = isoDate(maand >= 8 ? begin : begin + 1, maand, Number(l.datum.waarde.slice(3, 5)));
  const { datum, waarom } = eerstvolgendeSchooldag(ruw, regio, rooster);
  if (compareDates(datum, einddatum) >= 0) return undefined;
  const regel = `${l.datum.regel}: ${l.door} zorgt in het laatste schooljaar van de TLV (tot en met ${formatDutchDate(einddatum)}) voor terug- of overplaatsing, of vraagt een nieuwe TLV aan`;
  return { datum, regel: regel + waarom };
}
