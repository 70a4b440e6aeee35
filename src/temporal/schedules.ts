import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client, type ScheduleSpec } from '@temporalio/client';
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
