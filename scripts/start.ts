import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { Connection } from '@temporalio/client';
import { ensureDevTokens } from '../src/auth/actors';
import { loadConfig, ROOT } from '../src/config';
import { startSmtpSink } from '../src/mail/sink';
import { spawnDevServer, waitForTemporal } from '../src/temporal/devServer';
import { loadKeyRing } from '../src/temporal/keys';
import { sessieSleutels } from '../src/werkbak/sessie';
import { registerSearchAttributes } from '../src/temporal/registerSearchAttributes';
import { Supervisor } from './supervisor';

/**
 * `npm start`: the whole product on one machine. The embedded default runs the Temporal dev
 * server (SQLite under data/), a local SMTP sink (mail under data/mail/), the worker and the API.
 * TEMPORAL_ADDRESS / SMTP_URL point at real ones instead. A child that dies is restarted with
 * backoff (scripts/supervisor.ts); Ctrl-C / SIGTERM stops every child and exits 0.
 */
const config = loadConfig();
const supervisor = new Supervisor();
let stopping = false;
let sink: { close: () => Promise<void> } | undefined;

function prefixed(name: string, proc: ChildProcess): ChildProcess {
  for (const stream of [proc.stdout, proc.stderr]) {
    // The dev server's complaints while it is being stopped are noise, not news.
    if (stream)
      readline
        .createInterface({ input: stream })
        .on('line', (line) => (stopping && name === 'temporal') || console.log(`[${name}] ${line}`));
  }
  return proc;
}

function startChild(name: string, script: string, env: NodeJS.ProcessEnv): void {
  supervisor.add(name, () =>
    prefixed(
      name,
      spawn(process.execPath, [path.join(ROOT, 'dist', script)], { env, stdio: ['ignore', 'pipe', 'pipe'] }),
    ),
  );
}

async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log('[start] stoppen…');
  // No restarts from here on; API and worker first (in-flight work finishes), the server they talk to last.
  await supervisor.stop(['temporal']);
  await sink?.close();
  console.log('[start] gestopt');
  process.exit(code);
}

async function main(): Promise<void> {
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  fs.mkdirSync(config.dataDir, { recursive: true });

  loadKeyRing({ ...config, create: true });
  sessieSleutels(config);
  if (!process.env.TOKENS_FILE) ensureDevTokens(config);

  if (config.temporalAddressGiven) {
    console.log(`[start] Temporal: ${config.temporalAddress} (TEMPORAL_ADDRESS)`);
    await waitForTemporal(config.temporalAddress);
    const connection = await Connection.connect({ address: config.temporalAddress });
    await registerSearchAttributes(connection, config.namespace);
    await connection.close();
  } else {
    const port = Number(config.temporalAddress.split(':').pop());
    const devServer = {
      dbFile: path.join(config.dataDir, 'temporal.db'),
      port,
      uiPort: config.temporalUiPort,
      namespace: config.namespace,
      // The UI decodes the encrypted payloads through the API (a coordinator's or directeur's token).
      codecEndpoint: `http://localhost:${config.port}/codec`,
    };
    // Supervised like the others: a restart spawns only once the old server has exited (SQLite file free).
    supervisor.add('temporal', () => prefixed('temporal', spawnDevServer(devServer)));
    await waitForTemporal(config.temporalAddress);
  }

  if (!config.smtpUrlGiven) {
    sink = await startSmtpSink({ port: config.smtpSinkPort, dir: path.join(config.dataDir, 'mail') });
  }

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: config.dataDir,
    TEMPORAL_ADDRESS: config.temporalAddress,
    SMTP_URL: config.smtpUrl,
    TOKENS_FILE: config.tokensFile,
    PORT: String(config.port),
  };
  startChild('worker', 'worker.js', env);
  startChild('api', 'src/api/server.js', env);

  await waitForHealth(`http://localhost:${config.port}/health`);
  const lines = [
    '',
    'Passend onderwijs processen draait:',
    `  Werkbak        http://localhost:${config.port}/  (inloggen met een token uit ${process.env.TOKENS_FILE ? config.tokensFile : config.devTokensFile})`,
    `  API            http://localhost:${config.port}  (OpenAPI: http://localhost:${config.port}/openapi.json, health: /health)`,
    config.temporalAddressGiven
      ? `  Temporal       ${config.temporalAddress}`
      : `  Temporal UI    http://localhost:${config.temporalUiPort}  (server ${config.temporalAddress}, data ${path.join(config.dataDir, 'temporal.db')})`,
    config.smtpUrlGiven
      ? `  Mail           ${config.smtpUrl}`
      : `  Mail           ${path.join(config.dataDir, 'mail')}  (SMTP ${config.smtpUrl})`,
    process.env.TOKENS_FILE ? `  Tokens         ${config.tokensFile}` : `  Dev-tokens     ${config.devTokensFile}`,
    'Ctrl-C stopt alles.',
    '',
  ];
  console.log(lines.join('\n'));
}

async function waitForHealth(url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !stopping) {
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  if (!stopping) console.error(`[start] ${url} werd niet gezond binnen ${timeoutMs / 1000}s`);
}

main().catch((err) => {
  console.error('[start] starten mislukt:', err instanceof Error ? err.message : err);
  void shutdown(1);
});
