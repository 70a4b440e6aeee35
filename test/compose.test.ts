import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { tokenFileSchema } from '../src/auth/actors';
import { searchAttributes } from '../src/temporal/searchAttributes';

/**
 * Static checks of the production-like compose stack (no Docker engine needed): the services
 * exist and are wired to each other, the setup service registers exactly the product's search
 * attributes, and the README's Docker section names only services that exist.
 */
const ROOT = path.resolve(__dirname, '..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

type Env = Record<string, string | undefined>;
interface Service {
  image?: string;
  build?: unknown;
  environment?: Env | string[];
  volumes?: (string | { type?: string; source?: string; target: string })[];
  secrets?: (string | { source: string; target?: string })[];
  ports?: (string | number | { target: number; published?: string | number })[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test: string | string[] };
  command?: string | string[];
  entrypoint?: string | string[];
  restart?: string;
}
interface Compose {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
  secrets?: Record<string, { file?: string }>;
}

const compose = parse(read('docker-compose.yml'), { merge: true }) as Compose;
const services = compose.services;
const SETUP = 'temporal-setup';
const EXPECTED = ['postgresql', 'temporal', SETUP, 'temporal-ui', 'mailpit', 'worker', 'api'];

function env(service: string): Env {
  const e = services[service].environment ?? {};
  if (!Array.isArray(e))
    return Object.fromEntries(Object.entries(e).map(([k, v]) => [k, v == null ? undefined : String(v)]));
  return Object.fromEntries(
    e.map((kv) => [kv.split('=')[0], kv.includes('=') ? kv.slice(kv.indexOf('=') + 1) : undefined]),
  );
}

function dependsOn(service: string): Record<string, string | undefined> {
  const d = services[service].depends_on ?? {};
  return Array.isArray(d)
    ? Object.fromEntries(d.map((n) => [n, undefined]))
    : Object.fromEntries(Object.entries(d).map(([n, v]) => [n, v?.condition]));
}

/** Container ports published by a service. */
function publishedTargets(service: string): number[] {
  return (services[service].ports ?? []).map((p) => {
    if (typeof p === 'object') return Number(p.target);
    const parts = String(p)
      .replace(/\/(tcp|udp)$/, '')
      .split(':');
    return Number(parts[parts.length - 1]);
  });
}

/** Volume mounts as { source, target } (short syntax `src:target[:mode]` or long syntax). */
function mounts(service: string): { source?: string; target: string }[] {
  return (services[service].volumes ?? []).map((v) => {
    if (typeof v === 'object') return { source: v.source, target: v.target };
    // Interpolated sources (`${X:-./a}:/b`) may contain colons; the target is the first absolute path after one.
    const m = /^(.*?):(\/[^:]*)(?::(ro|rw|z|Z|[a-z,]+))?$/.exec(v);
    return m ? { source: m[1], target: m[2] } : { target: v };
  });
}

const hostPart = (value: string | undefined) => {
  const withoutScheme = (value ?? '').replace(/^[a-z]+:\/\//, '');
  const [host, port] = withoutScheme.split(/[:/]/);
  return { host, port: Number(port) };
};

describe('docker-compose.yml', () => {
  it('has every service of the stack', () => {
    for (const name of EXPECTED) expect(Object.keys(services)).toContain(name);
  });

  it('runs PostgreSQL 16 on a volume with a pg_isready healthcheck', () => {
    const pg = services.postgresql;
    expect(pg.image).toMatch(/^postgres:16/);
    expect(
      mounts('postgresql').some(
        (m) =>
          m.target === '/var/lib/postgresql/data' && m.source && Object.keys(compose.volumes ?? {}).includes(m.source),
      ),
    ).toBe(true);
    expect(JSON.stringify(pg.healthcheck?.test)).toContain('pg_isready');
  });

  it('runs a pinned Temporal 1.2x auto-setup on PostgreSQL, after PostgreSQL is healthy', () => {
    const t = services.temporal;
    expect(t.image).toMatch(/^temporalio\/auto-setup:(\$\{TEMPORAL_VERSION:-)?1\.2\d\.\d+/);
    expect(dependsOn('temporal')).toMatchObject({ postgresql: 'service_healthy' });
    const e = env('temporal');
    expect(e.DB).toBe('postgres12');
    expect(e.POSTGRES_SEEDS).toBe('postgresql');
    expect(publishedTargets('temporal')).toContain(7233);
    expect(t.healthcheck).toBeDefined();
  });

  it('gives Temporal a dynamic config file that exists in the repo', () => {
    const file = env('temporal').DYNAMIC_CONFIG_FILE_PATH;
    expect(file).toBeTruthy();
    // The server resolves it relative to /etc/temporal; find the mount that covers it.
    const absolute = path.posix.resolve('/etc/temporal', file!);
    const mount = mounts('temporal').find((m) => absolute.startsWith(m.target + '/'));
    expect(mount?.source).toBeTruthy();
    const hostFile = path.join(ROOT, mount!.source!, path.posix.relative(mount!.target, absolute));
    expect(fs.existsSync(hostFile)).toBe(true);
    const config = parse(fs.readFileSync(hostFile, 'utf8'));
    // Creating a case is an Update-with-Start (ExecuteMultiOperation).
    expect(config['frontend.enableExecuteMultiOperation']).toEqual([{ value: true, constraints: {} }]);
  });

  it(`registers exactly the product's search attributes in ${SETUP}`, () => {
    const s = services[SETUP];
    expect(dependsOn(SETUP)).toHaveProperty('temporal');
    expect(env(SETUP).TEMPORAL_ADDRESS).toBe('temporal:7233');
    const script = [s.entrypoint, s.command].flat().filter(Boolean).join('\n');
    const registered = [
      ...script.matchAll(/temporal operator search-attribute create\b[^\n]*?--name\s+(\w+)\s+--type\s+(\w+)/g),
    ].map(([, name, type]) => `${name}=${type}`);
    const cliType: Record<string, string> = {
      KEYWORD: 'Keyword',
      DATETIME: 'Datetime',
      TEXT: 'Text',
      INT: 'Int',
      DOUBLE: 'Double',
      BOOL: 'Bool',
      KEYWORD_LIST: 'KeywordList',
    };
    const expected = searchAttributes.map((k) => `${k.name}=${cliType[k.type]}`);
    expect([...registered].sort()).toEqual([...expected].sort());
    expect(new Set(registered).size).toBe(registered.length);
  });

  it('runs the Temporal UI on 8080 against the temporal service', () => {
    expect(services['temporal-ui'].image).toMatch(/^temporalio\/ui:/);
    expect(env('temporal-ui').TEMPORAL_ADDRESS).toBe('temporal:7233');
    expect(publishedTargets('temporal-ui')).toContain(8080);
  });

  it('runs Mailpit with SMTP on 1025 and the web UI on 8025', () => {
    expect(services.mailpit.image).toMatch(/^axllent\/mailpit/);
    expect(publishedTargets('mailpit')).toEqual(expect.arrayContaining([1025, 8025]));
  });

  describe.each(['worker', 'api'])('%s', (name) => {
    const e = () => env(name);

    it('is built from the repo Dockerfile and starts after Temporal', () => {
      expect(services[name].build).toBeDefined();
      expect(dependsOn(name)).toHaveProperty('temporal');
      expect(dependsOn(name)).toHaveProperty(SETUP);
    });

    it('points TEMPORAL_ADDRESS at the temporal service and SMTP_URL at mailpit', () => {
      expect(hostPart(e().TEMPORAL_ADDRESS)).toEqual({ host: 'temporal', port: 7233 });
      expect(e().SMTP_URL).toMatch(/^smtps?:\/\//);
      expect(hostPart(e().SMTP_URL)).toEqual({ host: 'mailpit', port: 1025 });
      expect(e().TEMPORAL_NAMESPACE).toBe('default');
      expect(e().TASK_QUEUE).toBe('passend-onderwijs');
    });

    it('requires PAYLOAD_KEYS from the operator', () => {
      expect(e().PAYLOAD_KEYS).toMatch(/^\$\{PAYLOAD_KEYS:\?.+\}$/);
    });

    it('reads TOKENS_FILE from a mounted secret or volume', () => {
      const file = e().TOKENS_FILE;
      expect(file).toBeTruthy();
      const secretTargets = (services[name].secrets ?? []).map((s) =>
        typeof s === 'string'
          ? `/run/secrets/${s}`
          : s.target?.startsWith('/')
            ? s.target
            : `/run/secrets/${s.target ?? s.source}`,
      );
      const viaSecret = secretTargets.includes(file!);
      const viaMount = mounts(name).some((m) => file === m.target || file!.startsWith(m.target + '/'));
      expect(viaSecret || viaMount).toBe(true);
      for (const s of services[name].secrets ?? []) {
        const source = typeof s === 'string' ? s : s.source;
        expect(Object.keys(compose.secrets ?? {})).toContain(source);
      }
    });

    it('keeps DATA_DIR on a named volume', () => {
      const dir = e().DATA_DIR;
      expect(dir).toBe('/var/lib/passend-onderwijs');
      const mount = mounts(name).find((m) => m.target === dir);
      expect(mount?.source).toBeTruthy();
      expect(Object.keys(compose.volumes ?? {})).toContain(mount!.source);
    });
  });

  it('lets worker and api share one DATA_DIR volume (sent-mail ledger under outbox/)', () => {
    const source = (n: string) => mounts(n).find((m) => m.target === env(n).DATA_DIR)?.source;
    expect(source('worker')).toBe(source('api'));
  });

  it("keeps the worker's sent-mail ledger in the stack's PostgreSQL, started before it", () => {
    const e = env('worker');
    const url = new URL(e.OUTBOX_DATABASE_URL ?? '');
    expect([url.protocol, url.username, url.hostname, url.port]).toEqual([
      'postgres:',
      'temporal',
      'postgresql',
      '5432',
    ]);
    expect(e.PGPASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?.+\}$/);
    expect(dependsOn('worker')).toMatchObject({ postgresql: 'service_healthy', temporal: 'service_healthy' });
  });

  it('runs the worker and the API entry points', () => {
    expect(JSON.stringify(services.worker.command)).toContain('dist/worker.js');
    expect(JSON.stringify(services.api.command)).toContain('dist/src/api/server.js');
  });

  it('publishes the API on 3000 with a healthcheck on /health', () => {
    expect(publishedTargets('api')).toContain(3000);
    expect(JSON.stringify(services.api.healthcheck?.test)).toContain('/health');
  });

  it('restarts every long-running service after a crash, and no one-shot setup service', () => {
    // One-shot: a service another one waits on to complete (service_completed_successfully).
    const oneShot = new Set(
      Object.keys(services).flatMap((n) =>
        Object.entries(dependsOn(n))
          .filter(([, c]) => c === 'service_completed_successfully')
          .map(([d]) => d),
      ),
    );
    expect([...oneShot]).toEqual([SETUP]);
    for (const [name, service] of Object.entries(services)) {
      // Quoted in the file: `restart: no` unquoted is a boolean to YAML 1.1 parsers such as Compose's.
      expect([name, service.restart]).toEqual([name, oneShot.has(name) ? 'no' : 'unless-stopped']);
    }
    expect(read('docker-compose.yml')).toMatch(/^\s+restart: "no"$/m);
  });

  it('has a token file example that the API accepts', () => {
    const example = JSON.parse(read('deploy/tokens.example.json'));
    expect(tokenFileSchema.safeParse(example).success).toBe(true);
  });
});

describe('Dockerfile', () => {
  const dockerfile = fs.existsSync(path.join(ROOT, 'Dockerfile')) ? read('Dockerfile') : '';

  it('exists and builds the product', () => {
    expect(dockerfile).not.toBe('');
    expect(dockerfile).toMatch(/^RUN .*npm run build/m);
  });

  it('is multi-stage on node:20-bookworm-slim, skips the Temporal postinstall and drops dev deps', () => {
    expect(dockerfile.match(/^FROM /gm)?.length ?? 0).toBeGreaterThanOrEqual(2);
    expect(dockerfile).toContain('node:20-bookworm-slim');
    expect(dockerfile).toMatch(/npm ci --ignore-scripts/);
    expect(dockerfile).toMatch(/npm prune --omit=dev/);
  });

  it('holds what the product reads at runtime besides dist/: mail templates, werkbak pages', () => {
    for (const dir of ['templates', 'src/werkbak/views', 'src/werkbak/static'])
      expect(dockerfile).toMatch(new RegExp(`^COPY ${dir} \\./${dir}$`, 'm'));
  });

  it('runs as a non-root user', () => {
    const users = [...dockerfile.matchAll(/^USER\s+(\S+)/gm)].map((m) => m[1]);
    expect(users.length).toBeGreaterThan(0);
    expect(['root', '0', '0:0']).not.toContain(users[users.length - 1]);
  });
});

/** The README's Docker section(s): from a heading containing "docker" to the next heading of the same or higher level. */
function readmeDockerSections(readme: string): string[] {
  const lines = readme.split('\n');
  const sections: string[] = [];
  let inFence = false;
  let current: { level: number; lines: string[] } | undefined;
  for (const line of lines) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    const heading = inFence ? null : /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      const level = heading[1].length;
      if (current && level <= current.level) {
        sections.push(current.lines.join('\n'));
        current = undefined;
      }
      if (!current && /docker/i.test(heading[2])) {
        current = { level, lines: [] };
        continue;
      }
    }
    current?.lines.push(line);
  }
  if (current) sections.push(current.lines.join('\n'));
  return sections;
}

/** Names the README uses as compose services: service-like `backticked` names and `docker compose <verb> <service>` targets. */
function readmeServiceNames(section: string, known: string[]): string[] {
  const nameRe = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
  const serviceLike =
    /^(temporal(-[a-z0-9]+)*|postgres(ql)?|mailpit|worker|api|[a-z0-9-]*-(setup|admin-tools|ui|worker|api))$/;
  const names = new Set<string>();
  for (const [, token] of section.matchAll(/`([^`\n]+)`/g)) {
    if (nameRe.test(token) && (known.includes(token) || serviceLike.test(token))) names.add(token);
  }
  const valueFlags = new Set([
    '-f',
    '--file',
    '-p',
    '--project-name',
    '--profile',
    '--tail',
    '-n',
    '-e',
    '--env',
    '-u',
    '--user',
    '-w',
    '--workdir',
    '-t',
    '--timeout',
    '--index',
    '--entrypoint',
  ]);
  for (const [, verb, rest] of section.matchAll(
    /docker[ -]compose(?:\s+(?:-f|--file|-p|--project-name|--profile)\s+\S+)*\s+(up|logs|restart|exec|run|stop|start|ps|build|pull|rm|kill|top|port|pause|unpause|create|events)\b([^\n`|;&]*)/g,
  )) {
    const args = rest.trim().split(/\s+/).filter(Boolean);
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a === '--scale' && args[i + 1]) {
        names.add(args[++i].split('=')[0]);
        continue;
      }
      if (valueFlags.has(a)) {
        i++;
        continue;
      }
      if (a.startsWith('-')) continue;
      if (nameRe.test(a)) names.add(a);
      if (verb === 'exec' || verb === 'run') break; // the rest is the command run inside the container
    }
  }
  return [...names];
}

describe('README Docker section', () => {
  const readmePath = path.join(ROOT, 'README.md');
  const sections = fs.existsSync(readmePath) ? readmeDockerSections(fs.readFileSync(readmePath, 'utf8')) : [];
  const check = sections.length > 0 ? it : it.skip;

  check('names only services that docker-compose.yml defines', () => {
    const known = Object.keys(services);
    const named = sections.flatMap((s) => readmeServiceNames(s, known));
    const missing = [...new Set(named)].filter((n) => !known.includes(n));
    expect(missing).toEqual([]);
  });

  it('parses service names the way the README check expects', () => {
    const sample = [
      '# Intro',
      'not `ghost-ui` here',
      '## Draaien met Docker',
      'Services: `postgresql`, `temporal`, `temporal-setup`, `temporal-ui`, `mailpit`, `worker`, `api`; zet `PAYLOAD_KEYS` in `.env`.',
      '```sh',
      'docker compose up -d --build',
      'docker compose logs -f --tail 50 worker api',
      'docker compose up -d --scale worker=2',
      'docker compose exec temporal-admin-tools temporal operator cluster health',
      '```',
      '## Tests',
      '`other-ui`',
    ].join('\n');
    const found = readmeDockerSections(sample).flatMap((s) => readmeServiceNames(s, EXPECTED));
    expect(found.sort()).toEqual([...EXPECTED, 'temporal-admin-tools'].sort());
  });
});
