import type { Client } from '@temporalio/client';
import { openImpasses, type ImpasseRegel } from '../readmodels/impasses';

/** Reads for the weekly digest: visibility is outside the workflow, so an activity asks it. */
export function overzichtActivities(client: () => Promise<Client>) {
  return {
    async vastgelopenImpasses(): Promise<ImpasseRegel[]> {
      return openImpasses(await client(), { alleenVastgelopen: true });
    },
  };
}
