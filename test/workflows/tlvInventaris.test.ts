/**
 * The yearly TLV inventory on the time-skipping server, on real calendar dates: it runs at 08:00
 * Europe/Amsterdam on its region's first school day after the summer (2027: noord Monday 23 August,
 * zuid Monday 6 September; 2028: noord 28 August, zuid 4 September), not before, and once a year.
 */
import { Context } from '@temporalio/activity';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { InventarisOpdracht, InventarisUitkomst } from '../../src/activities/inventaris';
import { inventarisPlanningActiviteiten } from '../../src/activities/inventarisPlanning';
import { toIsoDate } from '../../src/domain';
import { tlvInventaris, tlvInventarisPlanningQuery } from '../../src/workflows/tlvInventaris';
import { recordHistory } from '../helpers/histories';
import { amsterdam, skipTo, timeSkippingEnv } from '../helpers/temporal';
import { workflowBundle } from '../helpers/worker';
import { waitFor } from '../helpers/api';

const SUITE = 'tlvInventaris workflow (time-skipping, real dates)';
const AMSTERDAM = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  hour: '2-digit',
  minute: '2-digit',
});

describe(SUITE, () => {
  let env: TestWorkflowEnvironment;
  // Tuesday 1 June 2027: the summers of 2027 are still ahead in every region.
  beforeAll(async () => {
    env = await timeSkippingEnv({ start: '2027-06-01T10:00:00Z' });
  });
  afterAll(async () => {
    await env?.teardown();
  });

  it('runs at 08:00 on the first school day after the summer of noord and zuid, in 2027 and again in 2028, not before', async () => {
    const runs: { regio: string; schooljaar: string; dag: string; op: string }[] = [];
    async function inventariseerTlvs(o: InventarisOpdracht): Promise<InventarisUitkomst> {
      const at = Context.current().info.currentAttemptScheduledTimestampMs;
      runs.push({
        regio: o.regio,
        schooljaar: o.schooljaar,
        dag: o.eersteSchooldag,
        op: `${toIsoDate(at)} ${AMSTERDAM.format(at)}`,
      });
      return {
        regio: o.regio,
        schooljaar: o.schooljaar,
        zaken: 0,
        scholen: 0,
        verzonden: 0,
        alVerzonden: 0,
        nietBeantwoord: [],
        nietBereikt: 0,
      };
    }
    const taskQueue = `inventaris-${Math.random().toString(16).slice(2)}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: await workflowBundle(),
      activities: { inventariseerTlvs, ...inventarisPlanningActiviteiten() },
    });
    const aantal = (n: number) => waitFor(async () => (runs.length >= n ? runs : undefined), 10_000, 50);

    await worker.runUntil(async () => {
      const [noord, zuid] = await Promise.all(
        (['noord', 'zuid'] as const).map((regio) =>
          env.client.workflow.start(tlvInventaris, {
            taskQueue,
            workflowId: `tlv-inventaris-${regio}`,
            args: [{ regio }],
          }),
        ),
      );
      expect(await noord.query(tlvInventarisPlanningQuery)).toEqual({
        regio: 'noord',
        schooljaar: '2027-2028',
        datum: '2027-08-23',
        regel: expect.stringMatching(/^eerste schooldag na de zomervakantie regio noord/),
        geschat: false,
        tijdstip: amsterdam('2027-08-23', '08:00'),
      });
      expect((await zuid.query(tlvInventarisPlanningQuery)).datum).toBe('2027-09-06');
      await recordHistory('tlvInventaris', noord, 'v1', SUITE);

      await skipTo(env, amsterdam('2027-08-23', '07:59'));
      expect(runs).toEqual([]);
      await skipTo(env, amsterdam('2027-08-23', '08:01'));
      await aantal(1);
      await skipTo(env, amsterdam('2027-09-06', '07:59'));
      expect(runs).toHaveLength(1);
      await skipTo(env, amsterdam('2027-09-06', '08:01'));
      await aantal(2);
      // The next run plans the next summer.
      expect(await noord.query(tlvInventarisPlanningQuery)).toEqual(
        expect.objectContaining({ schooljaar: '2028-2029', datum: '2028-08-28' }),
      );

      await skipTo(env, amsterdam('2028-08-28', '07:59'));
      expect(runs).toHaveLength(2);
      await skipTo(env, amsterdam('2028-08-28', '08:01'));
      await aantal(3);
      await skipTo(env, amsterdam('2028-09-04', '07:59'));
      expect(runs).toHaveLength(3);
      await skipTo(env, amsterdam('2028-09-04', '08:01'));
      await aantal(4);

      expect(runs).toEqual([
        { regio: 'noord', schooljaar: '2027-2028', dag: '2027-08-23', op: '2027-08-23 08:00' },
        { regio: 'zuid', schooljaar: '2027-2028', dag: '2027-09-06', op: '2027-09-06 08:00' },
        { regio: 'noord', schooljaar: '2028-2029', dag: '2028-08-28', op: '2028-08-28 08:00' },
        { regio: 'zuid', schooljaar: '2028-2029', dag: '2028-09-04', op: '2028-09-04 08:00' },
      ]);
      expect(await zuid.query(tlvInventarisPlanningQuery)).toEqual(
        expect.objectContaining({ schooljaar: '2029-2030', geschat: false }),
      );
    });
  });
});
