/**
 * Workers for tests: the product's workflow bundle (bundled once per test file) and a worker that
 * runs the real workflows with a notification activity that records instead of mailing.
 */
import fs from 'node:fs';
import { Context } from '@temporalio/activity';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { toIsoDate } from '../../src/domain';
import { perBericht } from '../../src/activities/berichten';
import { beleidActiviteiten } from '../../src/activities/beleid';
import { kalenderActiviteiten } from '../../src/activities/kalender';
import type { Bericht } from '../../src/shared/bericht';
import { workflowBundlerOptions, workflowsPath } from '../../src/worker/createWorker';

/** A Temporal logger that says nothing (the bundler's webpack chatter, the worker's own lines). */
export const quietLogger = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} };

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;
/**
 * The product's workflows as the worker bundles them (with the shared, preloaded domain): the run's
 * bundle made once by test/setup/workflowBundle.ts, or bundled here once per test file.
 */
export function workflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  const gedeeld = process.env.TEST_WORKFLOW_BUNDLE;
  bundle ??= gedeeld
    ? fs.promises.readFile(gedeeld, 'utf8').then((json) => JSON.parse(json) as WorkflowBundleWithSourceMap)
    : bundleWorkflowCode({ workflowsPath, ...workflowBundlerOptions, logger: quietLogger });
  return bundle;
}

export interface Verstuurd {
  n: Bericht;
  /** Test server time at which the activity was scheduled. */
  at: number;
  datum: string;
  /** Wall-clock time in Amsterdam, HH:mm. */
  tijd: string;
}

/**
 * A worker with the real workflows and a recording notification activity: workflow tests assert
 * what is sent and when; the SMTP path itself is covered by the mail and API tests.
 */
export async function recordingWorker(
  env: TestWorkflowEnvironment,
  taskQueue: string,
  /** Runs before a message counts as sent: throw to play an SMTP failure at that (test server) time. */
  gedrag?: (n: Bericht, at: number) => void,
) {
  const verstuurd: Verstuurd[] = [];
  const gestuurd = new Set<string>();
  async function stuurNotificatie(n: Bericht) {
    // As the outbox: a retry of a batch sends only what did not go yet.
    if (gestuurd.has(n.sleutel)) return [];
    const at = Context.current().info.currentAttemptScheduledTimestampMs;
    gedrag?.(n, at);
    const tijd = new Intl.DateTimeFormat('nl-NL', {
      timeZone: 'Europe/Amsterdam',
      hour: '2-digit',
      minute: '2-digit',
    }).format(at);
    verstuurd.push({ n, at, datum: toIsoDate(at), tijd });
    gestuurd.add(n.sleutel);
    return [];
  }
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: await workflowBundle(),
    // The calendar activity is pure domain code: the real one.
    activities: {
      stuurNotificatie,
      stuurBerichten: perBericht(stuurNotificatie),
      ...kalenderActiviteiten(),
      ...beleidActiviteiten(),
    },
  });
  return { worker, verstuurd };
}

/**
 * Runs `fn` with a recording worker on a fresh task queue (`<prefix>-<random>`), and stops the
 * worker when it is done: the workflow tests' one way to run a scenario.
 */
export type Scenario = (taskQueue: string, verstuurd: Verstuurd[]) => Promise<void>;

export async function withRecordingWorker(env: TestWorkflowEnvironment, prefix: string, fn: Scenario): Promise<void> {
  const taskQueue = `${prefix}-${Math.random().toString(16).slice(2)}`;
  const { worker, verstuurd } = await recordingWorker(env, taskQueue);
  await worker.runUntil(() => fn(taskQueue, verstuurd));
}

/** What went out, to whom and when: `sjabloon:rol+rol@datum tijd`. */
export const moment = (x: Verstuurd): string =>
  `${x.n.sjabloon}:${x.n.aan.map((a) => a.rol).join('+')}@${x.datum} ${x.tijd}`;

/** Until `n` messages went out (a workflow sends them in its next task), at most 5 s. */
export async function zodraVerstuurd(v: Verstuurd[], n: number): Promise<void> {
  for (let i = 0; i < 50 && v.length < n; i++) await new Promise((r) => setTimeout(r, 100));
}
