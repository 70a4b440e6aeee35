import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { rolSchema } from '../shared/zaak';

extendZodWithOpenApi(z);
// Validation messages in Dutch for end users (zod ships the locale).
z.config(z.locales.nl());

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
    worker: z.object({ ok: z.boolean(), taskQueue: z.string(), pollers: z.number().int() }),
  })
  .openapi('Health');
