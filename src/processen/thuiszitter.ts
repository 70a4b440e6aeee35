/** P5 Thuiszitters (issue 16): the process as the API and the registry see it. */
import { z } from 'zod';
import { addDays, toIsoDate } from '../domain';
import { Problem } from '../api/problem';
import { deadlineSchema } from '../api/zaken';
import {
  afsluitenSchema,
  afwijzenSchema,
  afspraakGedaanSchema,
  afspraakSchema,
  afwezigheidSchema,
  thuiszitterStartSchema,
  thuiszitterStatussen,
  vrijstellingSchema,
  type ThuiszitterInput,
  type ThuiszitterView,
} from '../shared/thuiszitter';
import {
  afsluitenUpdate,
  afwijzenUpdate,
  afspraakGedaanUpdate,
  afspraakUpdate,
  afwezigheidUpdate,
  thuiszitter,
  thuiszitterGesloten,
  thuiszitterStatusQuery,
  thuiszitterViewUpdate,
  vrijstellingUpdate,
} from '../workflows/thuiszitter';
import { procesDefinitie } from './definitie';

export const thuiszitterProces = procesDefinitie({
  type: 'thuiszitter',
  prefix: 'tz',
  // Opened by another case where the product knows the child is at home: `<its id>-thuiszitter`
  // (`zp-…-impasse-thuiszitter` where a zorgplicht case or terugplaatsing has an impasse: one case per child).
  kindSuffix: '-thuiszitter',
  geopendDoor: ['zorgplicht', 'impasse', 'terugplaatsing'],
  workflow: thuiszitter,
  statusQuery: thuiszitterStatusQuery,
  viewUpdate: thuiszitterViewUpdate,
  statussen: thuiszitterStatussen,
  // The SWV, and the school where the pupil is enrolled (its absence report and its part of the plan).
  rollen: ['coordinator', 'school'],
  inzage: {
    // Which impasse opened it (and on which rung) is the SWV's: a school reads that it was opened automatically.
    // Which case opened it, or placed the pupil, is the SWV's: a school reads that it happened.
    intern: { velden: ['aanleiding', 'plaatsing'], tijdlijn: { 'automatisch-geopend': 'tekst', geplaatst: 'weg' } },
    // Past the target date: the directeur's werkbak shows it, without the child.
    vastgelopen: ['streefdatum-verstreken'],
    zonderPersoonsgegevens: [
      'id',
      'type',
      'status',
      'open',
      'beleid',
      'school',
      'verzuim',
      'sinds',
      'thuiszitterSinds',
      'streefdatum',
      'deadlines',
    ],
  },
  acties: {
    afwezigheid: {
      omschrijving:
        'De reden van de afwezigheid wijzigt vanaf een datum (ziekte telt niet als thuiszitten: de vier weken tellen vanaf een andere reden)',
      schema: afwezigheidSchema,
      update: afwezigheidUpdate,
    },
    afspraak: {
      omschrijving:
        'Een afspraak in het plan van aanpak: wie (school, SWV, leerplicht, sociaal team, zorg, ouders) doet wat, uiterlijk wanneer',
      schema: afspraakSchema,
      update: afspraakUpdate,
    },
    'afspraak-gedaan': {
      omschrijving: 'Een afspraak uit het plan van aanpak is gedaan',
      schema: afspraakGedaanSchema,
      update: afspraakGedaanUpdate,
    },
    vrijstelling: {
      omschrijving:
        'Een vrijstelling voor een vaste periode, alleen met het samenwerkingsverband erbij: de leerling telt dan niet als thuiszitter en de streefdatum schuift op',
      schema: vrijstellingSchema,
      update: vrijstellingUpdate,
      rollen: ['coordinator'],
    },
    afwijzen: {
      omschrijving:
        'Een automatisch geopende zaak (aanleiding) is geen thuiszitter: de coördinator sluit haar met de reden',
      schema: afwijzenSchema,
      update: afwijzenUpdate,
      rollen: ['coordinator'],
      hoortBij: (view: ThuiszitterView) => !!view.aanleiding,
    },
    afsluiten: {
      omschrijving:
        'De leerling gaat weer naar school (volledig of gedeeltelijk) of heeft een aanbod van onderwijs of zorg elders: de zaak sluit en onthoudt hoe lang de leerling thuis zat',
      schema: afsluitenSchema,
      update: afsluitenUpdate,
    },
  },
  start: {
    omschrijving:
      'Een leerling zit thuis: zonder school (absoluut verzuim, meteen een thuiszitter) of ingeschreven en langer dan vier weken afwezig, behalve bij ziekte of vrijstelling (de school meldt de eerste dag en de reden)',
    tags: ['zaken'],
    rollen: ['coordinator', 'school'],
    schema: thuiszitterStartSchema,
    status: 'dreigend',
    // A school reports its own pupils (the kernel's school scope); a pupil enrolled nowhere is the SWV's to open.
    controleer: (body) => {
      // A year back at most: the case's holiday calendar covers two years from its first day.
      const vandaag = toIsoDate(Date.now());
      if (body.sinds > vandaag || body.sinds < addDays(vandaag, -366)) {
        throw new Problem(
          400,
          'Ongeldige invoer',
          'De eerste dag thuis ligt in de toekomst of meer dan een jaar terug.',
          [{ name: 'sinds', reason: `verwacht een datum tussen ${addDays(vandaag, -366)} en ${vandaag}` }],
        );
      }
    },
    vanaf: (body) => body.sinds,
    invoer: (body, ctx): ThuiszitterInput => ({
      leerling: { naam: body.leerling.naam },
      ...(body.school
        ? {
            school: {
              brin: body.school.brin,
              naam: body.school.naam,
              ...(body.school.email ? { email: body.school.email } : {}),
              ...(body.school.bestuurEmail ? { bestuurEmail: body.school.bestuurEmail } : {}),
              ...(body.school.regio ? { regio: body.school.regio } : {}),
            },
          }
        : {}),
      ouders: body.ouders.map((o) => ({ email: o.email })),
      beleid: ctx.beleid,
      kalender: ctx.kalender,
      sinds: body.sinds,
      reden: body.reden,
      redenGroep: body.redenGroep,
      coordinatorEmail: ctx.coordinatorEmail,
      gestartDoor: ctx.door,
    }),
    school: (body) => ({ ...(body.school ?? {}) }),
    beleid: (body) => body.beleid,
    antwoord: (view: ThuiszitterView) => ({
      id: view.id,
      type: 'thuiszitter',
      status: view.status,
      verzuim: view.verzuim,
      sinds: view.sinds,
      ...(view.thuiszitterSinds ? { thuiszitterSinds: view.thuiszitterSinds } : {}),
      streefdatum: view.streefdatum,
      deadlines: view.deadlines,
      ...(view.aanleiding ? { aanleiding: view.aanleiding } : {}),
    }),
    antwoordSchema: z.object({
      id: z.string(),
      type: z.literal('thuiszitter'),
      status: z.enum(thuiszitterStatussen),
      verzuim: z.enum(['absoluut', 'relatief']),
      sinds: z.string(),
      thuiszitterSinds: z.string().optional(),
      streefdatum: z.object({ datum: z.string(), regel: z.string() }),
      deadlines: z.array(deadlineSchema),
      aanleiding: z.object({ zaakId: z.string(), regel: z.string() }).optional(),
    }),
  },
  gesloten: thuiszitterGesloten,
});
