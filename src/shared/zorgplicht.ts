import { z } from 'zod';
import { isoDateSchema, type IsoDate, type Policy, type Regio, type SchoolRooster } from '../domain';
import {
  emailSchema,
  redenSchema,
  schoolRefSchema,
  startDelen,
  type ActorRef,
  type Stap,
  type DeadlineView,
  type HerinneringView,
  type SchoolRef,
  type TijdlijnItem,
} from './zaak';
import { aanvullenSchema, type Aanvulling } from './tlv';
import { gronden, tlvSoorten, uitkomsten, type Uitkomst } from './zorgplichtUitkomsten';

export { uitkomsten, type Uitkomst };

export const openStatussen = [
  'in-onderzoek',
  'verlengd',
  'termijn-overschreden',
  'tijdelijk-geplaatst',
  'impasse',
] as const;
export const zorgplichtStatussen = [...openStatussen, ...uitkomsten] as const;
export type ZorgplichtStatus = (typeof zorgplichtStatussen)[number];

export const zorgplichtStartSchema = z.object({
  leerling: z.object({
    naam: startDelen.leerlingNaam,
    geboortedatum: isoDateSchema.optional(),
  }),
  school: startDelen.school,
  ouders: startDelen.ouders,
  beleid: startDelen.beleid,
  aanmelddatum: isoDateSchema,
  /** When the pupil is already enrolled elsewhere, the 10-week temporary placement does not apply. */
  ingeschrevenElders: schoolRefSchema.optional(),
  coordinatorEmail: emailSchema.optional(),
});
export type ZorgplichtStart = z.infer<typeof zorgplichtStartSchema>;

/**
 * What the workflow is started with: only what it uses (names for the letters, addresses, dates),
 * the policy snapshot and the calendar copy, and who started it. Not the birth date, not the school's
 * own rooster (it is in the calendar).
 */
export interface ZorgplichtInput {
  leerling: { naam: string };
  school: { brin: string; naam: string; email: string; regio?: Regio };
  ouders: { email: string }[];
  aanmelddatum: IsoDate;
  ingeschrevenElders?: SchoolRef;
  /**
   * From when the child is leerplichtig (derived from the birth date, which stays out of the case):
   * a case closed without a school before it opens no thuiszitter case.
   */
  leerplichtigVanaf?: IsoDate;
  /** The school holidays this case counts with, fixed at its start (see regionaalRooster). */
  kalender: SchoolRooster;
  beleid: Policy;
  coordinatorEmail: string;
  gestartDoor: ActorRef;
}

/**
 * The bevoegd gezag of the school decides (WPO art. 40): a coordinator who extends or decides for the
 * school records on whose mandate.
 */
export const mandaatSchema = z
  .string()
  .trim()
  .min(3, { error: 'noem op wiens mandaat (minstens 3 tekens)' })
  .max(200, { error: 'mandaat is te lang (maximaal 200 tekens)' });
const mandaat = { mandaat: mandaatSchema.optional() };

export const verlengenSchema = z.object({
  weken: z.number({ error: 'weken: verwacht een getal' }).int({ error: 'weken: een geheel aantal' }).min(1).max(52),
  reden: redenSchema,
  ...mandaat,
});

/**
 * Closed without this school admitting (withdrawn, no zorgplicht): where the pupil stays enrolled, as
 * the parents say. Without it, and with no other enrolment recorded, the pupil has no school and a
 * thuiszitter case opens (issue 16 item 2).
 */
const ingeschrevenOp = schoolRefSchema.optional();

export const besluitenSchema = z.discriminatedUnion(
  'uitkomst',
  [
    z.object({ uitkomst: z.literal('toegelaten'), reden: redenSchema, ...mandaat }),
    z.object({
      uitkomst: z.literal('elders-toegelaten'),
      reden: redenSchema,
      ...mandaat,
      // WPO art. 40: refusal is only lawful once another school has agreed to admit the pupil.
      toelatendeSchool: schoolRefSchema,
    }),
    z.object({
      uitkomst: z.literal('tlv-aangevraagd'),
      reden: redenSchema,
      soort: z.enum(tlvSoorten).optional(),
      /**
       * The aanvraag itself, when the school has it ready (groep, HIA, interventietraject, consent,
       * documents): the TLV case starts complete. Without it the TLV case asks for it.
       */
      tlv: aanvullenSchema.optional(),
      ...mandaat,
    }),
    z.object({
      uitkomst: z.literal('geen-zorgplicht'),
      reden: redenSchema,
      ...mandaat,
      grond: z.enum(gronden, { error: "grond is 'vol', 'grondslag' of 'cluster-1-2'" }),
      ingeschrevenOp,
    }),
    z.object({ uitkomst: z.literal('ingetrokken'), reden: redenSchema, ingeschrevenOp }),
  ],
  { error: `uitkomst is een van: ${uitkomsten.join(', ')}` },
);

export const impasseMeldenSchema = z.object({ reden: redenSchema });
/**
 * The school asks the parents for information for its investigation (seed 001 L812); the parents must
 * cooperate (seed 000 L292). The legal term keeps running meanwhile.
 */
export const informatieVragenSchema = z.object({
  wat: z
    .string()
    .trim()
    .min(3, { error: 'noem welke informatie de school vraagt (minstens 3 tekens)' })
    .max(500, { error: 'wat is te lang (maximaal 500 tekens)' }),
  uiterlijk: isoDateSchema,
});
/** The parents' answer, or that they do not cooperate (the coordinator is told). */
export const informatieOntvangenSchema = z.object({
  medewerking: z.boolean({ error: 'medewerking: true (de ouders gaven de informatie) of false' }),
  reden: redenSchema,
});

/** A talk with the parents (seed 001 L813–814: a place elsewhere is found "in overleg met de ouders"). */
export const oudergesprekSchema = z.object({
  datum: isoDateSchema,
  wie: z
    .string()
    .trim()
    .min(3, { error: 'noem wie met de ouders sprak (minstens 3 tekens)' })
    .max(200, { error: 'wie is te lang (maximaal 200 tekens)' }),
  verslag: redenSchema,
});
export const eldersIngeschrevenSchema = z.object({ school: schoolRefSchema, reden: redenSchema.optional() });

export type Verlengen = z.infer<typeof verlengenSchema> & Stap;
type BesluitenBody = z.infer<typeof besluitenSchema>;
/** As the workflow gets it: a TLV aanvraag with the school year the pupil turns 14 instead of the birth date. */
export type Besluiten = (
  | Exclude<BesluitenBody, { uitkomst: 'tlv-aangevraagd' }>
  | (Omit<Extract<BesluitenBody, { uitkomst: 'tlv-aangevraagd' }>, 'tlv'> & { tlv?: Aanvulling })
) &
  Stap;
export type ImpasseMelden = z.infer<typeof impasseMeldenSchema> & Stap;
export type EldersIngeschreven = z.infer<typeof eldersIngeschrevenSchema> & Stap;
export type Oudergesprek = z.infer<typeof oudergesprekSchema> & Stap;
export type InformatieVragen = z.infer<typeof informatieVragenSchema> & Stap;
export type InformatieOntvangen = z.infer<typeof informatieOntvangenSchema> & Stap;

export interface ZorgplichtView {
  id: string;
  type: 'zorgplicht';
  status: ZorgplichtStatus;
  open: boolean;
  beleid: string;
  /** The version of the policy the case follows (absent in cases from before versions). */
  beleidsversie?: string;
  aanmelddatum: IsoDate;
  school: { brin: string; naam: string };
  leerling: { naam: string };
  deadlines: DeadlineView[];
  volgendeHerinnering: HerinneringView | null;
  termijnOverschreden: boolean;
  tijdelijkGeplaatst: boolean;
  verlenging?: { weken: number; reden: string; door: ActorRef; op: string; mandaat?: string };
  /** The school's requests for information to the parents, oldest first; the last may be open. */
  informatieverzoeken: {
    wat: string;
    uiterlijk: IsoDate;
    door: ActorRef;
    op: string;
    antwoord?: { medewerking: boolean; reden: string; door: ActorRef; op: string };
  }[];
  /** Talks with the parents, as recorded: a refusal needs one. */
  oudergesprekken: { datum: IsoDate; wie: string; door: ActorRef; op: string }[];
  impasse?: {
    reden: string;
    door: ActorRef;
    op: string;
    zaakId?: string;
    /** The impasse ended without a placement: the school decides as before. */
    gestopt?: { reden: string; door: ActorRef; op: string };
  };
  ingeschrevenElders?: { brin?: string; naam: string };
  besluit?: { uitkomst: Uitkomst; reden: string; door: ActorRef; op: string; details?: Record<string, string> };
  /** Closed without a school and with no other enrolment: the thuiszitter case it opened (issue 16 item 2). */
  thuiszitter?: { zaakId: string };
  /**
   * The TLV requested from this case (issue 12): the case stays open while it runs, and closes when
   * the TLV is granted (the S(B)O school admits the pupil) or the school decides otherwise.
   */
  tlv?: {
    zaakId: string;
    soort?: 'sbo' | 'so';
    door: ActorRef;
    op: string;
    besluit?: {
      uitkomst: 'toegekend' | 'afgewezen' | 'ingetrokken';
      op: string;
      school?: { brin?: string; naam: string };
    };
  };
  tijdlijn: TijdlijnItem[];
}
