import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { brinCodeSchema, roles, rolSchema } from '../shared/zaak';

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
    token: z.string().min(16),
    id: z.string().min(1),
    naam: z.string().min(1),
    rol: rolSchema,
    brins: z.array(brinCodeSchema).default([]),
  })
  .refine((e) => e.rol !== 'school' || e.brins.length > 0, { message: 'een school-token noemt minstens één BRIN' });

/** The token config file: `{ "tokens": [ { token, id, naam, rol, brins } ] }`. */
export const tokenFileSchema = z.object({ tokens: z.array(tokenEntrySchema).min(1) });
export type TokenFile = z.infer<typeof tokenFileSchema>;

export type TokenStore = Map<string, Actor>;

export function tokenStore(file: TokenFile): TokenStore {
  return new Map(file.tokens.map(({ token, ...actor }) => [token, actor]));
}

/**
 * The token config for the API: `TOKENS_FILE` (default `data/tokens.json`, which the embedded
 * default writes on first start).
 */
export function loadTokenFile(file: string): TokenFile {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`Ongeldig tokenbestand ${file}: geen leesbare JSON (${(err as Error).message})`);
  }
  const parsed = tokenFileSchema.safeParse(json);
  if (!parsed.success) throw new Error(`Ongeldig tokenbestand ${file}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** Dev actors, one per role, for the embedded default. */
export const DEV_SCHOOL_BRINS = ['12AB', '34CD'];
export function devTokenFile(): TokenFile {
  const make = (rol: Role, id: string, naam: string, brins: string[] = []) => ({
    token: `dev-${rol}-${randomBytes(16).toString('hex')}`,
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
 * First start of the embedded default: the token config (`tokens.json`) and the dev-token
 * file clients read (`dev-tokens.json`: `{ "<role>": "<token>" }`). Existing files are kept.
 */
export function ensureDevTokens({ tokensFile, devTokensFile }: { tokensFile: string; devTokensFile: string }): void {
  if (!fs.existsSync(tokensFile)) {
    fs.mkdirSync(path.dirname(tokensFile), { recursive: true });
    fs.writeFileSync(tokensFile, JSON.stringify(devTokenFile(), null, 2) + '\n', { mode: 0o600 });
  }
  if (!fs.existsSync(devTokensFile)) {
    const byRole = Object.fromEntries(loadTokenFile(tokensFile).tokens.map((t) => [t.rol, t.token]));
    fs.writeFileSync(devTokensFile, JSON.stringify(byRole, null, 2) + '\n', { mode: 0o600 });
  }
}
