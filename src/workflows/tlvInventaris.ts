/**
 * The yearly TLV inventory (seed 001 L1270–1273: "bij aanvang van ieder schooljaar inventariseren de
 * betrokken scholen en het SPOW" which TLVs end), one workflow per holiday region
 * (`tlv-inventaris-<regio>`, started by ensureTlvInventaris at every worker start). It sleeps until
 * 08:00 Europe/Amsterdam on the region's first school day after the summer, has the activity mail
 * every S(B)O school and the coordinator the granted TLVs that end in that school year, and
 * continues as new for the next year. A durable timer, not a Schedule: the day differs every year.
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
import type { Regio } from '../domain/regio';
import type { InventarisPlanning } from '../activities/inventarisPlanning';
import { wachtOpMoment } from './wekker';

const { inventariseerTlvs } = proxyActivities<Activities>({
  // As wekelijksOverzicht: a slow SMTP server may take 10 minutes a message; the activity heartbeats.
  startToCloseTimeout: '30 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '10 seconds', maximumInterval: '10 minutes', backoffCoefficient: 2 },
});
// The day comes from the holiday data, which a deploy may change: asked, so the answer is recorded.
const { inventarisPlanning } = proxyLocalActivities<Activities>({ startToCloseTimeout: '10 seconds' });

export type { InventarisPlanning };

export interface TlvInventarisInput {
  regio: Regio;
  /** The school year whose inventory the previous run sent (continueAsNew): never sent twice. */
  gedaan?: string;
}

export const tlvInventarisPlanningQuery = defineQuery<InventarisPlanning>('planning');

export async function tlvInventaris(input: TlvInventarisInput): Promise<never> {
  const { regio } = input;
  const vraag = () => inventarisPlanning({ regio, nu: Date.now(), gedaan: input.gedaan });
  let plan = await vraag();
  setHandler(tlvInventarisPlanningQuery, () => plan);

  // The same school year, asked again (new holiday data may move its day).
  plan = await wachtOpMoment(
    plan,
    vraag,
    (p) => (plan = p),
    (oud, nieuw) => nieuw.schooljaar === oud.schooljaar,
  );

  const uitkomst = await inventariseerTlvs({
    regio,
    schooljaar: plan.schooljaar,
    eersteSchooldag: plan.datum,
    regel: plan.regel,
  });
  // Counts only: the names stay in the mails.
  log.info('TLV-inventarisatie verstuurd', {
    regio,
    schooljaar: uitkomst.schooljaar,
    zaken: uitkomst.zaken,
    scholen: uitkomst.scholen,
    verzonden: uitkomst.verzonden,
    nietBeantwoord: uitkomst.nietBeantwoord.length,
  });
  return continueAsNew<typeof tlvInventaris>({ regio, gedaan: plan.schooljaar });
}
