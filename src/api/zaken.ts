import { createHash, randomUUID } from 'node:crypto';
import { WorkflowExecutionAlreadyStartedError, type Client, type WorkflowExecutionDescription, type WorkflowStartOptions } from '@temporalio/client';
import type { Workflow } from '@temporalio/common';
import type { Request } from 'express';
import { z } from 'zod';
import type { Actor } from '../auth/actors';
import { addDays, getPolicy, policies, regionaalRooster, type IsoDate, type Policy, type Regio, type SchoolRooster } from '../domain';
import type { ActorRef } from '../shared/zaak';
import { SchoolBrin, ZaakType } from '../temporal/searchAttributes';
import { Problem, problems } from './problem';
import { toProblem, withDeadline } from './temporalErrors';

export const actorRef = (actor: Actor): ActorRef => ({ id: actor.id, naam: actor.naam, rol: actor.rol });

/** Case ids are random: `zp-<uuid>` (zorgplicht), `im-<uuid>` (impasse), `zp-<uuid>-impasse` (its child). */
export const zaakIdSchema = z.string().regex(/^(zp|im)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(-impasse)?$/, { error: 'onbekend zaak-id' });

export const deadlineSchema = z.object({ soort: z.string(), datum: z.string(), regel: z.string(), tijdstip: z.string() });

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

/** Every process answers the `status` query with its view. */
export async function zaakStatus<T = Record<string, unknown>>(client: Client, id: string): Promise<T> {
  try {
    return await withDeadline(client, 10_000, () => client.workflow.getHandle(id).query<T>('status'));
  } catch (err) {
    throw toProblem(err);
  }
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,100}$/;

/**
 * The id of a new case: random, or, with an `Idempotency-Key` header, derived from the actor and
 * that key, so a client that retries after a time-out gets the same case instead of a second one.
 * Still carries no personal data (a hash).
 */
export function nieuwZaakId(prefix: 'zp' | 'im', actor: Actor, req: Request): { id: string; idempotent: boolean } {
  const key = req.get('idempotency-key');
  if (key === undefined) return { id: `${prefix}-${randomUUID()}`, idempotent: false };
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw new Problem(400, 'Ongeldige invoer', 'De Idempotency-Key header is ongeldig.', [
      { name: 'Idempotency-Key', reason: '8 tot 100 tekens: letters, cijfers, - en _' },
    ]);
  }
  const h = createHash('sha256').update(`${prefix}:${actor.id}:${key}`).digest('hex');
  return { id: `${prefix}-${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`, idempotent: true };
}

/**
 * Starts a case. With an Idempotency-Key the same id again is the case it started (running:
 * USE_EXISTING; closed: the duplicate is refused and the existing case is the answer).
 */
export async function startZaak<T extends Workflow>(client: Client, workflowType: T, options: WorkflowStartOptions<T>, idempotent: boolean): Promise<void> {
  try {
    await client.workflow.start(workflowType, {
      ...options,
      ...(idempotent ? { workflowIdConflictPolicy: 'USE_EXISTING' as const, workflowIdReusePolicy: 'REJECT_DUPLICATE' as const } : {}),
    });
  } catch (err) {
    if (!(idempotent && err instanceof WorkflowExecutionAlreadyStartedError)) throw toProblem(err);
  }
}

/** The SWV's policy by code; an unknown code is the client's mistake (400 on `beleid`). */
export function beleidVoor(code: string): Policy {
  if (!Object.prototype.hasOwnProperty.call(policies, code)) {
    throw new Problem(400, 'Ongeldige invoer', 'Onbekend beleid.', [
      { name: 'beleid', reason: `onbekend beleid '${code}'; kies uit ${Object.keys(policies).join(', ')}` },
    ]);
  }
  return getPolicy(code);
}

/**
 * The holidays a new case counts with: the school's own rooster when given, else its region's
 * official dates for two years from `vanaf`, copied into the case so later data changes leave it be.
 */
export function kalenderVoor(school: { regio?: Regio; rooster?: SchoolRooster }, beleid: Policy, vanaf: IsoDate): SchoolRooster {
  return school.rooster ?? regionaalRooster(school.regio ?? beleid.regio, addDays(vanaf, -14), addDays(vanaf, 2 * 366));
}
