/**
 * Types and schemas every case shares. The API validates requests with the schemas (and builds the
 * OpenAPI document from them); workflows import only the types, so zod never enters a cached case.
 */
import { z } from 'zod';
import { isoDateSchema, regioSchema, type IsoDate } from '../domain';
import { BRIN_CODE, REDEN, SCHOOLNAAM } from './grenzen';
import { roles } from './rollen';

export { roles };
export const rolSchema = z.enum(roles);

/** Who did it: recorded with every decision. */
export const actorRefSchema = z.object({ id: z.string().min(1), naam: z.string().min(1), rol: rolSchema });
export type ActorRef = z.infer<typeof actorRefSchema>;

/** What the API sends with every step besides the body: who takes it, and a school's scope. */
export interface Stap {
  door: ActorRef;
  /** A school actor's BRIN codes: a case of another school refuses the step as unknown (404). */
  scope?: string[];
}

/** A BRIN code exactly as written (the token config, where a typo must not pass unnoticed). */
export const brinCodeSchema = z.string().regex(BRIN_CODE, { error: 'BRIN-code zoals 12AB of 12AB00' });
/** A BRIN code as a user types it: trimmed and upper-cased first. */
export const brinSchema = z.string().trim().toUpperCase().pipe(brinCodeSchema);

export const redenSchema = z
  .string({ error: 'reden ontbreekt' })
  .trim()
  .min(REDEN.min, { error: `geef een reden (minstens ${REDEN.min} tekens)` })
  .max(REDEN.max, { error: `reden is te lang (maximaal ${REDEN.max} tekens)` });

/** A text of `min`..`max` characters after trimming, its errors naming `wat` (a field a person fills in). */
export const tekstSchema = (wat: string, min = 3, max = 2000) =>
  z
    .string({ error: `${wat} ontbreekt` })
    .trim()
    .min(min, { error: `${wat}: minstens ${min} tekens` })
    .max(max, { error: `${wat}: maximaal ${max} tekens` });

/** A school named in a decision (admitting school, advised school); BRIN where known. */
export const schoolRefSchema = z.object({
  brin: brinSchema.optional(),
  naam: z.string().trim().min(SCHOOLNAAM.min, { error: 'naam van de school ontbreekt' }).max(SCHOOLNAAM.max),
});
export type SchoolRef = z.infer<typeof schoolRefSchema>;

export const emailSchema = z.email({ error: 'geen geldig e-mailadres' });

/** A computed date with the rule that produced it. */
export interface DeadlineView {
  soort: string;
  datum: IsoDate;
  regel: string;
  /** The moment (ISO, UTC) the product acts on it. */
  tijdstip: string;
}

export interface TijdlijnItem {
  /** ISO timestamp (workflow time). */
  op: string;
  soort: string;
  omschrijving: string;
  door?: ActorRef;
  reden?: string;
  gegevens?: Record<string, string | number | boolean>;
}

export interface HerinneringView {
  datum: IsoDate;
  tijdstip: string;
  regel: string;
  deadline: string;
}

/** A school's own holiday rooster, where it differs from its region's official dates. */
export const roosterSchema = z
  .array(
    z
      .object({ naam: z.string().trim().min(1).max(100), van: isoDateSchema, tot: isoDateSchema })
      .refine((v) => v.van <= v.tot, { error: 'van ligt na tot', path: ['tot'] }),
  )
  .max(40, { error: 'maximaal 40 vakanties' });

/** The parts of a start body that every case about one pupil at one school shares (zorgplicht, terugplaatsing). */
export const startDelen = {
  /** The school the case belongs to, with its own holidays where they differ from the regional dates. */
  school: z.object({
    brin: brinSchema,
    naam: z.string().trim().min(1, { error: 'naam van de school ontbreekt' }).max(200),
    email: emailSchema,
    regio: regioSchema.optional(),
    rooster: roosterSchema.optional(),
  }),
  ouders: z
    .array(z.object({ naam: z.string().trim().min(1).max(200), email: emailSchema }))
    .min(1, { error: 'minstens één ouder of verzorger met e-mailadres' })
    .max(4),
  /** The policy code of the samenwerkingsverband ('wet', 'spow', …). */
  beleid: z
    .string()
    .regex(/^[a-z0-9-]+$/, { error: 'beleid is een code zoals "spow"' })
    .default('wet'),
  leerlingNaam: z.string().trim().min(1, { error: 'naam van de leerling ontbreekt' }).max(200),
};
