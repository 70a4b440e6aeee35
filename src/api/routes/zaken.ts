import { z } from 'zod';
import { isoDateSchema, toInstant } from '../../domain';
import { brinSchema } from '../../shared/zaak';
import { zorgplichtStatussen } from '../../shared/zorgplicht';
import { SchoolBrin, SwvCode, VolgendeDeadline, ZaakStatus, ZaakType } from '../../temporal/searchAttributes';
import type { ApiDeps } from '../deps';
import { problems } from '../problem';
import { defineRoute } from '../route';
import { toProblem, withDeadline } from '../temporalErrors';

export const zaakTypes = ['zorgplicht'] as const;

const lijstQuerySchema = z.object({
  type: z.enum(zaakTypes).optional(),
  status: z.enum(zorgplichtStatussen).optional(),
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
function visibilityQuery(q: z.infer<typeof lijstQuerySchema>, brins: string[] | undefined): string {
  const parts = [`${ZaakType.name} IS NOT NULL`];
  if (q.type) parts.push(`${ZaakType.name} = '${q.type}'`);
  if (q.status) parts.push(`${ZaakStatus.name} = '${q.status}'`);
  if (q.school) parts.push(`${SchoolBrin.name} = '${q.school}'`);
  if (brins) parts.push(`${SchoolBrin.name} IN (${brins.map((b) => `'${b}'`).join(', ')})`);
  if (q.deadlineVoor) parts.push(`${VolgendeDeadline.name} < '${new Date(toInstant(q.deadlineVoor, '00:00')).toISOString()}'`);
  return parts.join(' AND ');
}

export const zakenRoutes = (deps: ApiDeps) => [
  defineRoute({
    method: 'get',
    path: '/api/v1/zaken',
    summary: 'Zaken zoeken op type, status, school (BRIN) en deadline; uit Temporal visibility, zonder persoonsgegevens',
    tags: ['zaken'],
    roles: ['coordinator', 'school', 'directeur', 'bestuur', 'deskundige'],
    query: lijstQuerySchema,
    responses: { 200: { description: 'De zaken, nieuwste eerst', schema: z.object({ zaken: z.array(zaakRegelSchema), meer: z.boolean() }) } },
    handler: async ({ query, actor }) => {
      if (actor.rol === 'school' && query.school && !actor.brins.includes(query.school)) {
        throw problems.forbidden(`Deze school mag alleen zaken van de eigen school (${actor.brins.join(', ')}) zien.`);
      }
      const zaken: z.infer<typeof zaakRegelSchema>[] = [];
      let meer = false;
      try {
        await withDeadline(deps.client, 15_000, async () => {
          const it = deps.client.workflow.list({ query: visibilityQuery(query, actor.rol === 'school' ? actor.brins : undefined), pageSize: query.limiet + 1 });
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
];
