import { z } from 'zod';
import { lijstFilter, magLezenVolgensIndex } from '../../auth/inzage';
import { processen as register } from '../../processen';
import { openImpasses, type ImpasseRegel } from '../../readmodels/impasses';
import { niveauCode, niveaus } from '../../shared/impasse';
import { brinSchema } from '../../shared/zaak';
import type { ApiDeps } from '../deps';
import { defineRoute } from '../route';
import { magZaakLezen } from '../zaken';
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

export const impasseRoutes = (deps: ApiDeps, processen = deps.processen ?? register) => [
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
    handler: async ({ query, actor }) => {
      // Only what the actor may read (src/auth/inzage.ts): the DB its rungs, the directeur every rung.
      const inzage = lijstFilter(actor, processen);
      if (inzage === null) return { status: 200, body: { impasses: [], aantalVastgelopen: 0 } };
      try {
        const regels = await withDeadline(deps.client, 'lezen', () =>
          openImpasses(deps.client, {
            school: query.school,
            niveau: query.niveau,
            alleenVastgelopen: query.vastgelopen === 'true',
            inzage,
          }),
        );
        const zichtbaar: ImpasseRegel[] = [];
        for (const r of regels) {
          const k = { type: 'impasse', brin: r.school ?? undefined, niveau: r.niveau };
          const mag = magLezenVolgensIndex(actor, k, processen);
          // Where the index cannot tell (an impasse on E7 for the DB), the case's own view does.
          if (mag === true || (mag === 'zaak' && (await magZaakLezen(deps.client, r.id, actor, processen))))
            zichtbaar.push(r);
        }
        const gefilterd = query.vastgelopen === 'false' ? zichtbaar.filter((r) => !r.vastgelopen) : zichtbaar;
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
