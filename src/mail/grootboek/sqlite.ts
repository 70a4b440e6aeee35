import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Grootboek, OudeRij, VerzondenRij } from './index';

/**
 * The ledger on the embedded default: one SQLite file in DATA_DIR, shared by the worker processes
 * of one machine (WAL, and a busy wait instead of an error while another one writes). Times are
 * milliseconds of this machine's clock. Workers on other machines use PostgreSQL: SQLite's locks do
 * not hold on a network file system.
 */
export class SqliteGrootboek implements Grootboek {
  private readonly db: Database.Database;
  private readonly q;

  constructor(file: string) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file, { timeout: 10_000 });
    this.db.pragma('journal_mode = WAL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS outbox (
      sleutel_hash TEXT PRIMARY KEY,
      state TEXT NOT NULL CHECK (state IN ('bezig', 'verzonden')),
      owner TEXT,
      claimed_at INTEGER,
      message_id TEXT,
      sent_at INTEGER,
      geweigerd INTEGER
    )`);
    this.q = {
      verzonden: this.db.prepare<[string], { message_id: string; geweigerd: number }>(
        `SELECT message_id, geweigerd FROM outbox WHERE sleutel_hash = ? AND state = 'verzonden'`,
      ),
      // One statement: a new row, or a takeover of a stale claim; a sent row is never touched.
      claim: this.db.prepare<[string, string, number, number], { owner: string }>(
        `INSERT INTO outbox (sleutel_hash, state, owner, claimed_at) VALUES (?, 'bezig', ?, ?)
         ON CONFLICT (sleutel_hash) DO UPDATE SET owner = excluded.owner, claimed_at = excluded.claimed_at
         WHERE outbox.state = 'bezig' AND outbox.claimed_at < ?
         RETURNING owner`,
      ),
      verleng: this.db.prepare<[number, string, string]>(
        `UPDATE outbox SET claimed_at = ? WHERE sleutel_hash = ? AND state = 'bezig' AND owner = ?`,
      ),
      verzend: this.db.prepare<[string, number, number, string, string]>(
        `UPDATE outbox SET state = 'verzonden', message_id = ?, sent_at = ?, geweigerd = ?, owner = NULL, claimed_at = NULL
         WHERE sleutel_hash = ? AND state = 'bezig' AND owner = ?`,
      ),
      geefVrij: this.db.prepare<[string, string]>(
        `DELETE FROM outbox WHERE sleutel_hash = ? AND state = 'bezig' AND owner = ?`,
      ),
      importeer: this.db.prepare<
        [string, string, string | null, number | null, string | null, number | null, number | null]
      >(
        `INSERT INTO outbox (sleutel_hash, state, owner, claimed_at, message_id, sent_at, geweigerd)
         VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sleutel_hash) DO NOTHING`,
      ),
    };
  }

  async verzonden(hash: string): Promise<VerzondenRij | undefined> {
    const rij = this.q.verzonden.get(hash);
    return rij && { messageId: rij.message_id, geweigerd: rij.geweigerd };
  }

  async claim(hash: string, owner: string, vensterMs: number): Promise<boolean> {
    const nu = Date.now();
    return this.q.claim.get(hash, owner, nu, nu - vensterMs)?.owner === owner;
  }

  async verleng(hash: string, owner: string): Promise<boolean> {
    return this.q.verleng.run(Date.now(), hash, owner).changes === 1;
  }

  async markeerVerzonden(hash: string, owner: string, rij: VerzondenRij): Promise<boolean> {
    return this.q.verzend.run(rij.messageId, Date.now(), rij.geweigerd, hash, owner).changes === 1;
  }

  async geefVrij(hash: string, owner: string): Promise<void> {
    this.q.geefVrij.run(hash, owner);
  }

  async importeer(rijen: OudeRij[]): Promise<number> {
    const alle = this.db.transaction((rs: OudeRij[]) =>
      rs.reduce(
        (n, r) =>
          n +
          (r.state === 'verzonden'
            ? this.q.importeer.run(r.hash, r.state, null, null, r.messageId, r.sentAt.getTime(), r.geweigerd)
            : this.q.importeer.run(r.hash, r.state, r.owner, r.claimedAt.getTime(), null, null, null)
          ).changes,
        0,
      ),
    );
    return alle(rijen);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
