/**
 * Waiting for a yearly moment (the TLV inventory, the screening of the terugplaatsingsbeleid): a
 * durable timer, not a Schedule (the day moves with holidays; the time-skipping server has none).
 * The plan comes from a local activity, which reads data a deploy may change (holiday data, a
 * policy); the timer wakes at least every 30 days to ask again, so new data moves the day in time.
 */
import { sleep } from '@temporalio/workflow';

const WEKKER_MS = 30 * 86_400_000;

/**
 * Sleeps until `plan.tijdstip` and answers the plan as it stands then. `vervang` says whether a plan
 * asked again replaces the current one (the inventory keeps its school year); `bij` hears each new plan.
 */
export async function wachtOpMoment<P extends { tijdstip: string }>(
  plan: P,
  vraag: () => Promise<P>,
  bij: (plan: P) => void,
  vervang: (oud: P, nieuw: P) => boolean = () => true,
): Promise<P> {
  while (Date.now() < Date.parse(plan.tijdstip)) {
    await sleep(Math.min(Date.parse(plan.tijdstip) - Date.now(), WEKKER_MS));
    const opnieuw = await vraag();
    if (vervang(plan, opnieuw)) {
      plan = opnieuw;
      bij(plan);
    }
  }
  return plan;
}
