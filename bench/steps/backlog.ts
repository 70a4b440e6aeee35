import { randomUUID } from 'node:crypto';
import { addDays, toIsoDate } from '../../src/domain';
import { type BenchContext, progress, type StepResult } from '../context';
import { directStartZorgplicht } from '../directStart';
import { prepare, waitUntil } from '../drive';
import { RAW_TASK_QUEUE } from '../rawSide';
import { rawDue } from '../raw/workflows';
import { fmtRate } from '../report';
import type { WorkerProcess } from '../workerProcess';

/** A BRIN code only the backlog's cases carry, so counting them needs no list of ids. */
const BACKLOG_BRIN = '99ZZ';

interface Drain {
  cases: number;
  /** From the first to the last case seen done: worker start-up (bundling) left out. */
  perSecond: number;
  /** From Worker.create returning to the last case done. */
  perSecondFromReady: number;
  readyMs: number;
  drainMs: number;
  /** Until the background work (mail, the raw activity) was done too. */
  settledMs: number;
}

/**
 * Backlog: N cases whose deadlines have all passed, queued while the worker is down, drained by a
 * freshly started worker, against N raw workflows with a deadline already due and one activity.
 */
export async function backlogStep(ctx: BenchContext): Promise<StepResult> {
  const { opts, product, raw, productClient } = ctx;
  const n = opts.backlog;
  const timeoutMs = 120_000 + n * 500;

  progress(`backlog: product, ${n} cases due at once`);
  await product.stopWorker();
  const aanmelddatum = addDays(toIsoDate(Date.now()), -300);
  await prepare('backlog cases', n, opts.concurrency, (i) =>
    directStartZorgplicht(
      productClient,
      product.config,
      product.config.taskQueue,
      `zp-${randomUUID()}`,
      20_000 + i,
      aanmelddatum,
      BACKLOG_BRIN,
    ),
  );
  const mailBefore = product.mailCount();
  progress('backlog: product cases queued, starting the worker');
  const productWorker = await product.startWorker();
  ctx.sampler.track('worker', productWorker.pid);
  const productDrain = await drain(productWorker, n, timeoutMs, () =>
    productClient.workflow
      .count(`SchoolBrin = '${BACKLOG_BRIN}' AND ZaakStatus = 'tijdelijk-geplaatst'`)
      .then((c) => c.count),
  );
  progress('backlog: product drained, waiting for its mail');
  // A case's mails go out one after another; 2 s without a new one means they are all out.
  productDrain.settledMs = (await ctx.settleMail(2000)) - productWorker.startedAt;
  const mails = product.mailCount() - mailBefore;
  const productPeakRss = ctx.sampler.peak('worker');
  // Stopped, so it neither competes with the raw phase nor carries these cases into the memory step.
  await product.stopWorker();

  progress(`backlog: raw, ${n} workflows due at once`);
  await raw.stopWorker();
  const dueAt = Date.now() - 24 * 3600_000;
  await prepare('raw backlog workflows', n, opts.concurrency, () =>
    raw.client.workflow.start(rawDue, {
      taskQueue: RAW_TASK_QUEUE,
      workflowId: `raw-due-${randomUUID()}`,
      args: [dueAt],
    }),
  );
  const rawWorker = await raw.startWorker();
  ctx.sampler.track('raw-worker', rawWorker.pid);
  const rawDrain = await drain(rawWorker, n, timeoutMs, () =>
    raw.client.workflow.count(`WorkflowType = 'rawDue' AND ZaakStatus = 'raw-klaar'`).then((c) => c.count),
  );
  await waitUntil(
    'the raw activities',
    timeoutMs,
    async () =>
      (await raw.client.workflow.count(`WorkflowType = 'rawDue' AND ExecutionStatus = 'Completed'`)).count >= n,
  );
  rawDrain.settledMs = Date.now() - rawWorker.startedAt;
  const rawPeakRss = ctx.sampler.peak('raw-worker');

  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  return {
    title: 'Backlog drain',
    rows: [
      {
        measurement: `backlog: ${n} due at once, drain rate`,
        product: `${fmtRate(productDrain.perSecond)} (${s(productDrain.drainMs)} first→last)`,
        raw: `${fmtRate(rawDrain.perSecond)} (${s(rawDrain.drainMs)} first→last)`,
        ratio: productDrain.perSecond / rawDrain.perSecond,
        target: { op: '>=', value: 0.8 },
      },
      {
        measurement: 'backlog: rate from worker ready',
        product: `${fmtRate(productDrain.perSecondFromReady)} (ready after ${s(productDrain.readyMs)})`,
        raw: `${fmtRate(rawDrain.perSecondFromReady)} (ready after ${s(rawDrain.readyMs)})`,
        ratio: productDrain.perSecondFromReady / rawDrain.perSecondFromReady,
      },
      {
        measurement: 'backlog: all side effects done, from spawn',
        product: `${fmtRate(n / (productDrain.settledMs / 1000))} (${s(productDrain.settledMs)}, ${mails} mails)`,
        raw: `${fmtRate(n / (rawDrain.settledMs / 1000))} (${s(rawDrain.settledMs)}, ${n} activities)`,
        ratio: rawDrain.settledMs / productDrain.settledMs,
      },
    ],
    how: [
      `backlog: ${n} per side, queued while that side's worker was stopped, then a fresh worker started; done = visible in visibility (count polled every 100 ms).`,
      `  product: zorgplicht cases started with the product's client and codec, input built as the create route builds it, aanmelddatum ${aanmelddatum} (both deadlines past):`,
      "    the first workflow task marks termijn-overschreden and tijdelijk-geplaatst and queues the mails; done = ZaakStatus 'tijdelijk-geplaatst'.",
      "  raw: rawDue(dueAt a day ago): deadline already due (no wait), upsert ZaakStatus 'raw-klaar', one trivial activity; same worker limits as the product's.",
      '  The drain rate counts from the first case done to the last (worker start-up and bundling left out); the last row includes start-up and the mail/activity tail.',
    ],
    detail: {
      product: { ...productDrain, mails, peakRssBytes: productPeakRss },
      raw: { ...rawDrain, peakRssBytes: rawPeakRss },
    },
  };
}

async function drain(
  worker: WorkerProcess,
  n: number,
  timeoutMs: number,
  countDone: () => Promise<number>,
): Promise<Drain> {
  const { at: readyAt } = await worker.created;
  let first: { at: number; count: number } | undefined;
  let lastAt = 0;
  await waitUntil(`${n} cases drained`, timeoutMs, async () => {
    if (!worker.alive)
      throw new Error(
        `the worker exited during the drain (${worker.exit?.code ?? worker.exit?.signal}); log: ${worker.log}`,
      );
    const count = await countDone();
    const at = Date.now();
    if (count > 0 && !first) first = { at, count };
    lastAt = at;
    return count >= n;
  });
  const f = first ?? { at: lastAt, count: n };
  const drainMs = lastAt - f.at;
  return {
    cases: n,
    perSecond: drainMs > 0 ? (n - f.count) / (drainMs / 1000) : n / Math.max(0.001, (lastAt - readyAt) / 1000),
    perSecondFromReady: n / Math.max(0.001, (lastAt - readyAt) / 1000),
    readyMs: readyAt - worker.startedAt,
    drainMs,
    settledMs: 0,
  };
}
