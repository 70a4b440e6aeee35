import type { Client } from '@temporalio/client';
import type { Outbox } from '../mail/outbox';
import { beleidActiviteiten } from './beleid';
import { berichtActiviteiten, type Mailboxes } from './berichten';
import { inventarisActivities } from './inventaris';
import { inventarisPlanningActiviteiten } from './inventarisPlanning';
import { kalenderActiviteiten } from './kalender';
import { overzichtActivities } from './overzicht';
import { screeningActivities } from './screening';

export interface ActivityDeps {
  outbox: Outbox;
  mailboxes: Mailboxes;
  /** A Temporal client for visibility reads, connected on first use. */
  client: () => Promise<Client>;
}

export function createActivities(deps: ActivityDeps) {
  const berichten = berichtActiviteiten(deps.outbox, deps.mailboxes);
  return {
    ...berichten,
    ...overzichtActivities(deps.client),
    ...kalenderActiviteiten(),
    ...beleidActiviteiten(),
    ...inventarisPlanningActiviteiten(),
    ...inventarisActivities(deps.client, berichten.stuurNotificatie),
    ...screeningActivities(deps.client, berichten.stuurNotificatie),
  };
}

export type Activities = ReturnType<typeof createActivities>;
