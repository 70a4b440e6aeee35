import { randomUUID } from 'node:crypto';
import { Context } from '@temporalio/activity';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { getPolicy, regionaalRooster, toInstant, toIsoDate } from '../../src/domain';
import type { Notificatie } from '../../src/shared/notificatie';
import { perBericht } from '../../src/activities/notifications';
import type { ActorRef } from '../../src/shared/zaak';
import type { ZorgplichtInput } from '../../src/shared/zorgplicht';
import { workflowBundlerOptions, workflowsPath } from '../../src/worker/createWorker';

export const school: ActorRef = { id: 'ib-12ab', naam: 'IB De Regenboog', rol: 'school' };
export const coordinator: ActorRef = { id: 'oa-1', naam: 'Ondersteuningsadviseur', rol: 'coordinator' };

/** A case's input, and the id the test starts it under (the API makes it: `zp-<uuid>`). */
export type TestZorgplicht = ZorgplichtInput & { zaakId: string };

export function zorgplichtInput(overrides: Partial<TestZorgplicht> = {}): TestZorgplicht {
  return {
    kalender: regionaalRooster('midden', '2026-06-01', '2028-07-31'),
    zaakId: `zaak-${randomUUID()}`,
    leerling: { naam: 'Sanne Testleerling' },
    school: { brin: '12AB', naam: 'De Regenboog', email: 'directie@regenboog.example', regio: 'midden' },
    ouders: [{ email: 'ouder@example.org' }],
    beleid: getPolicy('wet'),
    aanmelddatum: '2026-06-15',
    coordinatorEmail: 'coordinator@swv.example',
    gestartDoor: coordinator,
    ...overrides,
  };
}

export interface Verstuurd {
  n: Notificatie;
  /** Test server time at which the activity was scheduled. */
  at: number;
  datum: string;
  /** Wall-clock time in Amsterdam, HH:mm. */
  tijd: string;
}

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;
/** Bundled once per test file: the bundle is what takes time, not the worker. */
export function workflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  // As the product's worker bundles them: with the shared, preloaded domain.
  bundle ??= bundleWorkflowCode({ workflowsPath, ...workflowBundlerOptions, logger: quietLogger });
  return bundle;
}
const quietLogger = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} };

/**
 * A worker with the real workflows and a recording notification activity: workflow tests assert
 * what is sent and when; the SMTP path itself is covered by the mail and API tests.
 */
export async function recordingWorker(
  env: TestWorkflowEnvironment,
  taskQueue: string,
  /** Runs before a message counts as sent: throw to play an SMTP failure at that (test server) time. */
  gedrag?: (n: Notificatie, at: number) => void,
) {
  const verstuurd: Verstuurd[] = [];
  const gestuurd = new Set<string>();
  async function stuurNotificatie(n: Notificatie) {
    // As the outbox: a retry of a batch sends only what did not go yet.
    if (gestuurd.has(n.sleutel)) return [];
    const at = Context.current().info.currentAttemptScheduledTimestampMs;
    gedrag?.(n, at);
    const tijd = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit' }).format(at);
    verstuurd.push({ n, at, datum: toIsoDate(at), tijd });
    gestuurd.add(n.sleutel);
    return [];
  }
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: await workflowBundle(),
    activities: { stuurNotificatie, stuurNotificaties: perBericht(stuurNotificatie) },
  });
  return { worker, verstuurd };
}

/** Local time in Amsterdam → ISO instant, for skipping the clock. */
export function amsterdam(datum: string, tijd: string): string {
  return new Date(toInstant(datum, tijd)).toISOString();
}
