/**
 * Stap 5 of the stappenplan (seed 001 L2139–2145, also L2033–2036): the yearly evaluation of the
 * terugplaatsingsbeleid "zowel jaarlijks op procesniveau als op casusniveau". Per SWV and school year:
 * how far the cases came (per sub-step), how they ended, how long they took, how often a
 * plaatsingstafel or a symbiose was needed, whether the evaluations were on time. Case ids only: no
 * names (each case answers its `rapport` query with codes and dates).
 */
import type { Client } from '@temporalio/client';
import { compareDates, diffDays, type IsoDate, type SchoolYear } from '../domain';
import { fasen, stappen, type Stapnummer, type TerugplaatsingRapportRegel } from '../shared/terugplaatsing';
import { SwvCode, ZaakSinds, ZaakType } from '../temporal/searchAttributes';
import { rapportRijen } from './rijen';
import { terugplaatsingRapportQuery } from '../workflows/terugplaatsing';

/** How many cases reached each line of `lijn` (their furthest point at or past it). */
const bereiktLangs = (lijn: readonly Stapnummer[], rijen: Pick<TerugplaatsingRapportRegel, 'verstePunt'>[]) =>
  lijn.map((stap) => ({
    stap,
    aantal: rijen.filter((r) => r.verstePunt !== undefined && lijn.indexOf(r.verstePunt) >= lijn.indexOf(stap)).length,
  }));

/** A case as the school year saw it: 'lopend' when it ended only after the year. */
type Rij = Omit<TerugplaatsingRapportRegel, 'status'> & { status: TerugplaatsingRapportRegel['status'] | 'lopend' };

export interface TerugplaatsingRapport {
  beleid: string;
  schooljaar: string;
  van: IsoDate;
  tot: IsoDate;
  /** Cases that ran in the school year: started in it, or started before and still open or ended in it. */
  aantal: number;
  /** By status at the end of the school year ('lopend': ended only after it); today's for the current year. */
  perStatus: Record<string, number>;
  uitkomsten: { teruggeplaatst: number; gestopt: number; nietWenselijk: number; lopend: number };
  /** Per sub-step: how many cases got at least that far (as far as they came by now: steps carry no date here). */
  bereikt: { stap: Stapnummer; aantal: number }[];
  /** Days from the signal to the end, for the cases that ended in the school year. */
  doorlooptijdDagen: {
    aantal: number;
    mediaan: number | null;
    gemiddeld: number | null;
    kortste: number | null;
    langste: number | null;
  };
  plaatsingstafel: number;
  symbiose: number;
  evaluatie: { opTijd: number; teLaat: number };
  /** Case level (casusniveau), by case id only. */
  zaken: (Rij & { dagen: number | null })[];
  /** Cases that did not answer (a worker away): named so the count is not silently short. */
  nietBeantwoord: string[];
}

/** The cases of a school year from their rows: pure, so a test can feed it rows. */
export function terugplaatsingRapport(
  beleid: string,
  sy: SchoolYear,
  regels: TerugplaatsingRapportRegel[],
  nietBeantwoord: string[] = [],
): TerugplaatsingRapport {
  // As the school year saw them: an outcome after its end is not this year's (the case was still running).
  const inJaar = regels
    .filter((r) => compareDates(r.gestart, sy.end) <= 0 && (!r.geeindigd || compareDates(r.geeindigd, sy.start) >= 0))
    .map((r): Rij => {
      if (!r.geeindigd || compareDates(r.geeindigd, sy.end) <= 0) return r;
      const { uitkomst: _u, geeindigd: _g, ...lopend } = r;
      return { ...lopend, status: 'lopend' as const };
    })
    .sort((a, b) => compareDates(a.gestart, b.gestart) || a.zaakId.localeCompare(b.zaakId));
  const dagen = (r: { gestart: IsoDate; geeindigd?: IsoDate }) =>
    r.geeindigd ? diffDays(r.geeindigd, r.gestart) : null;
  const afgerond = inJaar
    .map(dagen)
    .filter((d): d is number => d !== null)
    .sort((a, b) => a - b);
  const n = afgerond.length;
  const mediaan = n ? (n % 2 ? afgerond[(n - 1) / 2] : (afgerond[n / 2 - 1] + afgerond[n / 2]) / 2) : null;
  const perStatus: Record<string, number> = {};
  for (const r of inJaar) perStatus[r.status] = (perStatus[r.status] ?? 0) + 1;
  return {
    beleid,
    schooljaar: sy.label,
    van: sy.start,
    tot: sy.end,
    aantal: inJaar.length,
    perStatus,
    uitkomsten: {
      teruggeplaatst: inJaar.filter((r) => r.uitkomst === 'teruggeplaatst').length,
      gestopt: inJaar.filter((r) => r.uitkomst === 'gestopt').length,
      nietWenselijk: inJaar.filter((r) => r.uitkomst === 'niet-wenselijk').length,
      lopend: inJaar.filter((r) => !r.uitkomst).length,
    },
    // Each case along its own line: the stappenplan, and the phases VSO → VO where cases follow them.
    bereikt: [
      ...bereiktLangs(
        stappen,
        inJaar.filter((r) => r.variant !== 'vso-vo'),
      ),
      ...(inJaar.some((r) => r.variant === 'vso-vo')
        ? bereiktLangs(
            fasen,
            inJaar.filter((r) => r.variant === 'vso-vo'),
          )
        : []),
    ],
    doorlooptijdDagen: {
      aantal: n,
      mediaan,
      gemiddeld: n ? Math.round((afgerond.reduce((a, b) => a + b, 0) / n) * 10) / 10 : null,
      kortste: n ? afgerond[0] : null,
      langste: n ? afgerond[n - 1] : null,
    },
    plaatsingstafel: inJaar.filter((r) => r.plaatsingstafel).length,
    symbiose: inJaar.filter((r) => r.symbiose).length,
    evaluatie: {
      opTijd: inJaar.filter((r) => r.evaluatieOpTijd === true).length,
      teLaat: inJaar.filter((r) => r.evaluatieOpTijd === false).length,
    },
    zaken: inJaar.map((r) => ({ ...r, dagen: dagen(r) })),
    nietBeantwoord: [...nietBeantwoord].sort(),
  };
}

/** Reads the SWV's cases started up to the end of the school year from visibility and asks each for its row. */
export async function leesTerugplaatsingRapport(
  client: Client,
  beleid: string,
  sy: SchoolYear,
): Promise<TerugplaatsingRapport> {
  // `beleid` is a policy code checked against the registry of policies (/^[a-z0-9-]+$/).
  const query = [
    `${ZaakType.name} = 'terugplaatsing'`,
    `${SwvCode.name} = '${beleid}'`,
    `${ZaakSinds.name} <= '${sy.end}'`,
  ].join(' AND ');
  const { regels, nietBeantwoord } = await rapportRijen(client, query, terugplaatsingRapportQuery);
  return terugplaatsingRapport(beleid, sy, regels, nietBeantwoord);
}
