import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { createActivities } from '../activities';
import type { Config } from '../config';
import { openGrootboek } from '../mail/grootboek';
import { Outbox } from '../mail/outbox';
import type { Client } from '@temporalio/client';
import { connectClient, dataConverter } from '../temporal/client';
import { workerLimits } from './limits';

export const workflowsPath = require.resolve('../workflows');
/**
 * The pure domain (dates, holidays, deadlines) is stateless: loaded once per worker thread and
 * shared by every case (the SDK freezes it), instead of evaluated again in each. The workflow tests
 * and the replay test bundle with the same options.
 */
export const workflowBundlerOptions = {
  preloadModules: [require.resolve('../domain/deadlines'), require.resolve('../domain/planning')],
};

/** The product's worker: all workflows and activities on one task queue, payloads encrypted. */
export async function createWorker(
  config: Config,
  connection: NativeConnection,
  overrides: Partial<WorkerOptions> = {},
  client?: Client,
): Promise<{ worker: Worker; outbox: Outbox }> {
  const outbox = new Outbox(config.smtpUrl, config.mailFrom, await openGrootboek(config));
  let connected: Promise<Client> | undefined = client && Promise.resolve(client);
  const worker = await Worker.create({
    connection,
    namespace: config.namespace,
    taskQueue: config.taskQueue,
    // A bundle made before (tests share one per run) instead of bundling here.
    ...(overrides.workflowBundle ? {} : { workflowsPath, bundlerOptions: workflowBundlerOptions }),
    ...workerLimits(config),
    activities: createActivities({
      outbox,
      mailboxes: {
        coordinator: config.coordinatorEmail,
        directeur: config.directeurEmail,
        bestuur: config.bestuurEmail,
        deskundige: config.deskundigeEmail,
        leerplicht: config.leerplichtEmail,
      },
      client: () => (connected ??= connectClient(config)),
    }),
    dataConverter: dataConverter(config),
    ...overrides,
  }).catch(async (err) => {
    // No worker: the ledger's connections go too.
    await outbox.close();
    throw err;
  });
  return { worker, outbox };
}

export async function connectWorker(config: Config): Promise<NativeConnection> {
  return NativeConnection.connect({ address: config.temporalAddress });
}
