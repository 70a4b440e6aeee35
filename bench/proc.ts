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
