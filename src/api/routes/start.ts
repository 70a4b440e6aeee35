import type { WorkflowStartOptions } from '@temporalio/client';
import type { SearchAttributePair, Workflow } from '@temporalio/common';
import type { ProcesDefinitie } from '../../processen';
import type { ActorRef } from '../../shared/zaak';
import { SchoolBrin, SwvCode, ZaakStatus, ZaakType } from '../../temporal/searchAttributes';
import type { ApiDeps } from '../deps';
import { defineRoute } from '../route';
import { actorRef, assertSchoolScope, beleidVoor, kalenderVoor, nieuwZaakId, startZaak } from '../zaken';

/**
 * How a case of `proces` starts: its workflow input (only the fields it needs, the policy snapshot,
 * the calendar copy) and its first search attributes, set here and nowhere else before the start.
 */
export function startOpties(
  proces: ProcesDefinitie,
  body: unknown,
  id: string,
  door: ActorRef,
  coordinatorEmail: string,
) {
  const { start } = proces;
  const school = start.school(body);
  const vanaf = start.vanaf(body);
  const beleid = beleidVoor(start.beleid(body), vanaf);
  const kalender = kalenderVoor(school, beleid, vanaf);
  const typedSearchAttributes: SearchAttributePair[] = [
    { key: ZaakType, value: proces.type },
    { key: ZaakStatus, value: start.status },
    ...(school.brin ? [{ key: SchoolBrin, value: school.brin }] : []),
    { key: SwvCode, value: beleid.code },
    ...(start.zoekvelden?.(body) ?? []),
  ];
  return {
    workflowId: id,
    args: [start.invoer(body, { id, door, beleid, coordinatorEmail, kalender })],
    typedSearchAttributes,
  };
}

/** `POST /api/v1/zaken/<type>`: one per process, from its definition. */
export const startRoute = (deps: ApiDeps, proces: ProcesDefinitie) =>
  defineRoute({
    method: 'post',
    path: `/api/v1/zaken/${proces.type}`,
    summary: proces.start.omschrijving,
    tags: proces.start.tags,
    roles: proces.start.rollen,
    body: proces.start.schema,
    responses: {
      201: { description: 'Zaak gestart, met de berekende termijnen', schema: proces.start.antwoordSchema },
    },
    handler: async ({ body, actor, req, res }) => {
      // Every process: a school starts cases of its own BRIN codes only.
      assertSchoolScope(actor, proces.start.school(body).brin);
      proces.start.controleer?.(body, actor);
      const { id, idempotent } = nieuwZaakId(proces.prefix, actor, req);
      const opties = {
        taskQueue: deps.taskQueue,
        ...startOpties(proces, body, id, actorRef(actor), deps.coordinatorEmail),
      };
      const view = await startZaak(
        deps.client,
        proces.workflow,
        proces.viewUpdate,
        opties as WorkflowStartOptions<Workflow>,
        idempotent,
      );
      res.setHeader('Location', `/api/v1/zaken/${id}`);
      return { status: 201, body: proces.start.antwoord(view) };
    },
  });
