/**
 * zod schemas for the domain's values, for the API and the policy files. Kept apart from the
 * functions so that workflows, which import those, never load zod (a cached case would carry it).
 */
import { z } from 'zod';
import { ISO_RE, isValidIsoDate, TIME_RE } from './dates';
import { REGIOS } from './regio';

export const isoDateSchema = z
  .string({ error: 'Datum ontbreekt of is geen tekst (verwacht JJJJ-MM-DD)' })
  .regex(ISO_RE, { error: 'Ongeldige datum: gebruik het formaat JJJJ-MM-DD, bijvoorbeeld 2026-09-01' })
  .refine((s) => isValidIsoDate(s), { error: 'Deze datum bestaat niet in de kalender' });

export const wallTimeSchema = z
  .string({ error: 'Tijd ontbreekt (verwacht UU:MM)' })
  .regex(TIME_RE, { error: 'Ongeldige tijd: gebruik UU:MM (24-uurs), bijvoorbeeld 08:00' });

export const regioSchema = z.enum(REGIOS, { error: "Regio moet 'noord', 'midden' of 'zuid' zijn" });

export const groepSchema = z
  .number({ error: 'Groep moet een getal zijn' })
  .int({ error: 'Groep moet een geheel getal zijn' })
  .min(1, { error: 'Groep moet tussen 1 en 8 liggen' })
  .max(8, { error: 'Groep moet tussen 1 en 8 liggen' });
