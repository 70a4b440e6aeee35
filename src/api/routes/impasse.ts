import { z } from 'zod';
import { addDays, toIsoDate } from '../../domain';
import { openImpasses } from '../../readmodels/impasses';
import { impasseStartSchema, niveaus } from '../../shared/impasse';
import { brinSchema } from '../../shared/zaak';
import { ImpasseNiveau, SchoolBrin, SwvCode, ZaakStatus, ZaakType } from '../../temporal/searchAttributes';
import { impasse, impasseViewUpdate } from '../../workflows/impasse';
import type { ApiDeps } from '../deps';
import { Problem } from '../problem';
import { defineRoute } from '../route';
import { toProblem, withDeadline } from '../temporalErrors';
import { actorRef, deadlineSchema, beleidVoor, kalenderVoor, nieuwZaakId, startZaak } from '../zaken';

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
      const beleid = beleidVoor(body.beleid);
      const vandaag = toIsoDate(Date.now());
      if (body.gemeldOp && body.gemeldOp > vandaag) {
        throw new Problem(400, 'Ongeldige invoer', 'De meldingsdatum ligt in de toekomst.', [{ name: 'gemeldOp', reason: 'mag niet na vandaag liggen' }]);
      }
      // As for an aanmelddatum: a melding registered late, but not a year late (a typo would start a stuck case).
      if (body.gemeldOp && body.gemeldOp < addDays(vandaag, -366)) {
        throw new Problem(400, 'Ongeldige invoer', 'De meldingsdatum ligt meer dan een jaar terug.', [{ name: 'gemeldOp', reason: `verwacht een datum tussen ${addDays(vandaag, -366)} en ${vandaag}` }]);
      }
      const { id, idempotent } = nieuwZaakId('im', actor, req);
      const view = await startZaak(
        deps.client,
        impasse,
        impasseViewUpdate,
        {
          taskQueue: deps.taskQueue,
          workflowId: id,
          args: [{ ...body, beleid, kalender: kalenderVoor(body.school, beleid, body.gemeldOp ?? toIsoDate(Date.now())), gemeldDoor: actorRef(actor) }],
          typedSearchAttributes: [
            { key: ZaakType, value: 'impasse' },
            { key: ZaakStatus, value: 'open' },
            { key: SchoolBrin, value: body.school.brin },
            { key: SwvCode, value: beleid.code },
            { key: ImpasseNiveau, value: 'E1' },
          ],
        },
        idempotent,
      );
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
