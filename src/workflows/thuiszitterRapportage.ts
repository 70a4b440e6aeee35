/**
 * A thuiszitters report on its cadence (issue 16 item 6): started by the Schedule
 * `thuiszitters-<swv>-<soort>` on the 1st of its months at 08:00 Europe/Amsterdam, it counts the
 * children at home over the months before and mails the directeur the counts, no names. Once per
 * SWV, report and period: a rerun on the same day sends nothing new.
 */
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { formatDutchDate, toIsoDate } from '../domain/dates';
import { rapportagePeriode } from '../domain/thuiszitters';

const { stuurNotificatie } = proxyActivities<Activities>({
  // As in berichten.ts: an SMTP server may take 10 minutes; the mail activity heartbeats.
  startToCloseTimeout: '30 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '10 seconds', maximumInterval: '10 minutes', backoffCoefficient: 2 },
});
// The count asks every case of the period: no heartbeat, a bounded time and a bounded number of tries.
const { thuiszitterTelling } = proxyActivities<Activities>({
  startToCloseTimeout: '10 minutes',
  retry: { initialInterval: '30 seconds', maximumInterval: '10 minutes', backoffCoefficient: 2, maximumAttempts: 10 },
});

/** When the Schedule meant this run to start (a late run still reports the period it was due for). */
const GEPLAND = defineSearchAttributeKey('TemporalScheduledStartTime', SearchAttributeType.DATETIME);

/** What the Schedule passes: the SWV, the report and the months it covers (the policy's, at the Schedule's making). */
export interface RapportageOpdracht {
  beleid: string;
  soort: 'landelijk' | 'inspectie' | 'trimester';
  periodeMaanden: number;
  regel: string;
}

export interface RapportageResultaat {
  van: string;
  tot: string;
  aantal: number;
  verzonden: boolean;
}

const namen: Record<RapportageOpdracht['soort'], string> = {
  landelijk: 'de landelijke thuiszittersregistratie',
  inspectie: 'de opgave thuiszitters aan de inspectie',
  trimester: 'de trimesterrapportage',
};

export async function thuiszitterRapportage(o: RapportageOpdracht): Promise<RapportageResultaat> {
  const gepland = workflowInfo().typedSearchAttributes.get(GEPLAND);
  const { van, tot } = rapportagePeriode(
    toIsoDate(gepland ? gepland.getTime() : Date.now(), 'Europe/Amsterdam'),
    o.periodeMaanden,
  );
  const t = await thuiszitterTelling({ beleid: o.beleid, van, tot });
  const verzonden = await stuurNotificatie({
    sleutel: `thuiszitters/${o.beleid}/${o.soort}/${van}`,
    sjabloon: 'thuiszitter-rapportage',
    aan: [{ rol: 'directeur' }],
    gegevens: {
      rapportage: namen[o.soort],
      regel: o.regel,
      beleid: o.beleid,
      van: formatDutchDate(van),
      tot: formatDutchDate(tot),
      vanIso: van,
      totIso: tot,
      aantal: String(t.aantal),
      thuiszitters: String(t.thuiszitters),
      ziek: String(t.ziek),
      perDuurband: Object.entries(t.perDuurband).map(([band, aantal]) => ({ band, aantal })),
      perStatus: Object.entries(t.perStatus)
        .filter(([, n]) => n > 0)
        .map(([status, aantal]) => ({ status, aantal })),
      perUitkomst: Object.entries(t.perUitkomst).map(([uitkomst, aantal]) => ({ uitkomst, aantal })),
      ...(t.nietBeantwoord ? { nietBeantwoord: String(t.nietBeantwoord) } : {}),
    },
  });
  return { van, tot, aantal: t.aantal, verzonden: verzonden.some((v) => !v.alVerzonden) };
}
