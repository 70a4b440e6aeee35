/**
 * The Algemene termijnenwet (Atw): which days do not count as the last day of a statutory term.
 *
 * - Art. 1 lid 1: a term that ends on a Saturday, Sunday or algemeen erkende feestdag runs on to the
 *   next day that is none of these.
 * - Art. 3 lid 1: the algemeen erkende feestdagen (Nieuwjaarsdag, Tweede Paasdag, Koningsdag,
 *   5 mei, Hemelvaartsdag, Tweede Pinksterdag, both Kerstdagen; Eerste Paas- and Pinksterdag are
 *   Sundays anyway).
 * - Art. 3 lid 2: Goede Vrijdag counts as one.
 * - Art. 3 lid 3: days made equal by royal decree, published in the Staatscourant, usually for three
 *   years at a time: in practice the Friday after Hemelvaartsdag and the Friday after a feestdag on
 *   a Thursday. `GELIJKGESTELD` lists the published decrees; for a later year the term is computed
 *   without such days and its rule text says that a decree may still move it.
 */
import { addDays, type IsoDate, isWeekend, parseIsoDate, weekday } from './dates';
import { feestdagOn, feestdagenIn } from './holidays';

/** A published decree of Atw art. 3 lid 3: its title (which names its days) and its days. */
interface Gelijkstelling {
  besluit: string;
  dagen: Record<IsoDate, string>;
}

/**
 * The decrees, newest last. Source: the decrees' titles as published (wetten.overheid.nl, "Besluit
 * gelijkstelling … met een algemeen erkende feestdag"); each day checked against the calendar.
 */
const GELIJKGESTELD: readonly Gelijkstelling[] = [
  {
    besluit:
      'Besluit gelijkstelling van 28 april 2023, 19 mei 2023, 10 mei 2024, 27 december 2024 en 30 mei 2025 met een algemeen erkende feestdag',
    dagen: {
      '2023-04-28': 'de vrijdag na Koningsdag',
      '2023-05-19': 'de vrijdag na Hemelvaartsdag',
      '2024-05-10': 'de vrijdag na Hemelvaartsdag',
      '2024-12-27': 'de vrijdag na Tweede Kerstdag',
      '2025-05-30': 'de vrijdag na Hemelvaartsdag',
    },
  },
  {
    besluit:
      'Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028 en 26 mei 2028 met een algemeen erkende feestdag',
    dagen: {
      '2026-01-02': 'de vrijdag na Nieuwjaarsdag',
      '2026-05-15': 'de vrijdag na Hemelvaartsdag',
      '2027-05-07': 'de vrijdag na Hemelvaartsdag',
      '2028-04-28': 'de vrijdag na Koningsdag',
      '2028-05-26': 'de vrijdag na Hemelvaartsdag',
    },
  },
];

/** The first and last year the published decrees cover. */
export const GELIJKSTELLING_VAN = 2023;
export const GELIJKSTELLING_TOT = 2028;

/**
 * How a case computes its terms. `voor-2026-12` is the calculation of cases started before these
 * rules were corrected (no Goede Vrijdag, no decrees, a term over at the policy's deadline time on
 * its last day): only their replay uses it.
 */
export type Rekenwijze = 'atw' | 'voor-2026-12';

/** Why `d` cannot be the last day of a term (art. 1 and 3), or undefined when it can. */
export function geenTermijndag(d: IsoDate, rekenwijze: Rekenwijze = 'atw'): string | undefined {
  const f = feestdagOn(d);
  if (f && (f.atw === 'art. 3 lid 1' || rekenwijze === 'atw')) return f.naam;
  if (isWeekend(d)) return 'weekend';
  if (rekenwijze === 'voor-2026-12') return undefined;
  for (const g of GELIJKGESTELD) {
    const dag = g.dagen[d];
    if (dag) return `${dag}, gelijkgesteld bij ${g.besluit}`;
  }
  return undefined;
}

/**
 * Days a decree is likely to make equal in a year no decree covers yet: the Friday after
 * Hemelvaartsdag, and the Friday after Nieuwjaarsdag, Koningsdag or Tweede Kerstdag on a Thursday
 * (every decree since 2023 named exactly these).
 */
export function verwachteGelijkstelling(d: IsoDate): string | undefined {
  const { y } = parseIsoDate(d);
  if (y <= GELIJKSTELLING_TOT || weekday(d) !== 5) return undefined;
  const gisteren = addDays(d, -1);
  const f = feestdagenIn(parseIsoDate(gisteren).y).find((x) => x.datum === gisteren);
  if (f && ['Hemelvaartsdag', 'Nieuwjaarsdag', 'Koningsdag', 'Tweede Kerstdag'].includes(f.naam))
    return `de vrijdag na ${f.naam}`;
  return undefined;
}

export interface TermijnEinde {
  datum: IsoDate;
  /** Why the term ran on past its calculated end (the first day it skipped). */
  verschoven?: string;
  /** A day a decree not yet published may still make equal to a feestdag. */
  onzeker?: string;
}

/** Atw art. 1: a term ending on a day that does not count runs on to the next day that does. */
export function eindeWettelijkeTermijn(d: IsoDate, rekenwijze: Rekenwijze = 'atw'): TermijnEinde {
  let cur = d;
  let reden: string | undefined;
  for (let i = 0; i < 10; i++) {
    const r = geenTermijndag(cur, rekenwijze);
    if (!r) break;
    reden ??= r;
    cur = addDays(cur, 1);
  }
  const out: TermijnEinde = reden ? { datum: cur, verschoven: reden } : { datum: cur };
  const onzeker = rekenwijze === 'atw' ? verwachteGelijkstelling(cur) : undefined;
  return onzeker ? { ...out, onzeker } : out;
}
