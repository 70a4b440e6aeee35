import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { getPolicy, policies } from '../../domain';
import { zorgplichtStartSchema, zorgplichtStatussen } from '../../shared/zorgplicht';
import { SchoolBrin, SwvCode, ZaakStatus, ZaakType } from '../../temporal/searchAttributes';
import { zorgplicht } from '../../workflows/zorgplicht';
import type { ApiDeps } from '../deps';
import { Problem } from '../problem';
import { defineRoute } from '../route';
import { toProblem } from '../temporalErrors';
import { actorRef, assertSchoolScope, deadlineSchema, zaakStatus } from '../zaken';

const startAntwoordSchema = z.object({ id: z.string(), type: z.literal('zorgplicht'), status: z.enum(zorgplichtStatussen), deadlines: z.array(deadlineSchema) });

export const zorgplichtRoutes = (deps: ApiDeps) => [
  defineRoute({
    method: 'post',
    path: '/api/v1/zaken/zorgplicht',
    summary: 'Start een zorgplichtzaak na de schriftelijke aanmelding (WPO art. 40)',
    tags: ['zaken'],
    roles: ['coordinator', 'school'],
    body: zorgplichtStartSchema,
    responses: { 201: { description: 'Zaak gestart, met de berekende termijnen', schema: startAntwoordSchema } },
    handler: async ({ body, actor, res }) => {
      assertSchoolScope(actor, body.school.brin);
      if (!Object.prototype.hasOwnProperty.call(policies, body.beleid)) {
        throw new Problem(400, 'Ongeldige invoer', 'Onbekend beleid.', [
          { name: 'beleid', reason: `onbekend beleid '${body.beleid}'; kies uit ${Object.keys(policies).join(', ')}` },
        ]);
      }
      const id = `zp-${randomUUID()}`;
      const beleid = getPolicy(body.beleid);
      try {
        const handle = await deps.client.workflow.start(zorgplicht, {
          taskQueue: deps.taskQueue,
          workflowId: id,
          args: [{ ...body, zaakId: id, beleid, coordinatorEmail: body.coordinatorEmail ?? deps.coordinatorEmail, gestartDoor: actorRef(actor) }],
          typedSearchAttributes: [
            { key: ZaakType, value: 'zorgplicht' },
            { key: ZaakStatus, value: 'in-onderzoek' },
            { key: SchoolBrin, value: body.school.brin },
            { key: SwvCode, value: beleid.code },
          ],
        });
        const view = await zaakStatus<{ status: (typeof zorgplichtStatussen)[number]; deadlines: z.infer<typeof deadlineSchema>[] }>(deps.client, handle.workflowId);
        res.setHeader('Location', `/api/v1/zaken/${id}`);
        return { status: 201, body: { id, type: 'zorgplicht', status: view.status, deadlines: view.deadlines } };
      } catch (err) {
        throw toProblem(err);
      }
    },
  }),
];
