/**
 * One real stack per test file for the zaken API and the mail path: a real Temporal dev server, the
 * product's worker (createWorker: real workflows, real activities, real Outbox) sending to a real SMTP
 * sink, a client with the product's (encrypting) data converter, and the express app on top of it.
 *
 * The worker's Runtime log (SDK messages and forwarded core logs) is captured in memory, so tests can
 * assert that no personal data reaches it. `Runtime.install` must run before anything touches the
 * Runtime (the dev server env does), which is why `startZakenHarness` does it first.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Client } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, type LogLevel, type LogMetadata, type Worker } from '@temporalio/worker';
import type express from 'express';
import request from 'supertest';
import { createApp } from '../../src/api/app';
import { devTokenFile, type Role, type DevTokenFile } from '../../src/auth/actors';
import { tokenAuthenticator } from '../../src/auth/tokenSet';
import { loadConfig, type Config } from '../../src/config';
import { addDays, toIsoDate, type IsoDate } from '../../src/domain';
import type { Outbox } from '../../src/mail/outbox';
import { startSmtpSink } from '../../src/mail/sink';
import { dataConverter } from '../../src/temporal/client';
import { formatKeyRing, generateKeyRing } from '../../src/temporal/keys';
import { createWorker } from '../../src/worker/createWorker';
import { workflowBundle } from './worker';
import { memoryLogger, parseEml, decodeMimeWords } from './api';
import { devServerEnv } from './temporal';
import { removeDir } from './tmp';

export const PROBLEM_JSON = /^application\/problem\+json/;
export const COORDINATOR_EMAIL = 'coordinator@swv.example';

const workerLog: string[] = [];
let runtimeInstalled = false;

function safeJson(meta: unknown): string {
  try {
    return JSON.stringify(meta, (_k, v) => (typeof v === 'bigint' ? String(v) : v));
  } catch {
    return String(meta);
  }
}

/** Installs a Runtime whose logger (TS side and forwarded core logs, DEBUG and up) writes to memory. */
export function installCapturingRuntime(): string[] {
  if (!runtimeInstalled) {
    Runtime.install({
      logger: new DefaultLogger('DEBUG', (entry: { level: LogLevel; message: string; meta?: LogMetadata }) => {
        workerLog.push(`${entry.level} ${entry.message} ${entry.meta ? safeJson(entry.meta) : ''}`);
      }),
      telemetryOptions: { logging: { filter: { core: 'DEBUG', other: 'INFO' }, forward: {} } },
      shutdownSignals: [],
    });
    runtimeInstalled = true;
  }
  return workerLog;
}

export interface Harness {
  env: TestWorkflowEnvironment;
  client: Client;
  app: express.Express;
  config: Config;
  tokenFile: DevTokenFile;
  tokenOf: (rol: Role) => string;
  /** Lines the API's pino logger wrote. */
  apiLog: string[];
  /** Lines the worker's Runtime logger received. */
  workerLog: string[];
  dataDir: string;
  mailDir: string;
  startWorker: () => Promise<void>;
  stopWorker: () => Promise<void>;
  teardown: () => Promise<void>;
}

export async function startZakenHarness(
  name: string,
  /** Tokens beyond one per role (a second deskundige: two decide on a TLV). */
  extra: DevTokenFile['tokens'] = [],
  /** Serve the werkbak's pages too (issue 14), on a clock of the test's own. */
  opties: { werkbak?: { now?: () => number; idleMs?: number; url?: string } } = {},
): Promise<Harness> {
  const log = installCapturingRuntime();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `${name}-data-`));
  const mailDir = path.join(dataDir, 'mail');
  const [env, sink] = await Promise.all([devServerEnv(), startSmtpSink({ port: 0, dir: mailDir })]);
  const config = loadConfig({
    ...process.env,
    DATA_DIR: dataDir,
    SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
    PAYLOAD_KEYS: formatKeyRing(generateKeyRing()),
    TASK_QUEUE: `${name}-${randomUUID()}`,
    TEMPORAL_NAMESPACE: env.namespace ?? 'default',
    TEMPORAL_ADDRESS: env.address,
    COORDINATOR_EMAIL,
  });
  const client = new Client({
    connection: env.connection,
    namespace: config.namespace,
    dataConverter: dataConverter(config),
  });
  const tokenFile = devTokenFile();
  tokenFile.tokens.push(...extra);
  const api = memoryLogger(`${name}-api`);
  const app = createApp({
    client,
    taskQueue: config.taskQueue,
    authenticator: tokenAuthenticator(tokenFile),
    logger: api.logger,
    coordinatorEmail: config.coordinatorEmail,
    ...(opties.werkbak
      ? {
          werkbak: {
            sleutels: [randomUUID() + randomUUID()],
            idleMs: opties.werkbak.idleMs ?? 3_600_000,
            maxMs: 10 * 3_600_000,
            secure: false,
            url: opties.werkbak.url ?? 'http://127.0.0.1:3000',
            now: opties.werkbak.now,
          },
        }
      : {}),
  });

  let current: { worker: Worker; outbox: Outbox; running: Promise<void> } | undefined;
  const startWorker = async () => {
    if (current) throw new Error('worker draait al');
    const { worker, outbox } = await createWorker(config, env.nativeConnection, {
      workflowBundle: await workflowBundle(),
    });
    current = { worker, outbox, running: worker.run() };
  };
  const stopWorker = async () => {
    if (!current) return;
    const { worker, outbox, running } = current;
    current = undefined;
    worker.shutdown();
    await running;
    outbox.close();
  };
  await startWorker();

  return {
    env,
    client,
    app,
    config,
    tokenFile,
    tokenOf: (rol) => tokenFile.tokens.find((t) => t.rol === rol)!.token,
    apiLog: api.lines,
    workerLog: log,
    dataDir,
    mailDir,
    startWorker,
    stopWorker,
    teardown: async () => {
      await stopWorker().catch(() => undefined);
      await env.teardown().catch(() => undefined);
      await sink.close();
      removeDir(dataDir);
    },
  };
}

/** Today in Amsterdam, shifted by `days`. */
export const vandaag = (days = 0): IsoDate => addDays(toIsoDate(Date.now()), days);

let volgnummer = 0;
/** A valid create body; distinctive personal data so logs and lists can be searched for it. */
export function aanmelding(overrides: Record<string, unknown> = {}) {
  volgnummer++;
  return {
    leerling: { naam: 'Quirijn Vandersnoek', geboortedatum: '2019-03-14', bsn: '999990019' },
    school: { brin: '12AB', naam: 'De Regenboog', email: 'directie@regenboog.example', regio: 'midden' },
    ouders: [{ naam: 'Fenna Vandersnoek', email: `fenna.vandersnoek+${volgnummer}@ouders.example` }],
    beleid: 'wet',
    aanmelddatum: vandaag(-10),
    ...overrides,
  };
}

export function expectProblem(res: request.Response, status: number): void {
  expect({ status: res.status, body: res.body }).toEqual(expect.objectContaining({ status }));
  expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
  expect(res.body).toEqual(
    expect.objectContaining({
      type: expect.stringMatching(/^urn:passend-onderwijs:problem:/),
      title: expect.any(String),
      status,
      detail: expect.any(String),
      instance: expect.any(String),
      requestId: res.headers['x-request-id'],
    }),
  );
}

/** A problem whose texts are Dutch (no zod/express English defaults). */
export function expectDutchProblem(res: request.Response, status: number): void {
  expectProblem(res, status);
  const texts = [
    res.body.title,
    res.body.detail,
    ...((res.body.invalidParams ?? []) as { reason: string }[]).map((p) => p.reason),
  ];
  for (const t of texts) {
    expect(typeof t).toBe('string');
    expect(t.length).toBeGreaterThan(2);
    expect(t).not.toMatch(
      /Invalid input|Invalid option|Required|received|Too (small|big)|Unrecognized|Expected|must be|is not valid|Bad Request|Not Found/,
    );
  }
}

export interface Mail {
  file: string;
  to: string;
  subject: string;
  body: string;
  headers: Record<string, string>;
}

/** Every .eml the sink stored, parsed. */
export function readMails(mailDir: string): Mail[] {
  if (!fs.existsSync(mailDir)) return [];
  return fs
    .readdirSync(mailDir)
    .filter((f) => f.endsWith('.eml'))
    .sort()
    .map((file) => {
      const { headers, body } = parseEml(fs.readFileSync(path.join(mailDir, file), 'utf8'));
      return {
        file,
        to: decodeMimeWords(headers.to ?? ''),
        subject: decodeMimeWords(headers.subject ?? ''),
        body,
        headers,
      };
    });
}
