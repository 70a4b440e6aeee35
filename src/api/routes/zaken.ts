import { z } from 'zod';
import { isoDateSchema, toInstant } from '../../domain';
import { brinSchema } from '../../shared/zaak';
import { roles } from '../../auth/actors';
import type { Register } from '../processen';
import { Problem } from '../problem';
import { bestaatVoor, deadlineSchema, leesZaak, stapId, stapVan, zonderWorker } from '../zaken';
import { SchoolBrin, SwvCode, VolgendeDeadline, ZaakStatus, ZaakType } from '../../temporal/searchAttributes';
import type { ApiDeps } from '../deps';
import { problems } from '../problem';
import { defineRoute } from '../route';
import { toProblem, withDeadline } from '../temporalErrors';

const zaakSchemaVoor = (register: Register) =>
  z.looseObject({
    id: z.string(),
    type: z.enum(register.types),
    status: z.string(),
    open: z.boolean(),
    deadlines: z.array(deadlineSchema),
    volgendeHerinnering: z
      .object({ datum: z.string(), tijdstip: z.string(), regel: z.string(), deadline: z.string() })
      .nullable(),
    tijdlijn: z.array(z.looseObject({ op: z.string(), soort: z.string(), omschrijving: z.string() })),
  });

const lijstQuerySchemaVoor = (register: Register) =>
  z.object({
    type: z.enum(register.types).optional(),
    status: z.enum(register.statussen).optional(),
    school: brinSchema.optional(),
    /** Cases whose next legal deadline falls before this date (Europe/Amsterdam). */
    deadlineVoor: isoDateSchema.optional(),
    limiet: z.coerce.number().int().min(1).max(200).default(50),
  });

const zaakRegelSchema = z.object({
  id: z.string(),
  type: z.string(),
  status: z.string(),
  school: z.string().optional(),
  beleid: z.string().optional(),
  volgendeDeadline: z.string().nullable(),
  gestart: z.string(),
  open: z.boolean(),
});

/** Visibility queries are built only from validated codes and dates: no user text reaches them. */
function visibilityQuery(q: z.infer<ReturnType<typeof lijstQuerySchemaVoor>>, brins: string[] | undefined): string {
  const parts = [`${ZaakType.name} IS NOT NULL`];
  if (q.type) parts.push(`${ZaakType.name} = '${q.type}'`);
  if (q.status) parts.push(`${ZaakStatus.name} = '${q.status}'`);
  if (q.school) parts.push(`${SchoolBrin.name} = '${q.school}'`);
  if (brins) parts.push(`${SchoolBrin.name} IN (${brins.map((b) => `'${b}'`).join(', ')})`);
  // A term whose last day is before that date is over at the latest at that date's midnight: up to
  // and including it (a second later, so that stored values with and without milliseconds compare alike).
  if (q.deadlineVoor)
    parts.push(`${VolgendeDeadline.name} < '${new Date(toInstant(q.deadlineVoor, '00:00') + 1000).toISOString()}'`);
  return parts.join(' AND ');
}

export const zakenRoutes = (deps: ApiDeps, register: Register) => {
  const zaakSchema = zaakSchemaVoor(register);
  const lijstQuerySchema = lijstQuerySchemaVoor(register);
  const zaakIdSchema = register.zaakIdSchema;
  return [
    defineRoute({
      method: 'get',
      path: '/api/v1/zaken',
      summary:
        'Zaken zoeken op type, status, school (BRIN) en deadline; uit Temporal visibility, zonder persoonsgegevens',
      tags: ['zaken'],
      roles: ['coordinator', 'school', 'directeur', 'bestuur', 'deskundige'],
      query: lijstQuerySchema,
      responses: {
        200: {
          description: 'De zaken, nieuwste eerst',
          schema: z.object({ zaken: z.array(zaakRegelSchema), meer: z.boolean() }),
        },
      },
      handler: async ({ query, actor }) => {
        if (actor.rol === 'school' && query.school && !actor.brins.includes(query.school)) {
          throw problems.forbidden(
            `Deze school mag alleen zaken van de eigen school (${actor.brins.join(', ')}) zien.`,
          );
        }
        const zaken: z.infer<typeof zaakRegelSchema>[] = [];
        let meer = false;
        try {
          await withDeadline(deps.client, 15_000, async () => {
            const it = deps.client.workflow.list({
              query: visibilityQuery(query, actor.rol === 'school' ? actor.brins : undefined),
              pageSize: query.limiet + 1,
            });
            for await (const wf of it) {
              if (zaken.length === query.limiet) {
                meer = true;
                break;
              }
              const deadline = wf.typedSearchAttributes.get(VolgendeDeadline);
              zaken.push({
                id: wf.workflowId,
                type: wf.typedSearchAttributes.get(ZaakType) ?? wf.type,
                status: wf.typedSearchAttributes.get(ZaakStatus) ?? 'onbekend',
                school: wf.typedSearchAttributes.get(SchoolBrin),
                beleid: wf.typedSearchAttributes.get(SwvCode),
                volgendeDeadline: deadline ? deadline.toISOString() : null,
                gestart: wf.startTime.toISOString(),
                open: wf.status.name === 'RUNNING',
              });
            }
          });
        } catch (err) {
          throw toProblem(err);
        }
        return { status: 200, body: { zaken, meer } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/zaken/:id',
      summary: 'Een zaak: status, termijnen (met regel), volgende herinnering en tijdlijn',
      tags: ['zaken'],
      roles,
      params: z.object({ id: zaakIdSchema }),
      responses: { 200: { description: 'De zaak', schema: zaakSchema }, 404: { description: 'Onbekende zaak' } },
      handler: async ({ params, actor }) => {
        return { status: 200, body: await leesZaak(deps.client, params.id, actor) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/zaken/:id/acties/:actie',
      summary: 'Een besluit of stap in een zaak',
      tags: ['zaken'],
      // Who may act depends on the case type (processen), which the id tells.
      roles,
      // In the OpenAPI document: each action with its own body schema and roles; an action name that
      // two processes share is one operation whose body is either's.
      documentatie: [...register.actiesPerNaam()].map(([naam, lijst]) => ({
        path: `/api/v1/zaken/{id}/acties/${naam}`,
        summary: lijst.map(({ proces, actie }) => `${proces.type}: ${actie.omschrijving}`).join(' · '),
        tags: [...new Set(lijst.map(({ proces }) => proces.type))],
        roles: [...new Set(lijst.flatMap(({ proces, actie }) => actie.rollen ?? proces.rollen))],
        body: lijst.length === 1 ? lijst[0].actie.schema : z.union(lijst.map(({ actie }) => actie.schema)),
      })),
      params: z.object({ id: zaakIdSchema, actie: z.string() }),
      body: z.unknown(),
      responses: {
        200: { description: 'De nieuwe status van de zaak', schema: zaakSchema },
        404: { description: 'Onbekende zaak of actie' },
        409: { description: 'Deze stap mag nu niet (met de reden)' },
      },
      handler: async ({ params, body, actor, req }) => {
        // One round trip: the type follows from the id, the school scope travels with the step and
        // the workflow's validators check it (a case of another school answers 404).
        const proces = register.vanZaak(params.id);
        if (!Object.prototype.hasOwnProperty.call(proces.acties, params.actie)) {
          // A step of a linked child case (an impasse of a zorgplicht case): say where it is taken.
          const kind = register.processen.find(
            (p) => p.kindSuffix && Object.prototype.hasOwnProperty.call(p.acties, params.actie),
          );
          const waar =
            kind && !params.id.endsWith(kind.kindSuffix!)
              ? ` '${params.actie}' is een stap van de ${kind.type}: zet die in de ${kind.type}-zaak ${params.id}${kind.kindSuffix}.`
              : '';
          throw problems.notFound(
            `Onbekende actie '${params.actie}' voor een ${proces.type}-zaak; kies uit ${Object.keys(proces.acties).join(', ')}.${waar}`,
          );
        }
        const actie = proces.acties[params.actie];
        // Refused before any Update: an unknown case (or another school's) is still 404 first.
        if (!proces.rollen.includes(actor.rol)) {
          await bestaatVoor(deps.client, params.id, actor);
          throw problems.forbidden(`De rol ${actor.rol} mag dit niet; toegestaan: ${proces.rollen.join(', ')}.`);
        }
        const parsed = actie.schema.safeParse(body ?? {});
        if (!parsed.success) {
          await bestaatVoor(deps.client, params.id, actor);
          throw problems.invalid('de body', parsed.error);
        }
        const updateId = stapId(actor, req);
        try {
          const view = await withDeadline(deps.client, 15_000, () =>
            deps.client.workflow
              .getHandle(params.id)
              .executeUpdate(actie.update, { args: [{ ...(parsed.data as object), ...stapVan(actor) }], updateId }),
          );
          return { status: 200, body: view };
        } catch (err) {
          const problem = await zonderWorker(deps.client, params.id, actor, toProblem(err));
          if (!(problem instanceof Problem && problem.status === 404)) throw problem;
          // Unknown, or closed (a closed case takes no Update): a closed case in scope says why.
          throw problems.conflict(register.geslotenReden(await leesZaak(deps.client, params.id, actor)));
        }
      },
    }),
  ];
};
