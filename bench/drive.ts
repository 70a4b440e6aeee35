import { performance } from 'node:perf_hooks';

/** One timed batch of operations: wall time for the rate, per-operation latencies for percentiles. */
export interface Batch {
  ops: number;
  errors: number;
  wallMs: number;
  latencies: number[];
  firstError?: string;
}

/**
 * Runs `n` operations with at most `concurrency` in flight (a fixed set of loops pulling the next
 * index, so the load is steady). A throwing operation counts as an error and is not timed.
 */
export async function pool(n: number, concurrency: number, op: (i: number) => Promise<void>): Promise<Batch> {
  const batch: Batch = { ops: n, errors: 0, wallMs: 0, latencies: [] };
  let next = 0;
  const start = performance.now();
  const loop = async () => {
    for (let i = next++; i < n; i = next++) {
      const t = performance.now();
      try {
        await op(i);
        batch.latencies.push(performance.now() - t);
      } catch (err) {
        batch.errors++;
        batch.firstError ??= err instanceof Error ? err.message : String(err);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, loop));
  batch.wallMs = performance.now() - start;
  return batch;
}

export function merge(batches: Batch[]): Batch {
  return {
    ops: batches.reduce((s, b) => s + b.ops, 0),
    errors: batches.reduce((s, b) => s + b.errors, 0),
    wallMs: batches.reduce((s, b) => s + b.wallMs, 0),
    latencies: batches.flatMap((b) => b.latencies),
    firstError: batches.find((b) => b.firstError)?.firstError,
  };
}

/** Successful operations per second. */
export const rate = (b: Batch): number => (b.wallMs > 0 ? (b.ops - b.errors) / (b.wallMs / 1000) : 0);

export function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export interface BatchStats {
  ops: number;
  errors: number;
  perSecond: number;
  p50Ms: number;
  p95Ms: number;
  firstError?: string;
}

export const stats = (b: Batch): BatchStats => ({
  ops: b.ops,
  errors: b.errors,
  perSecond: rate(b),
  p50Ms: percentile(b.latencies, 50),
  p95Ms: percentile(b.latencies, 95),
  ...(b.firstError ? { firstError: b.firstError } : {}),
});

/**
 * Runs each side's operations in two halves, in the order A B … then … B A, so a machine that gets
 * busier or quieter during the run (2 cores, other work) weighs on every side alike.
 * `side(from, n)` runs operations from..from+n-1; `between` lets background work settle.
 */
export async function interleaved<K extends string>(
  total: number,
  sides: Record<K, (from: number, n: number) => Promise<Batch>>,
  between: () => Promise<void> = async () => undefined,
): Promise<Record<K, Batch>> {
  const names = Object.keys(sides) as K[];
  const first = Math.ceil(total / 2);
  const halves: Record<string, Batch[]> = {};
  for (const [order, from, n] of [
    [names, 0, first],
    [[...names].reverse(), first, total - first],
  ] as const) {
    if (n === 0) continue;
    for (const name of order) {
      (halves[name] ??= []).push(await sides[name](from, n));
      await between();
    }
  }
  return Object.fromEntries(names.map((k) => [k, merge(halves[k] ?? [])])) as Record<K, Batch>;
}

/** Polls `check` until it returns true or the deadline passes (then throws with `what`). */
export async function waitUntil(
  what: string,
  timeoutMs: number,
  check: () => Promise<boolean> | boolean,
  everyMs = 100,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${Math.round(timeoutMs / 1000)}s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/**
 * Makes `n` things (untimed preparation), retrying failed attempts, at most 2n extra; throws when
 * even that does not give n (then the product is broken, not slow).
 */
export async function prepare<T>(
  what: string,
  n: number,
  concurrency: number,
  make: (i: number) => Promise<T>,
): Promise<T[]> {
  const made: T[] = [];
  let attempt = 0;
  let lastError: string | undefined;
  while (made.length < n && attempt < 3 * n) {
    const batch = await pool(n - made.length, concurrency, async () => {
      made.push(await make(attempt++));
    });
    lastError = batch.firstError ?? lastError;
  }
  if (made.length < n) throw new Error(`could not prepare ${n} ${what}: ${lastError}`);
  return made.slice(0, n);
}
