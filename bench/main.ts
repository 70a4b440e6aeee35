/**
 * `npm run bench -- --cases N`: the product and a raw-Temporal baseline side by side in one run on
 * one embedded dev server, printing product/raw ratios against issue 8's targets. See bench/README.md.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ROOT, temporalBinaries } from '../src/config';
import { connectClient } from '../src/temporal/client';
import { Children } from './children';
import { type BenchContext, progress, type StepResult } from './context';
import { waitUntil } from './drive';
import { parseOptions, type BenchOptions, type Step } from './options';
import { RssSampler } from './proc';
import { ProductApi } from './productApi';
import { ProductStack } from './productStack';
import { RawSide } from './rawSide';
import { rowsTable, verdict } from './report';
import { backlogStep } from './steps/backlog';
import { createStep } from './steps/create';
import { decisionStep } from './steps/decision';
import { listStep } from './steps/list';
import { memoryStep, memoryTable } from './steps/memory';
import { readStep } from './steps/read';

async function main(opts: BenchOptions, children: Children, runDir: string, cleanup: Cleanup): Promise<void> {
  if (!fs.existsSync(temporalBinaries.cli))
    throw new Error(`no Temporal CLI at ${temporalBinaries.cli}: run npm ci first`);
  await assertPortsFree(opts.ports);
  const startedAt = new Date();
  const product = new ProductStack(children, path.join(runDir, 'data'), opts.ports);
  cleanup.product = product;
  progress(
    `starting the product in ${runDir} (API :${opts.ports.api}, Temporal :${opts.ports.temporal}, UI :${opts.ports.ui}, SMTP :${opts.ports.smtp})`,
  );
  await product.start();
  progress('product up (dev server, SMTP sink, worker, API)');
  const { limits } = await product.worker!.created;
  const raw = await RawSide.connect(children, runDir, product.config.temporalAddress, product.config.namespace, limits);
  cleanup.raw = raw;
  await raw.startWorker();
  progress('raw worker up');
  const productClient = await connectClient(product.config);
  cleanup.productClient = productClient;

  const sampler = new RssSampler();
  sampler.track('worker', product.worker?.pid);
  sampler.track('raw-worker', raw.worker?.pid);
  sampler.track('temporal', product.devServer?.pid);
  sampler.track('api', product.api?.pid);
  cleanup.api = new ProductApi(product.apiBase, product.tokens().coordinator);
  const ctx: BenchContext = {
    opts,
    product,
    api: cleanup.api,
    productClient,
    raw,
    sampler,
    settleMail: (quietMs = 1000) => settleMail(product, quietMs),
  };

  const header = [
    `Bench ${startedAt.toISOString()}: product ${ROOT} @ ${gitRevision()}`,
    `machine: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; one embedded dev server (SQLite), loopback only`,
    `options: --only ${opts.steps.join(',')} --cases ${opts.cases} --concurrency ${opts.concurrency} --decision-concurrency ${opts.decisionConcurrency} (creates ${opts.creates}, decisions ${opts.decisions}, reads ${opts.reads}, lists ${opts.lists}, backlog ${opts.backlog}, raw memory ${opts.rawMemoryCases})`,
    `product worker: node dist/worker.js (probe preloaded), effective limits ${JSON.stringify(summariseLimits(limits))}`,
    `raw worker: bench/raw/worker.ts on task queue bench-raw, plain client without codec, the same limits ${JSON.stringify(summariseLimits(limits))}`,
  ];
  console.log(header.join('\n'));

  const steps: StepResult[] = [];
  const show = (step: StepResult, extra?: string) => {
    steps.push(step);
    console.log(`\n== ${step.title}\n${rowsTable(step.rows)}${extra ? `\n\n${extra}` : ''}\n${step.how.join('\n')}`);
  };
  const runs = (s: Step) => opts.steps.includes(s);
  const created = runs('create') ? await createStep(ctx) : undefined;
  if (created) show(created);
  if (runs('decision')) show(await decisionStep(ctx));
  if (created && runs('read')) show(await readStep(ctx, created.productIds, created.rawIds));
  if (runs('list')) show(await listStep(ctx));
  if (runs('backlog')) show(await backlogStep(ctx));
  if (runs('memory')) {
    const memory = await memoryStep(ctx);
    show(memory, memoryTable(memory.product, memory.raw));
  }

  const rows = steps.flatMap((s) => s.rows);
  console.log(`\n== Summary (ratio = product / raw)\n${rowsTable(rows)}`);
  const results = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    product: { root: ROOT, revision: gitRevision() },
    machine: { cores: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    options: opts,
    workerLimits: limits,
    peakRssBytes: { devServer: sampler.peak('temporal'), api: sampler.peak('api') },
    rows: rows.map((r) => ({ ...r, result: verdict(r) })),
    steps: Object.fromEntries(steps.map((s) => [s.title, { how: s.how, detail: s.detail }])),
  };
  fs.mkdirSync(path.dirname(opts.out), { recursive: true });
  fs.writeFileSync(opts.out, JSON.stringify(results, null, 2) + '\n');
  console.log(`\nresults: ${opts.out}`);
  sampler.stop();
}

/** Waits until no new mail has arrived for `quietMs` (at most a minute); when the last one came. */
async function settleMail(product: ProductStack, quietMs: number): Promise<number> {
  let last = -1;
  let quietSince = Date.now();
  await waitUntil('the mail to settle', 60_000, () => {
    const now = product.mailCount();
    if (now !== last) {
      last = now;
      quietSince = Date.now();
    }
    return Date.now() - quietSince >= quietMs;
  });
  return quietSince;
}

function summariseLimits(l: {
  maxCachedWorkflows: number;
  tuner: unknown;
  workflowThreadPoolSize: number;
  reuseV8Context: boolean;
}) {
  const tuner = l.tuner as Record<string, { type?: string; numSlots?: number }> | undefined;
  const slots = (k: string) => (tuner?.[k]?.type === 'fixed-size' ? tuner[k].numSlots : tuner?.[k]?.type);
  return {
    maxCachedWorkflows: l.maxCachedWorkflows,
    workflowTaskSlots: slots('workflowTaskSlotSupplier'),
    activityTaskSlots: slots('activityTaskSlotSupplier'),
    workflowThreadPoolSize: l.workflowThreadPoolSize,
    reuseV8Context: l.reuseV8Context,
  };
}

function gitRevision(): string {
  try {
    const rev = execFileSync('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync(
      'git',
      ['-C', ROOT, 'status', '--porcelain', '--untracked-files=no', '--', 'src', 'worker.ts', 'scripts'],
      { encoding: 'utf8' },
    ).trim();
    return dirty ? `${rev} + uncommitted changes` : rev;
  } catch {
    return 'unknown revision';
  }
}

async function assertPortsFree(ports: BenchOptions['ports']): Promise<void> {
  for (const [what, port] of Object.entries(ports)) {
    await new Promise<void>((resolve, reject) => {
      const server = net.createServer();
      server.once('error', () =>
        reject(new Error(`port ${port} (${what}) is in use; choose others with --ports api,temporal,ui,smtp`)),
      );
      server.listen(port, () => server.close(() => resolve()));
    });
  }
}

/** What has to be closed however the run ends. */
interface Cleanup {
  product?: ProductStack;
  raw?: RawSide;
  productClient?: { connection: { close(): Promise<void> } };
  api?: ProductApi;
}

async function closeAll(c: Cleanup, children: Children): Promise<void> {
  c.api?.close();
  await c.raw?.close().catch(() => undefined);
  await c.productClient?.connection.close().catch(() => undefined);
  await (c.product ? c.product.close() : children.stopAll()).catch(() => undefined);
}

function run(): void {
  let opts: BenchOptions;
  try {
    opts = parseOptions(process.argv.slice(2), path.join(ROOT, 'bench'));
  } catch (err) {
    console.error((err as Error).message);
    process.exit(2);
  }
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'po-bench-'));
  const children = new Children(path.join(runDir, 'logs'));
  const cleanup: Cleanup = {};
  let finishing = false;
  const finish = async (code: number) => {
    if (finishing) return;
    finishing = true;
    await closeAll(cleanup, children);
    // Kept after a failure (its logs tell why) or when asked; an interrupted run leaves nothing.
    if (code === 1 || opts.keep) console.error(`[bench] run directory kept: ${runDir}`);
    else fs.rmSync(runDir, { recursive: true, force: true });
    process.exit(code);
  };
  process.on('exit', () => children.killAllSync());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      console.error(`[bench] ${signal}: stopping everything`);
      void finish(130);
    });
  }
  for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
    process.on(event, (err: unknown) => {
      // While stopping, calls still in flight fail on closed connections: expected, not news.
      if (finishing) return;
      console.error(`[bench] ${event}:`, err instanceof Error ? (err.stack ?? err.message) : err);
      void finish(1);
    });
  }
  const watchdog = setTimeout(() => {
    console.error(`[bench] still running after ${opts.maxMinutes} minutes (--max-minutes): stopping`);
    void finish(1);
  }, opts.maxMinutes * 60_000);
  watchdog.unref();
  main(opts, children, runDir, cleanup).then(
    () => finish(0),
    (err: unknown) => {
      if (finishing) return;
      console.error('[bench] failed:', err instanceof Error ? (err.stack ?? err.message) : err);
      void finish(1);
    },
  );
}

run();
