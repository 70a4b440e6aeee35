/** P4 Terugplaatsing stappenplan (seed 001 Bijlage L2039–2146): the process as the API and the registry see it. */
import { z } from 'zod';
import { addDays, toIsoDate } from '../domain';
import { Problem, problems } from '../api/problem';
import { deadlineSchema } from '../api/zaken';
import {
  stapSchema,
  stoppenSchema,
  terugplaatsingStartSchema,
  terugplaatsingStatussen,
  toestemmingSchema,
  type TerugplaatsingInput,
  type TerugplaatsingView,
} from '../shared/terugplaatsing';
import {
  stapUpdate,
  stoppenUpdate,
  terugplaatsing,
  terugplaatsingGesloten,
  terugplaatsingStatusQuery,
  terugplaatsingViewUpdate,
  toestemmingUpdate,
} from '../workflows/terugplaatsing';
import { procesDefinitie } from './definitie';

const checklistRegelSchema = z.object({
  stap: z.string(),
  omschrijving: z.string(),
  status: z.enum(['open', 'gedaan', 'overgeslagen', 'nvt']),
  wie: z.string(),
  regel: z.string(),
});

export const terugplaatsingProces = procesDefinitie({
  type: 'terugplaatsing',
  prefix: 'tp',
  workflow: terugplaatsing,
  statusQuery: terugplaatsingStatusQuery,
  viewUpdate: terugplaatsingViewUpdate,
  statussen: terugplaatsingStatussen,
  // The S(B)O school and, once found, the receiving school (the workflow decides which step is whose).
  rollen: ['coordinator', 'school'],
  inzage: {
    // The receiving school reads the case once it was found (need to know), but not which other
    // schools were approached, what the parents allowed for them, or why an earlier school declined.
    voorBetrokkenSchool: (view: TerugplaatsingView, brins: readonly string[]) => {
      const eigen = (s?: string | number | boolean) => typeof s === 'string' && brins.includes(s);
      return {
        ...view,
        toestemmingen: view.toestemmingen.filter((t) => brins.includes(t.school.brin)),
        eerdereRondes: [],
        checklist: view.checklist.map((r) =>
          r.scholen ? { ...r, scholen: r.scholen.filter((x) => brins.includes(x.brin)) } : r,
        ),
        tijdlijn: view.tijdlijn.filter((i) => i.gegevens?.school === undefined || eigen(i.gegevens.school)),
      };
    },
  },
  acties: {
    stap: {
      omschrijving:
        "Een deelstap van het stappenplan vastleggen ({ stap: '1.2' … '4.2', … }); optionele stappen (1.4, 1.5, 1.6, 2.5) kunnen worden overgeslagen met een reden",
      schema: stapSchema,
      update: stapUpdate,
    },
    toestemming: {
      omschrijving:
        'De toestemming van de ouders vastleggen om het groeidocument/OPP met één school te delen (wie, waarvoor, welke school, wanneer, schriftelijk of niet), of het intrekken ervan',
      schema: toestemmingSchema,
      update: toestemmingUpdate,
    },
    stoppen: {
      omschrijving: 'De terugplaatsing stoppen met de reden (de leerling blijft op de S(B)O-school)',
      schema: stoppenSchema,
      update: stoppenUpdate,
    },
  },
  start: {
    omschrijving:
      'Start een terugplaatsing: de S(B)O-school signaleert dat een leerling terug kan naar het regulier onderwijs (stappenplan terugplaatsing, stap 1.1)',
    tags: ['zaken'],
    rollen: ['coordinator', 'school'],
    schema: terugplaatsingStartSchema,
    status: 'signalering',
    controleer: (body, actor) => {
      if (body.coordinatorEmail && actor.rol !== 'coordinator')
        throw problems.forbidden('Alleen de coördinator stelt het e-mailadres van de coördinator in.');
      const vandaag = toIsoDate(Date.now());
      if (body.gesignaleerdOp && (body.gesignaleerdOp > vandaag || body.gesignaleerdOp < addDays(vandaag, -366))) {
        throw new Problem(
          400,
          'Ongeldige invoer',
          'De signaleringsdatum ligt in de toekomst of meer dan een jaar terug.',
          [{ name: 'gesignaleerdOp', reason: `verwacht een datum tussen ${addDays(vandaag, -366)} en ${vandaag}` }],
        );
      }
    },
    vanaf: (body) => body.gesignaleerdOp ?? toIsoDate(Date.now()),
    invoer: (body, ctx): TerugplaatsingInput => ({
      leerling: { naam: body.leerling.naam },
      school: {
        brin: body.school.brin,
        naam: body.school.naam,
        email: body.school.email,
        ...(body.school.regio ? { regio: body.school.regio } : {}),
      },
      ouders: body.ouders.map((o) => ({ email: o.email })),
      beleid: ctx.beleid,
      kalender: ctx.kalender,
      signaal: body.signaal,
      ...(body.gesignaleerdOp ? { gesignaleerdOp: body.gesignaleerdOp } : {}),
      coordinatorEmail: body.coordinatorEmail ?? ctx.coordinatorEmail,
      gestartDoor: ctx.door,
    }),
    school: (body) => body.school,
    beleid: (body) => body.beleid,
    antwoord: (view: TerugplaatsingView) => ({
      id: view.id,
      type: 'terugplaatsing',
      status: view.status,
      checklist: view.checklist,
      volgendeStap: view.volgendeStap,
      deadlines: view.deadlines,
    }),
    antwoordSchema: z.object({
      id: z.string(),
      type: z.literal('terugplaatsing'),
      status: z.enum(terugplaatsingStatussen),
      checklist: z.array(checklistRegelSchema),
      volgendeStap: z.object({ stap: z.string(), omschrijving: z.string(), wie: z.string() }).nullable(),
      deadlines: z.array(deadlineSchema),
    }),
  },
  gesloten: terugplaatsingGesloten,
});
