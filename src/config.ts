import path from 'node:path';

/** Runtime settings, all from the environment; defaults are the embedded single-machine setup. */
export interface Config {
  /** Where the embedded default keeps its state: SQLite file, mail, keys, dev tokens. */
  dataDir: string;
  /** A real Temporal cluster; unset means the embedded dev server on `localhost:$TEMPORAL_PORT` (7233). */
  temporalAddress: string;
  temporalAddressGiven: boolean;
  namespace: string;
  taskQueue: string;
  port: number;
  /** Where the API listens: loopback on the embedded default, like Temporal and the SMTP sink. */
  host: string;
  /** Requests per minute per address and per token (429 past them). */
  limieten: { perAdres: number; perToken: number };
  /** Send Strict-Transport-Security (set where TLS terminates in front of the API). */
  hsts: boolean;
  /** Outgoing mail server; unset means the local SMTP sink. */
  smtpUrl: string;
  smtpUrlGiven: boolean;
  smtpSinkPort: number;
  /** The outbox's ledger: a `postgres://` URL (workers on several machines); unset means SQLite in DATA_DIR. */
  outboxDatabaseUrl?: string;
  mailFrom: string;
  /** The SWV's coordinator mailbox: told of overdue cases, placements and impasses. */
  coordinatorEmail: string;
  directeurEmail: string;
  bestuurEmail: string;
  /** The deskundigen's shared mailbox (TLV assessments). */
  deskundigeEmail: string;
  /** The municipality's leerplicht (a policy may report thuiszitters to it at once). */
  leerplichtEmail: string;
  /** Token config: `{ tokens: [{ tokenHash, id, naam, rol, brins, geldigTot? }] }` (README, Tokens). */
  tokensFile: string;
  /** Where the embedded default writes `{ "<role>": "<token>" }` for clients. */
  devTokensFile: string;
  /** `id:base64key,...` — the first key encrypts, all decrypt (rotation). */
  payloadKeys?: string;
  payloadKeysFile: string;
  temporalUiPort: number;
  /** The Temporal UI's origin: its calls to /codec/decode pass CORS (TEMPORAL_UI_ORIGIN). */
  temporalUiOrigin: string;
  /** The worker's memory budget (RSS, MiB); its case cache is sized from it (src/worker/limits.ts). */
  workerMemoryMb: number;
  /** Overrides the cache size the budget gives. */
  workerMaxCachedCases?: number;
  /** The werkbak's session cookies are signed with these (SESSION_SECRETS, comma-separated; the first signs, all verify). */
  sessionSecrets?: string;
  /** Without SESSION_SECRETS: one secret in this file, written on first start (one API replica). */
  sessionSecretFile: string;
  /** Minutes without a page before a werkbak session ends; it ends anyway after `sessieMaxUren`. */
  sessieIdleMinuten: number;
  sessieMaxUren: number;
  /** Where users reach the werkbak (WERKBAK_URL): the agenda links are built on it, never on request headers. */
  werkbakUrl: string;
}

export const ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..');

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.DATA_DIR ?? path.join(ROOT, 'data'));
  const smtpSinkPort = Number(env.SMTP_SINK_PORT ?? 2525);
  return {
    dataDir,
    temporalAddress: env.TEMPORAL_ADDRESS ?? `localhost:${Number(env.TEMPORAL_PORT ?? 7233)}`,
    temporalAddressGiven: Boolean(env.TEMPORAL_ADDRESS),
    namespace: env.TEMPORAL_NAMESPACE ?? 'default',
    taskQueue: env.TASK_QUEUE ?? 'passend-onderwijs',
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '127.0.0.1',
    limieten: {
      perAdres: positive(env.RATE_LIMIT_ADRES, 'RATE_LIMIT_ADRES') ?? 1200,
      perToken: positive(env.RATE_LIMIT_TOKEN, 'RATE_LIMIT_TOKEN') ?? 600,
    },
    hsts: env.API_HSTS === 'true',
    smtpUrl: env.SMTP_URL ?? `smtp://127.0.0.1:${smtpSinkPort}`,
    smtpUrlGiven: Boolean(env.SMTP_URL),
    smtpSinkPort,
    outboxDatabaseUrl: env.OUTBOX_DATABASE_URL || undefined,
    mailFrom: env.MAIL_FROM ?? 'Passend Onderwijs <noreply@passendonderwijs.local>',
    coordinatorEmail: env.COORDINATOR_EMAIL ?? 'coordinator@samenwerkingsverband.local',
    directeurEmail: env.DIRECTEUR_EMAIL ?? 'directeur@samenwerkingsverband.local',
    bestuurEmail: env.BESTUUR_EMAIL ?? 'bestuur@samenwerkingsverband.local',
    deskundigeEmail: env.DESKUNDIGE_EMAIL ?? 'deskundigen@samenwerkingsverband.local',
    leerplichtEmail: env.LEERPLICHT_EMAIL ?? 'leerplicht@gemeente.local',
    tokensFile: path.resolve(env.TOKENS_FILE ?? path.join(dataDir, 'tokens.json')),
    devTokensFile: path.join(dataDir, 'dev-tokens.json'),
    payloadKeys: env.PAYLOAD_KEYS,
    payloadKeysFile: path.resolve(env.PAYLOAD_KEYS_FILE ?? path.join(dataDir, 'payload-keys.json')),
    temporalUiPort: Number(env.TEMPORAL_UI_PORT ?? 8233),
    temporalUiOrigin: env.TEMPORAL_UI_ORIGIN ?? `http://localhost:${Number(env.TEMPORAL_UI_PORT ?? 8233)}`,
    workerMemoryMb: positive(env.WORKER_MEMORY_MB, 'WORKER_MEMORY_MB') ?? 1024,
    workerMaxCachedCases: positive(env.WORKER_MAX_CACHED_CASES, 'WORKER_MAX_CACHED_CASES'),
    sessionSecrets: env.SESSION_SECRETS || undefined,
    sessionSecretFile: path.resolve(env.SESSION_SECRET_FILE ?? path.join(dataDir, 'session-secret')),
    sessieIdleMinuten: positive(env.SESSIE_IDLE_MINUTEN, 'SESSIE_IDLE_MINUTEN') ?? 60,
    sessieMaxUren: positive(env.SESSIE_MAX_UREN, 'SESSIE_MAX_UREN') ?? 10,
    werkbakUrl: (env.WERKBAK_URL ?? `http://localhost:${Number(env.PORT ?? 3000)}`).replace(/\/+$/, ''),
  };
}

function positive(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} moet een positief geheel getal zijn, niet '${value}'`);
  return n;
}

/** Where `scripts/install-temporal.sh` puts the binaries from the PyPI wheels. */
export const temporalBinaries = {
  cli: path.join(ROOT, '.temporal', 'bin', 'temporal'),
  testServer: path.join(ROOT, '.temporal', 'bin', 'temporal-test-server'),
  libfaketime: path.join(
    ROOT,
    '.temporal',
    'faketime',
    'libfaketime',
    'vendor',
    'libfaketime',
    'src',
    'libfaketime.so.1',
  ),
};
