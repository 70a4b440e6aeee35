/**
 * The policies and their versions (issue 15), and the preview of moving a case to another version:
 * which dates change before a coordinator confirms it (`POST …/acties/beleid-wijzigen`).
 */
import { z } from 'zod';
import { roles } from '../../auth/actors';
import { beleidsversies, toIsoDate, type Policy } from '../../domain';
import { kandidatenVoor } from '../../processen/beleidsversie';
import type { BeleidVoorbeeld } from '../../shared/beleidsversie';
import type { ApiDeps } from '../deps';
import type { Register } from '../processen';
import { Problem, problems } from '../problem';
import { defineRoute } from '../route';
import { toProblem, withDeadline } from '../temporalErrors';
import { leesZaak } from '../zaken';

const versieRegel = (p: Policy) => ({ versie: p.versie, geldigVanaf: p.geldigVanaf, bron: p.bron });

const codeSchema = z.string().regex(/^[a-z0-9-]+$/, { error: 'beleid is een code zoals "spow"' });

function versiesVan(code: string): readonly Policy[] {
  if (!Object.prototype.hasOwnProperty.call(beleidsversies, code))
    throw problems.notFound(`Onbekend beleid '${code}'; kies uit ${Object.keys(beleidsversies).join(', ')}.`);
  return beleidsversies[code];
}

export const beleidRoutes = (deps: ApiDeps, register: Register) => [
  defineRoute({
    method: 'get',
    path: '/api/v1/beleid',
    summary:
      'De samenwerkingsverbanden die het product kent: per beleid de sector, de vakantieregio, de routes en de versies met hun ingangsdatum',
    tags: ['beleid'],
    roles,
    responses: { 200: { description: 'Alle beleid', schema: z.array(z.looseObject({ code: z.string() })) } },
    handler: async () => ({
      status: 200,
      body: Object.entries(beleidsversies).map(([code, versies]) => {
        const p = versies[versies.length - 1];
        return {
          code,
          naam: p.naam,
          sector: p.sector,
          regio: p.regio,
          tlvRoute: p.tlv.route?.soort,
          tlvDuur: p.tlv.duur.soort,
          impasseRoute: p.impasse.route?.soort,
          versies: versies.map(versieRegel),
        };
      }),
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/v1/beleid/:code',
    summary: 'Eén beleid in al zijn versies: elke termijn met de regel waar hij vandaan komt',
    tags: ['beleid'],
    roles,
    params: z.object({ code: codeSchema }),
    responses: {
      200: { description: 'De versies, oudste eerst', schema: z.looseObject({ code: z.string() }) },
      404: { description: 'Onbekend beleid' },
    },
    handler: async ({ params }) => ({ status: 200, body: { code: params.code, versies: versiesVan(params.code) } }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/v1/zaken/:id/beleid',
    summary:
      'De beleidsversie van een zaak en de andere versies; met ?versie=… ook welke termijnen veranderen als de zaak naar die versie gaat (er verandert nog niets)',
    tags: ['beleid'],
    roles: ['coordinator'],
    params: z.object({ id: register.zaakIdSchema }),
    query: z.object({ versie: z.string().trim().min(1).max(40).optional() }),
    responses: {
      200: { description: 'Huidige versie, andere versies en eventueel het voorbeeld', schema: z.looseObject({}) },
      404: { description: 'Onbekende zaak' },
      409: { description: 'Deze zaak kan niet naar een andere versie (gesloten, of dit proces kent het niet)' },
    },
    handler: async ({ params, query, actor }) => {
      const view = await leesZaak(deps.client, params.id, actor, register.processen);
      const beleid = view.beleid ?? 'wet';
      const huidig = view.beleidsversie;
      const versies = versiesVan(beleid).map(versieRegel);
      const basis = { zaakId: params.id, beleid, versie: huidig, versies };
      if (!query.versie) return { status: 200, body: basis };
      const proces = register.vanZaak(params.id);
      if (!Object.prototype.hasOwnProperty.call(proces.acties, 'beleid-wijzigen'))
        throw problems.conflict(`Een ${proces.type}-zaak kan (nog) niet naar een andere beleidsversie.`);
      if (view.open === false) throw problems.conflict('De zaak is gesloten: haar beleid verandert niet meer.');
      if (!versies.some((v) => v.versie === query.versie))
        throw new Problem(400, 'Ongeldige invoer', 'Onbekende versie.', [
          {
            name: 'versie',
            reason: `beleid ${beleid} heeft geen versie '${query.versie}'; kies uit ${versies.map((v) => v.versie).join(', ')}`,
          },
        ]);
      if (query.versie === huidig) throw problems.conflict(`De zaak volgt al versie '${huidig}' van beleid ${beleid}.`);
      let voorbeeld: BeleidVoorbeeld;
      try {
        voorbeeld = await withDeadline(deps.client, 'lezen', () =>
          deps.client.workflow.getHandle(params.id).query<BeleidVoorbeeld, [Record<string, Policy>, string]>(
            'beleid-voorbeeld',
            kandidatenVoor(query.versie!),
            // A query runs at the case's last activation time: today is the API's.
            toIsoDate(Date.now()),
          ),
        );
      } catch (err) {
        throw toProblem(err);
      }
      return { status: 200, body: { ...basis, voorbeeld } };
    },
  }),
];
