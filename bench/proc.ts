import fs from 'node:fs';

export const MiB = 2 ** 20;

/** Resident set size of a process from /proc (Linux), in bytes; undefined once it is gone. */
export function rssBytes(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** The SQLite store with its write-ahead log (the dev server writes through the WAL). */
export function sqliteBytes(dbFile: string): number {
  let total = 0;
  for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) {
    try {
      total += fs.statSync(f).size;
    } catch {
      /* not there (yet) */
    }
  }
  return total;
}

/**
 * Samples the RSS of named processes every 200 ms and keeps the maximum per name since the last
 * reset: the peak between two checkpoints is what runs a worker out of memory, not the value at them.
 */
export class RssSampler {
  private readonly pids = new Map<string, number>();
  private readonly max = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;

  constructor(intervalMs = 200) {
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  track(name: string, pid: number | undefined): void {
    if (pid) this.pids.set(name, pid);
    this.max.delete(name);
  }

  sample(): void {
    for (const [name, pid] of this.pids) {
      const rss = rssBytes(pid);
      if (rss !== undefined && rss > (this.max.get(name) ?? 0)) this.max.set(name, rss);
    }
  }

  now(name: string): number | undefined {
    return rssBytes(this.pids.get(name));
  }

  peak(name: string): number | undefined {
    this.sample();
    return this.max.get(name);
  }

  resetPeak(name: string): void {
    this.max.delete(name);
    this.sample();
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

/** CPU time (user + system) a process has used so far, in ms, from /proc (Linux; 100 ticks/s). */
export function cpuMs(pid: number | undefined): number {
  if (!pid) return 0;
  if (pid === process.pid) {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  }
  try {
    // The command name in (…) may hold spaces: the fields after it are fixed.
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/**
 * CPU used per operation by each process while one side ran: where an operation's cost goes on a
 * machine whose cores the processes share.
 */
export class CpuMeter {
  private readonly used = new Map<string, { ops: number; ms: Record<string, number> }>();

  constructor(private readonly pids: Record<string, number | undefined>) {}

  /** Runs `batch` and books the CPU every process used meanwhile on `side`. */
  async measure<T extends { ops: number }>(side: string, batch: () => Promise<T>): Promise<T> {
    const before = Object.fromEntries(Object.entries(this.pids).map(([name, pid]) => [name, cpuMs(pid)]));
    const result = await batch();
    const entry = this.used.get(side) ?? { ops: 0, ms: {} };
    entry.ops += result.ops;
    for (const [name, pid] of Object.entries(this.pids))
      entry.ms[name] = (entry.ms[name] ?? 0) + cpuMs(pid) - before[name];
    this.used.set(side, entry);
    return result;
  }

  /** "worker 1.2 · api 3.4 · …" ms per operation. */
  perOp(side: string): string {
    const entry = this.used.get(side);
    if (!entry || entry.ops === 0) return '-';
    const parts = Object.entries(entry.ms).map(([name, ms]) => `${name} ${(ms / entry.ops).toFixed(2)}`);
    const total = Object.values(entry.ms).reduce((s, ms) => s + ms, 0) / entry.ops;
    return `${total.toFixed(2)} (${parts.join(' · ')})`;
  }
}
