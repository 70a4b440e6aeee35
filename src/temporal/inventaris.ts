import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { REGIOS, type Regio } from '../domain/regio';
import { tlvInventaris } from '../workflows/tlvInventaris';

/** One inventory workflow per holiday region: codes only in the id. */
export const tlvInventarisId = (regio: Regio): string => `tlv-inventaris-${regio}`;

/**
 * Starts the yearly TLV inventory of every region unless it runs already: safe at every worker start,
 * with several workers. One that failed or was terminated is started again (the id may be reused);
 * a running one keeps its task queue and its own plan.
 */
export async function ensureTlvInventaris(
  client: Client,
  taskQueue: string,
): Promise<Record<Regio, 'gestart' | 'draait al'>> {
  const uit = {} as Record<Regio, 'gestart' | 'draait al'>;
  for (const regio of REGIOS) {
    try {
      await client.workflow.start(tlvInventaris, { taskQueue, workflowId: tlvInventarisId(regio), args: [{ regio }] });
      uit[regio] = 'gestart';
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      uit[regio] = 'draait al';
    }
  }
  return uit;
}
