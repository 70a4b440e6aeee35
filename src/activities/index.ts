import type { Outbox } from '../mail/outbox';
import { notificationActivities, type Mailboxes } from './notifications';

export interface ActivityDeps {
  outbox: Outbox;
  mailboxes: Mailboxes;
}

export function createActivities(deps: ActivityDeps) {
  return { ...notificationActivities(deps.outbox, deps.mailboxes) };
}

export type Activities = ReturnType<typeof createActivities>;
