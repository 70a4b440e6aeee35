import { randomUUID } from 'node:crypto';
import { type BenchContext, progress, type StepResult } from '../context';
import { interleaved, pool, stats } from '../drive';
import { RAW_TASK_QUEUE } from '../rawSide';
import { rawCase, statusQuery } from '../raw/workflows';
import { fmtErrors, fmtMs, fmtRate } from '../report';

/**
 * Create: POST /api/v1/zaken/zorgplicht (answers with the first view) against the raw client's
 * workflow.start plus the first `status` query of a trivial workflow, and raw start alone.
 */
export async function createStep(ctx: BenchContext): Promise<StepResult & { productIds: string[]; rawIds: string[] }> {
  const { opts, api, raw } = ctx;
  const n = opts.creates;
  const productIds: string[] = [];
  const rawIds: string[] = [];
  let startedOnly: string[] = [];
  progress(`create: ${n} per side, concurrency ${opts.concurrency}`);

  // Warm-up (not timed): connections open, code paths compiled on both sides.
  await pool(Math.min(10, n), opts.concurrency, async (i) => void productIds.push(await api.create(-1 - i)));
  await pool(Math.min(10, n), opts.concurrency, async () => {
    const h = await raw.client.workflow.start(rawCase, {
      taskQueue: RAW_TASK_QUEUE,
      workflowId: `raw-${randomUUID()}`,
    });
    await h.query(statusQuery);
    rawIds.push(h.workflowId);
  });

  const result = await interleaved(
    n,
    {
      product: (from, k) => pool(k, opts.concurrency, async (i) => void productIds.push(await api.create(from + i))),
      rawStartQuery: (_from, k) =>
        pool(k, opts.concurrency, async () => {
          const h = await raw.client.workflow.start(rawCase, {
            taskQueue: RAW_TASK_QUEUE,
            workflowId: `raw-${randomUUID()}`,
          });
          await h.query(statusQuery);
          rawIds.push(h.workflowId);
        }),
      rawStart: (_from, k) =>
        pool(k, opts.concurrency, async () => {
          const id = `raw-${randomUUID()}`;
          await raw.client.workflow.start(rawCase, { taskQueue: RAW_TASK_QUEUE, workflowId: id });
          startedOnly.push(id);
        }),
    },
    async () => {
      // Started-only workflows still owe their first workflow task: let the raw worker finish it
      // before the next phase is timed (a query is answered only after that task).
      const owed = startedOnly;
      startedOnly = [];
      await pool(owed.length, opts.concurrency, (i) =>
        raw.client.workflow
          .getHandle(owed[i])
          .query(statusQuery)
          .then(() => undefined),
      );
    },
  );
  const p = stats(result.product);
  const sq = stats(result.rawStartQuery);
  const s = stats(result.rawStart);
  return {
    title: 'Create',
    productIds,
    rawIds,
    rows: [
      {
        measurement: 'create: API POST vs raw start+first query',
        product: `${fmtRate(p.perSecond)} p50 ${fmtMs(p.p50Ms)}${fmtErrors(p.errors)}`,
        raw: `${fmtRate(sq.perSecond)} p50 ${fmtMs(sq.p50Ms)}${fmtErrors(sq.errors)}`,
        ratio: p.perSecond / sq.perSecond,
        target: { op: '>=', value: 0.5 },
      },
      {
        measurement: 'create: API POST vs raw start alone',
        product: `${fmtRate(p.perSecond)} p50 ${fmtMs(p.p50Ms)}${fmtErrors(p.errors)}`,
        raw: `${fmtRate(s.perSecond)} p50 ${fmtMs(s.p50Ms)}${fmtErrors(s.errors)}`,
        ratio: p.perSecond / s.perSecond,
      },
    ],
    how: [
      `create: ${n} per side, ${opts.concurrency} in flight, halves in the order product, raw start+query, raw start | raw start, raw start+query, product.`,
      '  product: POST /api/v1/zaken/zorgplicht over keep-alive HTTP with the coordinator token (201 with the first view).',
      '  raw: client.workflow.start(rawCase) then handle.query(status), plain client (no codec), own task queue and worker; "raw start alone" does not wait for the worker.',
    ],
    detail: { product: p, rawStartQuery: sq, rawStart: s },
  };
}
