import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { brinCodeSchema, roles, rolSchema } from '../shared/zaak';
import { hashToken, newToken, TOKEN_HASH } from './tokenHash';

export { roles };
export type Role = z.infer<typeof rolSchema>;

/** Who acts: recorded with every decision (role + id + display name). */
export interface Actor {
  id: string;
  naam: string;
  rol: Role;
  /** School scope: the BRIN codes a `school` actor may see and act on. */
  brins: string[];
}

const tokenEntrySchema = z
  .object({
    /** Legacy: the token itself. Still read (hashed at load), but the API warns about it. */
    token: z.string().min(16).optional(),
    tokenHash: z
      .string()
      .toLowerCase()
      .regex(TOKEN_HASH, { error: 'tokenHash is sha256: gevolgd door 64 hexadecimale tekens' })
      .optional(),
    id: z.string().min(1),
    naam: z.string().min(1),
    rol: rolSchema,
    brins: z.array(brinCodeSchema).default([]),
    /** The moment the token stops working; a date alone means 00:00 Europe/Amsterdam of that day. */
    geldigTot: z
      .union([z.iso.datetime({ offset: true }), z.iso.date()], {
        error: 'geldigTot is een datum (2027-08-01) of een tijdstip met tijdzone (2027-08-01T17:00:00+02:00)',
      })
      .optional(),
  })
  .refine((e) => (e.token === undefined) !== (e.tokenHash === undefined), {
    message: 'een token noemt precies één van tokenHash of token',
  })
  .refine((e) => e.rol !== 'school' || e.brins.length > 0, { message: 'een school-token noemt minstens één BRIN' });

/** The token config file: `{ "tokens": [ { tokenHash, id, naam, rol, brins, geldigTot? } ] }`. */
export const tokenFileSchema = z.object({ tokens: z.array(tokenEntrySchema).min(1) }).superRefine((file, ctx) => {
  // One token, one actor: a token listed twice would make the actor depend on the order.
  const seen = new Map<string, number>();
  file.tokens.forEach((e, i) => {
    const hash = e.tokenHash ?? hashToken(e.token ?? '');
    const first = seen.get(hash);
    if (first === undefined) seen.set(hash, i);
    else ctx.addIssue({ code: 'custom', path: ['tokens', i], message: `hetzelfde token als tokens[${first}]` });
  });
});
export type TokenFile = z.infer<typeof tokenFileSchema>;
export type TokenEntry = TokenFile['tokens'][number];
/** A token file whose entries still hold the tokens themselves: the dev tokens, before hashing. */
export interface DevTokenFile {
  tokens: Array<TokenEntry & { token: string }>;
}

/**
 * The token config for the API: `TOKENS_FILE` (default `data/tokens.json`, which the embedded
 * default writes on first start).
 */
export function loadTokenFile(file: string): TokenFile {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`Ongeldig tokenbestand ${file}: niet leesbaar (${(err as Error).message})`);
  }
  return parseTokenFile(text, file);
}

export function parseTokenFile(text: string, file: string): TokenFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // Not the parser's message: Node quotes a piece of the text in it, which may be a token.
    throw new Error(`Ongeldig tokenbestand ${file}: geen geldige JSON`);
  }
  const parsed = tokenFileSchema.safeParse(json);
  if (!parsed.success) throw new Error(`Ongeldig tokenbestand ${file}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** The file as it is stored: every legacy `token` replaced by its `tokenHash`. */
export function withHashes(file: TokenFile): TokenFile {
  return {
    tokens: file.tokens.map(({ token, ...rest }) =>
      token === undefined ? rest : { tokenHash: hashToken(token), ...rest },
    ),
  };
}

/** Dev actors, one per role, for the embedded default; `given` keeps tokens a client already has. */
export const DEV_SCHOOL_BRINS = ['12AB', '34CD'];
export function devTokenFile(given: Partial<Record<Role, string>> = {}): DevTokenFile {
  const make = (rol: Role, id: string, naam: string, brins: string[] = []) => ({
    token: given[rol] ?? `dev-${rol}-${newToken()}`,
    id,
    naam,
    rol,
    brins,
  });
  return {
    tokens: [
      make('coordinator', 'dev-coordinator', 'Coördinator (dev)'),
      make('school', 'dev-school', 'School 12AB (dev)', [DEV_SCHOOL_BRINS[0]]),
      make('directeur', 'dev-directeur', 'Directeur SWV (dev)'),
      make('deskundige', 'dev-deskundige', 'Deskundige (dev)'),
      make('bestuur', 'dev-bestuur', 'Dagelijks Bestuur (dev)'),
    ],
  };
}

/**
 * The embedded default: the token config (`tokens.json`, hashes only) and the dev-token file
 * clients read (`dev-tokens.json`: `{ "<role>": "<token>" }`). Existing dev tokens are kept; a
 * `tokens.json` of an older version that still holds the tokens themselves is rewritten with
 * hashes. Without `dev-tokens.json` the plain tokens are gone, so the dev entries get new ones.
 */
export function ensureDevTokens({ tokensFile, devTokensFile }: { tokensFile: string; devTokensFile: string }): void {
  fs.mkdirSync(path.dirname(tokensFile), { recursive: true });
  const dev = readDevTokens(devTokensFile);
  if (!fs.existsSync(tokensFile)) {
    const file = devTokenFile(dev);
    writeSecret(tokensFile, withHashes(file));
    if (!dev) writeSecret(devTokensFile, byRole(file.tokens));
    return;
  }
  if (dev) return hashLegacy(tokensFile);
  const file = loadTokenFile(tokensFile);
  const plain = file.tokens.filter((t): t is TokenEntry & { token: string } => t.token !== undefined);
  if (roles.every((r) => plain.some((t) => t.rol === r))) {
    writeSecret(devTokensFile, byRole(plain));
    return hashLegacy(tokensFile);
  }
  const fresh = devTokenFile();
  const kept = file.tokens.filter((t) => !fresh.tokens.some((f) => f.id === t.id));
  writeSecret(tokensFile, withHashes({ tokens: [...kept, ...fresh.tokens] }));
  writeSecret(devTokensFile, byRole(fresh.tokens));
}

function hashLegacy(tokensFile: string): void {
  let file: TokenFile;
  try {
    file = loadTokenFile(tokensFile);
  } catch {
    return; // the API names what is wrong with it when it starts
  }
  if (file.tokens.some((t) => t.token !== undefined)) writeSecret(tokensFile, withHashes(file));
}

function readDevTokens(file: string): Record<Role, string> | undefined {
  try {
    const json = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    const ok = roles.every((r) => typeof json[r] === 'string' && json[r].length >= 16);
    return ok ? (json as Record<Role, string>) : undefined;
  } catch {
    return undefined;
  }
}

const byRole = (tokens: Array<{ rol: Role; token: string }>) => Object.fromEntries(tokens.map((t) => [t.rol, t.token]));

/** Written whole or not at all (a reader never sees half a file), readable by the owner only. */
function writeSecret(file: string, data: unknown): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(data, null, 2) + '\n', { mode: 0o600 });
  fs.renameSync(tmp, file);
}
