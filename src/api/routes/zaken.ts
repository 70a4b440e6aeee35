import { createHash } from 'node:crypto';
import type { Client, WorkflowExecutionInfo } from '@temporalio/client';
import { executionInfoFromRaw } from '@temporalio/client/lib/helpers';
import { z } from 'zod';
import { isoDateSchema, toInstant } from '../../domain';
import { brinSchema } from '../../shared/zaak';
import { roles, type Actor } from '../../auth/actors';
import type { Register } from '../processen';
import type { ProcesDefinitie } from '../../processen';
import { Problem } from '../problem';
import { lijstFilter, leestAlles, magLezen, magLezenVolgensIndex, zichtVoor } from '../../auth/inzage';
import {
  bestaatVoor,
  deadlineSchema,
  kenmerkenVan,
  leesZaak,
  magZaakLezen,
  stapId,
  stapVan,
  zonderWorker,
  type ZaakView,
} from '../zaken';
import {
  BetrokkenScholen,
  Einddatum,
  SchoolBrin,
  SwvCode,
  VolgendeDeadline,
  VolgendeStap,
  ZaakStatus,
  ZaakType,
} from '../../temporal/searchAttributes';
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
    // Without omschrijving where the reader sees only when and what (src/auth/inzage.ts).
    tijdlijn: z.array(z.looseObject({ op: z.string(), soort: z.string(), omschrijving: z.string().optional() })),
  });

const lijstQuerySchemaVoor = (register: Register) =>
  z.object({
    type: z.enum(register.types).optional(),
    status: z.enum(register.statussen).optional(),
    /** The case's own school, or a school that takes part in it (a terugplaatsing's receiving school). */
    school: brinSchema.optional(),
    /** The sub-step a case waits for (a terugplaatsing: '2.2'; VSO → VO: a phase, 'F2'). */
    stap: z
      .string()
      .regex(/^([1-9](\.[0-9])?|F[1-6])$/, {
        error: "stap is een stap van een stappenplan, zoals '2.2', of een fase, zoals 'F2'",
      })
      .optional(),
    /** Cases whose next legal deadline falls before this date (Europe/Amsterdam). */
    deadlineVoor: isoDateSchema.optional(),
    /** TLVs (and every case with an end date) that end before this date. */
    eindeVoor: isoDateSchema.optional(),
    /** Only running cases (`true`) or only closed ones (`false`). */
    open: z.enum(['true', 'false'], { error: "open is 'true' of 'false'" }).optional(),
    limiet: z.coerce.number().int().min(1).max(200).default(50),
    /** The next page: `volgendePagina` of the answer before, as it came. */
    pagina: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,2000}$/, { error: 'pagina is de volgendePagina van een eerder antwoord' })
      .optional(),
  });

/** A row of `GET /api/v1/zaken` (the werkbak's lists read the same type). */
export type ZaakRegel = z.infer<typeof zaakRegelSchema>;

const zaakRegelSchema = z.object({
  id: z.string(),
  type: z.string(),
  status: z.string(),
  school: z.string().optional(),
  beleid: z.string().optional(),
  volgendeDeadline: z.string().nullable(),
  gestart: z.string(),
  /** When it closed (ISO), or null while it runs. */
  gesloten: z.string().nullable(),
  open: z.boolean(),
});

/** Visibility queries are built only from validated codes and dates: no user text reaches them. */
function visibilityQuery(q: z.infer<ReturnType<typeof lijstQuerySchemaVoor>>, inzage: string): string {
  // A case that continued as new (a TLV each school year) is one case: its earlier runs are not rows.
  const parts = [`${ZaakType.name} IS NOT NULL`, `ExecutionStatus != 'ContinuedAsNew'`];
  if (q.type) parts.push(`${ZaakType.name} = '${q.type}'`);
  if (q.status) parts.push(`${ZaakStatus.name} = '${q.status}'`);
  if (q.school) parts.push(`(${SchoolBrin.name} = '${q.school}' OR ${BetrokkenScholen.name} = '${q.school}')`);
  if (q.stap) parts.push(`${VolgendeStap.name} = '${q.stap}'`);
  if (q.open) parts.push(`ExecutionStatus ${q.open === 'true' ? '=' : '!='} 'Running'`);
  // What the actor may read (src/auth/inzage.ts).
  if (inzage) parts.push(inzage);
  // A term whose last day is before that date is over at the latest at that date's midnight: up to
  // and including it (a second later, so that stored values with and without milliseconds compare alike).
  if (q.eindeVoor) parts.push(`${Einddatum.name} < '${q.eindeVoor}'`);
  if (q.deadlineVoor)
    parts.push(`${VolgendeDeadline.name} < '${new Date(toInstant(q.deadlineVoor, '00:00') + 1000).toISOString()}'`);
  return parts.join(' AND ');
}

/** A row of the list: codes, statuses and dates from the index, nothing else. */
const zaakRegel = (wf: WorkflowExecutionInfo): z.infer<typeof zaakRegelSchema> => {
  const deadline = wf.typedSearchAttributes.get(VolgendeDeadline);
  return {
    id: wf.workflowId,
    type: wf.typedSearchAttributes.get(ZaakType) ?? wf.type,
    status: wf.typedSearchAttributes.get(ZaakStatus) ?? 'onbekend',
    school: wf.typedSearchAttributes.get(SchoolBrin),
    beleid: wf.typedSearchAttributes.get(SwvCode),
    volgendeDeadline: deadline ? deadline.toISOString() : null,
    gestart: wf.startTime.toISOString(),
    gesloten: wf.closeTime ? wf.closeTime.toISOString() : null,
    open: wf.status.name === 'RUNNING',
  };
};

/**
 * The cursor a client gets: the server's page token with the hash of the query it belongs to, so a
 * cursor used with other filters (or made up) is refused as the client's mistake before Temporal sees it.
 */
const queryHash = (vq: string) => createHash('sha256').update(vq).digest('base64url').slice(0, 16);
const paginaVan = (token: Uint8Array, vq: string) =>
  Buffer.from(JSON.stringify({ q: queryHash(vq), t: Buffer.from(token).toString('base64') })).toString('base64url');
function paginaToken(pagina: string, vq: string): Uint8Array {
  try {
    const { q, t } = JSON.parse(Buffer.from(pagina, 'base64url').toString('utf8')) as { q?: unknown; t?: unknown };
    if (q === queryHash(vq) && typeof t === 'string' && t.length > 0) return Buffer.from(t, 'base64');
  } catch {
    // not one of ours
  }
  throw new Problem(400, 'Ongeldige invoer', 'Deze pagina hoort niet bij deze lijst.', [
    { name: 'pagina', reason: 'gebruik de volgendePagina van het vorige antwoord, met dezelfde filters' },
  ]);
}

/**
 * One page of the visibility store and the server's token after it (none: the last page). The SDK's
 * `workflow.list` hides the token, so this asks the service itself and converts rows as the SDK does.
 */
async function visibilityPagina(
  client: Client,
  query: string,
  pageSize: number,
  token: Uint8Array | undefined,
): Promise<{ rijen: WorkflowExecutionInfo[]; token?: Uint8Array }> {
  const antwoord = await client.workflowService.listWorkflowExecutions({
    namespace: client.options.namespace,
    query,
    pageSize,
    nextPageToken: token,
  });
  const rijen = await Promise.all(
    antwoord.executions.map((raw) =>
      executionInfoFromRaw(raw, client.options.loadedDataConverter, raw, client.options.namespace),
    ),
  );
  const volgende = antwoord.nextPageToken;
  return { rijen, token: volgende && volgende.length ? volgende : undefined };
}

export const zakenRoutes = (deps: ApiDeps, register: Register) => {
  const zaakSchema = zaakSchemaVoor(register);
  const lijstQuerySchema = lijstQuerySchemaVoor(register);
  const zaakIdSchema = register.zaakIdSchema;

  /**
   * Where a step of a linked child case is taken: the child this case has, as `<id><suffix>` or one
   * level further (a zorgplicht case's thuiszitter may be its impasse's, `<id>-impasse-thuiszitter`).
   * Named only when it exists and the actor reads it; best effort (an outage names none).
   */
  async function kindHint(
    id: string,
    proces: ProcesDefinitie,
    kind: ProcesDefinitie,
    actie: string,
    actor: Actor,
  ): Promise<string> {
    // Its own child, or the child of a child that opens one too (a zorgplicht case's impasse).
    const tussen = register.processen.filter(
      (p) => p.kindSuffix && p !== kind && p.geopendDoor?.includes(proces.type) && kind.geopendDoor?.includes(p.type),
    );
    const kandidaten = [`${id}${kind.kindSuffix}`, ...tussen.map((p) => `${id}${p.kindSuffix}${kind.kindSuffix}`)];
    // Checked side by side, each within the short budget: an outage names none, it does not hold up the 404.
    const gevonden = await Promise.allSettled(
      kandidaten.map((k) => bestaatVoor(deps.client, k, actor, register.processen, 'controle').then(() => k)),
    );
    const k = gevonden.find((g) => g.status === 'fulfilled')?.value;
    return k
      ? ` '${actie}' is een stap van de ${kind.type}: zet die in de ${kind.type}-zaak ${k}.`
      : ` '${actie}' is een stap van de ${kind.type}; deze zaak heeft (nog) geen ${kind.type}-zaak die u kunt inzien.`;
  }

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
          schema: z.object({
            zaken: z.array(zaakRegelSchema),
            meer: z.boolean(),
            /** Where `meer` is true: the `pagina` that asks for the rows after these. */
            volgendePagina: z.string().nullable(),
          }),
        },
      },
      handler: async ({ query, actor }) => {
        if (actor.rol === 'school' && query.school && !actor.brins.includes(query.school)) {
          throw problems.forbidden(
            `Deze school mag alleen zaken van de eigen school (${actor.brins.join(', ')}) zien.`,
          );
        }
        const zaken: z.infer<typeof zaakRegelSchema>[] = [];
        const inzage = lijstFilter(actor, register.processen);
        if (inzage === null) return { status: 200, body: { zaken, meer: false, volgendePagina: null } };
        const vq = visibilityQuery(query, inzage);
        const leesbaar = async (wf: WorkflowExecutionInfo) => {
          // Where the index cannot tell (an impasse on E7 for the DB), the case's own view does.
          const mag = magLezenVolgensIndex(actor, kenmerkenVan(wf.typedSearchAttributes), register.processen);
          return (
            mag === true ||
            (mag === 'zaak' && (await magZaakLezen(deps.client, wf.workflowId, actor, register.processen)))
          );
        };
        let token = query.pagina ? paginaToken(query.pagina, vq) : undefined;
        let meer = false;
        try {
          await withDeadline(deps.client, 'lezen', async () => {
            // Page by page, each no larger than what is still wanted: a page is used whole, so the
            // server's token after it is exactly where the next page begins.
            do {
              const p = await visibilityPagina(deps.client, vq, query.limiet - zaken.length, token);
              for (const wf of p.rijen) if (await leesbaar(wf)) zaken.push(zaakRegel(wf));
              token = p.token;
            } while (token && zaken.length < query.limiet);
            // More only if a row the actor may read follows (a token alone can point at nothing).
            let kijk = token;
            while (kijk && !meer) {
              const p = await visibilityPagina(deps.client, vq, 20, kijk);
              for (const wf of p.rijen) if (!meer && (await leesbaar(wf))) meer = true;
              kijk = p.token;
            }
          });
        } catch (err) {
          throw toProblem(err);
        }
        const volgendePagina = meer && token ? paginaVan(token, vq) : null;
        return { status: 200, body: { zaken, meer, volgendePagina } };
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
        return { status: 200, body: await leesZaak(deps.client, params.id, actor, register.processen) };
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
            (p) =>
              p.kindSuffix &&
              p.geopendDoor?.includes(proces.type) &&
              Object.prototype.hasOwnProperty.call(p.acties, params.actie),
          );
          const waar =
            kind && !params.id.endsWith(kind.kindSuffix!)
              ? await kindHint(params.id, proces, kind, params.actie, actor)
              : '';
          throw problems.notFound(
            `Onbekende actie '${params.actie}' voor een ${proces.type}-zaak; kies uit ${Object.keys(proces.acties).join(', ')}.${waar}`,
          );
        }
        const actie = proces.acties[params.actie];
        // Refused before any Update: an unknown case, or one the actor may not read, is still 404 first.
        if (!proces.rollen.includes(actor.rol)) {
          await bestaatVoor(deps.client, params.id, actor, register.processen);
          throw problems.forbidden(`De rol ${actor.rol} mag dit niet; toegestaan: ${proces.rollen.join(', ')}.`);
        }
        const parsed = actie.schema.safeParse(body ?? {});
        if (!parsed.success) {
          await bestaatVoor(deps.client, params.id, actor, register.processen);
          throw problems.invalid('de body', parsed.error);
        }
        const updateId = stapId(actor, req);
        const processen = register.processen;
        // A step on a case the actor may not read must not happen at all (a 404 afterwards would say
        // "nothing happened" about a step that did). The workflow's validators check a school's scope
        // in the same round trip; every other role that does not read everything is checked first.
        if (!leestAlles(actor) && actor.rol !== 'school') await bestaatVoor(deps.client, params.id, actor, processen);
        let view: ZaakView;
        try {
          view = await withDeadline(deps.client, 'schrijven', () =>
            deps.client.workflow.getHandle(params.id).executeUpdate(actie.update, {
              args: [
                { ...(actie.invoer ? actie.invoer(parsed.data as never) : (parsed.data as object)), ...stapVan(actor) },
              ],
              updateId,
            }),
          );
        } catch (err) {
          const problem = await zonderWorker(deps.client, params.id, actor, processen, toProblem(err));
          if (problem instanceof Problem && problem.status === 404)
            // Unknown, or closed (a closed case takes no Update): a closed case the actor reads says why.
            throw problems.conflict(register.geslotenReden(await leesZaak(deps.client, params.id, actor, processen)));
          // The workflow's refusal names the rung and the state: only for a case the actor may read.
          if (problem instanceof Problem && problem.status < 500 && !leestAlles(actor))
            await bestaatVoor(deps.client, params.id, actor, processen);
          throw problem;
        }
        // The answer is a case view too; checked above, so this holds unless the step itself took the
        // case out of the actor's reach (then the step happened: answer without the view's contents).
        if (!magLezen(actor, view, processen))
          return { status: 200, body: { id: view.id, type: view.type, status: view.status, open: view.open } };
        return { status: 200, body: zichtVoor(actor, view, processen) };
      },
    }),
  ];
};
