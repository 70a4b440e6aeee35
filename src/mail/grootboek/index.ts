import path from 'node:path';
import type { Config } from '../../config';
import { importeerBestanden } from './bestanden';
import { PostgresGrootboek } from './postgres';
import { SqliteGrootboek } from './sqlite';

/** What the ledger knows of a key that went out. */
export interface VerzondenRij {
  messageId: string;
  /** How many recipients the SMTP server refused. */
  geweigerd: number;
}

/** A row of the old file ledger (`$DATA_DIR/outbox/<hash>.json`, its `.claim` beside it). */
export type OudeRij =
  | { hash: string; state: 'verzonden'; messageId: string; sentAt: Date; geweigerd: number }
  | { hash: string; state: 'bezig'; owner: string; claimedAt: Date };

/**
 * The outbox's ledger: one row per message key (its SHA-256, not the key itself), either `bezig`
 * (claimed by `owner` at `claimed_at`) or `verzonden`. Every change is one atomic statement, so
 * workers sharing the database never both hold a key.
 */
export interface Grootboek {
  verzonden(hash: string): Promise<VerzondenRij | undefined>;
  /**
   * Claims the key for `owner`: a new row, or a takeover of a claim not renewed for `vensterMs`
   * (its attempt is gone and the SMTP server had its time). False when sent or held by another.
   */
  claim(hash: string, owner: string, vensterMs: number): Promise<boolean>;
  /** The attempt still runs (or its outcome just became unknown): the window starts again. */
  verleng(hash: string, owner: string): Promise<boolean>;
  /** Only while `owner` holds the claim. */
  markeerVerzonden(hash: string, owner: string, rij: VerzondenRij): Promise<boolean>;
  /** The server refused it or was never reached: a retry may send at once. */
  geefVrij(hash: string, owner: string): Promise<void>;
  /** Rows of the old file ledger; a key the database already has is left alone. */
  importeer(rijen: OudeRij[]): Promise<number>;
  close(): Promise<void>;
}

/**
 * PostgreSQL when `OUTBOX_DATABASE_URL` is set (workers on several machines), else SQLite in
 * DATA_DIR. The old file ledger, if any, is imported first, so an upgrade never sends again.
 */
export async function openGrootboek(config: Pick<Config, 'dataDir' | 'outboxDatabaseUrl'>): Promise<Grootboek> {
  const grootboek = config.outboxDatabaseUrl
    ? new PostgresGrootboek(config.outboxDatabaseUrl)
    : new SqliteGrootboek(path.join(config.dataDir, 'outbox.sqlite'));
  try {
    await importeerBestanden(path.join(config.dataDir, 'outbox'), grootboek);
  } catch (err) {
    await grootboek.close();
    throw err;
  }
  return grootboek;
}
