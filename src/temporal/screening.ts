import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { policies } from '../domain/policies';
import { terugplaatsingScreening } from '../workflows/terugplaatsingScreening';

/** One screening workflow per SWV policy: codes only in the id. */
export const screeningId = (beleid: string): string => `terugplaatsing-screening-${beleid}`;

/**
 * Starts the screening moments of every policy unless they run already: safe at every worker start,
 * with several workers (as ensureTlvInventaris).
 */
export async function ensureTerugplaatsingScreening(
  client: Client,
  taskQueue: string,
): Promise<Record<string, 'gestart' | 'draait al'>> {
  const uit: Record<string, 'gestart' | 'draait al'> = {};
  for (const beleid of Object.keys(policies)) {
    try {
      await client.workflow.start(terugplaatsingScreening, {
        taskQueue,
        workflowId: screeningId(beleid),
        args: [{ beleid }],
      });
      uit[beleid] = 'gestart';
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      uit[beleid] = 'draait al';
    }
  }
  return uit;
}
