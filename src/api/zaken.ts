import { createHash, randomUUID } from 'node:crypto';
import {
  WithStartWorkflowOperation,
  WorkflowExecutionAlreadyStartedError,
  type Client,
  type WorkflowExecutionDescription,
  type WorkflowStartOptions,
} from '@temporalio/client';
import type { TypedSearchAttributes, UpdateDefinition, Workflow } from '@temporalio/common';
import type { Request } from 'express';
import { z } from 'zod';
import type { Actor } from '../auth/actors';
import { leestAlles, magLezen, magLezenVolgensIndex, zichtVoor, type Kenmerken, type Leesbaar } from '../auth/inzage';
import {
  addDays,
  getPolicy,
  policies,
  regionaalRooster,
  type IsoDate,
  type Policy,
  type Regio,
  type SchoolRooster,
} from '../domain';
import type { ProcesDefinitie } from '../processen/definitie';
import type { ActorRef, Stap } from '../shared/zaak';
import {
  BetrokkenScholen,
  ImpasseNiveau,
  SchoolBrin,
  SwvCode,
  ZaakStatus,
  ZaakType,
} from '../temporal/searchAttributes';
import { Problem, problems } from './problem';
import { TIJDSBUDGET, toProblem, withDeadline } from './temporalErrors';

type Processen = readonly ProcesDefinitie[];

export const actorRef = (actor: Actor): ActorRef => ({ id: actor.id, naam: actor.naam, rol: actor.rol });

export const deadlineSchema = z.object({
  soort: z.string(),
  datum: z.string(),
  regel: z.string(),
  tijdstip: z.string(),
});

/** A school actor may only see and act on cases of its own BRIN codes. */
export function assertSchoolScope(actor: Actor, brin: string | undefined): void {
  if (actor.rol === 'school' && (!brin || !actor.brins.includes(brin))) {
    throw problems.forbidden(
      `Deze school (${actor.brins.join(', ')}) mag alleen zaken van de eigen school zien en behandelen.`,
    );
  }
}

/** What every process's view carries, whatever else it shows. */
export interface ZaakView extends Leesbaar {
  id: string;
  open: boolean;
  /** The policy's code, and the version the case follows (issue 15). */
  beleid?: string;
  beleidsversie?: string;
}

const onbekend = () => problems.notFound('Deze zaak bestaat niet.');

/**
 * A case's view in one round trip (the `status` query), as the actor may read it (src/auth/inzage.ts).
 * A case the actor may not read is 404, like an unknown id: it does not learn that the case exists.
 */
export async function leesZaak(client: Client, id: string, actor: Actor, processen: Processen): Promise<ZaakView> {
  let view: ZaakView;
  try {
    view = await withDeadline(client, 'lezen', () => client.workflow.getHandle(id).query<ZaakView>('status'));
  } catch (err) {
    throw await zonderWorker(client, id, actor, processen, toProblem(err));
  }
  if (!view?.type || !magLezen(actor, view, processen)) throw onbekend();
  return zichtVoor(actor, view, processen);
}

/** Whether the actor may read the case, where the index could not say (a row of a list). */
export async function magZaakLezen(client: Client, id: string, actor: Actor, processen: Processen): Promise<boolean> {
  try {
    await leesZaak(client, id, actor, processen);
    return true;
  } catch (err) {
    if (err instanceof Problem && err.status === 404) return false;
    throw err;
  }
}

/** What the server alone says (describe: the search attributes), with no worker involved. */
async function volgensIndex(
  client: Client,
  id: string,
  actor: Actor,
  processen: Processen,
  budget: keyof typeof TIJDSBUDGET,
): Promise<boolean | 'zaak'> {
  let description: WorkflowExecutionDescription;
  try {
    description = await withDeadline(client, budget, () => client.workflow.getHandle(id).describe());
  } catch (err) {
    throw toProblem(err);
  }
  const kenmerken = kenmerkenVan(description.typedSearchAttributes);
  if (!kenmerken.type) return false;
  return magLezenVolgensIndex(actor, kenmerken, processen);
}

/** A case as the index knows it (its search attributes), for the need-to-know rules. */
export const kenmerkenVan = (sa: TypedSearchAttributes): Kenmerken => ({
  type: sa.get(ZaakType),
  brin: sa.get(SchoolBrin),
  betrokken: sa.get(BetrokkenScholen),
  status: sa.get(ZaakStatus),
  niveau: sa.get(ImpasseNiveau),
  swv: sa.get(SwvCode),
});

/**
 * Whether the case exists for this actor (404 if not), for the paths where the one-round-trip answer
 * cannot say it: a refusal before any Update is sent, and a refusal by the workflow (its 403 or 409
 * would tell a DB member that an impasse it may not read exists, and on which rung).
 */
export async function bestaatVoor(
  client: Client,
  id: string,
  actor: Actor,
  processen: Processen,
  budget: keyof typeof TIJDSBUDGET = 'lezen',
): Promise<void> {
  const oordeel = await volgensIndex(client, id, actor, processen, budget);
  if (oordeel === false) throw onbekend();
  if (oordeel === 'zaak') await leesZaak(client, id, actor, processen);
}

/**
 * A 503 becomes 404 when the server alone says the actor may not read the case: a school must get
 * 404 for another school's case in an outage too, not a 503 that tells it the case exists. Where
 * only the case's view could tell (a DB member and an impasse on E7), the 503 stands.
 */
export async function zonderWorker(
  client: Client,
  id: string,
  actor: Actor,
  processen: Processen,
  problem: unknown,
): Promise<unknown> {
  if (!leestAlles(actor) && problem instanceof Problem && problem.status === 503) {
    try {
      if ((await volgensIndex(client, id, actor, processen, 'controle')) === false) return onbekend();
    } catch (err) {
      // An unknown id is 404; a server that is gone too leaves the first answer standing.
      if (err instanceof Problem && err.status === 404) return err;
    }
  }
  return problem;
}

/** What the workflow needs with each step besides the body: who, and a school's scope (its validators check it). */
export const stapVan = (actor: Actor): Stap => ({
  door: actorRef(actor),
  ...(actor.rol === 'school' ? { scope: actor.brins } : {}),
});

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,100}$/;

/** The request's `Idempotency-Key`, checked (400 when malformed), or undefined. */
function idempotencyKey(req: Request): string | undefined {
  const key = req.get('idempotency-key');
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
    throw new Problem(400, 'Ongeldige invoer', 'De Idempotency-Key header is ongeldig.', [
      { name: 'Idempotency-Key', reason: '8 tot 100 tekens: letters, cijfers, - en _' },
    ]);
  }
  return key;
}

/**
 * The Update id of a step with an `Idempotency-Key`: Temporal answers a second Update with the same
 * id on the case with the first one's result, so a step retried after a time-out is taken once.
 * Derived from the actor and the key (a hash: no personal data in the history's ids).
 */
export function stapId(actor: Actor, req: Request): string | undefined {
  const key = idempotencyKey(req);
  return key && `stap-${createHash('sha256').update(`${actor.id}:${key}`).digest('hex').slice(0, 32)}`;
}

/**
 * The id of a new case: random, or, with an `Idempotency-Key` header, derived from the actor and
 * that key, so a client that retries after a time-out gets the same case instead of a second one.
 * Still carries no personal data (a hash).
 */
export function nieuwZaakId(prefix: string, actor: Actor, req: Request): { id: string; idempotent: boolean } {
  const key = idempotencyKey(req);
  if (key === undefined) return { id: `${prefix}-${randomUUID()}`, idempotent: false };
  const h = createHash('sha256').update(`${prefix}:${actor.id}:${key}`).digest('hex');
  return {
    id: `${prefix}-${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`,
    idempotent: true,
  };
}

/**
 * Starts a case and answers its first view in one round trip (Update-with-Start on the workflow's
 * `view` Update). With an Idempotency-Key the same id again is the case it started: running, the
 * Update reads the existing case (USE_EXISTING); closed, the start is refused and the existing
 * case's view is the answer.
 */
export async function startZaak<T extends Workflow, V>(
  client: Client,
  workflowType: T,
  viewUpdate: UpdateDefinition<V, []>,
  options: WorkflowStartOptions<T>,
  idempotent: boolean,
): Promise<V> {
  const start = new WithStartWorkflowOperation(workflowType, {
    ...options,
    workflowIdConflictPolicy: 'USE_EXISTING',
    ...(idempotent ? { workflowIdReusePolicy: 'REJECT_DUPLICATE' as const } : {}),
  });
  try {
    return await withDeadline(client, 'schrijven', () =>
      client.workflow.executeUpdateWithStart(viewUpdate, { startWorkflowOperation: start }),
    );
  } catch (err) {
    if (!(idempotent && err instanceof WorkflowExecutionAlreadyStartedError)) throw toProblem(err);
  }
  try {
    return await withDeadline(client, 'lezen', () => client.workflow.getHandle(options.workflowId).query<V>('status'));
  } catch (err) {
    throw toProblem(err);
  }
}

/**
 * The SWV's policy by code, in the version in force on `op` (the day the case counts from): the case
 * keeps that version. An unknown code is the client's mistake (400 on `beleid`).
 */
export function beleidVoor(code: string, op?: string): Policy {
  if (!Object.prototype.hasOwnProperty.call(policies, code)) {
    throw new Problem(400, 'Ongeldige invoer', 'Onbekend beleid.', [
      { name: 'beleid', reason: `onbekend beleid '${code}'; kies uit ${Object.keys(policies).join(', ')}` },
    ]);
  }
  return getPolicy(code, op);
}

/**
 * The holidays a new case counts with: the school's own rooster when given, else its region's
 * official dates for two years from `vanaf`, copied into the case so later data changes leave it be.
 */
export function kalenderVoor(
  school: { regio?: Regio; rooster?: SchoolRooster },
  beleid: Policy,
  vanaf: IsoDate,
): SchoolRooster {
  return school.rooster ?? regionaalRooster(school.regio ?? beleid.regio, addDays(vanaf, -14), addDays(vanaf, 2 * 366));
}
