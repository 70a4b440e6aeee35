/**
 * The thuiszitters report (issue 16 item 6): per samenwerkingsverband and period, the children at
 * home in it, counted by how long (the national registration's bands), by status at the period's
 * end, by reason group and by how their case ended. Case ids only: no names (each case answers its
 * `rapport` query with codes and dates). For the quarterly landelijke thuiszittersregistratie (seed
 * 001 L147), the two-monthly inspectie report (seed 001 L1959; seed 003 L650), PPO-NK's trimester
 * report (seed 003 L619).
 */
import type { Client } from '@temporalio/client';
import { stringify } from 'csv-stringify/sync';
import { addDays, compareDates, duurband, duurbanden, ISO_RE, type Duurband, type IsoDate } from '../domain';
import { dagenThuis } from '../domain/thuiszitters';
import {
  redenGroepen,
  thuiszitterStatussen,
  type RedenGroep,
  type ThuiszitterRapportRegel,
  type ThuiszitterStatus,
} from '../shared/thuiszitter';
import { SwvCode, ZaakSinds, ZaakType } from '../temporal/searchAttributes';
import { rapportRijen } from './rijen';
import { thuiszitterRapportQuery } from '../workflows/thuiszitter';

const uitkomsten = ['terug-volledig', 'terug-gedeeltelijk', 'aanbod-elders'] as const;

/** One case in the period, as the report shows it. */
export interface ThuiszitterRapportZaak {
  zaakId: string;
  sinds: IsoDate;
  thuiszitterSinds: IsoDate | null;
  verzuim: 'absoluut' | 'relatief';
  redenGroep: RedenGroep;
  /** At the end of the period. */
  status: ThuiszitterStatus;
  /** Days at home up to the end of the period (or the day back), vrijstelling days left out. */
  dagen: number;
  duurband: Duurband;
  uitkomst: (typeof uitkomsten)[number] | null;
  einddatum: IsoDate | null;
}

export interface ThuiszitterRapport {
  beleid: string;
  van: IsoDate;
  tot: IsoDate;
  /** Children at home at some time in the period (a threat of thuiszitten included). */
  aantal: number;
  /** Of them, counted as a thuiszitter by the period's end (the registration's number). */
  thuiszitters: number;
  /** Enrolled children at home ill all through the period: not thuiszitters (seed 001 L1777), counted apart. */
  ziek: number;
  perDuurband: Record<Duurband, number>;
  perStatus: Record<ThuiszitterStatus, number>;
  perRedenGroep: Record<RedenGroep, number>;
  /** Cases that ended in the period (their first day back in it, or the day after it), by how. */
  perUitkomst: Record<(typeof uitkomsten)[number], number>;
  zaken: ThuiszitterRapportZaak[];
  /** Cases that did not answer (a worker away): named so the count is not silently short. */
  nietBeantwoord: string[];
}

const telling = <K extends string>(sleutels: readonly K[]) =>
  Object.fromEntries(sleutels.map((k) => [k, 0])) as Record<K, number>;

/** A case as the period's last day saw it. */
function opEinde(r: ThuiszitterRapportRegel & { telVanaf: IsoDate }, tot: IsoDate): ThuiszitterRapportZaak {
  // Back by the period's end: the first day back is at most the day after it.
  const klaar = r.einddatum && compareDates(r.einddatum, addDays(tot, 1)) <= 0 ? r.einddatum : undefined;
  // Days at home that count (from the first day that counts, an illness before it not) up to the day back, or through the period's last day.
  const einde = klaar ?? addDays(tot, 1);
  const { dagen, vrijgesteld } = dagenThuis(r.telVanaf, einde, r.vrijstellingen);
  const geteld = r.thuiszitterSinds && compareDates(r.thuiszitterSinds, tot) <= 0 ? r.thuiszitterSinds : null;
  const vrij = r.vrijstellingen.some((v) => compareDates(v.van, tot) <= 0 && compareDates(tot, v.tot) < 0);
  const status: ThuiszitterStatus = klaar
    ? r.uitkomst === 'aanbod-elders'
      ? 'aanbod-elders'
      : 'teruggekeerd'
    : vrij
      ? 'vrijstelling'
      : // Past the target by the period's end (the target as it stands, moved on by vrijstellingen).
        geteld && r.streefdatum && compareDates(r.streefdatum, tot) < 0
        ? 'streefdatum-verstreken'
        : geteld
          ? 'thuiszitter'
          : 'dreigend';
  return {
    zaakId: r.zaakId,
    sinds: r.sinds,
    thuiszitterSinds: geteld,
    verzuim: r.verzuim,
    redenGroep: r.redenGroep,
    status,
    dagen: dagen - vrijgesteld,
    duurband: duurband(r.telVanaf, einde, r.vrijstellingen),
    uitkomst: klaar ? (r.uitkomst ?? null) : null,
    einddatum: klaar ?? null,
  };
}

/** The period's report from the cases' rows: pure, so a test can feed it rows. */
export function thuiszitterRapport(
  beleid: string,
  van: IsoDate,
  tot: IsoDate,
  regels: ThuiszitterRapportRegel[],
  nietBeantwoord: string[] = [],
): ThuiszitterRapport {
  // At home in the period: from before its end, and not back by its first day (the first day back is
  // not a day at home). A child ill all along (no day that counts) is counted apart.
  const thuis = regels.filter(
    (r) =>
      // A case dismissed by a coordinator was no thuiszitter.
      r.status !== 'afgewezen' &&
      compareDates(r.sinds, tot) <= 0 &&
      !(r.einddatum && (compareDates(r.einddatum, van) <= 0 || compareDates(r.einddatum, r.sinds) <= 0)),
  );
  const ziek = thuis.filter((r) => !r.telVanaf || compareDates(r.telVanaf, tot) > 0).length;
  const inPeriode = thuis
    .filter(
      (r): r is ThuiszitterRapportRegel & { telVanaf: IsoDate } => !!r.telVanaf && compareDates(r.telVanaf, tot) <= 0,
    )
    .map((r) => opEinde(r, tot))
    .sort((a, b) => compareDates(a.sinds, b.sinds) || a.zaakId.localeCompare(b.zaakId));
  const perDuurband = telling(duurbanden);
  const perStatus = telling(thuiszitterStatussen);
  const perRedenGroep = telling(redenGroepen);
  const perUitkomst = telling(uitkomsten);
  for (const z of inPeriode) {
    perDuurband[z.duurband]++;
    perStatus[z.status]++;
    perRedenGroep[z.redenGroep]++;
    if (z.uitkomst) perUitkomst[z.uitkomst]++;
  }
  return {
    beleid,
    van,
    tot,
    aantal: inPeriode.length,
    thuiszitters: inPeriode.filter((z) => z.thuiszitterSinds).length,
    ziek,
    perDuurband,
    perStatus,
    perRedenGroep,
    perUitkomst,
    zaken: inPeriode,
    nietBeantwoord: [...nietBeantwoord].sort(),
  };
}

/** The report's cases as CSV (csv-stringify): one row per case, by id only. */
export function thuiszitterRapportCsv(rapport: ThuiszitterRapport): string {
  const kolommen = [
    'zaakId',
    'sinds',
    'thuiszitterSinds',
    'verzuim',
    'redenGroep',
    'status',
    'dagen',
    'duurband',
    'uitkomst',
    'einddatum',
  ] as const;
  return stringify(
    rapport.zaken.map((z) => kolommen.map((k) => z[k] ?? '')),
    { header: true, columns: [...kolommen] },
  );
}

/** Reads the SWV's cases started up to the period's end from visibility and asks each for its row. */
export async function leesThuiszitterRapport(
  client: Client,
  beleid: string,
  van: IsoDate,
  tot: IsoDate,
): Promise<ThuiszitterRapport> {
  // `beleid` is a policy code checked against the registry of policies (/^[a-z0-9-]+$/).
  // Interpolated below: checked here too, whoever calls (the API checks them, a Schedule passes its own).
  if (!/^[a-z0-9-]+$/.test(beleid) || !ISO_RE.test(van) || !ISO_RE.test(tot))
    throw new RangeError('Ongeldig beleid of ongeldige periode');
  // Cases closed before the period (a day's margin for the zone) cannot be in it: not replayed.
  const query = [
    `${ZaakType.name} = 'thuiszitter'`,
    `${SwvCode.name} = '${beleid}'`,
    `${ZaakSinds.name} <= '${tot}'`,
    `(ExecutionStatus = 'Running' OR CloseTime >= '${addDays(van, -1)}T00:00:00Z')`,
  ].join(' AND ');
  const { regels, nietBeantwoord } = await rapportRijen(client, query, thuiszitterRapportQuery);
  return thuiszitterRapport(beleid, van, tot, regels, nietBeantwoord);
}
