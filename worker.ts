import { loadConfig } from './src/config';
import { createLogger } from './src/log';
import { connectClient } from './src/temporal/client';
import {
  ensureThuiszitterSchedules,
  ensureWeeklyDigestSchedule,
  WEEKLY_DIGEST_SCHEDULE,
} from './src/temporal/schedules';
import { ensureTlvInventaris } from './src/temporal/inventaris';
import { ensureTerugplaatsingScreening } from './src/temporal/screening';
import { connectWorker, createWorker } from './src/worker/createWorker';

/** The worker process: `node dist/worker.js` (started by `npm start`, or on its own). */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger('worker');
  const connection = await connectWorker(config);
  const client = await connectClient(config);
  const { worker, outbox } = await createWorker(config, connection, {}, client);
  const schedule = await ensureWeeklyDigestSchedule(client, config.taskQueue);
  const tlvInventaris = await ensureTlvInventaris(client, config.taskQueue);
  const screening = await ensureTerugplaatsingScreening(client, config.taskQueue);
  const thuiszitters = await ensureThuiszitterSchedules(client, config.taskQueue);
  logger.info(
    {
      taskQueue: config.taskQueue,
      namespace: config.namespace,
      schedule: `${WEEKLY_DIGEST_SCHEDULE} ${schedule}`,
      tlvInventaris,
      screening,
      thuiszitterRapportages: thuiszitters.length,
    },
    'worker draait',
  );
  // Worker.run() stops on SIGINT/SIGTERM after finishing in-flight tasks.
  await worker.run();
  await outbox.close();
  await client.connection.close();
  await connection.close();
  logger.info('worker gestopt');
}

main().catch((err) => {
  console.error('Worker kon niet starten:', err instanceof Error ? err.message : err);
  process.exit(1);
});
