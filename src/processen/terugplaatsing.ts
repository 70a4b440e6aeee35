/**
 * P4 Terugplaatsing stappenplan (seed 001 Bijlage L2039–2146), or VO Groningen's phases VSO → VO
 * (seed 004 L347–355): the process as the API and the registry see it.
 */
import { z } from 'zod';
import { addDays, toIsoDate } from '../domain';
import { Problem, problems } from '../api/problem';
import { deadlineSchema } from '../api/zaken';
import {
  faseSchema,
  stapSchema,
  stoppenSchema,
  terugplaatsingStartSchema,
  terugplaatsingStatussen,
  toestemmingSchema,
  type TerugplaatsingInput,
  type TerugplaatsingView,
} from '../shared/terugplaatsing';
import {
  faseUpdate,
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

/** The timeline entries of a round (after the school was found): a round before the current one was another school's. */
const RONDE = /^(stap:(2\.[3-6]|3\.\d)|overgeslagen:2\.5|plaatsingstafel:|fase:F[2-4])/;
/** The S(B)O school's own signalling (stap 1; the VSO's OPP evaluation, F1): the fact is shared, its notes are not. */
const SIGNALEREN = /^((stap|overgeslagen):1\.|fase:F1$)/;

/**
 * What the receiving school reads once it takes part (need to know): the case without the other
 * schools that were approached, the parents' consents for them, earlier rounds with another school,
 * and the S(B)O school's own notes from the signalling (stap 1).
 */
function alleenEigenDeel(view: TerugplaatsingView, brins: readonly string[]): TerugplaatsingView {
  const eigen = (s: unknown) => typeof s === 'string' && brins.includes(s);
  const eerder = (op: string) => !!view.rondeSinds && op <= view.rondeSinds;
  return {
    ...view,
    toestemmingen: view.toestemmingen.filter((t) => brins.includes(t.school.brin)),
    eerdereRondes: [],
    checklist: view.checklist.map((r) => {
      if (r.stap < '2' || r.stap === 'F1') {
        const { reden: _r, ...feit } = r;
        return feit;
      }
      if (!r.scholen) return r;
      const scholen = r.scholen.filter((x) => brins.includes(x.brin));
      // Who did it last may concern another school: only its own.
      const laatste = scholen[scholen.length - 1];
      const { door: _d, op: _o, ...rest } = r;
      return { ...rest, scholen, ...(laatste ? { op: laatste.op } : {}) };
    }),
    tijdlijn: view.tijdlijn.flatMap((i) => {
      if (i.gegevens?.school !== undefined && !eigen(i.gegevens.school)) return [];
      if (RONDE.test(i.soort) && eerder(i.op)) return [];
      if (SIGNALEREN.test(i.soort)) {
        const { reden: _r, gegevens: _g, ...feit } = i;
        return [feit];
      }
      return [i];
    }),
  };
}

export const terugplaatsingProces = procesDefinitie({
  type: 'terugplaatsing',
  prefix: 'tp',
  workflow: terugplaatsing,
  statusQuery: terugplaatsingStatusQuery,
  viewUpdate: terugplaatsingViewUpdate,
  statussen: terugplaatsingStatussen,
  // The S(B)O school and, once found, the receiving school (the workflow decides which step is whose).
  rollen: ['coordinator', 'school'],
  inzage: { voorBetrokkenSchool: alleenEigenDeel },
  acties: {
    stap: {
      omschrijving:
        "Een stap van het stappenplan vastleggen ({ stap: '1.2' … '4.2', … }); optionele stappen (1.4, 1.5, 1.6, 2.5) kunnen worden overgeslagen met een reden",
      schema: stapSchema,
      update: stapUpdate,
      hoortBij: (view: TerugplaatsingView) => view.variant !== 'vso-vo',
    },
    fase: {
      omschrijving:
        "Een fase VSO → VO vastleggen (VO Groningen Stad: { fase: 'F1' … 'F6', … }); in F4 besluit de vo-school, negatief opent F2 weer",
      schema: faseSchema,
      update: faseUpdate,
      hoortBij: (view: TerugplaatsingView) => view.variant === 'vso-vo',
    },
    toestemming: {
      omschrijving:
        'De toestemming van de ouders vastleggen om het groeidocument/OPP met één school te delen (wie, waarvoor, welke school, wanneer, schriftelijk of niet), of het intrekken ervan',
      schema: toestemmingSchema,
      update: toestemmingUpdate,
    },
    stoppen: {
      omschrijving:
        'De terugplaatsing stoppen met de reden: de leerling blijft op de S(B)O-school, of zit zonder plek thuis (leerlingThuis, door de coördinator: er opent een thuiszitterszaak)',
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
