import type { Actor } from './actors';

/**
 * Who is asking, or why not. `onbekend` covers a malformed header too; `verlopen` is a known
 * credential past its end (the answer says so, not whose it was).
 */
export type AuthResult = { actor: Actor } | { geweigerd: 'onbekend' | 'verlopen' };

/**
 * Where the actor comes from. Today a token file (src/auth/tokenFileAuthenticator.ts); single
 * sign-on (OIDC through Entree Federatie or SURFconext) becomes another implementation that maps
 * its claims to an Actor, without touching routes. `undefined`: the request carries no
 * credentials, and each route decides whether it needs them.
 */
export interface Authenticator {
  actorVoor(req: Credentials): AuthResult | undefined | Promise<AuthResult | undefined>;
}

/**
 * An `Authorization` header (the API), or the token's hash that a werkbak session holds (the sign-in
 * checked the token; every page asks again, so a token removed or expired ends its sessions too).
 */
export interface Credentials {
  authorization?: string;
  sessie?: string;
}

/** The token of `Authorization: Bearer <token>`; undefined for any other form. */
export function bearerToken(authorization: string): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
}
