import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { z } from 'zod';
import { getPolicy, policies, toIsoDate } from '../../domain';
import { openImpasses } from '../../readmodels/impasses';
import { impasseStartSchema, niveaus } from '../../shared/impasse';
import { brinSchema } from '../../shared/zaak';
import { ImpasseNiveau, SchoolBrin, SwvCode, ZaakStatus, ZaakType } from '../../temporal/searchAttributes';
import { impasse } from '../../workflows/impasse';
import type { ApiDeps } from '../deps';
import { Problem } from '../problem';
import { defineRoute } from '../route';
import { toProblem, withDeadline } from '../temporalErrors';
import { actorRef, deadlineSchema, nieuwZaakId, zaakStatus } from '../zaken';

const impasseRegelSchema = z.object({
  id: z.string(),
  school: z.string().nullable(),
  niveau: z.enum(niveaus),
  niveauSinds: z.string(),
  dagenOpNiveau: z.number().int(),
  gestart: z.string(),
  dagenTotaal: z.number().int(),
  vastgelopen: z.boolean(),
  vastgelopenSinds: z.string().nullable(),
  volgendeDeadline: z.string().nullable(),
});

const onbekendBeleid = (code: string) =>
  new Problem(400, 'Ongeldige invoer', 'Onbekend beleid.', [{ name: 'beleid', reason: `onbekend beleid '${code}'; kies uit ${Object.keys(policies).join(', ')}` }]);

export const impasseRoutes = (deps: ApiDeps) => [
  defineRoute({
    method: 'post',
    path: '/api/v1/zaken/impasse',
    summary: 'Start een impasse buiten een zorgplichtzaak om (bijv. vanuit een terugplaatsing); de ladder E1–E7 (seed 001 L817–852)',
    tags: ['impasses'],
    roles: ['coordinator'],
    body: impasseStartSchema,
    responses: {
      201: {
        description: 'Impasse gestart op E1, met het serviceniveau',
        schema: z.object({ id: z.string(), type: z.literal('impasse'), status: z.string(), niveau: z.enum(niveaus), deadlines: z.array(deadlineSchema) }),
      },
    },
    handler: async ({ body, actor, req, res }) => {
      if (!Object.prototype.hasOwnProperty.call(policies, body.beleid)) throw onbekendBeleid(body.beleid);
      if (body.gemeldOp && body.gemeldOp > toIsoDate(Date.now())) {
        throw new Problem(400, 'Ongeldige invoer', 'De meldingsdatum ligt in de toekomst.', [{ name: 'gemeldOp', reason: 'mag niet na vandaag liggen' }]);
      }
      const { id, idempotent } = nieuwZaakId('im', actor, req);
      const beleid = getPolicy(body.beleid);
      try {
        await deps.client.workflow.start(impasse, {
          taskQueue: deps.taskQueue,
          workflowId: id,
          ...(idempotent ? { workflowIdConflictPolicy: 'USE_EXISTING' as const, workflowIdReusePolicy: 'REJECT_DUPLICATE' as const } : {}),
          args: [{ ...body, beleid, gemeldDoor: actorRef(actor) }],
          typedSearchAttributes: [
            { key: ZaakType, value: 'impasse' },
            { key: ZaakStatus, value: 'open' },
            { key: SchoolBrin, value: body.school.brin },
            { key: SwvCode, value: beleid.code },
            { key: ImpasseNiveau, value: 'E1' },
          ],
        });
      } catch (err) {
        if (!(idempotent && err instanceof WorkflowExecutionAlreadyStartedError)) throw toProblem(err);
      }
      const view = await zaakStatus<{ status: string; niveau: (typeof niveaus)[number]; deadlines: z.infer<typeof deadlineSchema>[] }>(deps.client, id);
      res.setHeader('Location', `/api/v1/zaken/${id}`);
      return { status: 201, body: { id, type: 'impasse', status: view.status, niveau: view.niveau, deadlines: view.deadlines } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/v1/impasses',
    summary: 'Wat zit er vast: open impasses met trede, dagen op deze trede en in totaal, vastgelopen of niet, volgende deadline; meest urgent eerst',
    tags: ['impasses'],
    roles: ['directeur', 'coordinator', 'bestuur'],
    query: z.object({
      school: brinSchema.optional(),
      niveau: z.enum(niveaus, { error: 'niveau is E1 … E7' }).optional(),
      vastgelopen: z.enum(['true', 'false'], { error: "vastgelopen is 'true' of 'false'" }).optional(),
      limiet: z.coerce.number().int().min(1).max(500).default(100),
    }),
    responses: { 200: { description: 'Open impasses, meest urgent eerst', schema: z.object({ impasses: z.array(impasseRegelSchema), aantalVastgelopen: z.number().int() }) } },
    handler: async ({ query }) => {
      try {
        const regels = await withDeadline(deps.client, 15_000, () =>
          openImpasses(deps.client, { school: query.school, niveau: query.niveau, alleenVastgelopen: query.vastgelopen === 'true' }),
        );
        const gefilterd = query.vastgelopen === 'false' ? regels.filter((r) => !r.vastgelopen) : regels;
        return {
          status: 200,
          body: { impasses: gefilterd.slice(0, query.limiet), aantalVastgelopen: gefilterd.filter((r) => r.vastgelopen).length },
        };
      } catch (err) {
        throw toProblem(err);
      }
    },
  }),
];
