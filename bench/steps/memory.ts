import { randomUUID } from 'node:crypto';
import { type BenchContext, progress, type StepResult } from '../context';
import { pool, rate } from '../drive';
import { MiB, rssBytes, sqliteBytes } from '../proc';
import { RAW_TASK_QUEUE } from '../rawSide';
import { rawCase, statusQuery } from '../raw/workflows';
import { fmtMiB, table, type Row } from '../report';
import type { WorkerProcess } from '../workerProcess';

const RSS_BUDGET = 1024 * MiB;
const HEAP_PER_CASE_BUDGET = 0.25 * MiB;

export interface Checkpoint {
  cases: number;
  seconds: number;
  /** Cases (create + read, or start + query) per second since the previous checkpoint. */
  perSecond: number;
  errors: number;
  workerRss?: number;
  workerPeakRss?: number;
  heap?: number;
  heapThreadsMissing?: number;
  /** Growth over the warm worker, per case touched. */
  rssPerCase?: number;
  heapPerCase?: number;
  /** Growth per case the worker can hold (cases touched, capped at maxCachedWorkflows). */
  heapPerCachedCase?: number;
  devServerRss?: number;
  sqliteBytes: number;
  apiRss?: number;
}

export interface MemorySide {
  cases: number;
  maxCachedWorkflows: number;
  baseline: { rss?: number; heap?: number };
  checkpoints: Checkpoint[];
  peakRss?: number;
  crashed?: { afterCases: number; exit: string; log: string };
}

/** Cases that load and warm the code before the baseline is taken. */
const warmUpFor = (cases: number) => Math.min(20, Math.max(5, Math.round(cases / 10)));

/** Checkpoints at 1k / 10k / 20k where they lie below the size, and at the size itself. */
export const checkpointsFor = (n: number) => [...[1000, 10_000, 20_000].filter((c) => c < n), n];

/**
 * Memory at scale: open cases created and each read once through the API, with the worker's RSS
 * sampled all along and its heap (every isolate, after GC) at each checkpoint; the same for raw
 * workflows started and queried once. Both workers fresh, so growth is the cases' own.
 */
export async function memoryStep(ctx: BenchContext): Promise<StepResult & { product: MemorySide; raw: MemorySide }> {
  const { opts, product, raw, api } = ctx;
  progress('memory: fresh product and raw workers');
  await Promise.all([product.stopWorker(), raw.stopWorker()]);
  const [productWorker, rawWorker] = await Promise.all([product.startWorker(), raw.startWorker()]);
  ctx.sampler.track('worker', productWorker.pid);
  ctx.sampler.track('raw-worker', rawWorker.pid);

  progress(`memory: product, ${opts.cases} cases created and read once, concurrency ${opts.concurrency}`);
  const productSide = await grow(ctx, 'worker', productWorker, opts.cases, async (i) => {
    const id = await api.create(100_000 + i);
    await api.read(id);
  });
  progress(`memory: raw, ${opts.rawMemoryCases} workflows started and queried once`);
  const rawSide = await grow(ctx, 'raw-worker', rawWorker, opts.rawMemoryCases, async () => {
    const h = await raw.client.workflow.start(rawCase, {
      taskQueue: RAW_TASK_QUEUE,
      workflowId: `raw-mem-${randomUUID()}`,
    });
    await h.query(statusQuery);
  });

  const last = (s: MemorySide) => s.checkpoints.at(-1);
  const p = last(productSide);
  const r = last(rawSide);
  const mib = (b: number | undefined, d = 3) => (b === undefined ? '-' : `${(b / MiB).toFixed(d)} MiB`);
  const rows: Row[] = [
    {
      measurement: `memory: worker RSS peak (${p?.cases ?? 0} / ${r?.cases ?? 0} cases)`,
      product: `${fmtMiB(productSide.peakRss)}${productSide.crashed ? ` CRASHED after ${productSide.crashed.afterCases}` : ''}`,
      raw: fmtMiB(rawSide.peakRss),
      ratio: productSide.peakRss && rawSide.peakRss ? productSide.peakRss / rawSide.peakRss : undefined,
      check: { text: '<= 1 GiB', pass: !productSide.crashed && (productSide.peakRss ?? Infinity) <= RSS_BUDGET },
    },
    {
      measurement: 'memory: heap per cached case',
      product: mib(p?.heapPerCachedCase),
      raw: mib(r?.heapPerCachedCase),
      ratio: p?.heapPerCachedCase && r?.heapPerCachedCase ? p.heapPerCachedCase / r.heapPerCachedCase : undefined,
      check:
        p?.heapPerCachedCase === undefined
          ? undefined
          : { text: '<= 0.25 MiB', pass: p.heapPerCachedCase <= HEAP_PER_CASE_BUDGET },
    },
    {
      measurement: 'memory: RSS growth per case touched',
      product: mib(p?.rssPerCase),
      raw: mib(r?.rssPerCase),
      ratio: p?.rssPerCase && r?.rssPerCase ? p.rssPerCase / r.rssPerCase : undefined,
    },
  ];
  return {
    title: 'Memory at scale',
    rows,
    how: [
      `memory: both workers restarted fresh; ${warmUpFor(opts.cases)} cases to warm up, then the baseline (RSS, heap after GC); RSS sampled every 200 ms from /proc/<pid>/status.`,
      `  product: ${opts.cases} cases, each POST /api/v1/zaken/zorgplicht then GET /api/v1/zaken/{id}, ${opts.concurrency} in flight (worker cache ${productSide.maxCachedWorkflows}).`,
      `  raw: ${opts.rawMemoryCases} rawCase workflows, each start then query, ${opts.concurrency} in flight (worker cache ${rawSide.maxCachedWorkflows}).`,
      '  heap = V8 heap used after a full GC in every isolate of the worker process (main thread + the workflow thread), via a preloaded probe.',
      '  per cached case = growth over the baseline / min(cases, maxCachedWorkflows); per case touched = growth / cases.',
    ],
    detail: { product: productSide, raw: rawSide },
    product: productSide,
    raw: rawSide,
  };
}

async function grow(
  ctx: BenchContext,
  name: string,
  worker: WorkerProcess,
  n: number,
  op: (i: number) => Promise<void>,
): Promise<MemorySide> {
  const { opts, product, sampler } = ctx;
  const { limits } = await worker.created;
  const warmUp = warmUpFor(opts.cases);
  let i = 0;
  const guarded = async () => {
    if (!worker.alive) throw new Error('worker down');
    await op(i++);
  };
  await pool(warmUp, opts.concurrency, guarded);
  await new Promise((r) => setTimeout(r, 500));
  const heap0 = await worker.heap();
  const side: MemorySide = {
    cases: n,
    maxCachedWorkflows: limits.maxCachedWorkflows,
    baseline: { rss: rssBytes(worker.pid), heap: heap0?.totalBytes },
    checkpoints: [],
  };
  sampler.resetPeak(name);
  const started = Date.now();
  let done = 0;
  for (const cp of checkpointsFor(n)) {
    const batch = await pool(cp - done, opts.concurrency, guarded);
    done = cp;
    if (!worker.alive) {
      const succeeded = cp - batch.errors;
      side.crashed = { afterCases: succeeded, exit: String(worker.exit?.code ?? worker.exit?.signal), log: worker.log };
      progress(`memory: ${name} exited after about ${succeeded} cases (${side.crashed.exit}); see ${worker.log}`);
      break;
    }
    const heap = await worker.heap();
    const rss = rssBytes(worker.pid);
    const cached = Math.min(cp, limits.maxCachedWorkflows);
    const growth = (now: number | undefined, base: number | undefined) =>
      now !== undefined && base !== undefined ? now - base : undefined;
    const rssGrowth = growth(rss, side.baseline.rss);
    const heapGrowth = growth(heap?.totalBytes, side.baseline.heap);
    side.checkpoints.push({
      cases: cp,
      seconds: (Date.now() - started) / 1000,
      perSecond: rate(batch),
      errors: batch.errors,
      workerRss: rss,
      workerPeakRss: sampler.peak(name),
      heap: heap?.totalBytes,
      heapThreadsMissing: heap?.missing,
      rssPerCase: rssGrowth === undefined ? undefined : rssGrowth / cp,
      heapPerCase: heapGrowth === undefined ? undefined : heapGrowth / cp,
      heapPerCachedCase: heapGrowth === undefined ? undefined : heapGrowth / cached,
      devServerRss: rssBytes(product.devServer?.pid),
      sqliteBytes: sqliteBytes(product.dbFile),
      apiRss: rssBytes(product.api?.pid),
    });
    progress(
      `memory: ${name} ${cp} cases, RSS ${fmtMiB(rss)} (peak ${fmtMiB(sampler.peak(name))}), heap ${fmtMiB(heap?.totalBytes)}`,
    );
  }
  side.peakRss = sampler.peak(name);
  return side;
}

/** One line per checkpoint, product and raw side by side. */
export function memoryTable(productSide: MemorySide, rawSide: MemorySide): string {
  const mib = (b: number | undefined, d = 0) => fmtMiB(b, d);
  const per = (b: number | undefined) => (b === undefined ? '-' : (b / MiB).toFixed(3));
  const rows = productSide.checkpoints.map((c) => {
    const r = rawSide.checkpoints.find((x) => x.cases === c.cases);
    return [
      String(c.cases),
      `${c.perSecond.toFixed(1)}/s${c.errors ? ` (${c.errors} err)` : ''}`,
      `${mib(c.workerRss)} / ${mib(c.workerPeakRss)}`,
      mib(c.heap),
      `${per(c.heapPerCachedCase)} / ${per(c.rssPerCase)}`,
      r ? `${mib(r.workerRss)} / ${mib(r.workerPeakRss)}` : '-',
      r ? `${per(r.heapPerCachedCase)} / ${per(r.rssPerCase)}` : '-',
      mib(c.devServerRss),
      mib(c.sqliteBytes, 1),
      mib(c.apiRss),
    ];
  });
  // Raw checkpoints beyond the product's (the product crashed early): still shown.
  for (const r of rawSide.checkpoints.filter((x) => !productSide.checkpoints.some((c) => c.cases === x.cases))) {
    rows.push([
      String(r.cases),
      '-',
      '-',
      '-',
      '-',
      `${mib(r.workerRss)} / ${mib(r.workerPeakRss)}`,
      `${per(r.heapPerCachedCase)} / ${per(r.rssPerCase)}`,
      mib(r.devServerRss),
      mib(r.sqliteBytes, 1),
      '-',
    ]);
  }
  if (productSide.crashed)
    rows.push([
      `crash after ~${productSide.crashed.afterCases}`,
      '',
      `peak ${mib(productSide.peakRss)}`,
      '',
      '',
      '',
      '',
      '',
      '',
      '',
    ]);
  return table(
    [
      'cases',
      'product rate',
      'worker RSS now / peak',
      'heap',
      'heap/cached, RSS/case MiB',
      'raw RSS now / peak',
      'raw heap/cached, RSS/case',
      'dev server RSS',
      'SQLite',
      'API RSS',
    ],
    rows,
  );
}
