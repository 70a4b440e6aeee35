/**
 * The screening moments of the terugplaatsingsbeleid (issue 13; seed 001 L2047–2052) on the
 * time-skipping server, on real calendar dates: SPOW (regio midden) screens on 1 October and 1 March,
 * at 08:00 Europe/Amsterdam, moved to the next school day when the day is none. 2027: Monday 1 March
 * and Friday 1 October; 2028: Wednesday 1 March lies in the voorjaarsvakantie of regio midden
 * (26 February – 5 March 2028, rijksoverheid 2027-2028) → Monday 6 March; Sunday 1 October 2028 →
 * Monday 2 October. Not before, and once per moment (continueAsNew carries the moment it sent).
 */
import { Context } from '@temporalio/activity';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { screeningPlanning, type ScreeningOpdracht, type ScreeningUitkomst } from '../../src/activities/screening';
import { toIsoDate } from '../../src/domain';
import { screeningPlanningQuery, terugplaatsingScreening } from '../../src/workflows/terugplaatsingScreening';
import { waitFor } from '../helpers/api';
import { recordHistory } from '../helpers/histories';
import { amsterdam, skipTo, timeSkippingEnv } from '../helpers/temporal';
import { workflowBundle } from '../helpers/worker';

const SUITE = 'terugplaatsingScreening workflow (time-skipping, real dates)';
const AMSTERDAM = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  hour: '2-digit',
  minute: '2-digit',
});
const REGEL = 'Ondersteuningsplan SPOW 2020-2024, Stappenplan Terugplaatsing, Algemeen: screeningsmoment';

describe(SUITE, () => {
  let env: TestWorkflowEnvironment;
  // Monday 11 January 2027, 09:00 in Amsterdam: the moment of 1 March 2027 is the next one.
  beforeAll(async () => {
    env = await timeSkippingEnv({ start: '2027-01-11T08:00:00Z' });
  });
  afterAll(async () => {
    await env?.teardown();
  });

  it('reminds on 1 March and 1 October at 08:00, on the next school day when the day is none, once per moment', async () => {
    const runs: { id: string; beleid: string; datum: string; op: string }[] = [];
    async function herinnerScreening(o: ScreeningOpdracht): Promise<ScreeningUitkomst> {
      const info = Context.current().info;
      const at = info.currentAttemptScheduledTimestampMs;
      runs.push({
        id: info.workflowExecution?.workflowId ?? '',
        beleid: o.beleid,
        datum: o.datum,
        op: `${toIsoDate(at)} ${AMSTERDAM.format(at)}`,
      });
      return {
        beleid: o.beleid,
        datum: o.datum,
        zaken: 0,
        scholen: 0,
        verzonden: 0,
        alVerzonden: 0,
        nietBeantwoord: [],
        nietBereikt: 0,
      };
    }
    const taskQueue = `screening-${Math.random().toString(16).slice(2)}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: await workflowBundle(),
      // The real planning (policy and holiday data), as a local activity.
      activities: {
        herinnerScreening,
        screeningPlanning: async (a: Parameters<typeof screeningPlanning>[0]) => screeningPlanning(a),
      },
    });
    const aantal = (n: number) => waitFor(async () => (runs.length >= n ? runs : undefined), 10_000, 50);
    const id = 'terugplaatsing-screening-spow';

    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(terugplaatsingScreening, {
        taskQueue,
        workflowId: id,
        args: [{ beleid: 'spow' }],
      });
      // A run that has sent 1 March 2027 already (continueAsNew) plans 1 October, also before 1 March.
      const gedaan = await env.client.workflow.start(terugplaatsingScreening, {
        taskQueue,
        workflowId: `${id}-gedaan`,
        args: [{ beleid: 'spow', gedaan: '2027-03-01' }],
      });

      expect(await handle.query(screeningPlanningQuery)).toEqual({
        beleid: 'spow',
        datum: '2027-03-01',
        regel: `${REGEL} maandag 1 maart 2027 (bespreek met de ondersteuningsadviseur welke leerlingen in aanmerking komen voor terugplaatsing)`,
        tijdstip: amsterdam('2027-03-01', '08:00'),
      });
      expect(await gedaan.query(screeningPlanningQuery)).toEqual(
        expect.objectContaining({ datum: '2027-10-01', tijdstip: amsterdam('2027-10-01', '08:00') }),
      );
      await recordHistory('terugplaatsingScreening', handle, 'v1', SUITE);

      // Past the 30-day wake-up of 10 February: still waiting for 1 March.
      await skipTo(env, amsterdam('2027-02-28', '12:00'));
      expect(runs).toEqual([]);
      expect((await handle.query(screeningPlanningQuery)).datum).toBe('2027-03-01');
      await skipTo(env, amsterdam('2027-03-01', '07:59'));
      expect(runs).toEqual([]);
      await skipTo(env, amsterdam('2027-03-01', '08:01'));
      await aantal(1);
      // The next run plans Friday 1 October 2027; the run that had sent 1 March did not send it again.
      const volgende = await waitFor(async () => {
        const p = await env.client.workflow.getHandle(id).query(screeningPlanningQuery);
        return p.datum === '2027-10-01' ? p : undefined;
      }, 10_000);
      expect(volgende.tijdstip).toBe(amsterdam('2027-10-01', '08:00'));
      await skipTo(env, amsterdam('2027-03-02', '12:00'));
      expect(runs).toEqual([{ id, beleid: 'spow', datum: '2027-03-01', op: '2027-03-01 08:00' }]);
      await gedaan.terminate('alleen 1 maart 2027 getoetst');
      // Run 1 ended with continueAsNew after one reminder; run 2 waits for October.
      await recordHistory(
        'terugplaatsingScreening',
        env.client.workflow.getHandle(id, handle.firstExecutionRunId),
        'v1-run1',
        SUITE,
      );

      await skipTo(env, amsterdam('2027-10-01', '07:59'));
      expect(runs).toHaveLength(1);
      await skipTo(env, amsterdam('2027-10-01', '08:01'));
      await aantal(2);

      // Wednesday 1 March 2028 lies in the voorjaarsvakantie regio midden (26 February – 5 March
      // 2028): the moment moves to Monday 6 March 2028, and the rule says why.
      const maart = await waitFor(async () => {
        const p = await env.client.workflow.getHandle(id).query(screeningPlanningQuery);
        return p.datum !== '2027-10-01' ? p : undefined;
      }, 10_000);
      expect(maart).toEqual({
        beleid: 'spow',
        datum: '2028-03-06',
        regel: `${REGEL} maandag 6 maart 2028 (bespreek met de ondersteuningsadviseur welke leerlingen in aanmerking komen voor terugplaatsing); woensdag 1 maart 2028 valt in de voorjaarsvakantie regio midden: de eerstvolgende schooldag`,
        tijdstip: amsterdam('2028-03-06', '08:00'),
      });
      await skipTo(env, amsterdam('2028-03-01', '08:01'));
      expect(runs).toHaveLength(2);
      await skipTo(env, amsterdam('2028-03-06', '07:59'));
      expect(runs).toHaveLength(2);
      await skipTo(env, amsterdam('2028-03-06', '08:01'));
      await aantal(3);

      // Sunday 1 October 2028 → Monday 2 October 2028.
      await skipTo(env, amsterdam('2028-10-02', '07:59'));
      expect(runs).toHaveLength(3);
      await skipTo(env, amsterdam('2028-10-02', '08:01'));
      await aantal(4);

      expect(runs).toEqual([
        { id, beleid: 'spow', datum: '2027-03-01', op: '2027-03-01 08:00' },
        { id, beleid: 'spow', datum: '2027-10-01', op: '2027-10-01 08:00' },
        { id, beleid: 'spow', datum: '2028-03-06', op: '2028-03-06 08:00' },
        { id, beleid: 'spow', datum: '2028-10-02', op: '2028-10-02 08:00' },
      ]);
      // Each moment its own run: the first, and one continueAsNew per moment sent.
      const runIds = [handle.firstExecutionRunId];
      for (;;) {
        const { events } = await env.client.workflow.getHandle(id, runIds[runIds.length - 1]).fetchHistory();
        const next = events?.at(-1)?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId;
        if (!next) break;
        runIds.push(next);
      }
      expect(runIds).toHaveLength(5);
      expect((await env.client.workflow.getHandle(id).query(screeningPlanningQuery)).datum).toBe('2029-03-01');
    });
  });
});
