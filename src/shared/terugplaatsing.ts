/**
 * P4 Terugplaatsing: from S(B)O back to a regular school (or SO → SBO), step by step, with the
 * parents' consent before the groeidocument/OPP is shared and the evaluation within six weeks of the
 * start (domain README P4; seed 001 Bijlage "Stappenplan Terugplaatsing", L2039–2146; policy L2016–2036).
 * The API's schemas and the types the workflow shares (it imports only the types).
 */
import { z } from 'zod';
import { isoDateSchema, regioSchema, type IsoDate, type Policy, type Regio, type SchoolRooster } from '../domain';
import {
  brinSchema,
  emailSchema,
  redenSchema,
  startDelen,
  type ActorRef,
  type DeadlineView,
  type HerinneringView,
  type Stap,
  type TijdlijnItem,
  tekstSchema,
} from './zaak';
import {
  evaluatiePartijen,
  fasen,
  stapBeschrijving,
  stappen,
  type EvaluatiePartij,
  type FaseCode,
  type StapCode,
  type Stapnummer,
  type Wie,
} from './terugplaatsingStappen';
import { leerlingThuisSchema } from './thuiszitter';

export {
  evaluatiePartijen,
  fasen,
  stapBeschrijving,
  stappen,
  type EvaluatiePartij,
  type FaseCode,
  type StapCode,
  type Stapnummer,
  type Wie,
};

/** A possible receiving school: by BRIN, so its consent, its contact and its own access are one school's. */
export const kandidaatSchoolSchema = z.object({
  brin: brinSchema,
  naam: z.string().trim().min(1, { error: 'naam van de school ontbreekt' }).max(200),
  email: emailSchema.optional(),
});
export type KandidaatSchool = z.infer<typeof kandidaatSchoolSchema>;

/** Skipping an optional sub-step: recorded with the reason (the checklist shows it). */
const overslaan = <S extends StapCode>(stap: S) =>
  z.object({ stap: z.literal(stap), overgeslagen: z.literal(true), reden: redenSchema });
const doen = <S extends StapCode, T extends z.ZodRawShape>(stap: S, velden: T) =>
  z.object({ stap: z.literal(stap), overgeslagen: z.literal(false).optional(), ...velden });
/** An optional sub-step: done with its fields, or skipped with a reason. */
const optioneel = <S extends StapCode, T extends z.ZodRawShape>(stap: S, velden: T) =>
  z.discriminatedUnion('overgeslagen', [doen(stap, velden), overslaan(stap)]);

const datum = isoDateSchema;

/**
 * One sub-step, by its number in the stappenplan (`stap`), with what that step records. 1.1 is the
 * start; 4.3 follows from the evaluation (4.2).
 */
export const stapSchema = z.discriminatedUnion(
  'stap',
  [
    // L2060–2061: is a traject wenselijk? No: the case ends.
    doen('1.2', { wenselijk: z.boolean({ error: 'wenselijk: true of false' }), toelichting: redenSchema }),
    // L2063–2064 and L2018–2019: the first talk; the parents agree that a school is sought, or not.
    doen('1.3', {
      datum,
      overeenstemming: z.boolean({
        error: 'overeenstemming: stemmen de ouders in met het zoeken naar een school (true/false)',
      }),
      verslag: redenSchema,
    }),
    optioneel('1.4', { datum, toelichting: redenSchema.optional() }),
    optioneel('1.5', {
      datum,
      wenselijk: z.boolean({ error: 'wenselijk: bepaalde de HIA dat terugplaatsing wenselijk is (true/false)' }),
      verslag: redenSchema,
    }),
    optioneel('1.6', { wensen: tekstSchema('wensen van de leerling') }),
    doen('2.1', { school: kandidaatSchoolSchema, toelichting: redenSchema.optional() }),
    doen('2.2', { school: kandidaatSchoolSchema, datum: datum.optional() }),
    doen('2.3', { school: kandidaatSchoolSchema, toelichting: redenSchema.optional() }),
    doen('2.4', {
      metHulpOA: z.literal(true, {
        error: 'metHulpOA: true — een plaatsingstafel volgt pas als ook de ondersteuningsadviseur geen school vond',
      }),
      reden: redenSchema,
      /** The region where the pupil lives (L2088–2089); default: the S(B)O school's. */
      regio: regioSchema.optional(),
    }),
    optioneel('2.5', { datum, verslag: redenSchema }),
    doen('2.6', { datum }),
    doen('3.1', {
      datum,
      deelnemers: z
        .array(tekstSchema('deelnemer', 2, 200))
        .min(2, { error: 'noem wie aan het gesprek deelnamen' })
        .max(12),
      succescriteria: tekstSchema('a) wanneer is de terugplaatsing succesvol'),
      extraOndersteuning: tekstSchema('b) afspraken over extra ondersteuning'),
      symbiose: z.boolean({ error: 'symbiose: start de leerling met een symbioseregeling (true/false)' }),
      /** L2110–2111: with a symbiose a Symbioseovereenkomst is drawn up (its reference, not the document). */
      symbioseovereenkomst: tekstSchema('kenmerk van de symbioseovereenkomst', 2, 200).optional(),
      voorbereidingLeerling: tekstSchema('d) voorbereiding van de leerling'),
      voorbereidingKlas: tekstSchema('e) voorbereiding van de klas'),
    }).refine((s) => !s.symbiose || !!s.symbioseovereenkomst, {
      error: 'bij een symbioseregeling hoort een symbioseovereenkomst (stappenplan terugplaatsing, stap 3.1 c)',
      path: ['symbioseovereenkomst'],
    }),
    doen('3.2', {
      doelen: tekstSchema('doelen'),
      afspraken: tekstSchema('afspraken'),
      evaluatiemomenten: tekstSchema('evaluatiemomenten'),
      tijdspad: tekstSchema('tijdspad'),
      extraOndersteuning: tekstSchema('extra ondersteuning'),
      /** Where the receiving school documented it (L2117–2119: leerlingadministratie or groeidocument). */
      vastgelegdIn: tekstSchema('waar het plan is vastgelegd', 2, 200),
    }),
    doen('3.3', {
      besluit: z.enum(['positief', 'negatief'], { error: "besluit is 'positief' of 'negatief'" }),
      reden: redenSchema,
    }),
    doen('4.1', { startdatum: datum }),
    doen('4.2', {
      datum,
      deelnemers: z.array(
        z.enum(evaluatiePartijen, { error: `deelnemer is een van: ${evaluatiePartijen.join(', ')}` }),
      ),
      /** Each party's view: continue or stop. The receiving school's is required: it decides when views differ. */
      standpunten: z
        .object({
          'ontvangende-school': z.enum(['doorgaan', 'stoppen'], {
            error: "standpunt van de ontvangende school: 'doorgaan' of 'stoppen'",
          }),
          ouders: z.enum(['doorgaan', 'stoppen']).optional(),
          ondersteuningsadviseur: z.enum(['doorgaan', 'stoppen']).optional(),
          'verwijzende-school': z.enum(['doorgaan', 'stoppen']).optional(),
        })
        .strict(),
      verslag: redenSchema,
    }),
  ],
  {
    error: `stap is een van: ${stappen.filter((s) => s !== '1.1' && s !== '4.3').join(', ')} (1.1 is de start; 4.3 volgt uit de evaluatie 4.2)`,
  },
);
export type StapInvoer = z.infer<typeof stapSchema>;
export type TerugplaatsingStap = StapInvoer & Stap;

const besluit = z.enum(['positief', 'negatief'], { error: "besluit is 'positief' of 'negatief'" });

/**
 * One phase VSO → regular VO (VO Groningen Stad, seed 004 §3.2, L347–355), with what it records. The
 * phases of a case whose policy has the 'vso-vo' variant; the stappenplan's `stap` is not theirs.
 */
export const faseSchema = z.discriminatedUnion(
  'fase',
  [
    // L347: the VSO evaluates the OPP: is the exit destination still in reach, is a switch to regular VO promising?
    z.object({
      fase: z.literal('F1'),
      datum,
      kansrijk: z.boolean({ error: 'kansrijk: is schakeling naar het regulier vo kansrijk (true/false)' }),
      verslag: redenSchema,
    }),
    // L349: with the parents (and the pupil) a school of first preference, and the VSO's vooroverleg with it.
    // The VO school's address: it is reminded of the evaluation and told the outcome.
    z.object({
      fase: z.literal('F2'),
      datum,
      school: kandidaatSchoolSchema.extend({ email: emailSchema }),
      verslag: redenSchema,
    }),
    // L349: the skills expected of the pupil and the care and support regular VO needs.
    z.object({
      fase: z.literal('F3'),
      datum,
      deelnemers: z
        .array(tekstSchema('deelnemer', 2, 200))
        .min(2, { error: 'noem wie aan het overleg deelnamen' })
        .max(12),
      vaardigheden: tekstSchema('vaardigheden die van de leerling worden verwacht'),
      ondersteuning: tekstSchema('zorg en ondersteuning in het regulier vo'),
    }),
    // L351: the VO school decides on its intention, possibly after further research.
    z.object({
      fase: z.literal('F4'),
      besluit,
      naderOnderzoek: z.boolean().default(false),
      reden: redenSchema,
    }),
    // L351–353: the hand-over: start date, the support (OPP) and the VSO's aftercare.
    z.object({
      fase: z.literal('F5'),
      startdatum: datum,
      ondersteuning: tekstSchema('het ondersteuningsaanbod (OPP)'),
      nazorg: tekstSchema('de nazorg vanuit het vso'),
    }),
    // L353: regular VO evaluates the OPP again: does the switch hold?
    z.object({
      fase: z.literal('F6'),
      datum,
      deelnemers: z
        .array(z.enum(evaluatiePartijen, { error: `deelnemer is een van: ${evaluatiePartijen.join(', ')}` }))
        .min(1, { error: 'noem wie aan de evaluatie deelnamen' }),
      besluit: z.enum(['doorgaan', 'stoppen'], { error: "besluit is 'doorgaan' of 'stoppen'" }),
      verslag: redenSchema,
    }),
  ],
  { error: `fase is een van: ${fasen.join(', ')}` },
);
export type FaseInvoer = z.infer<typeof faseSchema>;
export type TerugplaatsingFase = FaseInvoer & Stap;

/**
 * The parents' consent to share the groeidocument/OPP with one school (L2082–2083; domain README
 * Privacy: who, for what, to whom, written or not, when). `ingetrokken`: withdrawn from then on.
 */
export const toestemmingSchema = z.object({
  school: kandidaatSchoolSchema,
  voor: z.enum(['groeidocument-opp'], { error: "voor: 'groeidocument-opp'" }).default('groeidocument-opp'),
  /** Which parent (or both): a name as the school knows it. */
  gegevenDoor: tekstSchema('wie gaf de toestemming', 2, 200),
  datum,
  schriftelijk: z.boolean({ error: 'schriftelijk: true of false' }),
  ingetrokken: z.boolean().default(false),
});
export type ToestemmingInvoer = z.infer<typeof toestemmingSchema>;
export type Toestemming = ToestemmingInvoer & Stap;

/** The traject stops (the parents withdraw, the S(B)O keeps the pupil): the case ends with the reason. */
export const stoppenSchema = z.object({
  reden: redenSchema,
  /**
   * It stops without a place: the pupil cannot stay at the S(B)O school and is at home. A thuiszitter
   * case opens, naming this case (issue 16 item 2).
   */
  leerlingThuis: leerlingThuisSchema.optional(),
});
export type Stoppen = z.infer<typeof stoppenSchema> & Stap;

export const terugplaatsingStartSchema = z.object({
  leerling: z.object({ naam: startDelen.leerlingNaam }),
  /** The S(B)O school the pupil is at: the referring school. */
  school: startDelen.school,
  ouders: startDelen.ouders,
  beleid: startDelen.beleid,
  /** Stap 1.1: what was signalled (e.g. goals reached at an OPP bespreking). */
  signaal: redenSchema,
  /** The day it was signalled, if earlier than today. */
  gesignaleerdOp: isoDateSchema.optional(),
  coordinatorEmail: emailSchema.optional(),
});
export type TerugplaatsingStart = z.infer<typeof terugplaatsingStartSchema>;

export interface TerugplaatsingInput {
  leerling: { naam: string };
  school: { brin: string; naam: string; email: string; regio?: Regio };
  ouders: { email: string }[];
  beleid: Policy;
  kalender: SchoolRooster;
  signaal: string;
  gesignaleerdOp?: IsoDate;
  coordinatorEmail: string;
  gestartDoor: ActorRef;
  /** The TLV case it came from (its evaluation concluded terugplaatsing): it hears the outcome. */
  tlvZaak?: string;
}

export const terugplaatsingStatussen = [
  'signalering',
  'verkenning',
  'plaatsingstafel',
  'besluitvorming',
  'gestart',
  'teruggeplaatst',
  'gestopt',
  'niet-wenselijk',
] as const;
export type TerugplaatsingStatus = (typeof terugplaatsingStatussen)[number];

/** One line of the checklist: every sub-step, what became of it, by whom and when. */
export interface ChecklistRegel {
  stap: Stapnummer;
  omschrijving: string;
  status: 'open' | 'gedaan' | 'overgeslagen' | 'nvt';
  wie: Wie;
  regel: string;
  /** The seed leaves it to the school ("desgewenst", "waar mogelijk", "sterk aangeraden"): it may stay open or be skipped. */
  optioneel?: boolean;
  door?: ActorRef;
  op?: string;
  reden?: string;
  /** Per-school steps (2.1, 2.2): the schools it was done for. */
  scholen?: { brin: string; naam: string; op: string }[];
}

export interface TerugplaatsingUitkomst {
  uitkomst: 'teruggeplaatst' | 'gestopt' | 'niet-wenselijk';
  reden: string;
  door: ActorRef;
  op: string;
  school?: { brin?: string; naam: string };
}

export interface TerugplaatsingView {
  id: string;
  type: 'terugplaatsing';
  status: TerugplaatsingStatus;
  open: boolean;
  beleid: string;
  /** The version of the policy the case follows (absent in cases from before versions). */
  beleidsversie?: string;
  /** The stappenplan (absent: before issue 15), or VO Groningen's phases VSO → VO. */
  variant?: 'stappenplan' | 'vso-vo';
  /** The S(B)O school: the case is its own. */
  school: { brin: string; naam: string };
  leerling: { naam: string };
  /** The school the pupil goes to, once found (2.3, or placed by the plaatsingstafel). */
  ontvangendeSchool: { brin?: string; naam: string } | null;
  /** Schools that take part besides the S(B)O school (the receiving school): they read and act. */
  betrokkenScholen: string[];
  checklist: ChecklistRegel[];
  volgendeStap: { stap: Stapnummer; omschrijving: string; wie: Wie } | null;
  toestemmingen: (ToestemmingInvoer & { door: ActorRef; op: string })[];
  symbiose: boolean;
  startdatum?: IsoDate;
  deadlines: DeadlineView[];
  volgendeHerinnering: HerinneringView | null;
  /** A step of Stap 1–3 without progress past the policy's service level: shown to the coordinator. */
  vastgelopen: { sinds: string; stap: Stapnummer } | null;
  /** Earlier attempts that ended in a negative decision (stap 3): the school and why. */
  eerdereRondes: { school: { brin?: string; naam: string }; reden: string; op: string }[];
  /** When the current round began (the last negative decision). */
  rondeSinds?: string;
  plaatsingstafel?: { zaakId: string; status: 'loopt' | 'geplaatst' | 'gestopt' };
  /** Stopped without a place: the thuiszitter case it opened (issue 16 item 2). */
  thuiszitter?: { zaakId: string };
  evaluatie?: {
    datum: IsoDate;
    deelnemers: EvaluatiePartij[];
    standpunten: Partial<Record<EvaluatiePartij, 'doorgaan' | 'stoppen'>>;
    besluit: 'doorgaan' | 'stoppen';
    /** Views differed: the receiving school's stood (L2136–2137). */
    ontvangendeSchoolLeidend: boolean;
  };
  tlvZaak?: string;
  uitkomst?: TerugplaatsingUitkomst;
  tijdlijn: TijdlijnItem[];
}

/** Counted per case for the yearly evaluation (Stap 5): codes and dates only. */
export interface TerugplaatsingRapportRegel {
  zaakId: string;
  beleid: string;
  gestart: IsoDate;
  status: TerugplaatsingStatus;
  /** The furthest sub-step (or phase) done, in any round (a phase case before F1: none). */
  verstePunt?: Stapnummer;
  /** The stappenplan or the phases VSO → VO: the yearly report counts each along its own line. */
  variant?: 'stappenplan' | 'vso-vo';
  uitkomst?: TerugplaatsingUitkomst['uitkomst'];
  geeindigd?: IsoDate;
  plaatsingstafel: boolean;
  symbiose: boolean;
  evaluatieOpTijd?: boolean;
}
