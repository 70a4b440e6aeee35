/**
 * P3 Toelaatbaarheidsverklaring (TLV): aanvraag, two deskundigen within the assessment term,
 * afgifte with an end date by the SWV's duration rule, bezwaar, lapse at the end date (domain
 * README P3; seed 001 §1.7.4–1.7.5 and the addendum L1985–2037; WPO art. 18a; Awb).
 * The API's schemas and the types the workflow shares (it imports only the types).
 */
import { z } from 'zod';
import { isoDateSchema, regioSchema, type Dated, type IsoDate, type Policy, type SchoolRooster } from '../domain';
import {
  brinSchema,
  emailSchema,
  redenSchema,
  roosterSchema,
  type ActorRef,
  type DeadlineView,
  type HerinneringView,
  type Stap,
  type TijdlijnItem,
} from './zaak';

const naam = (wat: string) =>
  z
    .string({ error: `${wat} ontbreekt` })
    .trim()
    .min(1, { error: `${wat} ontbreekt` })
    .max(200);

/** A document the aanvraag refers to, by its identifier: never the document itself (need to know). */
const documentSchema = z.object({
  soort: z.enum(['GD', 'OPP', 'verslag-hia', 'overig'], { error: "soort is 'GD', 'OPP', 'verslag-hia' of 'overig'" }),
  kenmerk: z.string().trim().min(1, { error: 'kenmerk van het document ontbreekt' }).max(100),
});

/**
 * The aanvraag (seed 001 L1985–1995): the HIA is the route to a TLV (L1088), a demonstrable
 * intensive intervention track (L1987–1988), the parents' consent, and the documents by reference.
 */
export const aanvraagSchema = z.object({
  /** When the complete aanvraag was received; the assessment term runs from it. Default: today. */
  ontvangen: isoDateSchema.optional(),
  soort: z.enum(['sbo', 'so'], { error: "soort is 'sbo' of 'so'" }),
  /** Ernstig meervoudig beperkt: the TLV covers the whole SO stay (seed 001 L1166–1171). */
  emb: z.boolean().default(false),
  hia: z.object({
    datum: isoDateSchema,
    deelnemers: z.array(naam('deelnemer')).min(2, { error: 'noem de deelnemers van het HIA (minstens twee)' }),
  }),
  interventietraject: redenSchema,
  toestemmingOuders: z.object({ datum: isoDateSchema, schriftelijk: z.boolean() }),
  documenten: z.array(documentSchema).min(1, { error: 'verwijs naar minstens één document (GD of OPP)' }).max(20),
});

export const tlvStartSchema = z.object({
  leerling: z.object({
    naam: naam('naam van de leerling'),
    /** Needed for an EMB TLV (the school year in which the pupil turns 14) and a TLV to an age (VO). */
    geboortedatum: isoDateSchema.optional(),
    /** PO: required (the end date follows from it); a VO pupil has none. */
    groep: z.number({ error: 'groep is een getal van 1 tot 8' }).int().min(1).max(8).optional(),
  }),
  /** The current school, which applies (its board: seed 002 L629). */
  school: z.object({
    brin: brinSchema,
    naam: naam('naam van de school'),
    email: emailSchema,
    regio: regioSchema.optional(),
    rooster: roosterSchema.optional(),
  }),
  ouders: z
    .array(z.object({ naam: naam('naam van de ouder'), email: emailSchema }))
    .min(1)
    .max(4),
  beleid: z.string().default('wet'),
  aanvraag: aanvraagSchema,
  coordinatorEmail: emailSchema.optional(),
});

/**
 * What a TLV case started from a zorgplicht case may still lack (the school asked for a TLV without
 * the aanvraag itself): the pupil's groep and the aanvraag. The assessment term runs once complete.
 */
export const aanvullenSchema = z.object({
  leerling: z.object({
    /** PO: required (the workflow refuses an aanvraag without it); a VO pupil has none. */
    groep: z.number({ error: 'groep is een getal van 1 tot 8' }).int().min(1).max(8).optional(),
    /** Needed for an EMB TLV; the workflow gets the school year in which the pupil turns 14, not the date. */
    geboortedatum: isoDateSchema.optional(),
  }),
  aanvraag: aanvraagSchema,
});

/**
 * The preparation the SWV's route asks before the deskundigen and the decision (policy `tlv.route`):
 * SPPOH's MDO (consensus, an S(B)O school, the parents' consent, their zienswijze; seed 000 L469–473,
 * L579), Almere's toelaatbaarheidsoverleg (seed 002 L627), PPO-NK's four parties and, without
 * consensus, the behandelaar (seed 003 L358–360), VO Groningen's consensus or a ground for the CvA
 * (seed 004 L189–195). Which fields a route needs, its workflow checks (tlv/route.ts).
 */
export const voorbereidenSchema = z.object({
  datum: isoDateSchema,
  deelnemers: z.array(naam('deelnemer')).min(2, { error: 'noem de deelnemers (minstens twee)' }).max(20),
  /** The parties agree: the MDO's consensus, the TLO's joint advice, VO's route 1. */
  consensus: z.boolean({ error: 'consensus is true of false' }).optional(),
  /** Each party's position (PPO-NK: ouders, verwijzende school, ontvangende school, consulent). */
  standpunten: z
    .array(z.object({ partij: naam('partij'), eens: z.boolean({ error: 'eens is true of false' }) }))
    .max(8)
    .optional(),
  /** Without consensus (PPO-NK): the behandelaar's view, which weighs heavily. */
  behandelaar: z.object({ naam: naam('naam van de behandelaar'), oordeel: redenSchema }).optional(),
  /** The S(B)O school that took part (SPPOH: mandatory, preferably the one that will admit). */
  sboSchool: z.object({ brin: brinSchema.optional(), naam: naam('naam van de S(B)O-school') }).optional(),
  /** The parents' consent, or the reason to go ahead without it (SPPOH: only in exceptional cases). */
  instemmingOuders: z
    .object({ gegeven: z.boolean({ error: 'gegeven is true of false' }), reden: redenSchema.optional() })
    .optional(),
  /** The parents' (and pupil's) zienswijze on the aanvraag. */
  zienswijze: z.string().trim().min(1).max(4000).optional(),
  /** VO: the ground on which the CvA assesses even with consensus (one of the policy's). */
  cvaGrond: z.string().trim().min(1).max(200).optional(),
  verslag: redenSchema,
});

export const beoordelenSchema = z.object({
  advies: z.enum(['toekennen', 'afwijzen'], { error: "advies is 'toekennen' of 'afwijzen'" }),
  onderbouwing: redenSchema,
});

/** The S(B)O school that admits the pupil with the TLV. */
const ontvangendeSchoolSchema = z.object({
  brin: brinSchema.optional(),
  naam: naam('naam van de school'),
  email: emailSchema,
});

export const tlvBesluitenSchema = z.discriminatedUnion(
  'uitkomst',
  [
    z.object({
      uitkomst: z.literal('toegekend'),
      reden: redenSchema,
      /** The transfer date agreed with the S(B)O school. */
      startdatum: isoDateSchema,
      school: ontvangendeSchoolSchema,
      /** Where the policy has categories (SO: EMB A/B/C, Lecso levels, …). */
      categorie: z.string().trim().min(1).max(40).optional(),
      /** Required where the rule leaves it to the deskundige (groep 3) or to deviate, with `afwijkingReden`. */
      einddatum: isoDateSchema.optional(),
      afwijkingReden: redenSchema.optional(),
    }),
    z.object({ uitkomst: z.literal('afgewezen'), reden: redenSchema }),
  ],
  { error: "uitkomst is 'toegekend' of 'afgewezen'" },
);

/** The aanvraag withdrawn before a decision (the school or the parents no longer ask for it). */
export const intrekkenSchema = z.object({ reden: redenSchema });

export const bezwaarSchema = z.object({
  ontvangen: isoDateSchema,
  indiener: z.enum(['ouders', 'schoolbestuur'], { error: "indiener is 'ouders' of 'schoolbestuur'" }),
  /** Awb 6:9: posted within the window (postmark), when it arrived later. */
  terPostBezorgd: isoDateSchema.optional(),
  reden: redenSchema,
});

/** Which bezwaar a step is about (1 = the first recorded); default: the oldest still open. */
const bezwaarNr = z.number({ error: 'bezwaar is het nummer van het bezwaar (1, 2, …)' }).int().min(1).optional();
const bezwaarUitkomst = z.enum(['gegrond', 'ongegrond', 'niet-ontvankelijk'], {
  error: "uitkomst is 'gegrond', 'ongegrond' of 'niet-ontvankelijk'",
});

export const bezwaarBeslissenSchema = z.object({
  bezwaar: bezwaarNr,
  uitkomst: bezwaarUitkomst,
  reden: redenSchema,
});

/** The advice of the committee the policy names (LBT; Awb 7:13) on one bezwaar. */
export const bezwaarAdviesSchema = z.object({
  bezwaar: bezwaarNr,
  datum: isoDateSchema,
  advies: bezwaarUitkomst,
  toelichting: redenSchema,
});

/** The decision term on a bezwaar put off once (Awb 7:10 lid 3); the indiener is told. */
export const bezwaarVerdagenSchema = z.object({
  bezwaar: bezwaarNr,
  weken: z.number({ error: 'weken: verwacht een getal' }).int().min(1).max(52),
  reden: redenSchema,
});

/**
 * The S(B)O school's internal evaluation with the parents before the end date (seed 001 §1.8
 * L1263–1289): stay (herbeoordeling), go back to a regular school (terugplaatsing), or let it lapse.
 */
export const evaluatieSchema = z.object({
  datum: isoDateSchema,
  deelnemers: z.array(naam('deelnemer')).min(2, { error: 'noem de deelnemers (minstens de ouders en de school)' }),
  conclusie: z.enum(['herbeoordeling', 'terugplaatsing', 'verlopen'], {
    error: "conclusie is 'herbeoordeling', 'terugplaatsing' of 'verlopen'",
  }),
  verslag: redenSchema,
});

/**
 * The application for herbeoordeling (seed 001 L1280–1285): a form signed by the parents, the 1st
 * deskundige and the school, with a current groeidocument; two deskundigen assess it as a new aanvraag.
 */
export const herbeoordelingSchema = z.object({
  /** When the complete application came in; the assessment term runs from it. Default: today. */
  ontvangen: isoDateSchema.optional(),
  /** The groep now: the new end date follows from it. */
  groep: z.number({ error: 'groep is een getal van 1 tot 8' }).int().min(1).max(8),
  ondertekend: z.object({ ouders: isoDateSchema, eersteDeskundige: isoDateSchema, school: isoDateSchema }),
  documenten: z
    .array(documentSchema)
    .min(1)
    .max(20)
    .refine((d) => d.some((x) => x.soort === 'GD'), { error: 'verwijs naar een actueel groeidocument (soort GD)' }),
});

export type TlvStart = z.output<typeof tlvStartSchema>;
export type Aanvraag = z.output<typeof aanvraagSchema>;
export type Beoordelen = z.output<typeof beoordelenSchema> & Stap;
export type Voorbereiden = z.output<typeof voorbereidenSchema> & Stap;
/** The route's kind (policy `tlv.route.soort`); a policy from before issue 15 has 'twee-deskundigen'. */
export type TlvRouteSoort =
  'twee-deskundigen' | 'mdo-directeur' | 'toelaatbaarheidsoverleg' | 'commissie-consensus' | 'consensus-of-cva';
export type TlvBesluiten = z.output<typeof tlvBesluitenSchema> & Stap;
export type Bezwaar = z.output<typeof bezwaarSchema> & Stap;
export type BezwaarBeslissen = z.output<typeof bezwaarBeslissenSchema> & Stap;
export type Intrekken = z.output<typeof intrekkenSchema> & Stap;
export type BezwaarAdvies = z.output<typeof bezwaarAdviesSchema> & Stap;
export type BezwaarVerdagen = z.output<typeof bezwaarVerdagenSchema> & Stap;
/** The aanvraag made complete, as the workflow gets it (the API turned a birth date into `schooljaarWaarin14`). */
export interface Aanvulling {
  leerling: { groep?: number; schooljaarWaarin14?: string };
  aanvraag: Aanvraag & { ontvangen: IsoDate };
}
export type Aanvullen = Aanvulling & Stap;
export type Evaluatie = z.output<typeof evaluatieSchema> & Stap;
export type HerbeoordelingAanvragen = z.output<typeof herbeoordelingSchema> & Stap;

export const tlvStatussen = [
  'aanvraag-onvolledig',
  'in-beoordeling',
  'beoordeling-te-laat',
  'toegekend',
  'afgewezen',
  'verlopen',
  'afgerond',
  'ingetrokken',
  /** Granted, and the pupil went back to a regular school (a terugplaatsing): valid to its end date, not used. */
  'niet-meer-gebruikt',
] as const;
export type TlvStatus = (typeof tlvStatussen)[number];

export interface TlvInput {
  /**
   * The groep on the day the aanvraag came in; EMB: the school year in which the pupil turns 14 (not
   * the birth date). Without a groep the aanvraag is incomplete (started from a zorgplicht case).
   */
  leerling: { naam: string; groep?: number; schooljaarWaarin14?: string };
  school: { brin: string; naam: string; email: string; regio?: TlvStart['school']['regio'] };
  /** Only the addresses are used (the letters); a name passed along is not needed. */
  ouders: { naam?: string; email: string }[];
  beleid: Policy;
  /** Absent when the case starts from a zorgplicht case without it: `aanvraag-aanvullen` completes it. */
  aanvraag?: Aanvraag & { ontvangen: IsoDate };
  /** The kind asked for when the aanvraag itself is not there yet. */
  soort?: 'sbo' | 'so';
  /** The zorgplicht case it was requested from: told of the decision (it closes on a grant). */
  zorgplichtZaak?: string;
  coordinatorEmail: string;
  kalender: SchoolRooster;
  aangevraagdDoor: ActorRef;
  /** What the previous run of this case left (continueAsNew, at least once a school year). */
  eerder?: { toestand: TlvToestand; zaak: { tijdlijn: TijdlijnItem[]; afgehandeld: string[] } };
}

/** The state of one TLV case, in one serializable object: what a new run carries over. */
export interface TlvToestand {
  runs: number;
  /** Set once the aanvraag is complete: 6 weeks from that day. */
  beoordelingstermijn?: Dated;
  /** The aanvraag as completed later (`aanvraag-aanvullen`), when the case started without it. */
  aanvulling?: Aanvulling;
  /** The zorgplicht case it came from could not be told (it had closed): later decisions are not sent there. */
  zorgplichtGemeld?: boolean;
  /** 1 for the first aanvraag, one more for each herbeoordeling (absent in runs from before). */
  ronde?: number;
  /** The rounds before this one: each TLV (or refusal) with its decision, oldest first. */
  eerdere?: TlvView['eerdere'];
  /** The herbeoordeling of the TLV in force: the evaluation and the application. */
  herbeoordeling?: TlvView['herbeoordeling'];
  /** The holiday calendar as extended by the case (its copy at the start covers about two years). */
  kalender?: { rooster: SchoolRooster; tot: IsoDate; zonderVakantiegegevensVanaf?: IsoDate };
  teLaat: boolean;
  deskundigen: TlvView['deskundigen'];
  beoordeling?: TlvView['beoordeling'];
  besluit?: TlvView['besluit'];
  tlv?: TlvView['tlv'];
  /** The admitting S(B)O school's address: told when the TLV lapses (not in the view). */
  sboEmail?: string;
  /** The terugplaatsing its evaluation started (issue 13), and how it ended. */
  terugplaatsing?: TlvView['terugplaatsing'];
  bezwaartermijn?: Dated;
  /** Each with its decision date, the end of the window it came in against, and the round of that decision. */
  bezwaren: (TlvView['bezwaren'][number] & { beslisdatum: Dated; termijnEinde?: IsoDate; ronde?: number })[];
  /** The route's preparation (MDO, TLO, the parties' positions, consensus), when the policy's route has one. */
  voorbereiding?: TlvView['voorbereiding'];
  /** The deskundigen's advice where someone else decides (the directeur, the SWV, the CvA). */
  adviezen?: TlvView['adviezen'];
  /** A gegrond bezwaar revoked the decision: the deskundigen decide again (a refusal then ends the TLV). */
  heroverweging?: boolean;
  /** Closed: lapsed at the end date, or refused and the bezwaar window over without a bezwaar. */
  gesloten?: { soort: 'verlopen' | 'afgerond' | 'ingetrokken'; op: string };
}

/**
 * A granted TLV as the yearly inventory needs it (seed 001 L1270–1273): the S(B)O school it is at
 * and where to write it and the coordinator. Internal (a workflow Query the inventory activity asks);
 * never an API answer.
 */
export interface TlvInventarisRegel {
  zaakId: string;
  leerling: string;
  einddatum: IsoDate;
  einddatumRegel: string;
  sbo: { brin?: string; naam: string; email?: string };
  coordinatorEmail: string;
}

export interface TlvView {
  id: string;
  type: 'tlv';
  status: TlvStatus;
  open: boolean;
  school: { brin: string; naam: string };
  leerling: { naam: string; groep?: number };
  aanvraag: {
    /** Absent while the aanvraag is incomplete. */
    ontvangen?: IsoDate;
    soort?: 'sbo' | 'so';
    emb: boolean;
    documenten: Aanvraag['documenten'];
    compleet: boolean;
  };
  /** The zorgplicht case this TLV was requested from. */
  zorgplichtZaak?: string;
  /**
   * The terugplaatsing the evaluation started (stappenplan terugplaatsing); once the pupil is back in
   * a regular school the TLV is no longer used, though valid to its end date (the seed leaves open
   * whether it ends).
   */
  terugplaatsing?: {
    zaakId: string;
    gestart: string;
    uitkomst?: 'teruggeplaatst' | 'gestopt' | 'niet-wenselijk';
    op?: string;
    school?: { brin?: string; naam: string };
  };
  /** The school that applied; `school` is the one the pupil is at (the S(B)O school once granted). */
  aanvrager: { brin: string; naam: string };
  /** 1, and one more for each herbeoordeling on this case. */
  ronde: number;
  /** Earlier rounds: the TLVs (and refusals) this case had, oldest first. */
  eerdere: {
    ronde: number;
    besluit?: TlvView['besluit'];
    tlv?: TlvView['tlv'];
    /** How it ended: replaced by a new TLV, lapsed, or the herbeoordeling refused. */
    afloop: string;
  }[];
  /** The herbeoordeling of the TLV in force (seed 001 §1.8): the plan, the evaluation, the application. */
  herbeoordeling?: {
    evaluatie?: { datum: IsoDate; deelnemers: string[]; conclusie: Evaluatie['conclusie']; door: ActorRef; op: string };
    aangevraagd?: { ontvangen: IsoDate; groep: number; door: ActorRef; op: string };
  };
  /**
   * The policy's assessment route: its kind, who decides (a role of the product: SPPOH's directeur reads
   * the case in full), and, where the route has two ways (VO: with consensus or through the CvA), which.
   */
  route?: { soort: TlvRouteSoort; beslisser: 'deskundige' | 'directeur' | 'coordinator'; cva?: boolean };
  voorbereiding?: Omit<Voorbereiden, 'door' | 'scope'> & { door: ActorRef; op: string };
  adviezen?: { advies: 'toekennen' | 'afwijzen'; onderbouwing: string; door: ActorRef; op: string }[];
  /** The two deskundigen as they act: the 1st (assesses) and the 2nd (decides); need to know reads them. */
  deskundigen: { id: string; naam: string; rol: 'eerste' | 'tweede' }[];
  beoordeling?: { advies: 'toekennen' | 'afwijzen'; onderbouwing: string; door: ActorRef; op: string };
  besluit?: { uitkomst: 'toegekend' | 'afgewezen'; reden: string; door: ActorRef; op: string; verzonden: IsoDate };
  tlv?: {
    soort: 'sbo' | 'so';
    emb: boolean;
    categorie?: string;
    startdatum: IsoDate;
    einddatum: IsoDate;
    einddatumRegel: string;
    school: { brin?: string; naam: string };
    /** A transfer right after the teldatum (seed 001 L2008–2012): the school is warned. */
    teldatumMelding?: string;
  };
  bezwaren: {
    /** The number steps name it by (1 = the first recorded). */
    nr?: number;
    ontvangen: IsoDate;
    indiener: 'ouders' | 'schoolbestuur';
    oordeel: 'op-tijd' | 'te-laat';
    regel: string;
    advies?: { datum: IsoDate; advies: string; door: ActorRef; op: string };
    verdaagd?: { weken: number; reden: string; door: ActorRef; op: string };
    beslissing?: {
      uitkomst: string;
      reden: string;
      door: ActorRef;
      op: string;
      /** The last day for beroep against it (Awb 6:7, 8:1). */
      beroepstermijn?: Dated;
    };
  }[];
  deadlines: DeadlineView[];
  volgendeHerinnering: HerinneringView | null;
  tijdlijn: TijdlijnItem[];
  beleid: string;
  /** The version of the policy the case follows (absent in cases from before versions). */
  beleidsversie?: string;
  /** How many runs the case has had (it continues as new at least once a school year). */
  runs: number;
}
