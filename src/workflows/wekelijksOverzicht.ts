/**
 * The directeur's weekly digest of stuck impasses (P2), started by the Schedule
 * `wekelijks-overzicht-vastgelopen` every Monday 08:00 Europe/Amsterdam. No stuck case: no e-mail.
 */
import { proxyActivities } from '@temporalio/workflow';
import { formatDutchDate, toIsoDate } from '../domain/dates';
import type { Activities } from '../activities';

const { vastgelopenImpasses, stuurNotificatie } = proxyActivities<Activities>({
  // As in berichten.ts: an SMTP server may take 10 minutes; the activities heartbeat.
  startToCloseTimeout: '30 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '10 seconds', maximumInterval: '10 minutes', backoffCoefficient: 2 },
});

export interface OverzichtResultaat {
  datum: string;
  vastgelopen: string[];
  verzonden: boolean;
}

export async function wekelijksOverzicht(): Promise<OverzichtResultaat> {
  const datum = toIsoDate(Date.now());
  const zaken = await vastgelopenImpasses();
  if (zaken.length === 0) return { datum, vastgelopen: [], verzonden: false };
  const verzonden = await stuurNotificatie({
    // One digest per day: a retried or re-triggered run on the same day sends nothing new.
    sleutel: `wekelijks-overzicht/${datum}`,
    sjabloon: 'overzicht-vastgelopen',
    aan: [{ rol: 'directeur' }],
    gegevens: {
      datum: formatDutchDate(datum),
      aantal: String(zaken.length),
      zaken: zaken.map((z) => ({
        id: z.id,
        school: z.school ?? '-',
        niveau: z.niveau,
        niveauSinds: formatDutchDate(toIsoDate(Date.parse(z.niveauSinds))),
        dagenOpNiveau: z.dagenOpNiveau,
        schooldagenOpNiveau: z.schooldagenOpNiveau,
        vastgelopenSinds: z.vastgelopenSinds ? formatDutchDate(toIsoDate(Date.parse(z.vastgelopenSinds))) : '-',
      })),
    },
  });
  // A rerun on the same day finds the digest already sent: nothing new went out.
  return { datum, vastgelopen: zaken.map((z) => z.id), verzonden: verzonden.some((v) => !v.alVerzonden) };
}
