import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { rolSchema } from '../shared/zaak';

extendZodWithOpenApi(z);
// Validation messages in Dutch for end users (zod ships the locale), the type errors in words a
// coordinator reads ("ontbreekt", "moet een lijst zijn") rather than "verwacht array, ontving undefined".
z.config(z.locales.nl());
const soortNl: Record<string, string> = {
  string: 'tekst',
  number: 'een getal',
  int: 'een geheel getal',
  boolean: 'true of false',
  array: 'een lijst',
  object: 'een object met velden',
  date: 'een datum',
};
z.config({
  customError: (issue) => {
    if (issue.code !== 'invalid_type') return undefined;
    if (issue.input === undefined) return 'ontbreekt';
    return `moet ${soortNl[issue.expected] ?? issue.expected} zijn`;
  },
});

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string(),
    requestId: z.string(),
    invalidParams: z.array(z.object({ name: z.string(), reason: z.string() })).optional(),
  })
  .openapi('Problem');

export const actorSchema = z
  .object({
    id: z.string(),
    naam: z.string(),
    rol: rolSchema,
    brins: z.array(z.string()),
  })
  .openapi('Actor');

export const healthSchema = z
  .object({
    status: z.enum(['ok', 'niet-beschikbaar']),
    temporal: z.object({ ok: z.boolean(), detail: z.string().optional() }),
    worker: z.object({
      ok: z.boolean(),
      taskQueue: z.string(),
      pollers: z.number().int(),
      detail: z.string().optional(),
    }),
  })
  .openapi('Health');

export const readySchema = z.object({ status: z.enum(['ok', 'niet-beschikbaar']) }).openapi('Ready');
