import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { z } from 'zod';
import { getPolicy, policies } from '../../domain';
import { zorgplichtActies, zorgplichtStartSchema, zorgplichtStatussen, type ZorgplichtActie, type ZorgplichtView } from '../../shared/zorgplicht';
import { SchoolBrin, SwvCode, ZaakStatus, ZaakType } from '../../temporal/searchAttributes';
import {
  besluitenUpdate,
  eldersIngeschrevenUpdate,
  impasseMeldenUpdate,
  statusQuery,
  verlengenUpdate,
  zorgplicht,
} from '../../workflows/zorgplicht';
import type { ApiDeps } from '../deps';
import { Problem, problems } from '../problem';
import { defineRoute } from '../route';
import { toProblem, withDeadline } from '../temporalErrors';
import { actorRef, assertSchoolScope, vindZaak } from '../zaken';

const zaakIdSchema = z.string().regex(/^zp-[0-9a-f-]{36}$/, { error: 'onbekend zaak-id' });
const deadlineSchema = z.object({ soort: z.string(), datum: z.string(), regel: z.string(), tijdstip: z.string() });
const startAntwoordSchema = z.object({ id: z.string(), type: z.literal('zorgplicht'), status: z.enum(zorgplichtStatussen), deadlines: z.array(deadlineSchema) });
const zaakSchema = z.looseObject({
  id: z.string(),
  type: z.string(),
  status: z.string(),
  deadlines: z.array(deadlineSchema),
  volgendeHerinnering: z.object({ datum: z.string(), tijdstip: z.string(), regel: z.string(), deadline: z.string() }).nullable(),
  tijdlijn: z.array(z.looseObject({ op: z.string(), soort: z.string(), omschrijving: z.string() })),
});

const updates = {
  verlengen: verlengenUpdate,
  besluiten: besluitenUpdate,
  'impasse-melden': impasseMeldenUpdate,
  'elders-ingeschreven': eldersIngeschrevenUpdate,
} as const;

async function status(client: Client, id: string): Promise<ZorgplichtView> {
  return withDeadline(client, 10_000, () => client.workflow.getHandle(id).query(statusQuery));
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
        const view = await status(deps.client, handle.workflowId);
        res.setHeader('Location', `/api/v1/zaken/${id}`);
        return { status: 201, body: { id, type: 'zorgplicht', status: view.status, deadlines: view.deadlines } };
      } catch (err) {
        throw toProblem(err);
      }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/v1/zaken/:id',
    summary: 'Een zaak: status, termijnen (met regel), volgende herinnering en tijdlijn',
    tags: ['zaken'],
    roles: ['coordinator', 'school', 'directeur', 'bestuur', 'deskundige'],
    params: z.object({ id: zaakIdSchema }),
    responses: { 200: { description: 'De zaak', schema: zaakSchema }, 404: { description: 'Onbekende zaak' } },
    handler: async ({ params, actor }) => {
      await vindZaak(deps.client, params.id, actor);
      try {
        return { status: 200, body: await status(deps.client, params.id) };
      } catch (err) {
        throw toProblem(err);
      }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/v1/zaken/:id/acties/:actie',
    summary: 'Een besluit of stap in de zaak: verlengen, besluiten, impasse-melden, elders-ingeschreven',
    tags: ['zaken'],
    roles: ['coordinator', 'school'],
    params: z.object({ id: zaakIdSchema, actie: z.string() }),
    body: z.unknown(),
    responses: {
      200: { description: 'De nieuwe status van de zaak', schema: zaakSchema },
      404: { description: 'Onbekende zaak of actie' },
      409: { description: 'Deze stap mag nu niet (met de reden)' },
    },
    handler: async ({ params, body, actor }) => {
      if (!Object.prototype.hasOwnProperty.call(zorgplichtActies, params.actie)) {
        throw problems.notFound(`Onbekende actie '${params.actie}'; kies uit ${Object.keys(zorgplichtActies).join(', ')}.`);
      }
      const actie = params.actie as ZorgplichtActie;
      const zaak = await vindZaak(deps.client, params.id, actor);
      if (zaak.type !== 'zorgplicht') throw problems.notFound(`Actie '${actie}' bestaat niet voor een zaak van type ${zaak.type}.`);
      const parsed = zorgplichtActies[actie].safeParse(body ?? {});
      if (!parsed.success) throw problems.invalid('de body', parsed.error);
      const gesloten = async () => {
        const view = await status(deps.client, params.id);
        return view.besluit ? `De zaak is gesloten: ${view.besluit.uitkomst} op ${view.besluit.op.slice(0, 10)}. Er kan geen stap meer worden gezet.` : 'De zaak is gesloten.';
      };
      if (!zaak.open) throw problems.conflict(await gesloten());
      try {
        const view = await withDeadline(deps.client, 15_000, () =>
          deps.client.workflow
            .getHandle(params.id)
            // eslint-disable-next-line @typescript-eslint/no-explicit-any
            .executeUpdate(updates[actie] as any, { args: [{ ...parsed.data, door: actorRef(actor) }] }),
        );
        return { status: 200, body: view };
      } catch (err) {
        const problem = toProblem(err);
        if (problem instanceof Problem && problem.status === 404) throw problems.conflict(await gesloten());
        throw problem;
      }
    },
  }),
];
