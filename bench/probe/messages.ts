/** What the worker probe (a preload in the product's and the raw worker process) and the bench say over IPC. */

/** The worker's effective limits, as the SDK compiled them (so the raw worker can use the same). */
export interface WorkerLimits {
  maxCachedWorkflows: number;
  tuner: unknown;
  workflowTaskPollerBehavior: unknown;
  activityTaskPollerBehavior: unknown;
  workflowThreadPoolSize: number;
  reuseV8Context: boolean;
  nonStickyToStickyPollRatio: number;
  maxActivitiesPerSecond?: number;
  maxTaskQueueActivitiesPerSecond?: number;
}

export interface HeapReport {
  /** V8 heap in use after a full GC, main thread plus every worker thread (workflows run in one). */
  totalBytes: number;
  mainBytes: number;
  threads: { threadId: number; bytes: number }[];
  /** Threads that did not answer in time (their heap is missing from the total). */
  missing: number;
}

export type ProbeToBench =
  | { type: 'worker-created'; taskQueue: string; limits: WorkerLimits }
  | { type: 'heap'; id: number; report: HeapReport };

export type BenchToProbe = { type: 'heap'; id: number };

/** Between the probe's main thread and its copies in the worker threads. */
export const THREAD_CHANNEL = 'bench-worker-probe';
export type ThreadMessage =
  | { type: 'hello'; threadId: number }
  | { type: 'bye'; threadId: number }
  | { type: 'measure'; id: number }
  | { type: 'heap'; id: number; threadId: number; bytes: number };
