/**
 * P5 Thuiszitters (domain README P5; issue 16): when an absence makes a thuiszitter, the target date
 * to be back, the reminders before it, and how long a child was at home. Pure: the thuiszitter
 * workflow imports it. The terms are the policy's (`thuiszitters`), each with the rule behind it.
 */
import { addDays, addMonths, addWeeks, compareDates, diffDays, formatDutchDate, type IsoDate } from './dates';
import { herinneringen, type Dated, type Herinnering } from './deadlines';
import type { SchoolRooster } from './holidays';
import type { Policy } from './policy';
import type { Regio } from './regio';

type Regels = NonNullable<Policy['thuiszitters']>;

/** The policy's thuiszitter rules: every shipped policy has them (a case copies its policy at the start). */
export function thuiszitterRegels(policy: Policy): Regels {
  if (!policy.thuiszitters) throw new RangeError(`Beleid '${policy.code}' heeft geen regels voor thuiszitters`);
  return policy.thuiszitters;
}

/**
 * The day an enrolled pupil away since `sinds` (the first day at home) counts as a thuiszitter:
 * away longer than the threshold (seed 001 L1777: "meer dan 4 weken"), so from `sinds` + 4 weeks.
 */
export function thuiszitterVanaf(sinds: IsoDate, policy: Policy): Dated {
  const d = thuiszitterRegels(policy).drempelWeken;
  return {
    datum: addWeeks(sinds, d.waarde),
    regel: `${d.regel}: langer dan ${d.waarde} weken thuis sinds ${formatDutchDate(sinds)}`,
  };
}

/**
 * The day a child becomes leerplichtig (Leerplichtwet 1969, art. 3 lid 1): the first school day of
 * the month after the fifth birthday; here the first day of that month (a child at home that month
 * counts from then). Before it, a child without a school is not a thuiszitter.
 */
export function leerplichtigVanaf(geboortedatum: IsoDate): Dated {
  const vijf = addMonths(`${Number(geboortedatum.slice(0, 4)) + 5}${geboortedatum.slice(4, 7)}-01`, 1);
  return {
    datum: vijf,
    regel:
      'Leerplichtwet 1969, artikel 3 lid 1: leerplichtig vanaf de eerste schooldag van de maand na de vijfde verjaardag',
  };
}

/** The target: back in school, or an offer of education or care, within N months of the first day at home. */
export function thuiszitterStreefdatum(sinds: IsoDate, policy: Policy): Dated {
  const s = thuiszitterRegels(policy).streefMaanden;
  return {
    datum: addMonths(sinds, s.waarde),
    regel: `${s.regel}: binnen ${s.waarde} maanden na de eerste dag thuis (${formatDutchDate(sinds)})`,
  };
}

/** What a thuiszitter case is reminded of: the target date, a vrijstelling's end, an agreement's day. */
const herinneringVoor = {
  streefdatum: { naam: 'de streefdatum', dagen: 'herinneringenDagenVoor' },
  vrijstelling: { naam: 'het einde van de vrijstelling', dagen: 'vrijstellingHerinneringDagenVoor' },
  afspraak: { naam: 'de afgesproken datum', dagen: 'afspraakHerinneringDagenVoor' },
} as const;

/** The reminders before one of them, as the policy sets them (on the school day before, where it is none). */
export function thuiszitterHerinneringen(
  soort: keyof typeof herinneringVoor,
  datum: Dated,
  policy: Policy,
  regio: Regio,
  rooster?: SchoolRooster,
): Herinnering[] {
  const { naam, dagen } = herinneringVoor[soort];
  return herinneringen(datum, policy, regio, rooster, { naam, dagenVoor: thuiszitterRegels(policy)[dagen] });
}

/** A period the pupil did not count as a thuiszitter (a vrijstelling), `tot` exclusive. */
export interface Periode {
  van: IsoDate;
  tot: IsoDate;
}

/**
 * How long a child was at home from `sinds` to `tot` (the day back, exclusive): calendar days, and
 * how many of them under a vrijstelling (which do not count as thuiszitten, seed 000 L359).
 */
export function dagenThuis(
  sinds: IsoDate,
  tot: IsoDate,
  vrijstellingen: readonly Periode[] = [],
): { dagen: number; vrijgesteld: number } {
  const dagen = Math.max(0, diffDays(tot, sinds));
  return { dagen, vrijgesteld: Math.min(vrijgesteldeDagen(vrijstellingen, sinds, tot), dagen) };
}

/** The days under the vrijstellingen from `vanaf` (up to `tot`, exclusive, where given). */
export function vrijgesteldeDagen(vrijstellingen: readonly Periode[], vanaf: IsoDate, tot?: IsoDate): number {
  let n = 0;
  for (const p of vrijstellingen) {
    const van = compareDates(p.van, vanaf) > 0 ? p.van : vanaf;
    const eind = tot && compareDates(p.tot, tot) > 0 ? tot : p.tot;
    n += Math.max(0, diffDays(eind, van));
  }
  return n;
}

/** A term counted from `vanaf`, moved on by the vrijstelling days since (they do not count, seed 000 L359). */
export function opgeschoven(term: Dated, vrijstellingen: readonly Periode[], vanaf: IsoDate): Dated {
  const extra = vrijgesteldeDagen(vrijstellingen, vanaf);
  return extra ? { datum: addDays(term.datum, extra), regel: `${term.regel}, plus ${extra} dagen vrijstelling` } : term;
}

/** The day a vrijstelling ends (`tot`, exclusive: the child counts again from that day), with its rule. */
export function vrijstellingEinde(tot: IsoDate, policy: Policy): Dated {
  return {
    datum: tot,
    regel: `${thuiszitterRegels(policy).vrijstelling.regel}: vrijstelling tot ${formatDutchDate(tot)}`,
  };
}

/** The bands of the national registration: shorter than 4 weeks, 4 weeks to 3 months, longer. */
export const duurbanden = ['korter-dan-4-weken', '4-weken-tot-3-maanden', 'langer-dan-3-maanden'] as const;
export type Duurband = (typeof duurbanden)[number];

/** The band of a stay at home from `sinds` up to `tot` (exclusive), vrijstelling days left out. */
export function duurband(sinds: IsoDate, tot: IsoDate, vrijstellingen: readonly Periode[] = []): Duurband {
  const { dagen, vrijgesteld } = dagenThuis(sinds, tot, vrijstellingen);
  const telt = dagen - vrijgesteld;
  if (telt < diffDays(addWeeks(sinds, 4), sinds)) return 'korter-dan-4-weken';
  if (telt <= diffDays(addMonths(sinds, 3), sinds)) return '4-weken-tot-3-maanden';
  return 'langer-dan-3-maanden';
}

/** A report of the policy (`thuiszitters.rapportages`). */
export type Rapportage = Regels['rapportages'][number];

/**
 * The period a report sent on `op` covers: the `periodeMaanden` whole months before the month of `op`
 * (sent on 1 April over the quarter: 1 January to 31 March).
 */
export function rapportagePeriode(op: IsoDate, periodeMaanden: number): { van: IsoDate; tot: IsoDate } {
  const eerste = `${op.slice(0, 8)}01`;
  return { van: addMonths(eerste, -periodeMaanden), tot: addDays(eerste, -1) };
}

/** The days in [van, tot] on which a report goes out (the 1st of each of its months). */
export function rapportageData(rapportage: Rapportage, van: IsoDate, tot: IsoDate): IsoDate[] {
  const uit: IsoDate[] = [];
  for (let d = `${van.slice(0, 8)}01`; compareDates(d, tot) <= 0; d = addMonths(d, 1))
    if (compareDates(d, van) >= 0 && rapportage.maanden.includes(Number(d.slice(5, 7)))) uit.push(d);
  return uit;
}
