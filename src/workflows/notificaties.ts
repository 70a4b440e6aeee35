/**
 * What both case workflows need to send mail. Messages go out in order from their own coroutine,
 * so an SMTP outage or a refused address never holds up a legal deadline; a reminder that lost its
 * point while waiting (the school decided, the deadline moved) is dropped instead of sent late.
 */
import { ActivityFailure, CancellationScope, isCancellation, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { Notificatie } from '../shared/notificatie';

const { stuurNotificatie } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  // Transient SMTP trouble is retried for three days, backing off to once an hour; then the case
  // records that the message could not be delivered.
  scheduleToCloseTimeout: '3 days',
  retry: { initialInterval: '10 seconds', maximumInterval: '1 hour', backoffCoefficient: 2 },
});

interface InRij {
  n: Notificatie;
  /** Still worth sending? Asked just before it goes out. */
  actueel?: () => boolean;
}

export class Uitgaand {
  private readonly rij: InRij[] = [];
  private bezig = false;
  private lopend?: { scope: CancellationScope; actueel?: () => boolean };

  /** `mislukt` is told (without the addresses) when a message could not be delivered. */
  constructor(private readonly mislukt: (n: Notificatie, reden: string) => void) {}

  push(n: Notificatie, actueel?: () => boolean): void {
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

  private async verstuur(): Promise<void> {
    this.bezig = true;
    try {
      while (this.rij.length > 0) {
        const { n, actueel } = this.rij[0];
        if (!actueel || actueel()) {
          const scope = new CancellationScope();
          this.lopend = { scope, actueel };
          try {
            await scope.run(() => stuurNotificatie(n));
          } catch (err) {
            if (isCancellation(err)) {
              // Called off by herzie(): drop it. Otherwise the workflow itself is being cancelled.
              if (!scope.consideredCancelled || !actueel || actueel()) return;
            } else {
              const reden = err instanceof ActivityFailure ? (err.cause?.message ?? err.message) : (err as Error).message;
              this.mislukt(n, reden);
            }
          } finally {
            this.lopend = undefined;
          }
        }
        this.rij.shift();
      }
    } finally {
      this.bezig = false;
    }
  }
}
