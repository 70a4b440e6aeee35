/**
 * Preloaded (`node --expose-gc -r …/workerProbe.js`) into the product's worker process and into the
 * raw baseline's worker process; it changes nothing they do. It reports the worker's effective limits
 * once Worker.create returns, and on request the V8 heap after a full GC of every isolate: the SDK runs
 * workflows in a worker thread, whose heap `process.memoryUsage()` in the main thread does not show.
 * The preload runs in every thread (Node passes -r on), so each thread answers for its own heap.
 */
import v8 from 'node:v8';
import { BroadcastChannel, isMainThread, threadId } from 'node:worker_threads';
import type { BenchToProbe, HeapReport, ProbeToBench, ThreadMessage, WorkerLimits } from './messages';
import { THREAD_CHANNEL } from './messages';

const collect = () => {
  const gc = (globalThis as { gc?: () => void }).gc;
  // Twice: the first pass can leave garbage that only the second frees (weak references, finalizers).
  gc?.();
  gc?.();
  return v8.getHeapStatistics().used_heap_size;
};

if (isMainThread) {
  if (process.send) mainThread();
} else {
  workerThread();
}

function workerThread(): void {
  const channel = new BroadcastChannel(THREAD_CHANNEL);
  channel.unref();
  const post = (m: ThreadMessage) => channel.postMessage(m);
  channel.onmessage = (event) => {
    const m = (event as { data: ThreadMessage }).data;
    if (m.type === 'measure') post({ type: 'heap', id: m.id, threadId, bytes: collect() });
  };
  post({ type: 'hello', threadId });
  process.on('exit', () => post({ type: 'bye', threadId }));
}

function mainThread(): void {
  const send = (m: ProbeToBench) => process.send?.(m);
  const threads = new Set<number>();
  const answers = new Map<number, Map<number, number>>();
  const channel = new BroadcastChannel(THREAD_CHANNEL);
  channel.unref();
  channel.onmessage = (event) => {
    const m = (event as { data: ThreadMessage }).data;
    if (m.type === 'hello') threads.add(m.threadId);
    if (m.type === 'bye') threads.delete(m.threadId);
    if (m.type === 'heap') answers.get(m.id)?.set(m.threadId, m.bytes);
  };

  process.on('message', (m: BenchToProbe) => {
    if (m.type !== 'heap') return;
    void measure(m.id).then((report) => send({ type: 'heap', id: m.id, report }));
  });
  // The IPC channel must not keep a worker alive that has finished; the bench going away stops it.
  process.channel?.unref();
  process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));

  async function measure(id: number): Promise<HeapReport> {
    const got = new Map<number, number>();
    answers.set(id, got);
    const mainBytes = collect();
    channel.postMessage({ type: 'measure', id } satisfies ThreadMessage);
    // A thread busy with a long activation answers late; 20 s bounds the wait.
    const until = Date.now() + 20_000;
    while (Date.now() < until && [...threads].some((t) => !got.has(t))) await new Promise((r) => setTimeout(r, 25));
    answers.delete(id);
    const list = [...got].map(([t, bytes]) => ({ threadId: t, bytes }));
    return {
      totalBytes: mainBytes + list.reduce((s, t) => s + t.bytes, 0),
      mainBytes,
      threads: list,
      missing: [...threads].filter((t) => !got.has(t)).length,
    };
  }

  // Observe, not change: wrap Worker.create to read back the options the SDK compiled.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sdk = require('@temporalio/worker') as typeof import('@temporalio/worker');
  const create = sdk.Worker.create.bind(sdk.Worker);
  sdk.Worker.create = async (options) => {
    const worker = await create(options);
    const o = worker.options;
    const limits: WorkerLimits = {
      maxCachedWorkflows: o.maxCachedWorkflows,
      tuner: o.tuner,
      workflowTaskPollerBehavior: o.workflowTaskPollerBehavior,
      activityTaskPollerBehavior: o.activityTaskPollerBehavior,
      workflowThreadPoolSize: o.workflowThreadPoolSize,
      reuseV8Context: o.reuseV8Context ?? true,
      nonStickyToStickyPollRatio: o.nonStickyToStickyPollRatio,
      maxActivitiesPerSecond: o.maxActivitiesPerSecond,
      maxTaskQueueActivitiesPerSecond: o.maxTaskQueueActivitiesPerSecond,
    };
    send({
      type: 'worker-created',
      taskQueue: o.taskQueue,
      limits: JSON.parse(JSON.stringify(limits)) as WorkerLimits,
    });
    return worker;
  };
}
