import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import type { levensteken } from '../workflows/levensteken';
import { binnen } from './temporalErrors';

/** A monitor needs an answer in seconds, not after the client's retries or a slow connect. */
const HEALTH_BUDGET_MS = 3_000;
/**
 * The sign-of-life query's budget. A query first goes to the worker that has the workflow cached;
 * when that worker died, the server gives up on it after about 2 s and asks the task queue, where a
 * surviving worker answers: 5 s, so one dead worker of two is no false alarm.
 */
const LEVENSTEKEN_BUDGET_MS = 5_000;

export interface HealthReport {
  status: 'ok' | 'niet-beschikbaar';
  temporal: { ok: boolean; detail?: string };
  worker: { ok: boolean; taskQueue: string; pollers: number; detail?: string };
}

/** The sign-of-life workflow of a task queue (src/workflows/levensteken.ts): no personal data in its id. */
export const levenstekenId = (taskQueue: string) => `systeem-levensteken-${taskQueue}`;

/**
 * Healthy only when Temporal answers and a worker takes tasks now: the worker answers a query on
 * the task queue's sign-of-life workflow. A killed worker makes that fail at once (at the latest at
 * the budget), where the task queue's poller list would go on naming it for up to a minute and a
 * half. `pollers` is still reported: how many workers polled recently.
 */
export async function checkHealth(client: Client, taskQueue: string): Promise<HealthReport> {
  const report: HealthReport = {
    status: 'niet-beschikbaar',
    temporal: { ok: false },
    worker: { ok: false, taskQueue, pollers: 0 },
  };
  try {
    await binnen(client, Date.now() + HEALTH_BUDGET_MS, () => client.workflowService.getSystemInfo({}));
    report.temporal.ok = true;
  } catch {
    report.temporal.detail = 'Temporal antwoordt niet';
    return report;
  }
  const deadline = Date.now() + LEVENSTEKEN_BUDGET_MS;
  const [pollers, levend] = await Promise.allSettled([
    binnen(client, deadline, () => recentePollers(client, taskQueue)),
    binnen(client, deadline, () => vraagLevensteken(client, taskQueue)),
  ]);
  if (pollers.status === 'fulfilled') report.worker.pollers = pollers.value;
  report.worker.ok = levend.status === 'fulfilled';
  if (!report.worker.ok) report.worker.detail = 'Geen worker neemt taken aan';
  if (report.worker.ok) report.status = 'ok';
  return report;
}

/** Ready for traffic (a load balancer's question): this API reaches Temporal. A missing worker is not this replica's fault. */
export async function checkReady(client: Client): Promise<boolean> {
  try {
    await binnen(client, Date.now() + HEALTH_BUDGET_MS, () => client.workflowService.getSystemInfo({}));
    return true;
  } catch {
    return false;
  }
}

async function vraagLevensteken(client: Client, taskQueue: string): Promise<void> {
  const workflowId = levenstekenId(taskQueue);
  try {
    await client.workflow.getHandle<typeof levensteken>(workflowId).query<true>('levend');
  } catch (err) {
    if (!(err instanceof WorkflowNotFoundError)) throw err;
    // First check on this task queue (or a new namespace): start it; any worker picks it up.
    await client.workflow.start<typeof levensteken>('levensteken', {
      workflowId,
      taskQueue,
      workflowIdConflictPolicy: 'USE_EXISTING',
    });
    await client.workflow.getHandle<typeof levensteken>(workflowId).query<true>('levend');
  }
}

/** Workers that polled the task queue in the last 90 s (a long poll lasts up to a minute). */
async function recentePollers(client: Client, taskQueue: string): Promise<number> {
  const { pollers } = await client.workflowService.describeTaskQueue({
    namespace: client.options.namespace,
    taskQueue: { name: taskQueue, kind: temporal.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
    taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
  });
  const now = Date.now();
  return (pollers ?? []).filter((p) => now - Number(p.lastAccessTime?.seconds ?? 0) * 1000 < 90_000).length;
}
