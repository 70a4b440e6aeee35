import { z } from 'zod';
import { diffDays, isoDateSchema, policies, schoolYearByLabel, schoolYearOf, toIsoDate } from '../../domain';
import { leesTerugplaatsingRapport } from '../../readmodels/terugplaatsingen';
import { leesThuiszitterRapport, thuiszitterRapportCsv } from '../../readmodels/thuiszitters';
import type { ApiDeps } from '../deps';
import { Problem } from '../problem';
import { defineRoute } from '../route';
import { binnen, toProblem } from '../temporalErrors';

const RAPPORT_MS = 20_000;

const schooljaarSchema = z
  .string()
  .regex(/^\d{4}-\d{4}$/, { error: "schooljaar zoals '2026-2027'" })
  .refine((s) => Number(s.slice(5)) === Number(s.slice(0, 4)) + 1, { error: "schooljaar zoals '2026-2027'" });

const beleidSchema = z
  .string()
  .regex(/^[a-z0-9-]+$/, { error: 'beleid is een code zoals "spow"' })
  .default('wet');

function bekendBeleid(code: string): void {
  if (!Object.prototype.hasOwnProperty.call(policies, code))
    throw new Problem(400, 'Ongeldige invoer', 'Onbekend beleid.', [
      { name: 'beleid', reason: `onbekend beleid '${code}'; kies uit ${Object.keys(policies).join(', ')}` },
    ]);
}

/** Reports without personal data: counts, dates and case ids. */
export const rapportageRoutes = (deps: ApiDeps) => [
  defineRoute({
    method: 'get',
    path: '/api/v1/rapportages/thuiszitters',
    summary:
      'Thuiszitters per samenwerkingsverband over een periode: aantallen per duur (korter dan 4 weken, 4 weken tot 3 maanden, langer), status, redengroep en uitkomst, en de zaken op zaaknummer; JSON, of CSV met Accept: text/csv of formaat=csv; geen namen',
    tags: ['rapportages'],
    roles: ['coordinator', 'directeur'],
    query: z
      .object({
        beleid: beleidSchema,
        van: isoDateSchema,
        tot: isoDateSchema,
        formaat: z.enum(['json', 'csv'], { error: "formaat is 'json' of 'csv'" }).optional(),
      })
      .refine((q) => q.van <= q.tot, { error: 'van ligt na tot', path: ['tot'] })
      .refine((q) => diffDays(q.tot, q.van) < 366, { error: 'een periode van hoogstens een jaar', path: ['tot'] }),
    responses: {
      200: {
        description: 'Het overzicht over de periode (JSON, of de zaken als CSV)',
        schema: z.looseObject({ beleid: z.string(), van: z.string(), tot: z.string(), aantal: z.number() }),
      },
    },
    handler: async ({ query, req }) => {
      bekendBeleid(query.beleid);
      let rapport;
      try {
        rapport = await binnen(deps.client, Date.now() + RAPPORT_MS, () =>
          leesThuiszitterRapport(deps.client, query.beleid, query.van, query.tot),
        );
      } catch (err) {
        throw toProblem(err);
      }
      const csv =
        query.formaat === 'csv' || (query.formaat === undefined && req.accepts(['json', 'text/csv']) === 'text/csv');
      return csv
        ? {
            status: 200,
            body: rapport,
            tekst: {
              type: 'text/csv; charset=utf-8',
              inhoud: thuiszitterRapportCsv(rapport),
              bestand: `thuiszitters-${query.beleid}-${query.van}-${query.tot}.csv`,
            },
          }
        : { status: 200, body: rapport };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/v1/rapportages/terugplaatsingen',
    summary:
      'De jaarlijkse evaluatie van het terugplaatsingsbeleid (stappenplan stap 5): per samenwerkingsverband en schooljaar hoe ver de zaken kwamen, hoe zij afliepen en hoe lang zij duurden; alleen zaaknummers, geen namen',
    tags: ['rapportages'],
    roles: ['coordinator', 'directeur'],
    query: z.object({
      beleid: beleidSchema,
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
      bekendBeleid(query.beleid);
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
