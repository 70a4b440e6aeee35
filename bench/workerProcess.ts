import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Children } from './children';
import type { BenchToProbe, HeapReport, ProbeToBench, WorkerLimits } from './probe/messages';

const PROBE = path.join(__dirname, 'probe', 'workerProbe.js');

/**
 * A worker process (the product's `dist/worker.js` or the raw baseline's) started with the probe
 * preloaded: its pid for RSS, its effective limits, its heap on request, and whether it died.
 */
export class WorkerProcess {
  readonly proc: ChildProcess;
  readonly log: string;
  readonly startedAt = Date.now();
  /** Resolves when Worker.create has returned (bundle built, about to poll). */
  readonly created: Promise<{ taskQueue: string; limits: WorkerLimits; at: number }>;
  exit?: { code: number | null; signal: NodeJS.Signals | null; at: number };
  private readonly heapWaiters = new Map<number, (r: HeapReport) => void>();
  private heapSeq = 0;

  constructor(children: Children, name: string, script: string, env: NodeJS.ProcessEnv) {
    ({ proc: this.proc, log: this.log } = children.spawn(
      name,
      process.execPath,
      ['--expose-gc', ...nodeArgs(), '-r', PROBE, script],
      { env, ipc: true },
    ));
    this.created = new Promise((resolve, reject) => {
      this.proc.on('message', (m: ProbeToBench) => {
        if (m.type === 'worker-created') resolve({ taskQueue: m.taskQueue, limits: m.limits, at: Date.now() });
        if (m.type === 'heap') this.heapWaiters.get(m.id)?.(m.report);
      });
      this.proc.once('exit', (code, signal) => {
        this.exit = { code, signal, at: Date.now() };
        reject(
          new Error(`${name} exited (${code ?? signal}) before it was ready; log: ${this.log}\n${tail(this.log)}`),
        );
      });
    });
    // A worker that dies later is recorded in `exit`, not an unhandled rejection.
    this.created.catch(() => undefined);
  }

  get pid(): number | undefined {
    return this.proc.pid;
  }

  get alive(): boolean {
    return !this.exit;
  }

  /** The heap of all its isolates after a full GC; undefined when it does not answer in time. */
  async heap(timeoutMs = 30_000): Promise<HeapReport | undefined> {
    if (!this.alive || !this.proc.connected) return undefined;
    const id = ++this.heapSeq;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.heapWaiters.delete(id);
        resolve(undefined);
      }, timeoutMs);
      this.heapWaiters.set(id, (r) => {
        clearTimeout(timer);
        this.heapWaiters.delete(id);
        resolve(r);
      });
      this.proc.send({ type: 'heap', id } satisfies BenchToProbe);
    });
  }
}

/** The last lines of a log, for an error message. */
export function tail(file: string, lines = 15): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/** Extra node flags for the workers and the API, e.g. BENCH_WORKER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile them. */
export function nodeArgs(): string[] {
  return (process.env.BENCH_WORKER_NODE_ARGS ?? '').split(' ').filter(Boolean);
}
