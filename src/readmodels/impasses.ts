import type { Client } from '@temporalio/client';
import { policies, schooldagenTussen, toInstant, toIsoDate } from '../domain';
import { niveaus, type Niveau } from '../shared/impasse';
import {
  ImpasseNiveau,
  NiveauSinds,
  SchoolBrin,
  SwvCode,
  VastgelopenNiveau,
  VastgelopenSinds,
  VolgendeDeadline,
  ZaakSinds,
  ZaakStatus,
  ZaakType,
} from '../temporal/searchAttributes';

/** One open impasse as the directeur sees it: codes and dates only, from Temporal visibility. */
export interface ImpasseRegel {
  id: string;
  school: string | null;
  niveau: Niveau;
  niveauSinds: string;
  dagenOpNiveau: number;
  /**
   * School days on this rung, counted with the SWV's vakantieregio (its policy): the case itself counts
   * with its school's region or rooster, which visibility does not carry.
   */
  schooldagenOpNiveau: number;
  gestart: string;
  dagenTotaal: number;
  vastgelopen: boolean;
  vastgelopenSinds: string | null;
  volgendeDeadline: string | null;
}

export interface ImpasseFilter {
  school?: string;
  niveau?: Niveau;
  alleenVastgelopen?: boolean;
  limiet?: number;
  /** What the reader may see (src/auth/inzage.ts: lijstFilter), a clause of registry codes. */
  inzage?: string;
}

const DAG = 86_400_000;

/** Most urgent first: stuck longest, then stuck at all, then the nearest service-level deadline. */
export function urgentste(a: ImpasseRegel, b: ImpasseRegel): number {
  if (a.vastgelopen !== b.vastgelopen) return a.vastgelopen ? -1 : 1;
  if (a.vastgelopenSinds && b.vastgelopenSinds && a.vastgelopenSinds !== b.vastgelopenSinds)
    return a.vastgelopenSinds < b.vastgelopenSinds ? -1 : 1;
  const da = a.volgendeDeadline ?? '9999';
  const db = b.volgendeDeadline ?? '9999';
  if (da !== db) return da < db ? -1 : 1;
  return niveaus.indexOf(b.niveau) - niveaus.indexOf(a.niveau);
}

/** Filters are validated codes (BRIN, E1–E7) before they reach this query. */
export async function openImpasses(
  client: Client,
  filter: ImpasseFilter = {},
  now = Date.now(),
): Promise<ImpasseRegel[]> {
  // Placed or stopped cases may run a little longer (their last e-mail): the status says they are done.
  const parts = [
    `${ZaakType.name} = 'impasse'`,
    `ExecutionStatus = 'Running'`,
    `${ZaakStatus.name} IN ('open', 'vastgelopen')`,
  ];
  if (filter.school) parts.push(`${SchoolBrin.name} = '${filter.school}'`);
  if (filter.niveau) parts.push(`${ImpasseNiveau.name} = '${filter.niveau}'`);
  if (filter.alleenVastgelopen) parts.push(`${VastgelopenNiveau.name} IS NOT NULL`);
  if (filter.inzage) parts.push(filter.inzage);
  const regels: ImpasseRegel[] = [];
  for await (const wf of client.workflow.list({ query: parts.join(' AND '), pageSize: 200 })) {
    const sa = wf.typedSearchAttributes;
    const niveau = sa.get(ImpasseNiveau) as Niveau | undefined;
    if (!niveau) continue; // not yet indexed
    const sinds = sa.get(NiveauSinds) ?? wf.startTime;
    const swv = sa.get(SwvCode);
    const regio = swv && policies[swv] ? policies[swv].regio : 'midden';
    const vastgelopenSinds = sa.get(VastgelopenSinds);
    const deadline = sa.get(VolgendeDeadline);
    const begonnen = sa.get(ZaakSinds);
    const gestart = begonnen ? new Date(toInstant(begonnen, '00:00')) : wf.startTime;
    regels.push({
      id: wf.workflowId,
      school: sa.get(SchoolBrin) ?? null,
      niveau,
      niveauSinds: sinds.toISOString(),
      dagenOpNiveau: Math.max(0, Math.floor((now - sinds.getTime()) / DAG)),
      schooldagenOpNiveau: schooldagenTussen(toIsoDate(sinds.getTime()), toIsoDate(now), regio),
      gestart: gestart.toISOString(),
      dagenTotaal: Math.max(0, Math.floor((now - gestart.getTime()) / DAG)),
      vastgelopen: Boolean(sa.get(VastgelopenNiveau)),
      vastgelopenSinds: vastgelopenSinds ? vastgelopenSinds.toISOString() : null,
      volgendeDeadline: deadline ? deadline.toISOString() : null,
    });
  }
  regels.sort(urgentste);
  return filter.limiet ? regels.slice(0, filter.limiet) : regels;
}
