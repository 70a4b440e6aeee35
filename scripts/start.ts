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
import { registerSearchAttributes } from '../src/temporal/registerSearchAttributes';

/**
 * `npm start`: the whole product on one machine. The embedded default runs the Temporal dev
 * server (SQLite under data/), a local SMTP sink (mail under data/mail/), the worker and the API.
 * TEMPORAL_ADDRESS / SMTP_URL point at real ones instead. Ctrl-C stops every child.
 */
const config = loadConfig();
const children: { name: string; proc: ChildProcess }[] = [];
let stopping = false;
let sink: { close: () => Promise<void> } | undefined;

function prefixed(name: string, proc: ChildProcess): void {
  for (const stream of [proc.stdout, proc.stderr]) {
    // The dev server's complaints while it is being stopped are noise, not news.
    if (stream) readline.createInterface({ input: stream }).on('line', (line) => (stopping && name === 'temporal') || console.log(`[${name}] ${line}`));
  }
}

function startChild(name: string, script: string, env: NodeJS.ProcessEnv): ChildProcess {
  const proc = spawn(process.execPath, [path.join(ROOT, 'dist', script)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  track(name, proc);
  return proc;
}

function track(name: string, proc: ChildProcess): void {
  prefixed(name, proc);
  children.push({ name, proc });
  proc.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`[start] ${name} stopte onverwacht (code ${code ?? signal}); alles stopt.`);
      void shutdown(1);
    }
  });
}

async function stopChild({ name, proc }: { name: string; proc: ChildProcess }): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  proc.kill('SIGTERM');
  const timer = setTimeout(() => {
    console.error(`[start] ${name} stopt niet; SIGKILL`);
    proc.kill('SIGKILL');
  }, 15_000);
  await exited;
  clearTimeout(timer);
}

async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log('[start] stoppen…');
  // API and worker first (in-flight work finishes), the server they talk to last.
  const server = children.filter((c) => c.name === 'temporal');
  await Promise.all(children.filter((c) => c.name !== 'temporal').map(stopChild));
  await Promise.all(server.map(stopChild));
  await sink?.close();
  console.log('[start] gestopt');
  process.exit(code);
}

async function main(): Promise<void> {
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  fs.mkdirSync(config.dataDir, { recursive: true });

  loadKeyRing({ ...config, create: true });
  if (!process.env.TOKENS_FILE) ensureDevTokens(config);

  if (config.temporalAddressGiven) {
    console.log(`[start] Temporal: ${config.temporalAddress} (TEMPORAL_ADDRESS)`);
    await waitForTemporal(config.temporalAddress);
    const connection = await Connection.connect({ address: config.temporalAddress });
    await registerSearchAttributes(connection, config.namespace);
    await connection.close();
  } else {
    const port = Number(config.temporalAddress.split(':').pop());
    const proc = spawnDevServer({
      dbFile: path.join(config.dataDir, 'temporal.db'),
      port,
      uiPort: config.temporalUiPort,
      namespace: config.namespace,
    });
    track('temporal', proc);
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
    `  API            http://localhost:${config.port}  (OpenAPI: http://localhost:${config.port}/openapi.json, health: /health)`,
    config.temporalAddressGiven
      ? `  Temporal       ${config.temporalAddress}`
      : `  Temporal UI    http://localhost:${config.temporalUiPort}  (server ${config.temporalAddress}, data ${path.join(config.dataDir, 'temporal.db')})`,
    config.smtpUrlGiven ? `  Mail           ${config.smtpUrl}` : `  Mail           ${path.join(config.dataDir, 'mail')}  (SMTP ${config.smtpUrl})`,
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
