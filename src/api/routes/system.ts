import { roles } from '../../auth/actors';
import { checkHealth, checkReady } from '../health';
import { defineRoute } from '../route';
import { actorSchema, healthSchema, readySchema } from '../schemas';
import type { ApiDeps } from '../deps';

export const systemRoutes = (deps: ApiDeps) => [
  defineRoute({
    method: 'get',
    path: '/health',
    summary: 'Gezondheid: 200 alleen als Temporal antwoordt en een worker nu taken aanneemt',
    tags: ['systeem'],
    roles: 'public',
    responses: {
      200: { description: 'Alles werkt', schema: healthSchema },
      503: { description: 'Temporal of de worker ontbreekt', schema: healthSchema },
    },
    handler: async () => {
      const report = await checkHealth(deps.client, deps.taskQueue);
      return { status: report.status === 'ok' ? 200 : 503, body: report };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/health/ready',
    summary: 'Gereed voor verkeer (voor een load balancer): 200 als deze API Temporal bereikt',
    tags: ['systeem'],
    roles: 'public',
    responses: {
      200: { description: 'Deze API kan verzoeken aannemen', schema: readySchema },
      503: { description: 'Temporal is onbereikbaar', schema: readySchema },
    },
    handler: async () => {
      const ok = await checkReady(deps.client);
      return { status: ok ? 200 : 503, body: { status: ok ? ('ok' as const) : ('niet-beschikbaar' as const) } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/v1/ik',
    summary: 'Wie ben ik: de actor achter het token (rol en scholen)',
    tags: ['systeem'],
    roles,
    responses: { 200: { description: 'De actor', schema: actorSchema } },
    handler: async ({ actor }) => ({ status: 200, body: actor }),
  }),
];
