import type { Server } from 'node:http';
import { tokenFileAuthenticator } from '../auth/tokenFileAuthenticator';
import { loadConfig } from '../config';
import { createLogger } from '../log';
import { connectClient, dataConverter } from '../temporal/client';
import { sessieSleutels } from '../werkbak/sessie';
import { createApp } from './app';

/** The API process: `node dist/src/api/server.js` (started by `npm start`, or on its own). */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger('api');
  const client = await connectClient(config);
  const app = createApp({
    client,
    taskQueue: config.taskQueue,
    authenticator: tokenFileAuthenticator(config.tokensFile, { logger }),
    logger,
    coordinatorEmail: config.coordinatorEmail,
    limieten: config.limieten,
    hsts: config.hsts,
    codec: dataConverter(config).payloadCodecs?.[0],
    uiOrigin: config.temporalUiOrigin,
    werkbak: {
      sleutels: sessieSleutels(config),
      idleMs: config.sessieIdleMinuten * 60_000,
      maxMs: config.sessieMaxUren * 3_600_000,
      // Where TLS is in front (API_HSTS): Secure cookies only.
      secure: config.hsts,
      url: config.werkbakUrl,
    },
  });
  const server: Server = app.listen(config.port, config.host, () =>
    logger.info({ port: config.port, host: config.host }, 'API en werkbak luisteren'),
  );
  const stop = () => {
    logger.info('API stopt');
    server.close(() => void client.connection.close().finally(() => process.exit(0)));
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err) => {
  console.error('API kon niet starten:', err instanceof Error ? err.message : err);
  process.exit(1);
});
