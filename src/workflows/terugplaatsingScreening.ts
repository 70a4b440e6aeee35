/**
 * The screening moments of an SWV's terugplaatsingsbeleid (seed 001 L2047–2052: one or two moments a
 * year, agreed between the S(B)O school and the OA, when the pupils who may go back are discussed),
 * one workflow per policy (`terugplaatsing-screening-<beleid>`, started by ensureTerugplaatsingScreening
 * at every worker start). It sleeps until 08:00 on the next moment (moved to a school day), has the
 * activity remind every S(B)O school with TLVs in force, and continues as new for the next moment.
 * A durable timer, not a Schedule: the day moves with weekends and holidays, and the time-skipping
 * test server has no Schedules.
 */
import {
  continueAsNew,
  defineQuery,
  log,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { ScreeningPlanning } from '../activities/screening';
import { wachtOpMoment } from './wekker';

const { herinnerScreening } = proxyActivities<Activities>({
  startToCloseTimeout: '30 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '10 seconds', maximumInterval: '10 minutes', backoffCoefficient: 2 },
});
// The day comes from the policy and the holiday data, which a deploy may change: asked, so the answer is recorded.
const { screeningPlanning } = proxyLocalActivities<Activities>({ startToCloseTimeout: '10 seconds' });

export type { ScreeningPlanning };

export interface TerugplaatsingScreeningInput {
  beleid: string;
  /** The moment the previous run sent (continueAsNew): never sent twice. */
  gedaan?: string;
}

export const screeningPlanningQuery = defineQuery<ScreeningPlanning>('planning');

export async function terugplaatsingScreening(input: TerugplaatsingScreeningInput): Promise<never> {
  const { beleid } = input;
  const vraag = () => screeningPlanning({ beleid, nu: Date.now(), gedaan: input.gedaan });
  let plan = await vraag();
  setHandler(screeningPlanningQuery, () => plan);

  // A moment reached is sent, late if the worker was away; until then a new plan (new holiday data,
  // a changed policy) replaces it.
  plan = await wachtOpMoment(
    plan,
    vraag,
    (p) => (plan = p),
    (oud) => Date.now() < Date.parse(oud.tijdstip),
  );

  const uitkomst = await herinnerScreening({ beleid, datum: plan.datum, regel: plan.regel });
  // Counts only: the names stay in the mails.
  log.info('Screeningsmoment terugplaatsing verstuurd', {
    beleid,
    datum: uitkomst.datum,
    zaken: uitkomst.zaken,
    scholen: uitkomst.scholen,
    verzonden: uitkomst.verzonden,
    nietBeantwoord: uitkomst.nietBeantwoord.length,
  });
  return continueAsNew<typeof terugplaatsingScreening>({ beleid, gedaan: plan.datum });
}
