import type { Client, WorkflowExecutionDescription } from '@temporalio/client';
import type { Actor } from '../auth/actors';
import type { ActorRef } from '../shared/zaak';
import { SchoolBrin, ZaakType } from '../temporal/searchAttributes';
import { problems } from './problem';
import { withDeadline } from './temporalErrors';
import { toProblem } from './temporalErrors';

export const actorRef = (actor: Actor): ActorRef => ({ id: actor.id, naam: actor.naam, rol: actor.rol });

/** A school actor may only see and act on cases of its own BRIN codes. */
export function assertSchoolScope(actor: Actor, brin: string | undefined): void {
  if (actor.rol === 'school' && (!brin || !actor.brins.includes(brin))) {
    throw problems.forbidden(`Deze school (${actor.brins.join(', ')}) mag alleen zaken van de eigen school zien en behandelen.`);
  }
}

export interface ZaakRef {
  type: string;
  brin?: string;
  open: boolean;
  description: WorkflowExecutionDescription;
}

/**
 * Finds a case and checks the actor's school scope. A school asking for another school's case gets
 * 404, like an unknown id: it does not learn that the case exists.
 */
export async function vindZaak(client: Client, id: string, actor: Actor): Promise<ZaakRef> {
  let description: WorkflowExecutionDescription;
  try {
    description = await withDeadline(client, 10_000, () => client.workflow.getHandle(id).describe());
  } catch (err) {
    throw toProblem(err);
  }
  const type = description.typedSearchAttributes.get(ZaakType);
  const brin = description.typedSearchAttributes.get(SchoolBrin);
  if (!type) throw problems.notFound('Deze zaak bestaat niet.');
  if (actor.rol === 'school' && (!brin || !actor.brins.includes(brin))) throw problems.notFound('Deze zaak bestaat niet.');
  return { type, brin, open: description.status.name === 'RUNNING', description };
}
