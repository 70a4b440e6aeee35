/**
 * The Temporal UI's remote codec (issue 14 item 9): the payloads in Temporal are encrypted
 * (src/temporal/codec.ts), so the UI shows ciphertext unless it may ask the product to decode them.
 * `POST /codec/decode` takes and answers the Temporal codec server format (payloads as JSON with
 * base64 metadata and data), for the coordinator and the directeur only: a case's history holds the
 * child's data. Its CORS allows the UI's origin alone (`TEMPORAL_UI_ORIGIN`), with credentials.
 */
import type { Payload, PayloadCodec } from '@temporalio/common';
import type { RequestHandler } from 'express';
import { z } from 'zod';
import { defineRoute } from '../route';

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'base64 verwacht' });
const jsonPayload = z.object({
  metadata: z.record(z.string(), base64).nullish(),
  data: base64.nullish(),
});
type JsonPayload = z.infer<typeof jsonPayload>;

const naarPayload = ({ metadata, data }: JsonPayload): Payload => ({
  metadata: Object.fromEntries(Object.entries(metadata ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64')])),
  ...(data ? { data: Buffer.from(data, 'base64') } : {}),
});
const naarJson = ({ metadata, data }: Payload): JsonPayload => ({
  metadata: Object.fromEntries(
    Object.entries(metadata ?? {}).map(([k, v]) => [k, Buffer.from(v ?? new Uint8Array()).toString('base64')]),
  ),
  data: Buffer.from(data ?? new Uint8Array()).toString('base64'),
});

/** The UI (another origin) calls with credentials: CORS for that origin only, and its preflight without a token. */
export function codecCors(uiOrigin: string | undefined): RequestHandler {
  return (req, res, next) => {
    if (!req.path.startsWith('/codec/')) return next();
    const origin = req.get('origin');
    if (uiOrigin && origin === uiOrigin) {
      res.setHeader('Access-Control-Allow-Origin', uiOrigin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, X-Namespace');
      res.setHeader('Access-Control-Allow-Methods', 'POST, OPTIONS');
      res.setHeader('Vary', 'Origin');
    }
    if (req.method === 'OPTIONS') return void res.status(204).end();
    next();
  };
}

export const codecRoutes = (codec: PayloadCodec) => [
  defineRoute({
    method: 'post',
    path: '/codec/decode',
    summary:
      'Ontsleutelt payloads voor de Temporal UI (codec-server-formaat), alleen voor de coördinator en de directeur',
    tags: ['systeem'],
    roles: ['coordinator', 'directeur'],
    body: z.object({ payloads: z.array(jsonPayload).max(1000) }),
    responses: {
      200: { description: 'De ontsleutelde payloads', schema: z.object({ payloads: z.array(jsonPayload) }) },
    },
    handler: async ({ body }) => {
      // One by one: a payload of a key no longer in the ring (or damaged) stays as it is, the rest decode.
      const payloads = await Promise.all(
        body.payloads.map(naarPayload).map(async (p) => {
          try {
            return (await codec.decode([p]))[0];
          } catch {
            return p;
          }
        }),
      );
      return { status: 200, body: { payloads: payloads.map(naarJson) } };
    },
  }),
];
