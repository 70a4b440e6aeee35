/**
 * Outages (issue 11): one of two workers killed with SIGKILL, then the other, then Temporal stopped. Every answer is a 503
 * with Retry-After within its time budget, never a 500; `/health` says so within 10 s; a create and
 * an action answered 503 and retried with their Idempotency-Key take effect exactly once.
 *
 * The worker is the product's own process (`node dist/worker.js`, built by the stack's globalSetup),
 * so the kill is a real one: no graceful shutdown tells Temporal it went away.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import request from 'supertest';
import { ROOT } from '../../src/config';
import { waitFor } from '../helpers/api';
import { apiClient } from '../helpers/apiClient';
import { aanmelding, expectDutchProblem, startZakenHarness, vandaag, type Harness } from '../helpers/zakenHarness';

/**
 * The API's budgets (TIJDSBUDGET in src/api/temporalErrors.ts: a school's 503 costs one more short
 * look whether the case is its own) plus the slack of a loaded 2-core machine.
 */
const LEZEN_MS = 5_000 + 2_000 + 1_500;
const SCHRIJVEN_MS = 10_000 + 2_000 + 1_500;

let h: Harness;
const api = apiClient(() => h);
let worker: ChildProcess | undefined;

/** The product's worker process on the harness's server and task queue, once it says it runs. */
async function startWorkerProces(): Promise<ChildProcess> {
  const proc = spawn(process.execPath, [path.join(ROOT, 'dist', 'worker.js')], {
    env: {
      ...process.env,
      DATA_DIR: h.dataDir,
      SMTP_URL: h.config.smtpUrl,
      PAYLOAD_KEYS: h.config.payloadKeys,
      TASK_QUEUE: h.config.taskQueue,
      TEMPORAL_NAMESPACE: h.config.namespace,
      TEMPORAL_ADDRESS: h.config.temporalAddress,
      COORDINATOR_EMAIL: h.config.coordinatorEmail,
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  await new Promise<void>((resolve, reject) => {
    readline.createInterface({ input: proc.stdout! }).on('line', (l) => l.includes('worker draait') && resolve());
    proc.once('exit', (code) => reject(new Error(`worker stopte (${code}) voordat hij draaide`)));
  });
  return proc;
}

async function kill(proc: ChildProcess): Promise<void> {
  const exited = new Promise((r) => proc.once('exit', r));
  proc.kill('SIGKILL');
  await exited;
}

/**
 * Temporal goes away as in a crash: its process killed, while the API's connection stays open (the
 * test environment's teardown would close the client too, which no outage does).
 */
function stopTemporal(): void {
  const port = h.config.temporalAddress.split(':').pop();
  const listening = execFileSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8' });
  const pids = [...new Set([...listening.matchAll(/pid=(\d+)/g)].map((m) => Number(m[1])))];
  expect(pids.length).toBeGreaterThan(0);
  for (const pid of pids) process.kill(pid, 'SIGKILL');
}

const health = () => request(h.app).get('/health');
const gezond = () => waitFor(async () => ((await health()).status === 200 ? true : undefined), 60_000, 250);

/** The answer and how long it took. */
async function getimed(req: PromiseLike<request.Response>): Promise<{ res: request.Response; ms: number }> {
  const started = Date.now();
  const res = await req;
  return { res, ms: Date.now() - started };
}

function expect503(res: request.Response): void {
  expectDutchProblem(res, 503);
  expect(res.headers['retry-after']).toMatch(/^\d+$/);
}

const gesprek = { datum: vandaag(), wie: 'IB De Regenboog', verslag: 'Mogelijkheden besproken met de ouders.' };
const oudergesprek = (id: string, key: string) =>
  request(h.app)
    .post(`/api/v1/zaken/${id}/acties/oudergesprek`)
    .set(api.auth('school'))
    .set('Idempotency-Key', key)
    .send(gesprek);
const aanmelden = (key: string) =>
  request(h.app)
    .post('/api/v1/zaken/zorgplicht')
    .set(api.auth('coordinator'))
    .set('Idempotency-Key', key)
    .send(aanmelding());

beforeAll(async () => {
  h = await startZakenHarness('storing');
  // Only the product's worker processes poll the task queue from here on.
  await h.stopWorker();
  worker = await startWorkerProces();
  // The first check starts the sign-of-life workflow: this worker has it cached from here on.
  await gezond();
}, 120_000);

afterAll(async () => {
  worker?.kill('SIGKILL');
  await h?.teardown();
});

describe('with the workers killed one after the other', () => {
  let zaak: string;
  let tijdensStoring: { create: request.Response; actie: request.Response; lezen: request.Response };

  beforeAll(async () => {
    const res = await api.create('zorgplicht', aanmelding());
    expect(res.status).toBe(201);
    zaak = res.body.id;
  }, 60_000);

  it('one of two killed (the one with the sign of life cached): /health stays 200, a surviving worker answers', async () => {
    const eerste = worker!;
    worker = await startWorkerProces();
    await kill(eerste);
    for (let i = 0; i < 3; i++) expect((await health()).status).toBe(200);
  }, 60_000);

  it('the last one killed: /health is 503 within 10 s, naming the worker; /health/ready stays 200', async () => {
    const gedood = Date.now();
    await kill(worker!);
    worker = undefined;
    const res = await waitFor(
      async () => {
        const r = await health();
        return r.status === 503 ? r : undefined;
      },
      10_000,
      100,
    );
    expect(Date.now() - gedood).toBeLessThan(10_000);
    expect(res.body).toEqual(
      expect.objectContaining({ status: 'niet-beschikbaar', temporal: { ok: true }, worker: expect.anything() }),
    );
    expect(res.body.worker).toEqual(expect.objectContaining({ ok: false, detail: 'Geen worker neemt taken aan' }));
    expect((await request(h.app).get('/health/ready')).status).toBe(200);
  }, 30_000);

  it('a create, an action and a read answer 503 with Retry-After within their budgets, never 500', async () => {
    const [create, actie, lezen] = await Promise.all([
      getimed(aanmelden('storing-create-1')),
      getimed(oudergesprek(zaak, 'storing-actie-1')),
      getimed(api.get(zaak)),
    ]);
    for (const { res } of [create, actie, lezen]) expect503(res);
    // A write that may still happen says so, and how to retry it safely.
    for (const { res } of [create, actie]) expect(res.body.detail).toMatch(/Idempotency-Key/);
    expect(create.ms).toBeLessThan(SCHRIJVEN_MS);
    expect(actie.ms).toBeLessThan(SCHRIJVEN_MS);
    expect(lezen.ms).toBeLessThan(LEZEN_MS);
    tijdensStoring = { create: create.res, actie: actie.res, lezen: lezen.res };
  }, 60_000);

  it('once a worker is back, the create and the action retried with their keys take effect exactly once', async () => {
    expect(tijdensStoring).toBeDefined();
    worker = await startWorkerProces();
    await gezond();
    const create = await aanmelden('storing-create-1');
    expect(create.status).toBe(201);
    const nogmaals = await aanmelden('storing-create-1');
    expect(nogmaals.body.id).toBe(create.body.id);
    expect((await h.client.workflow.count(`WorkflowId = '${create.body.id}'`)).count).toBe(1);

    const actie = await oudergesprek(zaak, 'storing-actie-1');
    expect(actie.status).toBe(200);
    expect(actie.body.oudergesprekken).toHaveLength(1);
    expect((await oudergesprek(zaak, 'storing-actie-1')).body.oudergesprekken).toHaveLength(1);
    expect((await api.get(zaak)).body.oudergesprekken).toHaveLength(1);
  }, 90_000);
});

describe('with Temporal stopped', () => {
  let zaak: string;

  beforeAll(async () => {
    worker ??= await startWorkerProces();
    await gezond();
    const res = await api.create('zorgplicht', aanmelding());
    expect(res.status).toBe(201);
    zaak = res.body.id;
    if (worker) await kill(worker);
    worker = undefined;
    stopTemporal();
  }, 60_000);

  // The API answered at its deadline; the client's own retries of those calls may still sleep a
  // backoff (at most 5 s + jitter) before they give up. Closing the connection under them would
  // throw in a timer, into whichever test runs next.
  afterAll(() => new Promise((r) => setTimeout(r, 7_000)), 10_000);

  it('health, readiness, reads, lists, creates and actions all answer 503 within their budgets, never 500', async () => {
    const [gezondheid, gereed, lezen, lijst, create, actie] = await Promise.all([
      getimed(health()),
      getimed(request(h.app).get('/health/ready')),
      getimed(api.get(zaak)),
      getimed(api.list('/api/v1/zaken')),
      getimed(aanmelden('storing-create-2')),
      getimed(oudergesprek(zaak, 'storing-actie-2')),
    ]);
    expect([gezondheid.res.status, gereed.res.status]).toEqual([503, 503]);
    expect(gezondheid.res.body.temporal).toEqual({ ok: false, detail: 'Temporal antwoordt niet' });
    expect(Math.max(gezondheid.ms, gereed.ms)).toBeLessThan(5_000);
    for (const { res } of [lezen, lijst, create, actie]) expect503(res);
    expect(Math.max(lezen.ms, lijst.ms)).toBeLessThan(LEZEN_MS);
    expect(Math.max(create.ms, actie.ms)).toBeLessThan(SCHRIJVEN_MS);
  }, 60_000);
});
