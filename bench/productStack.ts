import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureDevTokens } from '../src/auth/actors';
import { loadConfig, ROOT, type Config } from '../src/config';
import { startSmtpSink } from '../src/mail/sink';
import { spawnDevServer, waitForTemporal } from '../src/temporal/devServer';
import { nodeArgs } from './workerProcess';
import { loadKeyRing } from '../src/temporal/keys';
import type { Children } from './children';
import type { BenchOptions } from './options';
import { tail, WorkerProcess } from './workerProcess';

/**
 * The product as `npm start` runs it (dev server with a SQLite file, SMTP sink, `dist/worker.js`,
 * `dist/src/api/server.js`), built from the same pieces as scripts/start.ts but with the worker
 * under the bench's control: it is stopped and started again for the backlog and memory steps.
 */
export class ProductStack {
  readonly config: Config;
  readonly env: NodeJS.ProcessEnv;
  readonly dbFile: string;
  readonly mailDir: string;
  readonly apiBase: string;
  devServer?: ChildProcess;
  api?: ChildProcess;
  worker?: WorkerProcess;
  private sink?: { close: () => Promise<void> };

  constructor(
    private readonly children: Children,
    readonly dataDir: string,
    ports: BenchOptions['ports'],
  ) {
    const address = `localhost:${ports.temporal}`;
    // The same environment start.ts hands its children; settings the caller exported pass through.
    this.env = {
      ...process.env,
      DATA_DIR: dataDir,
      TEMPORAL_ADDRESS: address,
      SMTP_URL: `smtp://127.0.0.1:${ports.smtp}`,
      TOKENS_FILE: path.join(dataDir, 'tokens.json'),
      PORT: String(ports.api),
      // The bench drives the API far past a user's rate: no limit in the way of the measurement.
      RATE_LIMIT_ADRES: '100000000',
      RATE_LIMIT_TOKEN: '100000000',
      TEMPORAL_PORT: String(ports.temporal),
      TEMPORAL_UI_PORT: String(ports.ui),
      SMTP_SINK_PORT: String(ports.smtp),
    };
    // A fresh key ring in DATA_DIR, as a first `npm start` makes, whatever the caller has exported.
    delete this.env.PAYLOAD_KEYS;
    this.config = loadConfig(this.env);
    this.dbFile = path.join(dataDir, 'temporal.db');
    this.mailDir = path.join(dataDir, 'mail');
    this.apiBase = `http://127.0.0.1:${ports.api}`;
  }

  async start(): Promise<void> {
    fs.mkdirSync(this.dataDir, { recursive: true });
    loadKeyRing({ ...this.config, create: true });
    ensureDevTokens(this.config);
    this.devServer = spawnDevServer({
      dbFile: this.dbFile,
      port: Number(this.config.temporalAddress.split(':').pop()),
      uiPort: this.config.temporalUiPort,
      namespace: this.config.namespace,
    });
    const log = this.children.adopt('temporal', this.devServer);
    const died = new Promise<never>((_, reject) =>
      this.devServer?.once('exit', (code) =>
        reject(new Error(`the dev server exited (${code}); log: ${log}\n${tail(log)}`)),
      ),
    );
    died.catch(() => undefined);
    await Promise.race([waitForTemporal(this.config.temporalAddress), died]);
    this.sink = await startSmtpSink({ port: this.config.smtpSinkPort, dir: this.mailDir });
    await this.startWorker();
    const api = this.children.spawn(
      'api',
      process.execPath,
      [...nodeArgs(), path.join(ROOT, 'dist', 'src', 'api', 'server.js')],
      { env: this.env },
    );
    this.api = api.proc;
    await waitForHealth(`${this.apiBase}/health`, api.proc, api.log);
  }

  async startWorker(): Promise<WorkerProcess> {
    if (this.worker?.alive) throw new Error('the product worker is already running');
    this.worker = new WorkerProcess(this.children, 'worker', path.join(ROOT, 'dist', 'worker.js'), this.env);
    await this.worker.created;
    return this.worker;
  }

  async stopWorker(): Promise<void> {
    if (this.worker) await this.children.stop(this.worker.proc);
  }

  tokens(): Record<string, string> {
    return JSON.parse(fs.readFileSync(this.config.devTokensFile, 'utf8')) as Record<string, string>;
  }

  /** Messages the product has handed to the SMTP sink so far. */
  mailCount(): number {
    try {
      return fs.readdirSync(this.mailDir).filter((f) => f.endsWith('.eml')).length;
    } catch {
      return 0;
    }
  }

  async close(): Promise<void> {
    await this.children.stopAll();
    await this.sink?.close();
  }
}

async function waitForHealth(url: string, proc: ChildProcess, log: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`the API exited (${proc.exitCode}); log: ${log}\n${tail(log)}`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2000) })).status === 200) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} not healthy within ${timeoutMs / 1000}s; log: ${log}\n${tail(log)}`);
}
