/**
 * What both case workflows need to send mail: the activity with its retry policy (an SMTP outage
 * must not lose a letter: retry for days, backing off to once an hour) and an in-order queue that
 * the main loop drains, so update handlers stay synchronous and return the new status at once.
 */
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { Notificatie } from '../shared/notificatie';

const { stuurNotificatie } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '10 seconds', maximumInterval: '1 hour', backoffCoefficient: 2 },
});

export class Uitgaand {
  private readonly wachtrij: Notificatie[] = [];

  push(n: Notificatie): void {
    this.wachtrij.push(n);
  }

  get leeg(): boolean {
    return this.wachtrij.length === 0;
  }

  /** Sends in order; a message leaves the queue only once its activity completed. */
  async verstuur(): Promise<void> {
    while (this.wachtrij.length > 0) {
      await stuurNotificatie(this.wachtrij[0]);
      this.wachtrij.shift();
    }
  }
}
