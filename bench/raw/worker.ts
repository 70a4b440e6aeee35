/**
 * The raw baseline's worker process: the raw workflows on their own task queue of the same dev
 * server, a plain data converter (no codec), and the product worker's limits (passed in).
 */
import fs from 'node:fs';
import { bundleWorkflowCode, NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { rawActivities } from './activities';

export interface RawWorkerSpec {
  address: string;
  namespace: string;
  taskQueue: string;
  /** The product worker's effective limits (cache size, slots, pollers). */
  limits: Partial<WorkerOptions>;
  /** The workflow bundle, built by the first raw worker of a run and reused by the next ones. */
  bundlePath: string;
}

async function main(): Promise<void> {
  const spec = JSON.parse(process.env.BENCH_RAW_WORKER ?? '') as RawWorkerSpec;
  if (!fs.existsSync(spec.bundlePath)) {
    const { code } = await bundleWorkflowCode({ workflowsPath: require.resolve('./workflows') });
    fs.writeFileSync(spec.bundlePath, code);
  }
  const connection = await NativeConnection.connect({ address: spec.address });
  const worker = await Worker.create({
    connection,
    namespace: spec.namespace,
    taskQueue: spec.taskQueue,
    workflowBundle: { codePath: spec.bundlePath },
    activities: rawActivities,
    ...spec.limits,
  });
  // Worker.run() stops on SIGINT/SIGTERM after finishing in-flight tasks.
  await worker.run();
  await connection.close();
}

main().catch((err) => {
  console.error('raw worker:', err);
  process.exit(1);
});
