/** P1 Zorgplicht after aanmelding (WPO art. 40): the process as the API and the registry see it. */
import { z } from 'zod';
import { addDays, leerplichtigVanaf, toIsoDate } from '../domain';
import { Problem, problems } from '../api/problem';
import { deadlineSchema } from '../api/zaken';
import {
  besluitenSchema,
  eldersIngeschrevenSchema,
  impasseMeldenSchema,
  oudergesprekSchema,
  informatieVragenSchema,
  informatieOntvangenSchema,
  verlengenSchema,
  zorgplichtStartSchema,
  zorgplichtStatussen,
  type ZorgplichtInput,
  type ZorgplichtView,
} from '../shared/zorgplicht';
import {
  besluitenUpdate,
  eldersIngeschrevenUpdate,
  impasseMeldenUpdate,
  oudergesprekUpdate,
  informatieVragenUpdate,
  informatieOntvangenUpdate,
  statusQuery,
  verlengenUpdate,
  viewUpdate,
  zorgplicht,
  zorgplichtGesloten,
} from '../workflows/zorgplicht';
import { procesDefinitie } from './definitie';
import { naarAanvulling } from './tlv';

export const zorgplichtProces = procesDefinitie({
  type: 'zorgplicht',
  prefix: 'zp',
  workflow: zorgplicht,
  statusQuery,
  viewUpdate,
  statussen: zorgplichtStatussen,
  rollen: ['coordinator', 'school'],
  inzage: {
    // The law's term passed, the pupil placed by law, or no place found: what the directeur's werkbak shows.
    vastgelopen: ['termijn-overschreden', 'tijdelijk-geplaatst', 'impasse'],
    zonderPersoonsgegevens: [
      'id',
      'type',
      'status',
      'open',
      'beleid',
      'aanmelddatum',
      'school',
      'deadlines',
      'volgendeHerinnering',
      'termijnOverschreden',
      'tijdelijkGeplaatst',
      'impasse.zaakId',
      'impasse.op',
      'tlv.zaakId',
    ],
  },
  acties: {
    verlengen: {
      omschrijving:
        'De beslistermijn eenmaal verlengen, met ten hoogste de weken die het beleid toestaat; de ouders krijgen bericht',
      schema: verlengenSchema,
      update: verlengenUpdate,
    },
    besluiten: {
      omschrijving:
        "Het besluit over de toelating vastleggen: de zaak sluit. Met 'tlv-aangevraagd' start een TLV-zaak (antwoord: tlv.zaakId) en blijft deze zaak open tot een school de leerling toelaat. Bij 'ingetrokken' of 'geen-zorgplicht' zonder andere inschrijving (ingeschrevenOp) opent een leerplichtige leerling een thuiszitterszaak (antwoord: thuiszitter.zaakId)",
      schema: besluitenSchema,
      update: besluitenUpdate,
      invoer: (b: z.output<typeof besluitenSchema>) =>
        b.uitkomst === 'tlv-aangevraagd' && b.tlv ? { ...b, tlv: naarAanvulling(b.tlv) } : b,
    },
    'impasse-melden': {
      omschrijving: 'Een impasse melden: de school vindt geen passende plek; de impasseladder start',
      schema: impasseMeldenSchema,
      update: impasseMeldenUpdate,
    },
    oudergesprek: {
      omschrijving:
        'Een gesprek met de ouders vastleggen (datum, wie, verslag): een weigering kan pas daarna (seed 001 L813–814)',
      schema: oudergesprekSchema,
      update: oudergesprekUpdate,
    },
    'informatie-vragen': {
      omschrijving:
        'De ouders om informatie vragen voor het onderzoek (wat, uiterlijk wanneer); de beslistermijn loopt door',
      schema: informatieVragenSchema,
      update: informatieVragenUpdate,
    },
    'informatie-ontvangen': {
      omschrijving:
        'Het antwoord van de ouders vastleggen, of dat zij niet meewerken (de coördinator krijgt dan bericht)',
      schema: informatieOntvangenSchema,
      update: informatieOntvangenUpdate,
    },
    'elders-ingeschreven': {
      omschrijving: 'Vastleggen dat de leerling op een andere school staat ingeschreven: geen tijdelijke plaatsing',
      schema: eldersIngeschrevenSchema,
      update: eldersIngeschrevenUpdate,
      rollen: ['coordinator'],
    },
  },
  start: {
    omschrijving: 'Start een zorgplichtzaak na de schriftelijke aanmelding (WPO art. 40)',
    tags: ['zaken'],
    rollen: ['coordinator', 'school'],
    schema: zorgplichtStartSchema,
    status: 'in-onderzoek',
    controleer: (body, actor) => {
      // The SWV's own mailbox is the SWV's to set: a school cannot divert the overdue notices.
      if (body.coordinatorEmail && actor.rol !== 'coordinator') {
        throw problems.forbidden('Alleen de coördinator stelt het e-mailadres van de coördinator in.');
      }
      const vandaag = toIsoDate(Date.now());
      if (body.aanmelddatum > vandaag || body.aanmelddatum < addDays(vandaag, -366)) {
        throw new Problem(400, 'Ongeldige invoer', 'De aanmelddatum ligt in de toekomst of meer dan een jaar terug.', [
          { name: 'aanmelddatum', reason: `verwacht een datum tussen ${addDays(vandaag, -366)} en ${vandaag}` },
        ]);
      }
      // WPO art. 40: the zorgplicht starts with the aanmelding of a child of 3 or older. The birth date
      // is only checked here: it never reaches the workflow, its history or a search attribute (only
      // the month the child becomes leerplichtig does, for the thuiszitter rule).
      const geboren = body.leerling.geboortedatum;
      if (geboren && `${Number(geboren.slice(0, 4)) + 3}${geboren.slice(4)}` > body.aanmelddatum) {
        throw new Problem(
          400,
          'Ongeldige invoer',
          'De leerling was op de aanmelddatum nog geen 3 jaar: de zorgplicht geldt vanaf de aanmelding van een kind van 3 jaar (WPO art. 40).',
          [{ name: 'leerling.geboortedatum', reason: 'de leerling is op de aanmelddatum jonger dan 3 jaar' }],
        );
      }
    },
    vanaf: (body) => body.aanmelddatum,
    invoer: (body, ctx): ZorgplichtInput => ({
      leerling: { naam: body.leerling.naam },
      school: { brin: body.school.brin, naam: body.school.naam, email: body.school.email, regio: body.school.regio },
      ouders: body.ouders.map((o) => ({ email: o.email })),
      beleid: ctx.beleid,
      kalender: ctx.kalender,
      aanmelddatum: body.aanmelddatum,
      ingeschrevenElders: body.ingeschrevenElders,
      ...(body.leerling.geboortedatum
        ? { leerplichtigVanaf: leerplichtigVanaf(body.leerling.geboortedatum).datum }
        : {}),
      coordinatorEmail: body.coordinatorEmail ?? ctx.coordinatorEmail,
      gestartDoor: ctx.door,
    }),
    school: (body) => body.school,
    beleid: (body) => body.beleid,
    antwoord: (view: ZorgplichtView) => ({
      id: view.id,
      type: 'zorgplicht',
      status: view.status,
      deadlines: view.deadlines,
    }),
    antwoordSchema: z.object({
      id: z.string(),
      type: z.literal('zorgplicht'),
      status: z.enum(zorgplichtStatussen),
      deadlines: z.array(deadlineSchema),
    }),
  },
  gesloten: zorgplichtGesloten,
});
