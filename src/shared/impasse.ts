/**
 * P2 Impasse escalation: the plaatsingstafel ladder (domain README P2; seed 001 §1.2, L817–852).
 * The API's schemas and the types the workflows share; the ladder itself is in impasseLadder.ts.
 */
import { z } from 'zod';
import { isoDateSchema, policySchema, regioSchema, type IsoDate, type SchoolRooster } from '../domain';
import {
  brinSchema,
  emailSchema,
  redenSchema,
  roosterSchema,
  schoolRefSchema,
  type ActorRef,
  type SchoolRef,
  type Stap,
  type DeadlineView,
  type HerinneringView,
  type TijdlijnItem,
} from './zaak';
import { ADVIES, DERDE } from './grenzen';
import {
  deelnemers,
  eigenaarVan,
  niveauOmschrijving,
  niveaus,
  notitieSoorten,
  type Niveau,
  type RouteSoort,
} from './impasseLadder';

export { deelnemers, eigenaarVan, niveauOmschrijving, niveaus, type Niveau, type RouteSoort };

/** A rung's code as a user types it: 'e2' is E2. */
export const niveauCode = (v: unknown): unknown => (typeof v === 'string' ? v.trim().toUpperCase() : v);

/**
 * Escalation to the next rung; each rung asks what the seed says it needs. Which fields a rung
 * requires depends on the case's route (the plaatsingstafel's E2 its deelnemers, E3 its advies;
 * PPO-NK's E2 a mediator): the workflow checks that, as it knows the route.
 */
const escalerenNaar = z.discriminatedUnion(
  'naar',
  [
    z.object({
      naar: z.literal('E2'),
      reden: redenSchema,
      // Plaatsingstafel, L824–830: ouders, SKT, current school, nearby schools, if needed S(B)O; leerplicht optional (L144).
      deelnemers: z
        .array(z.enum(deelnemers))
        .min(1, { error: 'leg de deelnemers van de plaatsingstafel vast' })
        .refine((d) => d.includes('ouders'), { error: 'de ouders nemen deel aan de plaatsingstafel' })
        .optional(),
      // A dispute between school boards (PPO-NK, seed 003 L514): the mediator the SWV's board engages.
      mediator: z.string().trim().min(DERDE.min, { error: 'noem de mediator' }).max(DERDE.max).optional(),
    }),
    z.object({
      naar: z.literal('E3'),
      reden: redenSchema,
      // Plaatsingstafel, L832–835: the OA reports to the directeur with a reasoned advice naming the best-fitting school.
      advies: z
        .object({
          school: schoolRefSchema,
          onderbouwing: z
            .string()
            .trim()
            .min(ADVIES.min, { error: `het advies moet onderbouwd zijn (minstens ${ADVIES.min} tekens)` })
            .max(ADVIES.max),
        })
        .optional(),
    }),
    z.object({ naar: z.literal('E4'), reden: redenSchema }),
    z.object({ naar: z.literal('E5'), reden: redenSchema }),
    z.object({
      naar: z.literal('E6'),
      reden: redenSchema,
      derde: z.string().trim().min(DERDE.min, { error: 'noem de onafhankelijke derde' }).max(DERDE.max),
    }),
  ],
  { error: "naar is de volgende trede: 'E2' … 'E6' (E7 volgt als ouders het bindend besluit niet aanvaarden)" },
);
/** The fields any rung may carry, as the workflow reads them (it checks which rung needs which). */
type EscalerenVelden = {
  deelnemers?: (typeof deelnemers)[number][];
  advies?: { school: SchoolRef; onderbouwing: string };
  derde?: string;
  mediator?: string;
};
export const escalerenSchema = z.preprocess(
  (b) =>
    b && typeof b === 'object' && !Array.isArray(b) ? { ...b, naar: niveauCode((b as { naar?: unknown }).naar) } : b,
  escalerenNaar,
);

export const vastleggenSchema = z.object({
  soort: z.enum(notitieSoorten),
  tekst: redenSchema,
});

export const bindendBesluitSchema = z.object({
  // L845–849: the DB decides after the onafhankelijke derde's advice.
  adviesDerde: z
    .string()
    .trim()
    .min(ADVIES.min, { error: 'het advies van de onafhankelijke derde is vereist' })
    .max(ADVIES.max),
  school: schoolRefSchema,
  reden: redenSchema,
  /** The school's board is not represented in the DB: it must have been invited first. */
  bestuurNietInDb: z.boolean().default(false),
  /** The advised school's board: where the policy lists the DB's boards, that list decides. */
  bestuur: z.string().trim().min(1).max(200).optional(),
});

export const oudersReactieSchema = z.object({
  akkoord: z.boolean({ error: 'akkoord: true of false' }),
  reden: redenSchema,
});
export const plaatsenSchema = z.object({ school: schoolRefSchema, reden: redenSchema });
/** Doorzettingsmacht (Almere, seed 002 L593): the teamleider Toeleiding names the school; it binds. */
export const aanwijzenSchema = z.object({ school: schoolRefSchema, reden: redenSchema });
/** The impasse ends without a placement (the parents moved, a place outside the process, care instead of school). */
export const stoppenSchema = z.object({ reden: redenSchema });

export type Escaleren = z.infer<typeof escalerenSchema> & EscalerenVelden & Stap;
export type Vastleggen = z.infer<typeof vastleggenSchema> & Stap;
export type BindendBesluit = z.infer<typeof bindendBesluitSchema> & Stap;
export type OudersReactie = z.infer<typeof oudersReactieSchema> & Stap;
export type Plaatsen = z.infer<typeof plaatsenSchema> & Stap;
export type Stoppen = z.infer<typeof stoppenSchema> & Stap;

/** The pupil has no place and is at home (issue 16 item 2): recorded on the impasse, it opens a thuiszitter case. */
export { leerlingThuisSchema, type LeerlingThuis } from './thuiszitter';
export type Aanwijzen = z.infer<typeof aanwijzenSchema> & Stap;

/** A coordinator starts an impasse directly (e.g. from a terugplaatsing). */
export const impasseStartSchema = z.object({
  school: z.object({
    brin: brinSchema,
    naam: z.string().trim().min(1).max(200),
    regio: regioSchema.optional(),
    rooster: roosterSchema.optional(),
    email: emailSchema.optional(),
  }),
  leerling: z.object({ naam: z.string().trim().min(1).max(200) }),
  /** The parents take part and hear of every rung that decides (seed 001 L824–827). */
  ouders: z
    .array(z.object({ email: emailSchema }))
    .max(4)
    .default([]),
  reden: redenSchema,
  beleid: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .default('wet'),
  aanleiding: z.enum(['zorgplicht', 'terugplaatsing', 'thuiszitter', 'overig']).default('overig'),
  /** When the school reported it, if earlier than today: the service level counts from then. */
  gemeldOp: isoDateSchema.optional(),
});
export type ImpasseStart = z.infer<typeof impasseStartSchema>;

export interface ImpasseInput {
  leerling: { naam: string };
  /** The school with zorgplicht (or the referring school). */
  school: { brin: string; naam: string; regio?: z.infer<typeof regioSchema>; email?: string };
  /** The parents' addresses (from the zorgplicht case, or given at the start). */
  ouders?: { email: string }[];
  beleid: z.output<typeof policySchema>;
  /** The school holidays this case counts with, fixed at its start (see regionaalRooster). */
  kalender: SchoolRooster;
  reden: string;
  aanleiding: ImpasseStart['aanleiding'];
  gemeldDoor: ActorRef;
  /** The zorgplicht case this impasse resolves, when started from it. */
  zorgplichtZaak?: string;
  /** The terugplaatsing whose plaatsingstafel it is (stap 2.4), when started from it. */
  terugplaatsingZaak?: string;
  gemeldOp?: IsoDate;
  /** The coordinator of the case it came from; without it, the SWV's mailbox (COORDINATOR_EMAIL). */
  coordinatorEmail?: string;
}

export interface ImpasseUitkomst {
  geplaatst: boolean;
  school?: SchoolRef;
  niveau: Niveau;
  reden: string;
  door: ActorRef;
  op: string;
  /** The school was named by doorzettingsmacht (aanwijzen), not found in agreement. */
  aangewezen?: boolean;
}

export const impasseStatussen = ['open', 'vastgelopen', 'geplaatst', 'gestopt'] as const;
export type ImpasseStatus = (typeof impasseStatussen)[number];

export interface ImpasseView {
  id: string;
  type: 'impasse';
  status: ImpasseStatus;
  open: boolean;
  niveau: Niveau;
  niveauOmschrijving: string;
  eigenaar: ActorRef['rol'];
  /** Which route the case climbs: the plaatsingstafel, or its policy's own (issue 15). */
  route?: RouteSoort;
  /** The route's rungs, in order. */
  treden?: { code: Niveau; omschrijving: string; eigenaar: ActorRef['rol'] }[];
  niveauSinds: string;
  gestart: string;
  vastgelopen: { niveau: Niveau; sinds: string } | null;
  school: { brin: string; naam: string };
  leerling: { naam: string };
  zorgplichtZaak?: string;
  terugplaatsingZaak?: string;
  /** The pupil is at home: the thuiszitter case this impasse opened. */
  thuis?: { sinds: IsoDate; zaakId?: string };
  deadlines: DeadlineView[];
  volgendeHerinnering: HerinneringView | null;
  advies?: { school: SchoolRef; onderbouwing: string };
  bindendBesluit?: { school: SchoolRef; adviesDerde: string; op: string };
  uitkomst?: ImpasseUitkomst;
  tijdlijn: TijdlijnItem[];
  beleid: string;
  /** The version of the policy the case follows (absent in cases from before versions). */
  beleidsversie?: string;
}
