import { timingSafeEqual } from 'node:crypto';
import { DEFAULT_TZ, toInstant } from '../domain/dates';
import type { Actor, TokenFile } from './actors';
import { bearerToken, type Authenticator, type AuthResult, type Credentials } from './authenticator';
import { digestOfHash, hashToken, TOKEN_HASH } from './tokenHash';

interface Entry {
  digest: Buffer;
  actor: Actor;
  /** Epoch ms from which the token is refused; Infinity without `geldigTot`. */
  vervaltOp: number;
}

/** The tokens of one version of the token file, ready to compare. */
export interface TokenSet {
  zoek(token: string, nu: number): AuthResult;
  /** By the token's hash (`sha256:<hex>`): a werkbak session's. */
  zoekHash(tokenHash: string, nu: number): AuthResult;
  aantal: number;
  /** Entries that hold the token itself (legacy): the API warns about them. */
  leesbaar: number;
}

export function tokenSet(file: TokenFile): TokenSet {
  const entries: Entry[] = file.tokens.map(({ token, tokenHash, geldigTot, id, naam, rol, brins }) => ({
    digest: digestOfHash(tokenHash ?? hashToken(token ?? '')),
    actor: { id, naam, rol, brins },
    vervaltOp: vervaltOp(geldigTot),
  }));
  return {
    aantal: entries.length,
    leesbaar: file.tokens.filter((t) => t.token !== undefined).length,
    zoek(token, nu) {
      return this.zoekHash(hashToken(token), nu);
    },
    zoekHash(tokenHash, nu) {
      if (!TOKEN_HASH.test(tokenHash)) return { geweigerd: 'onbekend' };
      // Constant time: the presented token's digest is compared with every entry, without stopping
      // at a match, so the answer time says nothing about which bytes or which entry matched.
      const presented = digestOfHash(tokenHash);
      let hit: Entry | undefined;
      for (const e of entries) if (timingSafeEqual(e.digest, presented) && !hit) hit = e;
      if (!hit) return { geweigerd: 'onbekend' };
      if (nu >= hit.vervaltOp) return { geweigerd: 'verlopen' };
      return { actor: hit.actor };
    },
  };
}

/** `geldigTot`: a moment with its offset, or a date meaning 00:00 Europe/Amsterdam (Dutch "tot" excludes it). */
export function vervaltOp(geldigTot: string | undefined): number {
  if (geldigTot === undefined) return Infinity;
  const at = /^\d{4}-\d{2}-\d{2}$/.test(geldigTot) ? toInstant(geldigTot, '00:00', DEFAULT_TZ) : Date.parse(geldigTot);
  return Number.isNaN(at) ? -Infinity : at; // the schema refuses such a value; if one slips through, it fails closed
}

/** A fixed set of tokens (tests, tools): what the token file gives, without watching a file. */
export function tokenAuthenticator(file: TokenFile, now: () => number = Date.now): Authenticator {
  const set = tokenSet(file);
  return {
    actorVoor: (credentials) => lookUp(set, credentials, now()),
  };
}

/** `undefined` without credentials. */
export function lookUp(set: TokenSet, { authorization, sessie }: Credentials, nu: number): AuthResult | undefined {
  if (sessie !== undefined) return set.zoekHash(sessie, nu);
  if (authorization === undefined) return undefined;
  const token = bearerToken(authorization);
  return token === undefined ? { geweigerd: 'onbekend' } : set.zoek(token, nu);
}
