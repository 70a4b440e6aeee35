import { roles } from '../../auth/actors';
import { checkHealth } from '../health';
import { defineRoute } from '../route';
import { actorSchema, healthSchema } from '../schemas';
import type { ApiDeps } from '../deps';

export const systemRoutes = (deps: ApiDeps) => [
  defineRoute({
    method: 'get',
    path: '/health',
    summary: 'Gezondheid: 200 alleen als Temporal antwoordt en een worker de takenwachtrij afneemt',
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
    path: '/api/v1/ik',
    summary: 'Wie ben ik: de actor achter het token (rol en scholen)',
    tags: ['systeem'],
    roles,
    responses: { 200: { description: 'De actor', schema: actorSchema } },
    handler: async ({ actor }) => ({ status: 200, body: actor }),
  }),
];
