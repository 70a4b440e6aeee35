import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

/** A poll older than this is a worker that went away (long polls last up to a minute). */
const POLLER_FRESH_MS = 90_000;
const HEALTH_BUDGET_MS = 3_000;

export interface HealthReport {
  status: 'ok' | 'niet-beschikbaar';
  temporal: { ok: boolean; detail?: string };
  worker: { ok: boolean; taskQueue: string; pollers: number };
}

/** Healthy only when Temporal answers and a worker polls the product's task queue. */
export async function checkHealth(client: Client, taskQueue: string, now = Date.now()): Promise<HealthReport> {
  const report: HealthReport = {
    status: 'niet-beschikbaar',
    temporal: { ok: false },
    worker: { ok: false, taskQueue, pollers: 0 },
  };
  try {
    // A monitor needs an answer in seconds, not after the client's retries or a slow connect.
    let timer: NodeJS.Timeout | undefined;
    const budget = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('health budget')), HEALTH_BUDGET_MS);
    });
    const probing = client.connection.withDeadline(now + HEALTH_BUDGET_MS, () => probe(client, taskQueue, report, now));
    probing.catch(() => undefined); // past the budget its late failure is nobody's business
    await Promise.race([probing, budget]).finally(() => clearTimeout(timer));
  } catch {
    if (!report.temporal.ok) report.temporal.detail = 'Temporal antwoordt niet';
    report.worker.ok = false;
  }
  if (report.temporal.ok && report.worker.ok) report.status = 'ok';
  return report;
}

async function probe(client: Client, taskQueue: string, report: HealthReport, now: number): Promise<void> {
  await client.workflowService.getSystemInfo({});
  report.temporal.ok = true;
  const { pollers } = await client.workflowService.describeTaskQueue({
    namespace: client.options.namespace,
    taskQueue: { name: taskQueue, kind: temporal.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
    taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
  });
  const fresh = (pollers ?? []).filter((p) => {
    const seconds = Number(p.lastAccessTime?.seconds ?? 0);
    return now - seconds * 1000 < POLLER_FRESH_MS;
  });
  report.worker.pollers = fresh.length;
  report.worker.ok = fresh.length > 0;
}
