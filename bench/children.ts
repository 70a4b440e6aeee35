import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Every process the bench starts, so that every one of them is stopped again: at the end, on an
 * error and on Ctrl-C. Output goes to one log file per process (the terminal keeps the tables).
 */
export class Children {
  private readonly procs = new Map<ChildProcess, string>();
  private seq = 0;

  constructor(private readonly logDir: string) {
    fs.mkdirSync(logDir, { recursive: true });
  }

  spawn(
    name: string,
    command: string,
    args: string[],
    opts: SpawnOptions & { ipc?: boolean } = {},
  ): { proc: ChildProcess; log: string } {
    const log = path.join(this.logDir, `${name}-${++this.seq}.log`);
    const fd = fs.openSync(log, 'a');
    const proc = spawn(command, args, { ...opts, stdio: ['ignore', fd, fd, ...(opts.ipc ? ['ipc' as const] : [])] });
    fs.closeSync(fd);
    this.procs.set(proc, name);
    proc.once('exit', () => this.procs.delete(proc));
    return { proc, log };
  }

  /** Adopts a process started elsewhere (the dev server comes from the product's spawnDevServer). */
  adopt(name: string, proc: ChildProcess): string {
    const log = path.join(this.logDir, `${name}-${++this.seq}.log`);
    const out = fs.createWriteStream(log, { flags: 'a' });
    proc.stdout?.pipe(out, { end: false });
    proc.stderr?.pipe(out, { end: false });
    this.procs.set(proc, name);
    proc.once('exit', () => {
      this.procs.delete(proc);
      out.end();
    });
    return log;
  }

  /** SIGTERM, then SIGKILL after the grace period; resolves once it has exited. */
  async stop(proc: ChildProcess, graceMs = 15_000): Promise<void> {
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    proc.kill('SIGTERM');
    const timer = setTimeout(() => proc.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }

  /** Clients first, the server they talk to last (in-flight work finishes cleanly). */
  async stopAll(last: string[] = ['temporal']): Promise<void> {
    const all = [...this.procs.entries()];
    await Promise.all(all.filter(([, n]) => !last.includes(n)).map(([p]) => this.stop(p)));
    await Promise.all(all.filter(([, n]) => last.includes(n)).map(([p]) => this.stop(p)));
  }

  /** Last resort on process exit, where nothing can be awaited. */
  killAllSync(): void {
    for (const proc of this.procs.keys()) {
      try {
        proc.kill('SIGKILL');
      } catch {
        /* already gone */
      }
    }
  }
}
