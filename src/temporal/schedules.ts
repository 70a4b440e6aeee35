import {
  MONTHS,
  ScheduleAlreadyRunning,
  ScheduleOverlapPolicy,
  type Client,
  type ScheduleSpec,
} from '@temporalio/client';
import { toIsoDate } from '../domain/dates';
import { beleidOp, policies } from '../domain/policies';
import { thuiszitterRapportage, type RapportageOpdracht } from '../workflows/thuiszitterRapportage';
import { wekelijksOverzicht } from '../workflows/wekelijksOverzicht';

export const WEEKLY_DIGEST_SCHEDULE = 'wekelijks-overzicht-vastgelopen';

/** Monday 08:00 in Amsterdam: the server's calendar keeps it at 08:00 across daylight saving. */
export function weeklyDigestSpec(): ScheduleSpec {
  return { calendars: [{ dayOfWeek: 'MONDAY', hour: 8, minute: 0 }], timezone: 'Europe/Amsterdam' };
}

/**
 * Creates the weekly digest Schedule, or brings an existing one back to this spec and action:
 * safe at every worker start, with several workers.
 */
export async function ensureWeeklyDigestSchedule(
  client: Client,
  taskQueue: string,
): Promise<'aangemaakt' | 'bijgewerkt'> {
  const action = {
    type: 'startWorkflow' as const,
    workflowType: wekelijksOverzicht,
    taskQueue,
    workflowId: 'wekelijks-overzicht',
  };
  // A worker down over Monday morning still sends that day's digest once it is back.
  const policies = { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: 24 * 60 * 60 * 1000 };
  try {
    await client.schedule.create({ scheduleId: WEEKLY_DIGEST_SCHEDULE, spec: weeklyDigestSpec(), action, policies });
    return 'aangemaakt';
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
    await client.schedule
      .getHandle(WEEKLY_DIGEST_SCHEDULE)
      .update((prev) => ({ ...prev, spec: weeklyDigestSpec(), action, policies }));
    return 'bijgewerkt';
  }
}

/** The Schedule of one SWV's report: `thuiszitters-<swv>-<soort>`. */
export const thuiszitterScheduleId = (beleid: string, soort: string) => `thuiszitters-${beleid}-${soort}`;

/** On the 1st of the report's months at 08:00 in Amsterdam (across daylight saving). */
export function thuiszitterRapportageSpec(maanden: readonly number[]): ScheduleSpec {
  return {
    calendars: [{ month: maanden.map((m) => MONTHS[m - 1]), dayOfMonth: 1, hour: 8, minute: 0 }],
    timezone: 'Europe/Amsterdam',
  };
}

/**
 * Creates a Schedule per SWV and report (policy `thuiszitters.rapportages`, the version in force today),
 * or brings it back to the policy where it differs: safe at every worker start, with several workers.
 * Updated only when it differs (its note says what it was made from): the server drops runs due
 * before an update. A report a policy no longer has keeps its Schedule (the operator deletes it).
 */
export async function ensureThuiszitterSchedules(client: Client, taskQueue: string): Promise<string[]> {
  const klaar: string[] = [];
  const vandaag = toIsoDate(Date.now());
  // The samenwerkingsverbanden: the law's defaults are no SWV.
  for (const code of Object.keys(policies).filter((c) => c !== 'wet' && c !== 'wet-vo')) {
    const policy = beleidOp(code, vandaag);
    for (const r of policy.thuiszitters?.rapportages ?? []) {
      const scheduleId = thuiszitterScheduleId(policy.code, r.soort);
      const args: [RapportageOpdracht] = [
        { beleid: policy.code, soort: r.soort, periodeMaanden: r.periodeMaanden, regel: r.regel },
      ];
      const action = {
        type: 'startWorkflow' as const,
        workflowType: thuiszitterRapportage,
        taskQueue,
        workflowId: scheduleId,
        args,
        // A run that cannot finish in a day does not block the next (overlaps are skipped).
        workflowRunTimeout: '1 day' as const,
      };
      const spec = thuiszitterRapportageSpec(r.maanden);
      // A report is due by law or plan: an outage of up to a week still sends it.
      const policiesS = { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: 7 * 24 * 60 * 60 * 1000 };
      const versie = JSON.stringify({ taskQueue, args, maanden: r.maanden, runTimeout: '1 day', catchup: 7 });
      // What it was made from goes in its note (an update cannot change a memo); an operator's pause stays.
      const note = `beleid ${versie}`;
      try {
        await client.schedule.create({ scheduleId, spec, action, policies: policiesS, state: { note } });
      } catch (err) {
        if (!(err instanceof ScheduleAlreadyRunning)) throw err;
        const handle = client.schedule.getHandle(scheduleId);
        if ((await handle.describe()).state.note !== note)
          await handle.update((prev) => ({
            ...prev,
            spec,
            action,
            policies: policiesS,
            state: { ...prev.state, note },
          }));
      }
      klaar.push(scheduleId);
    }
  }
  return klaar;
}
