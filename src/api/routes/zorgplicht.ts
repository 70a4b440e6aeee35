import { z } from 'zod';
import { addDays, toIsoDate } from '../../domain';
import type { SearchAttributePair } from '@temporalio/common';
import type { ActorRef } from '../../shared/zaak';
import { zorgplichtStartSchema, zorgplichtStatussen, type ZorgplichtInput, type ZorgplichtStart } from '../../shared/zorgplicht';
import { SchoolBrin, SwvCode, ZaakStatus, ZaakType } from '../../temporal/searchAttributes';
import { viewUpdate, zorgplicht } from '../../workflows/zorgplicht';
import type { ApiDeps } from '../deps';
import { Problem, problems } from '../problem';
import { defineRoute } from '../route';
import { actorRef, assertSchoolScope, deadlineSchema, beleidVoor, kalenderVoor, nieuwZaakId, startZaak } from '../zaken';

const startAntwoordSchema = z.object({ id: z.string(), type: z.literal('zorgplicht'), status: z.enum(zorgplichtStatussen), deadlines: z.array(deadlineSchema) });

/** What a zorgplicht case starts with: the input (policy snapshot, calendar copy) and its first search attributes. */
export function zorgplichtStart(body: ZorgplichtStart, zaakId: string, gestartDoor: ActorRef, coordinatorEmail: string) {
  const beleid = beleidVoor(body.beleid);
  return {
    args: [
      {
        ...body,
        zaakId,
        beleid,
        kalender: kalenderVoor(body.school, beleid, body.aanmelddatum),
        coordinatorEmail: body.coordinatorEmail ?? coordinatorEmail,
        gestartDoor,
      },
    ] as [ZorgplichtInput],
    typedSearchAttributes: [
      { key: ZaakType, value: 'zorgplicht' },
      { key: ZaakStatus, value: 'in-onderzoek' },
      { key: SchoolBrin, value: body.school.brin },
      { key: SwvCode, value: beleid.code },
    ] as SearchAttributePair[],
  };
}

export const zorgplichtRoutes = (deps: ApiDeps) => [
  defineRoute({
    method: 'post',
    path: '/api/v1/zaken/zorgplicht',
    summary: 'Start een zorgplichtzaak na de schriftelijke aanmelding (WPO art. 40)',
    tags: ['zaken'],
    roles: ['coordinator', 'school'],
    body: zorgplichtStartSchema,
    responses: { 201: { description: 'Zaak gestart, met de berekende termijnen', schema: startAntwoordSchema } },
    handler: async ({ body, actor, req, res }) => {
      assertSchoolScope(actor, body.school.brin);
      // The SWV's own mailbox is the SWV's to set: a school cannot divert the overdue notices.
      if (body.coordinatorEmail && actor.rol !== 'coordinator') {
        throw problems.forbidden('Alleen de coördinator stelt het e-mailadres van de coördinator in.');
      }
      const vandaag = toIsoDate(Date.now());
      if (body.aanmelddatum > vandaag || body.aanmelddatum < addDays(vandaag, -366)) {
        throw new Problem(400, 'Ongeldige invoer', 'De aanmelddatum ligt in de toekomst of meer dan een jaar terug.', [
          { name: 'aanmelddatum', reason: `verwacht een datum tussen ${addDays(vandaag, -366)} en ${vandaag}` },
        ]);
      }
      const { id, idempotent } = nieuwZaakId('zp', actor, req);
      const view = await startZaak(
        deps.client,
        zorgplicht,
        viewUpdate,
        { taskQueue: deps.taskQueue, workflowId: id, ...zorgplichtStart(body, id, actorRef(actor), deps.coordinatorEmail) },
        idempotent,
      );
      res.setHeader('Location', `/api/v1/zaken/${id}`);
      return { status: 201, body: { id, type: 'zorgplicht', status: view.status, deadlines: view.deadlines } };
    },
  }),
];
