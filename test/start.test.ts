import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { roles } from '../src/auth/actors';
import { ROOT } from '../src/config';
import { freePorts, portIsFree, waitFor } from './helpers/api';
import { tempDirs } from './helpers/tmp';

jest.setTimeout(240_000);

/** Removed after every describe block has stopped its product. */
const tempDir = tempDirs();

type Ports = { api: number; temporal: number; ui: number; smtp: number };
type Exit = { code: number | null; signal: NodeJS.Signals | null };

interface Started {
  proc: ChildProcess;
  out: string[];
  exited: Promise<Exit>;
}

/** `node dist/scripts/start.js` on its own DATA_DIR and ports, with every output line collected. */
function launch(dataDir: string, ports: Ports): Started {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(ports.api),
    TEMPORAL_PORT: String(ports.temporal),
    TEMPORAL_UI_PORT: String(ports.ui),
    SMTP_SINK_PORT: String(ports.smtp),
    LOG_LEVEL: 'info',
  };
  for (const k of [
    'TEMPORAL_ADDRESS',
    'SMTP_URL',
    'TOKENS_FILE',
    'PAYLOAD_KEYS',
    'PAYLOAD_KEYS_FILE',
    'TASK_QUEUE',
    'TEMPORAL_NAMESPACE',
  ])
    delete env[k];
  const proc = spawn(process.execPath, [path.join(ROOT, 'dist', 'scripts', 'start.js')], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out: string[] = [];
  proc.stdout!.on('data', (d) => out.push(String(d)));
  proc.stderr!.on('data', (d) => out.push(String(d)));
  const exited = new Promise<Exit>((resolve) => proc.once('exit', (code, signal) => resolve({ code, signal })));
  return { proc, out, exited };
}

async function waitUntilRunning(s: Started): Promise<void> {
  // The summary line; the worker's own log says 'worker draait' too, so match the whole phrase.
  await waitFor(
    async () => {
      if (s.proc.exitCode !== null) throw new Error(`start.js stopte (code ${s.proc.exitCode}):\n${s.out.join('')}`);
      return s.out.join('').includes('Passend onderwijs processen draait') ? true : undefined;
    },
    90_000,
    200,
  ).catch((err) => {
    throw new Error(`${(err as Error).message}\n--- output ---\n${s.out.join('')}`);
  });
}

/** SIGINT (Ctrl-C) and wait for the exit, at most 30 s. */
async function stopProduct(s: Started): Promise<Exit & { ms: number }> {
  const started = Date.now();
  s.proc.kill('SIGINT');
  let timer: NodeJS.Timeout | undefined;
  const result = await Promise.race([
    s.exited,
    new Promise<never>((_r, reject) => {
      timer = setTimeout(() => reject(new Error(`start.js stopte niet binnen 30 s:\n${s.out.join('')}`)), 30_000);
    }),
  ]).finally(() => clearTimeout(timer));
  return { ...result, ms: Date.now() - started };
}

/** For afterAll: never leave a stack behind, even when a test failed half-way. */
async function killProduct(s: Started | undefined): Promise<void> {
  if (!s || s.proc.exitCode !== null || s.proc.signalCode !== null) return;
  s.proc.kill('SIGINT');
  await Promise.race([s.exited, new Promise((r) => setTimeout(r, 30_000))]);
  if (s.proc.exitCode === null && s.proc.signalCode === null) s.proc.kill('SIGKILL');
}

/** Every descendant of a pid (temporal CLI, worker, API), from `ps`. */
function descendants(root: number): { pid: number; args: string }[] {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((l) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), args: m[3] }));
  const found: { pid: number; args: string }[] = [];
  const queue = [root];
  while (queue.length) {
    const parent = queue.shift()!;
    for (const r of rows.filter((x) => x.ppid === parent)) {
      found.push({ pid: r.pid, args: r.args });
      queue.push(r.pid);
    }
  }
  return found;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('npm start (node dist/scripts/start.js): the embedded single-machine default', () => {
  const dataDir = tempDir('start-');
  let ports: Ports;
  let running: Started | undefined;

  function start(): Started {
    running = launch(dataDir, ports);
    return running;
  }

  async function stop(s: Started): Promise<Exit & { ms: number }> {
    const result = await stopProduct(s);
    running = undefined;
    return result;
  }

  /** What is left after a stop: former children still alive, or any process naming DATA_DIR or a chosen port. */
  function leftovers(children: { pid: number; args: string }[]): string[] {
    const ps = execFileSync('ps', ['-eo', 'pid=,stat=,args='], { encoding: 'utf8' })
      .split('\n')
      .filter((l) => l.trim() && !/^\s*\d+\s+Z/.test(l)); // zombies are dead
    const needles = [dataDir, ...Object.values(ports).map(String)];
    const byArgs = ps.filter(
      (l) =>
        !l.includes('ps -eo') &&
        needles.some((n) =>
          new RegExp(`(^|[^0-9])${n.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}([^0-9]|$)`).test(
            l.replace(/^\s*\d+\s+\S+\s+/, ''),
          ),
        ),
    );
    const byPid = children
      .filter((c) => alive(c.pid) && ps.some((l) => Number(l.trim().split(/\s+/)[0]) === c.pid))
      .map((c) => `${c.pid} ${c.args}`);
    return [...byArgs, ...byPid];
  }

  const devTokens = () =>
    JSON.parse(fs.readFileSync(path.join(dataDir, 'dev-tokens.json'), 'utf8')) as Record<string, string>;
  const api = (p: string, init?: RequestInit) => fetch(`http://127.0.0.1:${ports.api}${p}`, init);

  beforeAll(async () => {
    const [a, t, u, m] = await freePorts(4);
    ports = { api: a, temporal: t, ui: u, smtp: m };
  });

  afterAll(() => killProduct(running), 60_000);

  let firstTokens: Record<string, string>;
  let children: { pid: number; args: string }[] = [];

  it('starts the dev server, SMTP sink, worker and API, and prints where everything is', async () => {
    const s = start();
    await waitUntilRunning(s);
    const text = s.out.join('');
    expect(text).toContain(`http://localhost:${ports.api}`);
    expect(text).toContain(`http://localhost:${ports.ui}`);
    expect(text).toContain(path.join(dataDir, 'dev-tokens.json'));

    const health = await api('/health');
    expect(health.status).toBe(200);
    expect(((await health.json()) as { status: string }).status).toBe('ok');

    children = descendants(s.proc.pid!);
    const names = children.map((c) => c.args).join('\n');
    expect(names).toContain('server start-dev');
    expect(names).toContain(path.join('dist', 'worker.js'));
    expect(names).toContain(path.join('dist', 'src', 'api', 'server.js'));

    const openapi = await api('/openapi.json');
    expect(openapi.status).toBe(200);
    expect(((await openapi.json()) as { openapi: string }).openapi).toBe('3.1.0');
  });

  it('writes dev tokens for every role that work on GET /api/v1/ik', async () => {
    firstTokens = devTokens();
    expect(Object.keys(firstTokens).sort()).toEqual([...roles].sort());
    for (const rol of roles) {
      const res = await api('/api/v1/ik', { headers: { Authorization: `Bearer ${firstTokens[rol]}` } });
      expect(res.status).toBe(200);
      const actor = (await res.json()) as { rol: string; brins: string[] };
      expect(actor.rol).toBe(rol);
      if (rol === 'school') expect(actor.brins.length).toBeGreaterThan(0);
    }
    expect((await api('/api/v1/ik')).status).toBe(401);
  });

  it('keeps its state under DATA_DIR and serves the Temporal UI', async () => {
    for (const f of ['temporal.db', 'tokens.json', 'dev-tokens.json', 'payload-keys.json']) {
      expect(fs.statSync(path.join(dataDir, f)).isFile()).toBe(true);
    }
    expect(fs.statSync(path.join(dataDir, 'mail')).isDirectory()).toBe(true);
    expect(fs.statSync(path.join(dataDir, 'payload-keys.json')).mode & 0o777).toBe(0o600);
    expect(await portIsFree(ports.smtp)).toBe(false);
    const ui = await fetch(`http://127.0.0.1:${ports.ui}/`);
    expect(ui.status).toBeLessThan(500);
    expect(ui.headers.get('content-type') ?? '').toMatch(/text\/html/);
  });

  const persoonsgegevens = [
    'Xandrijn Pluimveehoudster',
    'x.pluimvee@voorbeeld.nl',
    'Ouder Pluimveehoudster',
    '2018-03-14',
  ];
  let zaakId: string;

  it('runs a case through the started system: mail lands in data/mail, and the run log holds no personal data', async () => {
    const s = running!;
    const auth = (rol: string) => ({ Authorization: `Bearer ${devTokens()[rol]}`, 'Content-Type': 'application/json' });
    const aanmelddatum = new Date().toISOString().slice(0, 10);
    const created = await api('/api/v1/zaken/zorgplicht', {
      method: 'POST',
      headers: auth('coordinator'),
      body: JSON.stringify({
        leerling: { naam: persoonsgegevens[0], geboortedatum: persoonsgegevens[3] },
        school: { brin: '12AB', naam: 'De Regenboog', email: 'ib@regenboog.example' },
        ouders: [{ naam: persoonsgegevens[2], email: persoonsgegevens[1] }],
        beleid: 'spow',
        aanmelddatum,
      }),
    });
    expect(created.status).toBe(201);
    zaakId = ((await created.json()) as { id: string }).id;
    expect(zaakId).toMatch(/^zp-[0-9a-f-]{36}$/);
    const verlengd = await api(`/api/v1/zaken/${zaakId}/acties/verlengen`, {
      method: 'POST',
      headers: auth('school'),
      body: JSON.stringify({ weken: 2, reden: 'observatie in de klas loopt nog' }),
    });
    expect(verlengd.status).toBe(200);
    const mailDir = path.join(dataDir, 'mail');
    const mail = await waitFor(async () => fs.readdirSync(mailDir).find((f) => f.endsWith('.eml')), 20_000);
    expect(fs.readFileSync(path.join(mailDir, mail), 'utf8')).toContain(`To: ${persoonsgegevens[1]}`);

    // The API writes its log in the background, at least every second.
    const log = await waitFor(async () => {
      const tekst = s.out.join('');
      return tekst.includes('/api/v1/zaken/:id/acties/:actie') ? tekst : undefined;
    }, 5_000);
    for (const gegeven of persoonsgegevens) expect(log).not.toContain(gegeven);
  });

  it('stops everything on SIGINT (Ctrl-C) with code 0 and leaves no process or port behind', async () => {
    const s = running!;
    const { code, signal, ms } = await stop(s);
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(ms).toBeLessThan(30_000);
    expect(s.out.join('')).toContain('[start] gestopt');
    await waitFor(async () => (leftovers(children).length === 0 ? true : undefined), 10_000).catch(() => undefined);
    expect(leftovers(children)).toEqual([]);
    for (const [name, port] of Object.entries(ports)) {
      expect([name, await portIsFree(port)]).toEqual([name, true]);
    }
  });

  it('starts again on the same DATA_DIR with the same tokens and is healthy again', async () => {
    const s = start();
    await waitUntilRunning(s);
    expect(devTokens()).toEqual(firstTokens);
    expect((await api('/health')).status).toBe(200);
    const res = await api('/api/v1/ik', { headers: { Authorization: `Bearer ${firstTokens.coordinator}` } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { rol: string }).rol).toBe('coordinator');
    // The case survived the restart (SQLite file, same payload keys).
    const zaak = await api(`/api/v1/zaken/${zaakId}`, {
      headers: { Authorization: `Bearer ${firstTokens.coordinator}` },
    });
    expect(zaak.status).toBe(200);
    expect((await zaak.json()) as { status: string; leerling: { naam: string } }).toMatchObject({
      status: 'verlengd',
      leerling: { naam: persoonsgegevens[0] },
    });

    const again = descendants(s.proc.pid!);
    expect(again).toHaveLength(children.length);
    const { code } = await stop(s);
    expect(code).toBe(0);
    await waitFor(async () => (leftovers(again).length === 0 ? true : undefined), 10_000).catch(() => undefined);
    expect(leftovers(again)).toEqual([]);
  });
});

describe('npm start supervises its children: a killed worker is restarted while the API stays up', () => {
  const dataDir = tempDir('supervise-');
  let ports: Ports;
  let s: Started | undefined;
  const api = (p: string, init?: RequestInit) => fetch(`http://127.0.0.1:${ports.api}${p}`, init);
  const auth = (rol: string) => {
    const tokens = JSON.parse(fs.readFileSync(path.join(dataDir, 'dev-tokens.json'), 'utf8')) as Record<string, string>;
    return { Authorization: `Bearer ${tokens[rol]}`, 'Content-Type': 'application/json' };
  };
  const log = () => s!.out.join('');
  /** The pids the supervisor logged for a child, in start order ("[start] worker gestart (pid 123)"). */
  const startedPids = (name: string) =>
    [...log().matchAll(new RegExp(`\\[start\\] ${name} gestart \\(pid (\\d+)\\)`, 'g'))].map((m) => Number(m[1]));
  const workerReady = () =>
    log()
      .split('\n')
      .filter((l) => l.startsWith('[worker]') && l.includes('worker draait')).length;

  beforeAll(async () => {
    const [a, t, u, m] = await freePorts(4);
    ports = { api: a, temporal: t, ui: u, smtp: m };
    s = launch(dataDir, ports);
    await waitUntilRunning(s);
  }, 120_000);

  afterAll(() => killProduct(s), 60_000);

  it('restarts a SIGKILLed worker with backoff, the API answers meanwhile, and a case created before the kill continues', async () => {
    const created = await api('/api/v1/zaken/zorgplicht', {
      method: 'POST',
      headers: auth('coordinator'),
      body: JSON.stringify({
        leerling: { naam: 'Sanne de Vries' },
        school: { brin: '12AB', naam: 'De Regenboog', email: 'ib@regenboog.example', regio: 'midden' },
        ouders: [{ naam: 'J. de Vries', email: 'ouders@example.nl' }],
        beleid: 'spow',
        aanmelddatum: new Date().toISOString().slice(0, 10),
      }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };

    // The worker the supervisor started is a child of start.js running dist/worker.js.
    // Killed once it has said it runs (its log line can come after the API is healthy and the case created).
    await waitFor(async () => (workerReady() === 1 ? true : undefined), 30_000, 100);
    const [workerPid] = startedPids('worker');
    expect(descendants(s!.proc.pid!)).toContainEqual({
      pid: workerPid,
      args: expect.stringContaining(path.join('dist', 'worker.js')),
    });
    process.kill(workerPid, 'SIGKILL');
    await waitFor(async () => (log().includes('[start] worker stopte onverwacht') ? true : undefined), 10_000, 20);
    expect(log()).toMatch(
      /\[start\] worker stopte onverwacht \(signaal SIGKILL, na [\d.]+ m?s\); herstart poging 1 over 1 s/,
    );
    expect(alive(workerPid)).toBe(false);

    // No worker polls (the restart waits 1 s, a new worker needs seconds to start): the API still
    // answers, the list reads visibility.
    const list = await api('/api/v1/zaken?type=zorgplicht', { headers: auth('coordinator') });
    expect(list.status).toBe(200);
    expect(await list.text()).toContain(id);
    expect(workerReady()).toBe(1);

    // The supervisor starts a new worker; once it polls, the case takes its next step.
    await waitFor(async () => (startedPids('worker').length === 2 ? true : undefined), 10_000, 50);
    const newPid = startedPids('worker')[1];
    expect(newPid).not.toBe(workerPid);
    expect(descendants(s!.proc.pid!).map((c) => c.pid)).toContain(newPid);
    await waitFor(async () => (workerReady() >= 2 ? true : undefined), 45_000, 100);

    const verlengd = await api(`/api/v1/zaken/${id}/acties/verlengen`, {
      method: 'POST',
      headers: auth('school'),
      body: JSON.stringify({ weken: 4, reden: 'Onderzoek loopt nog' }),
    });
    expect(verlengd.status).toBe(200);
    const zaak = await api(`/api/v1/zaken/${id}`, { headers: auth('school') });
    expect(zaak.status).toBe(200);
    expect(((await zaak.json()) as { status: string }).status).toBe('verlengd');
  });

  it('still stops on SIGINT with code 0 afterwards, restarting nothing during the shutdown', async () => {
    const children = descendants(s!.proc.pid!);
    expect(children).toHaveLength(3); // temporal, worker (the new one), api
    const { code, signal } = await stopProduct(s!);
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    const shutdown = log().slice(log().indexOf('[start] stoppen…'));
    expect(shutdown).toContain('[start] gestopt');
    expect(shutdown).not.toMatch(/\[start\] .*(gestart|herstart)/);
    await waitFor(async () => (children.every((c) => !alive(c.pid)) ? true : undefined), 10_000).catch(() => undefined);
    expect(children.filter((c) => alive(c.pid))).toEqual([]);
  });
});
