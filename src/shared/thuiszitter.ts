/**
 * P5 Thuiszitters (domain README P5; issue 16): a child without a school place, or away from school
 * for more than four weeks for whatever reason but illness or vrijstelling (seed 001 L1777), is a
 * case with a plan van aanpak and a target date. The API's schemas and the types the workflow shares
 * (it imports only the types).
 */
import { z } from 'zod';
import { isoDateSchema, regioSchema, type Duurband, type IsoDate, type Policy, type SchoolRooster } from '../domain';
import {
  brinSchema,
  emailSchema,
  redenSchema,
  roosterSchema,
  startDelen,
  type ActorRef,
  type DeadlineView,
  type HerinneringView,
  type Stap,
  type TijdlijnItem,
  tekstSchema,
} from './zaak';
import { partijen, redenGroepen, type Partij, type RedenGroep, type ThuiszitterStatus } from './thuiszitterKeuzes';

export {
  partijen,
  redenGroepen,
  thuiszitterStatussen,
  type Partij,
  type RedenGroep,
  type ThuiszitterStatus,
} from './thuiszitterKeuzes';

export const thuiszitterStartSchema = z.object({
  leerling: z.object({ naam: startDelen.leerlingNaam }),
  /** Where the pupil is enrolled, if anywhere: without it, absoluut verzuim. */
  school: z
    .object({
      brin: brinSchema,
      naam: z.string().trim().min(1, { error: 'naam van de school ontbreekt' }).max(200),
      email: emailSchema.optional(),
      /** The school's board: a policy may report thuiszitters to it at once (Almere, seed 002 L589). */
      bestuurEmail: emailSchema.describe('E-mailadres van het bestuur van de school').optional(),
      regio: regioSchema.optional(),
      rooster: roosterSchema.optional(),
    })
    .optional(),
  ouders: startDelen.ouders,
  beleid: startDelen.beleid,
  /** The first day at home. */
  sinds: isoDateSchema,
  /** Why, in a sentence (no diagnoses: the reports count the group only). */
  reden: redenSchema,
  redenGroep: z.enum(redenGroepen, { error: `redenGroep is een van: ${redenGroepen.join(', ')}` }).default('overig'),
});
export type ThuiszitterStart = z.infer<typeof thuiszitterStartSchema>;

/** The reason changes (an ill child turns out to stay home for other reasons, or falls ill): from a date. */
export const afwezigheidSchema = z.object({
  redenGroep: z.enum(redenGroepen, { error: `redenGroep is een van: ${redenGroepen.join(', ')}` }),
  reden: redenSchema,
  vanaf: isoDateSchema,
});

/** An agreement of the plan van aanpak: who does what, by when. */
export const afspraakSchema = z.object({
  wie: z.enum(partijen, { error: `wie is een van: ${partijen.join(', ')}` }),
  wat: tekstSchema('wat er wordt gedaan', 3, 500),
  uiterlijk: isoDateSchema,
});

export const afspraakGedaanSchema = z.object({
  /** The agreement's number in the plan (1, 2, …). */
  nummer: z.number({ error: 'nummer: het nummer van de afspraak' }).int().min(1),
  reden: redenSchema,
});

/** A vrijstelling: only with the SWV involved (seed 003 L399), for a fixed period (seed 001 L1799). */
export const vrijstellingSchema = z.object({
  van: isoDateSchema,
  tot: isoDateSchema,
  swvBetrokken: z.literal(true, {
    error:
      'swvBetrokken: true — een vrijstelling wordt alleen vastgelegd als het samenwerkingsverband erbij betrokken is',
  }),
  reden: redenSchema,
});

/** The end: back to school (fully or partly, which school) or an offer of education or care elsewhere. */
export const afsluitenSchema = z.object({
  uitkomst: z.enum(['terug-volledig', 'terug-gedeeltelijk', 'aanbod-elders'], {
    error: "uitkomst is 'terug-volledig', 'terug-gedeeltelijk' of 'aanbod-elders'",
  }),
  /** The first day back (or of the offer elsewhere). */
  datum: isoDateSchema,
  school: z.object({ brin: brinSchema.optional(), naam: z.string().trim().min(1).max(200) }).optional(),
  reden: redenSchema,
});

export type Afwezigheid = z.infer<typeof afwezigheidSchema> & Stap;
export type Afspraak = z.infer<typeof afspraakSchema> & Stap;
export type AfspraakGedaan = z.infer<typeof afspraakGedaanSchema> & Stap;
export type Vrijstelling = z.infer<typeof vrijstellingSchema> & Stap;
export type Afsluiten = z.infer<typeof afsluitenSchema> & Stap;

/** A case opened automatically is not a thuiszitter after all (enrolled elsewhere, back already): closed with the reason. */
export const afwijzenSchema = z.object({ reden: redenSchema });
export type Afwijzen = z.infer<typeof afwijzenSchema> & Stap;

/**
 * The pupil has no place and is at home (issue 16 item 2): recorded on the case that knows it (an
 * impasse, a terugplaatsing that stops), it opens a thuiszitter case. `ingeschrevenOp`: the school
 * where the pupil is still enrolled, if any; said, never assumed.
 */
export const leerlingThuisSchema = z
  .object({
    sinds: isoDateSchema,
    reden: redenSchema,
    ingeschrevenOp: z
      .object({
        brin: brinSchema,
        naam: z.string().trim().min(1).max(200),
        email: emailSchema.optional(),
        /** The school's board: a policy may report thuiszitters to it at once (Almere, seed 002 L589). */
        bestuurEmail: emailSchema.describe('E-mailadres van het bestuur van de school').optional(),
      })
      .optional(),
    /** Said explicitly: the pupil is enrolled nowhere (absoluut verzuim, a thuiszitter at once). */
    nergensIngeschreven: z.literal(true).optional(),
  })
  .refine((b) => !!b.ingeschrevenOp !== !!b.nergensIngeschreven, {
    error:
      'noem de school waar de leerling staat ingeschreven (ingeschrevenOp), of zeg dat hij nergens staat ingeschreven (nergensIngeschreven: true)',
    path: ['ingeschrevenOp'],
  });
/** That the pupil is at home, where (if anywhere) enrolled, and since when. */
export type Thuis = z.infer<typeof leerlingThuisSchema>;
export type LeerlingThuis = Thuis & Stap;

/** Which case and rule opened a thuiszitter case automatically. */
export interface Aanleiding {
  zaakId: string;
  regel: string;
}

export interface ThuiszitterInput {
  leerling: { naam: string };
  school?: { brin: string; naam: string; email?: string; bestuurEmail?: string; regio?: z.infer<typeof regioSchema> };
  ouders: { email: string }[];
  beleid: Policy;
  kalender: SchoolRooster;
  sinds: IsoDate;
  reden: string;
  redenGroep: RedenGroep;
  /** The case's coordinator; without it, the SWV's mailbox (COORDINATOR_EMAIL). */
  coordinatorEmail?: string;
  gestartDoor: ActorRef;
  /** Opened automatically: the case and the rule that caused it (a coordinator may dismiss it). */
  aanleiding?: Aanleiding;
}

/** One case as the report counts it (the `rapport` query): codes and dates only, no names. */
export interface ThuiszitterRapportRegel {
  zaakId: string;
  beleid: string;
  sinds: IsoDate;
  /** The first day of the absence that counts (absent: an enrolled child ill all along). */
  telVanaf?: IsoDate;
  thuiszitterSinds?: IsoDate;
  /** The target as it stands (moved on by vrijstellingen). */
  streefdatum?: IsoDate;
  verzuim: 'absoluut' | 'relatief';
  redenGroep: RedenGroep;
  status: ThuiszitterStatus;
  vrijstellingen: { van: IsoDate; tot: IsoDate }[];
  uitkomst?: NonNullable<ThuiszitterView['uitkomst']>['uitkomst'];
  /** The first day back, or of the offer elsewhere. */
  einddatum?: IsoDate;
}

export interface AfspraakView {
  nummer: number;
  wie: Partij;
  wat: string;
  uiterlijk: IsoDate;
  door: ActorRef;
  op: string;
  gedaan?: { door: ActorRef; op: string; reden: string };
  /** Its day passed without it being done. */
  teLaat?: boolean;
}

export interface ThuiszitterView {
  id: string;
  type: 'thuiszitter';
  status: ThuiszitterStatus;
  open: boolean;
  beleid: string;
  beleidsversie?: string;
  leerling: { naam: string };
  /** Where the pupil is enrolled; absent: enrolled nowhere. */
  school?: { brin: string; naam: string };
  /** 'absoluut': enrolled nowhere; 'relatief': enrolled, away. */
  verzuim: 'absoluut' | 'relatief';
  sinds: IsoDate;
  redenGroep: RedenGroep;
  /** Counts as a thuiszitter from this day (absent: not yet, or ill). */
  thuiszitterSinds?: IsoDate;
  streefdatum: { datum: IsoDate; regel: string };
  afspraken: AfspraakView[];
  vrijstellingen: { van: IsoDate; tot: IsoDate; reden: string; door: ActorRef; op: string }[];
  deadlines: DeadlineView[];
  volgendeHerinnering: HerinneringView | null;
  uitkomst?: {
    uitkomst: 'terug-volledig' | 'terug-gedeeltelijk' | 'aanbod-elders';
    datum: IsoDate;
    school?: { brin?: string; naam: string };
    reden: string;
    door: ActorRef;
    op: string;
    /** How long the child was at home: calendar days, of which under a vrijstelling. */
    dagenThuis: number;
    dagenVrijgesteld: number;
    duurband: Duurband;
  };
  /** Opened automatically: which case and rule caused it. */
  aanleiding?: Aanleiding;
  /** Dismissed by a coordinator: not a thuiszitter after all. */
  afgewezen?: { reden: string; door: ActorRef; op: string };
  /** The impasse that opened it placed the pupil (the case closes with the first school day). */
  plaatsing?: { zaakId: string; school: { brin?: string; naam: string }; niveau: string; op: string };
  tijdlijn: TijdlijnItem[];
}
