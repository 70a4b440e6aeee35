import { spawn } from 'node:child_process';
import { Supervisor, type Backoff } from '../scripts/supervisor';
import { waitFor } from './helpers/api';

/**
 * The supervisor of `npm start` on tiny node children: restart with exponential backoff, reset
 * after a healthy run, and a stop() that cancels pending restarts. The real product (a killed
 * worker restarted while the API stays up) is in test/start.test.ts.
 */
const node = (code: string) => () => spawn(process.execPath, ['-e', code], { stdio: 'ignore' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function supervisor(backoff: Partial<Backoff> = {}): { sup: Supervisor; log: string[] } {
  const log: string[] = [];
  const sup = new Supervisor({ initialDelayMs: 100, maxDelayMs: 400, resetAfterMs: 60_000, ...backoff }, (l) =>
    log.push(l),
  );
  return { sup, log };
}
const restarts = (log: string[]) => log.filter((l) => l.includes('herstart'));
const starts = (log: string[]) => log.filter((l) => l.includes(' gestart (pid '));

describe('Supervisor', () => {
  let current: Supervisor | undefined;
  afterEach(async () => {
    await current?.stop([], 1_000);
    current = undefined;
  });

  it('restarts a crashing child with doubling delays up to the maximum, logging name, exit, attempt and delay', async () => {
    const { sup, log } = supervisor();
    current = sup;
    sup.add('crasher', node('process.exit(3)'));
    await waitFor(async () => (restarts(log).length >= 5 ? true : undefined), 10_000, 20);
    expect(restarts(log).slice(0, 5)).toEqual([
      expect.stringMatching(/^crasher stopte onverwacht \(code 3, na \d+ ms\); herstart poging 1 over 100 ms$/),
      expect.stringMatching(/poging 2 over 200 ms$/),
      expect.stringMatching(/poging 3 over 400 ms$/),
      expect.stringMatching(/poging 4 over 400 ms$/), // keeps trying at the maximum, never gives up
      expect.stringMatching(/poging 5 over 400 ms$/),
    ]);
    expect(starts(log)[0]).toMatch(/^crasher gestart \(pid \d+\)$/);
  });

  it('names the signal that killed a child', async () => {
    const { sup, log } = supervisor();
    current = sup;
    sup.add('victim', node('process.kill(process.pid, "SIGKILL")'));
    await waitFor(async () => (restarts(log).length >= 1 ? true : undefined), 5_000, 20);
    expect(restarts(log)[0]).toMatch(
      /^victim stopte onverwacht \(signaal SIGKILL, na \d+ ms\); herstart poging 1 over 100 ms$/,
    );
  });

  it('starts again from the first delay once a child stayed up for resetAfterMs', async () => {
    const { sup, log } = supervisor({ resetAfterMs: 150 });
    current = sup;
    sup.add('flaky', node('setTimeout(() => process.exit(1), 300)'));
    await waitFor(async () => (restarts(log).length >= 3 ? true : undefined), 10_000, 20);
    for (const line of restarts(log).slice(0, 3)) expect(line).toMatch(/poging 1 over 100 ms$/);
  });

  it('retries a child that cannot be spawned at all', async () => {
    const { sup, log } = supervisor();
    current = sup;
    sup.add('ghost', () => spawn('/nonexistent/binary', [], { stdio: 'ignore' }));
    await waitFor(async () => (restarts(log).length >= 2 ? true : undefined), 5_000, 20);
    expect(restarts(log)[0]).toMatch(/^ghost stopte onverwacht \(fout .*ENOENT.*\); herstart poging 1 over 100 ms$/);
  });

  it('stop() cancels a pending restart, stops running children and never restarts a child that dies meanwhile', async () => {
    const { sup, log } = supervisor({ initialDelayMs: 300 });
    current = sup;
    sup.add('crasher', node('process.exit(1)'));
    sup.add('steady', node('setInterval(() => {}, 1000)'));
    await waitFor(async () => (restarts(log).length >= 1 ? true : undefined), 5_000, 20);
    const before = log.length;
    await sup.stop();
    expect(sup.isStopping).toBe(true);
    await sleep(600); // longer than the pending restart delay
    expect(log.slice(before)).toEqual([]);
  });

  it('stops the children named last after all others are gone, and SIGKILLs one that ignores SIGTERM', async () => {
    const { sup, log } = supervisor();
    current = sup;
    const exits: string[] = [];
    const ready: Promise<void>[] = [];
    // Each child says 'ready' once its SIGTERM handler is installed.
    const tracked = (name: string, code: string) => () => {
      const proc = spawn(process.execPath, ['-e', `${code}; setInterval(() => {}, 1000); console.log('ready')`], {
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      ready.push(new Promise((resolve) => proc.stdout!.once('data', () => resolve())));
      proc.once('exit', () => exits.push(name));
      return proc;
    };
    sup.add('server', tracked('server', ''));
    sup.add('slow', tracked('slow', 'process.on("SIGTERM", () => setTimeout(() => process.exit(0), 300))'));
    sup.add('stubborn', tracked('stubborn', 'process.on("SIGTERM", () => {})'));
    await Promise.all(ready);
    await sup.stop(['server'], 500);
    expect(exits.slice(-1)).toEqual(['server']);
    expect(exits.sort()).toEqual(['server', 'slow', 'stubborn']);
    expect(log).toContain('stubborn stopt niet; SIGKILL');
    expect(restarts(log)).toEqual([]);
  });
});
