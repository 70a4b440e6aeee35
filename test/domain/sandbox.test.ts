import { Worker } from '@temporalio/worker';
import { formatDutchDate, nextWeekdayAt, toInstant, toIsoDate } from '../../src/domain';
import { domeinInSandbox } from '../fixtures/domainInSandbox';
import { timeSkippingEnv } from '../helpers/temporal';

/**
 * The workflow sandbox replaces the Date constructor; a date function that works in Node can read
 * the UTC date there (it did: toIsoDate built on `new TZDate(ms)`). Same answers in both places.
 */
it('gives the same dates and instants inside a workflow as in Node, around midnight and DST', async () => {
  const instants = [
    '2026-09-30T22:00:00Z', // 00:00 Amsterdam (CEST): already 1 October
    '2026-12-31T23:30:00Z', // 00:30 Amsterdam (CET): already 2027
    '2027-03-28T00:59:00Z', // just before the spring-forward
    '2027-03-28T01:01:00Z', // just after it
    '2026-10-25T00:30:00Z', // the autumn night
    '2026-10-24T12:00:00Z', // a Saturday: next Monday 08:00 is after the switch to CET
  ].map(Date.parse);
  const inNode = instants.map((ms) => {
    const datum = toIsoDate(ms);
    return [
      datum,
      toInstant(datum, '08:00'),
      toInstant(datum, '17:00'),
      nextWeekdayAt(ms, 1, '08:00'),
      formatDutchDate(datum),
    ];
  });
  expect(inNode[0][0]).toBe('2026-10-01');
  expect(inNode[1][0]).toBe('2027-01-01');
  expect(new Date(inNode[5][3] as number).toISOString()).toBe('2026-10-26T07:00:00.000Z');

  const env = await timeSkippingEnv();
  try {
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'sandbox',
      workflowsPath: require.resolve('../fixtures/domainInSandbox'),
    });
    const inWorkflow = await worker.runUntil(
      env.client.workflow.execute(domeinInSandbox, { taskQueue: 'sandbox', workflowId: 'sandbox', args: [instants] }),
    );
    expect(inWorkflow).toEqual(inNode);
  } finally {
    await env.teardown();
  }
});
