import { z } from 'zod';
import { openImpasses } from '../../readmodels/impasses';
import { niveauCode, niveaus } from '../../shared/impasse';
import { brinSchema } from '../../shared/zaak';
import type { ApiDeps } from '../deps';
import { defineRoute } from '../route';
import { toProblem, withDeadline } from '../temporalErrors';

const impasseRegelSchema = z.object({
  id: z.string(),
  school: z.string().nullable(),
  niveau: z.enum(niveaus),
  niveauSinds: z.string(),
  dagenOpNiveau: z.number().int(),
  schooldagenOpNiveau: z.number().int(),
  gestart: z.string(),
  dagenTotaal: z.number().int(),
  vastgelopen: z.boolean(),
  vastgelopenSinds: z.string().nullable(),
  volgendeDeadline: z.string().nullable(),
});

export const impasseRoutes = (deps: ApiDeps) => [
  defineRoute({
    method: 'get',
    path: '/api/v1/impasses',
    summary:
      'Wat zit er vast: open impasses met trede, dagen op deze trede en in totaal, vastgelopen of niet, volgende deadline; meest urgent eerst',
    tags: ['impasses'],
    roles: ['directeur', 'coordinator', 'bestuur'],
    query: z.object({
      school: brinSchema.optional(),
      niveau: z.preprocess(niveauCode, z.enum(niveaus, { error: 'niveau is E1 … E7' })).optional(),
      vastgelopen: z.enum(['true', 'false'], { error: "vastgelopen is 'true' of 'false'" }).optional(),
      limiet: z.coerce.number().int().min(1).max(500).default(100),
    }),
    responses: {
      200: {
        description: 'Open impasses, meest urgent eerst',
        schema: z.object({ impasses: z.array(impasseRegelSchema), aantalVastgelopen: z.number().int() }),
      },
    },
    handler: async ({ query }) => {
      try {
        const regels = await withDeadline(deps.client, 15_000, () =>
          openImpasses(deps.client, {
            school: query.school,
            niveau: query.niveau,
            alleenVastgelopen: query.vastgelopen === 'true',
          }),
        );
        const gefilterd = query.vastgelopen === 'false' ? regels.filter((r) => !r.vastgelopen) : regels;
        return {
          status: 200,
          body: {
            impasses: gefilterd.slice(0, query.limiet),
            aantalVastgelopen: gefilterd.filter((r) => r.vastgelopen).length,
          },
        };
      } catch (err) {
        throw toProblem(err);
      }
    },
  }),
];
