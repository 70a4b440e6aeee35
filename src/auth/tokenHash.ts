import { createHash, randomBytes } from 'node:crypto';

/**
 * How a token is stored: `sha256:<hex>` of the token. A plain SHA-256 (no salt, no slow hash) is
 * enough because our tokens are random with at least 128 bits of entropy: no dictionary or rainbow
 * table covers that space, and a salt or scrypt only helps against guessable secrets such as
 * passwords. It also keeps the lookup per request cheap.
 */
export const TOKEN_HASH = /^sha256:[0-9a-f]{64}$/;

export function hashToken(token: string): string {
  return `sha256:${digest(token).toString('hex')}`;
}

/** The 32 bytes behind `sha256:<hex>`, or of a presented token: what is compared in constant time. */
export function digest(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

export function digestOfHash(tokenHash: string): Buffer {
  return Buffer.from(tokenHash.slice('sha256:'.length), 'hex');
}

/** A new token: 32 random bytes (256 bits), URL-safe, so it fits in a header and a shell variable. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}
