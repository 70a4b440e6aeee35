/**
 * The worker's limits, from one memory budget (issue 8). A cached case costs at most
 * PER_CASE_MIB (test/footprint.test.ts holds every case to that; measured about 0.08 MiB), the
 * worker itself about BASE_MIB (SDK, bundle, activities, GC headroom). Past the cache size the
 * least recently used case is evicted and replays from its history when it is next touched, so
 * the worker stays inside its budget however many cases are open.
 */
import type { WorkerOptions } from '@temporalio/worker';
import type { Config } from '../config';

export const PER_CASE_MIB = 0.25;
export const BASE_MIB = 320;
/** Below this a worker would replay all the time: a budget this small is a configuration error. */
const MIN_CACHED = 100;

export function workerLimits(
  config: Pick<Config, 'workerMemoryMb' | 'workerMaxCachedCases'>,
): Pick<
  WorkerOptions,
  | 'maxCachedWorkflows'
  | 'maxConcurrentActivityTaskExecutions'
  | 'maxConcurrentWorkflowTaskExecutions'
  | 'stickyQueueScheduleToStartTimeout'
> {
  const fromBudget = Math.floor((config.workerMemoryMb - BASE_MIB) / PER_CASE_MIB);
  return {
    maxCachedWorkflows: config.workerMaxCachedCases ?? Math.max(MIN_CACHED, fromBudget),
    // Each is one SMTP message over a pooled connection; more in flight only queue at the pool.
    maxConcurrentActivityTaskExecutions: 20,
    maxConcurrentWorkflowTaskExecutions: 40,
    // A case cached on a worker that died waits this long before another worker takes its next
    // step (from history): 3 s instead of the SDK's 10 s, so a step after a crash still fits the
    // API's write budget (TIJDSBUDGET, 10 s). A live worker takes its sticky tasks in milliseconds.
    stickyQueueScheduleToStartTimeout: '3 seconds',
  };
}
