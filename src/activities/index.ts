import type { Client } from '@temporalio/client';
import type { Outbox } from '../mail/outbox';
import { berichtActiviteiten, type Mailboxes } from './berichten';
import { kalenderActiviteiten } from './kalender';
import { overzichtActivities } from './overzicht';

export interface ActivityDeps {
  outbox: Outbox;
  mailboxes: Mailboxes;
  /** A Temporal client for visibility reads, connected on first use. */
  client: () => Promise<Client>;
}

export function createActivities(deps: ActivityDeps) {
  return {
    ...berichtActiviteiten(deps.outbox, deps.mailboxes),
    ...overzichtActivities(deps.client),
    ...kalenderActiviteiten(),
  };
}

export type Activities = ReturnType<typeof createActivities>;
