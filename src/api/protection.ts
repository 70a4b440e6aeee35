/**
 * The API's edges: security headers on every answer (helmet) and rate limits per address and per
 * token (express-rate-limit). A limited request gets 429 problem+json with `Retry-After`.
 */
import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import { Problem } from './problem';

export interface Limieten {
  /** Requests per minute from one address, before authentication. */
  perAdres: number;
  /** Requests per minute with one token (one actor). */
  perToken: number;
}

const MINUUT = 60_000;

/**
 * Headers for answers that hold children's data: no embedding, no sniffing, no referrer, nothing
 * loaded by a browser (the API serves JSON only). HSTS only where TLS is in front (`API_HSTS`).
 */
export function beveiligingsHeaders(hsts = false): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    strictTransportSecurity: hsts ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' },
  });
}

function teVeel(wie: string): RequestHandler {
  return (_req, res, next) => {
    res.setHeader('Retry-After', String(MINUUT / 1000));
    next(new Problem(429, 'Te veel verzoeken', `Te veel verzoeken ${wie}; probeer het over een minuut opnieuw.`));
  };
}

/** Per address: before authentication, so guessing tokens is slowed down too. */
export function limietPerAdres(perMinuut: number): RequestHandler {
  return rateLimit({
    windowMs: MINUUT,
    limit: perMinuut,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: teVeel('vanaf dit adres'),
  });
}

/** Per token: after authentication, keyed by the actor (requests without a token are not counted here). */
export function limietPerToken(perMinuut: number): RequestHandler {
  return rateLimit({
    windowMs: MINUUT,
    limit: perMinuut,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    identifier: 'token',
    skip: (_req, res) => !res.locals.actor,
    keyGenerator: (_req, res) => `actor:${(res.locals.actor as { id: string }).id}`,
    handler: teVeel('met deze token'),
  });
}
