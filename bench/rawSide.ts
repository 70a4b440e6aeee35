import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import type { WorkerOptions } from '@temporalio/worker';
import type { Children } from './children';
import type { WorkerLimits } from './probe/messages';
import type { RawWorkerSpec } from './raw/worker';
import { WorkerProcess } from './workerProcess';

export const RAW_TASK_QUEUE = 'bench-raw';

/**
 * The raw-Temporal baseline: its own worker process on its own task queue of the product's dev
 * server, with the product worker's limits, and a plain client (default data converter, no codec).
 */
export class RawSide {
  worker?: WorkerProcess;
  private constructor(
    private readonly children: Children,
    private readonly spec: RawWorkerSpec,
    readonly client: Client,
  ) {}

  static async connect(
    children: Children,
    runDir: string,
    address: string,
    namespace: string,
    limits: WorkerLimits,
  ): Promise<RawSide> {
    const connection = await Connection.connect({ address });
    const client = new Client({ connection, namespace });
    const spec = {
      address,
      namespace,
      taskQueue: RAW_TASK_QUEUE,
      limits: workerOptionsFrom(limits),
      bundlePath: path.join(runDir, 'raw-workflow-bundle.js'),
    };
    return new RawSide(children, spec, client);
  }

  get limits(): Partial<WorkerOptions> {
    return this.spec.limits;
  }

  async startWorker(): Promise<WorkerProcess> {
    if (this.worker?.alive) throw new Error('the raw worker is already running');
    this.worker = new WorkerProcess(this.children, 'raw-worker', path.join(__dirname, 'raw', 'worker.js'), {
      ...process.env,
      BENCH_RAW_WORKER: JSON.stringify(this.spec),
    });
    await this.worker.created;
    return this.worker;
  }

  async stopWorker(): Promise<void> {
    if (this.worker) await this.children.stop(this.worker.proc);
  }

  async close(): Promise<void> {
    await this.stopWorker();
    await this.client.connection.close();
  }
}

/** The product worker's compiled limits as options for the raw worker (same cache, slots, pollers). */
function workerOptionsFrom(l: WorkerLimits): Partial<WorkerOptions> {
  return {
    maxCachedWorkflows: l.maxCachedWorkflows,
    tuner: l.tuner as WorkerOptions['tuner'],
    workflowTaskPollerBehavior: l.workflowTaskPollerBehavior as WorkerOptions['workflowTaskPollerBehavior'],
    activityTaskPollerBehavior: l.activityTaskPollerBehavior as WorkerOptions['activityTaskPollerBehavior'],
    workflowThreadPoolSize: l.workflowThreadPoolSize,
    reuseV8Context: l.reuseV8Context,
    nonStickyToStickyPollRatio: l.nonStickyToStickyPollRatio,
    ...(l.maxActivitiesPerSecond ? { maxActivitiesPerSecond: l.maxActivitiesPerSecond } : {}),
    ...(l.maxTaskQueueActivitiesPerSecond
      ? { maxTaskQueueActivitiesPerSecond: l.maxTaskQueueActivitiesPerSecond }
      : {}),
  };
}
