import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { z } from 'zod';
import { addDays, getPolicy, policies, toIsoDate } from '../../domain';
import { zorgplichtStartSchema, zorgplichtStatussen } from '../../shared/zorgplicht';
import { SchoolBrin, SwvCode, ZaakStatus, ZaakType } from '../../temporal/searchAttributes';
import { zorgplicht } from '../../workflows/zorgplicht';
import type { ApiDeps } from '../deps';
import { Problem, problems } from '../problem';
import { defineRoute } from '../route';
import { toProblem } from '../temporalErrors';
import { actorRef, assertSchoolScope, deadlineSchema, nieuwZaakId, zaakStatus } from '../zaken';

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
      if (!Object.prototype.hasOwnProperty.call(policies, body.beleid)) {
        throw new Problem(400, 'Ongeldige invoer', 'Onbekend beleid.', [
          { name: 'beleid', reason: `onbekend beleid '${body.beleid}'; kies uit ${Object.keys(policies).join(', ')}` },
        ]);
      }
      const { id, idempotent } = nieuwZaakId('zp', actor, req);
      const beleid = getPolicy(body.beleid);
      try {
        await deps.client.workflow.start(zorgplicht, {
          taskQueue: deps.taskQueue,
          workflowId: id,
          // The same Idempotency-Key again: the case it started, not a second one.
          ...(idempotent ? { workflowIdConflictPolicy: 'USE_EXISTING' as const, workflowIdReusePolicy: 'REJECT_DUPLICATE' as const } : {}),
          args: [{ ...body, zaakId: id, beleid, coordinatorEmail: body.coordinatorEmail ?? deps.coordinatorEmail, gestartDoor: actorRef(actor) }],
          typedSearchAttributes: [
            { key: ZaakType, value: 'zorgplicht' },
            { key: ZaakStatus, value: 'in-onderzoek' },
            { key: SchoolBrin, value: body.school.brin },
            { key: SwvCode, value: beleid.code },
          ],
        });
      } catch (err) {
        // Started before with this key and since closed: answer with that case.
        if (!(idempotent && err instanceof WorkflowExecutionAlreadyStartedError)) throw toProblem(err);
      }
      const view = await zaakStatus<{ status: (typeof zorgplichtStatussen)[number]; deadlines: z.infer<typeof deadlineSchema>[] }>(deps.client, id);
      res.setHeader('Location', `/api/v1/zaken/${id}`);
      return { status: 201, body: { id, type: 'zorgplicht', status: view.status, deadlines: view.deadlines } };
    },
  }),
];
