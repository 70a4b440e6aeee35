import type { Outbox } from '../mail/outbox';
import { notificationActivities } from './notifications';

export interface ActivityDeps {
  outbox: Outbox;
}

export function createActivities(deps: ActivityDeps) {
  return { ...notificationActivities(deps.outbox) };
}

export type Activities = ReturnType<typeof createActivities>;
