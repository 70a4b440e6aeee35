import path from 'node:path';

/** What one bench run does; every size derives from `--cases` unless given on its own. */
export interface BenchOptions {
  /** Open cases for the memory step (checkpoints at 1k / 10k / 20k below it, and at this number). */
  cases: number;
  /** Parallel requests of the HTTP and raw-client drivers (create, read, list, memory). */
  concurrency: number;
  /** Parallel decisions: 1 measures the plain round trip. */
  decisionConcurrency: number;
  creates: number;
  decisions: number;
  reads: number;
  lists: number;
  backlog: number;
  /** Raw workflows for the raw side of the memory step (a trivial workflow's cost converges early). */
  rawMemoryCases: number;
  ports: { api: number; temporal: number; ui: number; smtp: number };
  out: string;
  /** Keep the run directory (SQLite file, mail, logs) afterwards. */
  keep: boolean;
  /** The whole run stops (and fails) after this, whatever hangs. */
  maxMinutes: number;
  /** Steps to run (all by default); read needs create's cases, so create runs with it. */
  steps: Step[];
}

export const STEPS = ['create', 'decision', 'read', 'list', 'backlog', 'memory'] as const;
export type Step = (typeof STEPS)[number];

const USAGE = `npm run bench -- [--cases N] [--concurrency C] [--decision-concurrency C]
  [--creates N] [--decisions N] [--reads N] [--lists N] [--backlog N] [--raw-memory-cases N]
  [--only create,decision,read,list,backlog,memory]
  [--ports api,temporal,ui,smtp] [--out file.json] [--keep] [--max-minutes M]`;

const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, x));

export function parseOptions(argv: string[], benchDir: string): BenchOptions {
  const given = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    }
    if (arg === '--keep') {
      given.set('keep', 'true');
      continue;
    }
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!m) throw new Error(`unknown argument '${arg}'\n${USAGE}`);
    const value = m[2] ?? argv[++i];
    if (value === undefined) throw new Error(`--${m[1]} needs a value\n${USAGE}`);
    given.set(m[1], value);
  }
  const known = [
    'cases',
    'concurrency',
    'decision-concurrency',
    'creates',
    'decisions',
    'reads',
    'lists',
    'backlog',
    'raw-memory-cases',
    'ports',
    'out',
    'keep',
    'max-minutes',
    'only',
  ];
  for (const k of given.keys()) if (!known.includes(k)) throw new Error(`unknown option --${k}\n${USAGE}`);

  const int = (name: string, fallback: number, min = 1) => {
    const raw = given.get(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer ≥ ${min}`);
    return n;
  };
  const cases = int('cases', 1000);
  const [api, temporal, ui, smtp] = (given.get('ports') ?? '3900,17933,18933,2925').split(',').map(Number);
  if (![api, temporal, ui, smtp].every((p) => Number.isInteger(p) && p > 0 && p < 65536))
    throw new Error('--ports is api,temporal,ui,smtp');
  const only = (given.get('only')?.split(',') ?? [...STEPS]) as Step[];
  const unknown = only.filter((s) => !STEPS.includes(s));
  if (unknown.length) throw new Error(`--only: unknown step ${unknown.join(', ')}\n${USAGE}`);
  if (only.includes('read') && !only.includes('create')) only.push('create');
  return {
    steps: STEPS.filter((s) => only.includes(s)),
    cases,
    concurrency: int('concurrency', 16),
    decisionConcurrency: int('decision-concurrency', 1),
    // Small --cases (the CI smoke test) gives small samples; from 1,000 on they are fixed.
    creates: int('creates', clamp(Math.round(cases / 2), 10, 300)),
    decisions: int('decisions', clamp(Math.round(cases / 5), 10, 200)),
    reads: int('reads', clamp(cases * 2, 50, 2000)),
    lists: int('lists', clamp(Math.round(cases / 5), 10, 200)),
    backlog: int('backlog', cases >= 1000 ? 1000 : Math.max(10, Math.round(cases / 2))),
    rawMemoryCases: int('raw-memory-cases', Math.min(cases, 2000)),
    ports: { api, temporal, ui, smtp },
    out: path.resolve(given.get('out') ?? path.join(benchDir, 'results', 'latest.json')),
    keep: given.has('keep'),
    // Generous: the slowest product seen creates and reads ~5 cases/s; the raw side adds less.
    maxMinutes: int('max-minutes', Math.ceil(15 + (cases * 0.4) / 60)),
  };
}
