import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { CookieOptions, Request, Response } from 'express';
import { hashToken } from '../auth/tokenHash';

/**
 * A werkbak session is a signed cookie (cookie-parser's HMAC, SESSION_SECRETS) that holds the hash
 * of the token the user signed in with, not the token: every page asks the API's authenticator
 * again with it, so the role, the school scope and a token's end or removal are the API's. It ends
 * after `idleMs` without a page and after `maxMs` whatever happens; sign-out clears it.
 */
export interface Sessie {
  /** Random: what the CSRF tokens are bound to. */
  sid: string;
  /** `sha256:<hex>` of the token (src/auth/tokenHash.ts). */
  tokenHash: string;
  /** Signed in at (epoch ms). */
  sinds: number;
  /** Last page (epoch ms). */
  laatst: number;
}

export interface SessieOpties {
  idleMs: number;
  maxMs: number;
  /** Secure cookies (`__Host-` names): where the werkbak is served over TLS. */
  secure: boolean;
  now?: () => number;
}

export const sessieCookie = (secure: boolean) => (secure ? '__Host-werkbak' : 'werkbak');

export function sessies({ idleMs, maxMs, secure, now = Date.now }: SessieOpties) {
  const naam = sessieCookie(secure);
  const opties = (): CookieOptions => ({ httpOnly: true, sameSite: 'strict', secure, path: '/', signed: true });
  const schrijf = (res: Response, s: Sessie) =>
    res.cookie(naam, JSON.stringify(s), { ...opties(), maxAge: Math.min(idleMs, s.sinds + maxMs - s.laatst) });
  return {
    begin(res: Response, token: string): Sessie {
      const t = now();
      const s = { sid: randomBytes(16).toString('base64url'), tokenHash: hashToken(token), sinds: t, laatst: t };
      schrijf(res, s);
      return s;
    },
    /** The request's session, still valid, renewed (sliding idle time); undefined otherwise. */
    lees(req: Request, res: Response): Sessie | undefined {
      const raw: unknown = req.signedCookies?.[naam];
      if (typeof raw !== 'string') return undefined;
      let s: Sessie;
      try {
        s = JSON.parse(raw) as Sessie;
      } catch {
        return undefined;
      }
      const t = now();
      if (typeof s.sinds !== 'number' || typeof s.laatst !== 'number' || typeof s.tokenHash !== 'string') return;
      if (t - s.laatst >= idleMs || t - s.sinds >= maxMs) return undefined;
      const vernieuwd = { ...s, laatst: t };
      schrijf(res, vernieuwd);
      return vernieuwd;
    },
    einde(res: Response): void {
      res.clearCookie(naam, opties());
    },
  };
}
export type Sessies = ReturnType<typeof sessies>;

/**
 * The secrets that sign the session cookies: SESSION_SECRETS (every API replica the same; the first
 * signs, all verify, so a secret can be rotated), else one in `file`, written on first start.
 */
export function sessieSleutels(opts: { sessionSecrets?: string; sessionSecretFile: string }): string[] {
  if (opts.sessionSecrets) {
    const sleutels = opts.sessionSecrets.split(',').map((s) => s.trim());
    if (sleutels.some((s) => s.length < 32))
      throw new Error('SESSION_SECRETS: elk geheim is minstens 32 tekens (bijvoorbeeld: openssl rand -base64 32)');
    return sleutels;
  }
  const uitBestand = (): string[] => {
    const sleutel = fs.readFileSync(opts.sessionSecretFile, 'utf8').trim();
    // An empty key would let anyone sign a cookie.
    if (sleutel.length < 32) throw new Error(`${opts.sessionSecretFile}: het geheim is minstens 32 tekens`);
    return [sleutel];
  };
  try {
    return uitBestand();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  fs.mkdirSync(path.dirname(opts.sessionSecretFile), { recursive: true });
  const sleutel = randomBytes(32).toString('base64url');
  try {
    fs.writeFileSync(opts.sessionSecretFile, `${sleutel}\n`, { mode: 0o600, flag: 'wx' });
    return [sleutel];
  } catch (err) {
    // Another process wrote it first: use that one.
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return uitBestand();
    throw err;
  }
}
