import type { Client } from '@temporalio/client';
import { openImpasses, type ImpasseRegel } from '../readmodels/impasses';
import { leesThuiszitterRapport, type ThuiszitterRapport } from '../readmodels/thuiszitters';

/** A report's counts, without its cases: what goes by mail. */
export type ThuiszitterTelling = Omit<ThuiszitterRapport, 'zaken' | 'nietBeantwoord'> & { nietBeantwoord: number };

/** Reads for the directeur's mails (the weekly digest, the thuiszitters reports): visibility is outside the workflow, so an activity asks it. */
export function overzichtActivities(client: () => Promise<Client>) {
  return {
    async vastgelopenImpasses(): Promise<ImpasseRegel[]> {
      return openImpasses(await client(), { alleenVastgelopen: true });
    },
    async thuiszitterTelling(a: { beleid: string; van: string; tot: string }): Promise<ThuiszitterTelling> {
      const {
        zaken: _z,
        nietBeantwoord,
        ...telling
      } = await leesThuiszitterRapport(await client(), a.beleid, a.van, a.tot);
      return { ...telling, nietBeantwoord: nietBeantwoord.length };
    },
  };
}
