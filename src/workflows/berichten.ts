/**
 * What both case workflows need to send mail. Messages go out in order from their own coroutine,
 * so an SMTP outage or a refused address never holds up a legal deadline; a reminder that lost its
 * point while waiting (the school decided, the deadline moved) is dropped instead of sent late.
 */
import { ActivityFailure, CancellationScope, isCancellation, patched, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { Bericht } from '../shared/bericht';

/**
 * An SMTP server may take 10 minutes to acknowledge a message (RFC 5321), so an attempt may run
 * that long and more; the activity heartbeats, so a worker that died is noticed within a minute.
 * Its retry then waits until the outbox's window for an unknown outcome has passed (15 minutes).
 * Timeouts are not part of the replayed commands: changing them is safe for running cases.
 */
const SMTP_POGING = { startToCloseTimeout: '30 minutes', heartbeatTimeout: '1 minute' } as const;

const { stuurNotificatie } = proxyActivities<Activities>({
  ...SMTP_POGING,
  // Transient SMTP trouble is retried for three days, backing off to once an hour; then the case
  // records that the message could not be delivered.
  scheduleToCloseTimeout: '3 days',
  retry: { initialInterval: '10 seconds', maximumInterval: '1 hour', backoffCoefficient: 2 },
});
/**
 * A step's letters together, tried once: when that fails, each letter goes again on its own with
 * the retries above (the outbox sends none twice), so a letter that cannot be delivered is reported
 * alone and never one that arrived.
 */
const { stuurBerichten } = proxyActivities<Activities>({
  ...SMTP_POGING,
  retry: { maximumAttempts: 1 },
});

interface InRij {
  n: Bericht;
  /** Still worth sending? Asked just before it goes out. */
  actueel?: () => boolean;
}

export class Berichten {
  private readonly rij: InRij[] = [];
  private bezig = false;
  private lopend?: { scope: CancellationScope; actueel?: () => boolean };
  /**
   * Messages queued in one step (a deadline passed: the school, the coordinator and the parents
   * hear of it) go out in one activity: one round trip to the server instead of one per message.
   * Cases that started before this sent them one by one and keep doing so when they replay.
   */
  private readonly gebundeld = patched('berichten-gebundeld');

  /** `mislukt` is told (without the addresses) when a message could not be delivered. */
  constructor(private readonly mislukt: (n: Bericht, reden: string) => void) {}

  push(n: Bericht, actueel?: () => boolean): void {
    this.rij.push({ n, actueel });
    if (!this.bezig) void this.verstuur();
  }

  /** After a state change: a message still being retried that lost its point is called off. */
  herzie(): void {
    if (this.lopend?.actueel && !this.lopend.actueel()) this.lopend.scope.cancel();
  }

  /** Nothing queued and nothing in flight. */
  get leeg(): boolean {
    return this.rij.length === 0 && !this.bezig;
  }

  /**
   * The next batch: a message that may lose its point goes alone (calling it off must not call off
   * the others); messages that keep their point go together.
   */
  private volgende(): InRij[] {
    if (!this.gebundeld || this.rij[0].actueel) return this.rij.splice(0, 1);
    const n = this.rij.findIndex((r) => r.actueel);
    return this.rij.splice(0, n === -1 ? this.rij.length : n);
  }

  private async verstuur(): Promise<void> {
    this.bezig = true;
    try {
      // Let the step that queued this message queue its others too.
      if (this.gebundeld) await Promise.resolve();
      while (this.rij.length > 0) {
        const batch = this.volgende();
        if (!this.gebundeld) {
          if (!(await this.alleen(batch[0]))) return;
          continue;
        }
        const actueel = batch[0].actueel;
        if (actueel && !actueel()) continue;
        const samen = await this.samen(batch);
        if (samen === 'gestopt') return;
        if (samen === 'apart') for (const r of batch) if (!(await this.alleen(r))) return;
      }
    } finally {
      this.bezig = false;
    }
  }

  /** One letter, with the full retries; false when the workflow itself is being cancelled. */
  private async alleen({ n, actueel }: InRij): Promise<boolean> {
    if (actueel && !actueel()) return true;
    const scope = new CancellationScope();
    this.lopend = { scope, actueel };
    try {
      await scope.run(() => stuurNotificatie(n));
    } catch (err) {
      // Called off by herzie(): drop it. Otherwise the workflow itself is being cancelled.
      if (isCancellation(err)) return scope.consideredCancelled && !!actueel && !actueel();
      this.mislukt(n, err instanceof ActivityFailure ? (err.cause?.message ?? err.message) : (err as Error).message);
    } finally {
      this.lopend = undefined;
    }
    return true;
  }

  /** The letters in one activity, once: done, each on its own after all ('apart'), or cancelled. */
  private async samen(batch: InRij[]): Promise<'klaar' | 'apart' | 'gestopt'> {
    const actueel = batch[0].actueel;
    const scope = new CancellationScope();
    this.lopend = { scope, actueel };
    try {
      const uitkomsten = await scope.run(() => stuurBerichten(batch.map((r) => r.n)));
      for (const [i, u] of uitkomsten.entries()) if (u.fout) this.mislukt(batch[i].n, u.fout);
      return 'klaar';
    } catch (err) {
      if (!isCancellation(err)) return 'apart';
      return scope.consideredCancelled && !!actueel && !actueel() ? 'klaar' : 'gestopt';
    } finally {
      this.lopend = undefined;
    }
  }
}
