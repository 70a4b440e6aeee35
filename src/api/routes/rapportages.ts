import { z } from 'zod';
import { policies, schoolYearByLabel, schoolYearOf, toIsoDate } from '../../domain';
import { leesTerugplaatsingRapport } from '../../readmodels/terugplaatsingen';
import type { ApiDeps } from '../deps';
import { Problem } from '../problem';
import { defineRoute } from '../route';
import { binnen, toProblem } from '../temporalErrors';

const RAPPORT_MS = 20_000;

const schooljaarSchema = z
  .string()
  .regex(/^\d{4}-\d{4}$/, { error: "schooljaar zoals '2026-2027'" })
  .refine((s) => Number(s.slice(5)) === Number(s.slice(0, 4)) + 1, { error: "schooljaar zoals '2026-2027'" });

/** Reports without personal data: counts, dates and case ids. */
export const rapportageRoutes = (deps: ApiDeps) => [
  defineRoute({
    method: 'get',
    path: '/api/v1/rapportages/terugplaatsingen',
    summary:
      'De jaarlijkse evaluatie van het terugplaatsingsbeleid (stappenplan stap 5): per samenwerkingsverband en schooljaar hoe ver de zaken kwamen, hoe zij afliepen en hoe lang zij duurden; alleen zaaknummers, geen namen',
    tags: ['rapportages'],
    roles: ['coordinator', 'directeur'],
    query: z.object({
      beleid: z
        .string()
        .regex(/^[a-z0-9-]+$/, { error: 'beleid is een code zoals "spow"' })
        .default('wet'),
      /** Default: the current school year. */
      schooljaar: schooljaarSchema.optional(),
    }),
    responses: {
      200: {
        description: 'Het jaarverslag',
        schema: z.looseObject({ beleid: z.string(), schooljaar: z.string(), aantal: z.number() }),
      },
    },
    handler: async ({ query }) => {
      if (!Object.prototype.hasOwnProperty.call(policies, query.beleid))
        throw new Problem(400, 'Ongeldige invoer', 'Onbekend beleid.', [
          { name: 'beleid', reason: `onbekend beleid '${query.beleid}'; kies uit ${Object.keys(policies).join(', ')}` },
        ]);
      const sy = query.schooljaar ? schoolYearByLabel(query.schooljaar) : schoolYearOf(toIsoDate(Date.now()));
      try {
        // A year of cases, each asked for its row: more than a single read's budget.
        const rapport = await binnen(deps.client, Date.now() + RAPPORT_MS, () =>
          leesTerugplaatsingRapport(deps.client, query.beleid, sy),
        );
        return { status: 200, body: rapport };
      } catch (err) {
        throw toProblem(err);
      }
    },
  }),
];
