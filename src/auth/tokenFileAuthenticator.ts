import fs from 'node:fs';
import type { Logger } from '../log';
import { parseTokenFile } from './actors';
import type { Authenticator } from './authenticator';
import { lookUp, tokenSet, type TokenSet } from './tokenSet';

export interface TokenFileOptions {
  logger: Logger;
  /** How often a request may look whether the file changed (one read of a small file). */
  checkEveryMs?: number;
  now?: () => number;
}

/**
 * The token file behind `TOKENS_FILE`, re-read when it changes: a removed token stops working
 * within `checkEveryMs` (1 s) without a restart. At most once per interval a request reads the file
 * and compares its text with the last: a few kilobytes a second, and unlike fs.watch or mtimes it
 * notices every kind of change (an editor that replaces the file, a rewrite in place within one
 * timestamp tick, a Kubernetes secret whose symlink is swapped) on every file system. A file that is
 * invalid or gone keeps the last good set in force and logs an error once, so a typo never locks
 * every school out; the file at start must be valid, or the API does not start.
 */
export function tokenFileAuthenticator(
  file: string,
  { logger, checkEveryMs = 1000, now = Date.now }: TokenFileOptions,
): Authenticator {
  const parse = (text: string) => {
    if (text.startsWith(MISSING)) throw new Error(`Ongeldig tokenbestand ${file}: niet leesbaar (${text.slice(1)})`);
    return tokenSet(parseTokenFile(text, file));
  };
  let versie = read(file);
  let current = parse(versie);
  let checked = now();
  let warned = false;
  const warnIfPlain = (set: TokenSet) => {
    if (warned || set.leesbaar === 0) return;
    warned = true;
    logger.warn(
      { bestand: file, leesbaar: set.leesbaar },
      'het tokenbestand bevat tokens zelf in plaats van tokenHash: vervang ze (README, Tokens)',
    );
  };
  warnIfPlain(current);

  const reread = () => {
    const next = read(file);
    if (next === versie) return;
    versie = next;
    try {
      current = parse(next);
      logger.info({ bestand: file, aantal: current.aantal }, 'tokenbestand opnieuw gelezen');
      warnIfPlain(current);
    } catch (err) {
      logger.error(
        { bestand: file, fout: (err as Error).message },
        'tokenbestand ongeldig: de vorige tokens blijven gelden tot het bestand hersteld is',
      );
    }
  };

  return {
    actorVoor(credentials) {
      if (credentials.authorization === undefined && credentials.sessie === undefined) return undefined;
      if (now() - checked >= checkEveryMs) {
        checked = now();
        reread();
      }
      return lookUp(current, credentials, now());
    },
  };
}

/** The file's text, or why it cannot be read (a NUL byte never occurs in a JSON text). */
const MISSING = '\0';
function read(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    return `${MISSING}${(err as NodeJS.ErrnoException).code}`;
  }
}
