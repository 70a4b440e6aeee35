import type { ChildProcess } from 'node:child_process';

export interface Backoff {
  /** Delay before the first restart; it doubles with every consecutive crash, up to maxDelayMs. */
  initialDelayMs: number;
  maxDelayMs: number;
  /** A child that stayed up this long counts as healthy again: its next restart waits initialDelayMs. */
  resetAfterMs: number;
}

export const defaultBackoff: Backoff = { initialDelayMs: 1_000, maxDelayMs: 30_000, resetAfterMs: 60_000 };

interface Child {
  name: string;
  spawn: () => ChildProcess;
  proc?: ChildProcess;
  startedAt: number;
  attempt: number;
  timer?: NodeJS.Timeout;
}

const secs = (ms: number) => (ms < 1000 ? `${Math.round(ms)} ms` : `${Math.round(ms / 100) / 10} s`);

/**
 * Keeps child processes running. A child that exits without stop() having been called is started
 * again after an exponential backoff (1 s, 2 s, 4 s … 30 s; back to 1 s once it stayed up 60 s).
 * It never gives up: a crash-looping child is retried every maxDelayMs, and every restart is
 * logged with its name, exit code or signal, attempt number and delay. A restart spawns only after
 * the old process's 'exit', so the old process is gone (the dev server's SQLite file is free).
 * Once stop() is called nothing restarts: pending restarts are cancelled and exits are expected.
 */
export class Supervisor {
  private readonly children: Child[] = [];
  private stopping = false;

  constructor(
    private readonly backoff: Backoff = defaultBackoff,
    private readonly log: (line: string) => void = (line) => console.log(`[start] ${line}`),
  ) {}

  get isStopping(): boolean {
    return this.stopping;
  }

  /** Starts `spawn()` now and again whenever the child dies. */
  add(name: string, spawn: () => ChildProcess): void {
    const child: Child = { name, spawn, startedAt: 0, attempt: 0 };
    this.children.push(child);
    this.run(child);
  }

  private run(child: Child): void {
    const proc = child.spawn();
    child.proc = proc;
    child.startedAt = Date.now();
    this.log(`${child.name} gestart (pid ${proc.pid ?? '-'})`);
    proc.once('exit', (code, signal) => this.exited(child, proc, signal ? `signaal ${signal}` : `code ${code}`));
    // A spawn that fails (no such binary) emits 'error' and no 'exit'.
    proc.on('error', (err) => proc.pid === undefined && this.exited(child, proc, `fout ${err.message}`));
  }

  private exited(child: Child, proc: ChildProcess, how: string): void {
    if (this.stopping || child.proc !== proc) return;
    child.proc = undefined;
    const upMs = Date.now() - child.startedAt;
    if (upMs >= this.backoff.resetAfterMs) child.attempt = 0;
    child.attempt += 1;
    const delay = Math.min(this.backoff.initialDelayMs * 2 ** (child.attempt - 1), this.backoff.maxDelayMs);
    this.log(
      `${child.name} stopte onverwacht (${how}, na ${secs(upMs)}); herstart poging ${child.attempt} over ${secs(delay)}`,
    );
    child.timer = setTimeout(() => {
      child.timer = undefined;
      if (!this.stopping) this.run(child);
    }, delay);
  }

  /**
   * Stops every child: SIGTERM, SIGKILL after graceMs. The children named in `last` stop after
   * all others are gone (API and worker finish in-flight work before the server they talk to).
   */
  async stop(last: string[] = [], graceMs = 15_000): Promise<void> {
    this.stopping = true;
    for (const child of this.children) clearTimeout(child.timer);
    const stopGroup = (group: Child[]) => Promise.all(group.map((c) => this.stopChild(c, graceMs)));
    await stopGroup(this.children.filter((c) => !last.includes(c.name)));
    await stopGroup(this.children.filter((c) => last.includes(c.name)));
  }

  private async stopChild({ name, proc }: Child, graceMs: number): Promise<void> {
    if (!proc || proc.pid === undefined || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    proc.kill('SIGTERM');
    const timer = setTimeout(() => {
      this.log(`${name} stopt niet; SIGKILL`);
      proc.kill('SIGKILL');
    }, graceMs);
    await exited;
    clearTimeout(timer);
  }
}
