import pg from 'pg';
import type { Grootboek, OudeRij, VerzondenRij } from './index';

const SCHEMA = `CREATE TABLE IF NOT EXISTS outbox (
  sleutel_hash TEXT PRIMARY KEY,
  state TEXT NOT NULL CHECK (state IN ('bezig', 'verzonden')),
  owner TEXT,
  claimed_at TIMESTAMPTZ,
  message_id TEXT,
  sent_at TIMESTAMPTZ,
  geweigerd INTEGER
)`;

/**
 * The ledger shared by workers on several machines (the compose stack's PostgreSQL). Times are the
 * database's clock, so the workers' clocks need not agree. Each change is one statement in its own
 * transaction; a racing INSERT waits for the other's commit and then sees its row.
 */
export class PostgresGrootboek implements Grootboek {
  private readonly pool: pg.Pool;
  private schema?: Promise<unknown>;

  constructor(url: string) {
    this.pool = new pg.Pool({ connectionString: url, max: 4 });
    // A dropped idle connection is replaced on the next query; it must not crash the worker.
    this.pool.on('error', () => undefined);
  }

  private async query<R extends pg.QueryResultRow>(sql: string, values: unknown[]): Promise<pg.QueryResult<R>> {
    // Created on first use; two workers creating it at once: IF NOT EXISTS, and a lost race is retried.
    this.schema ??= this.pool.query(SCHEMA).catch(() => this.pool.query(SCHEMA));
    try {
      await this.schema;
    } catch (err) {
      this.schema = undefined;
      throw err;
    }
    return this.pool.query<R>(sql, values);
  }

  async verzonden(hash: string): Promise<VerzondenRij | undefined> {
    const { rows } = await this.query<{ message_id: string; geweigerd: number }>(
      `SELECT message_id, geweigerd FROM outbox WHERE sleutel_hash = $1 AND state = 'verzonden'`,
      [hash],
    );
    return rows[0] && { messageId: rows[0].message_id, geweigerd: rows[0].geweigerd };
  }

  async claim(hash: string, owner: string, vensterMs: number): Promise<boolean> {
    const { rows } = await this.query<{ owner: string }>(
      `INSERT INTO outbox (sleutel_hash, state, owner, claimed_at) VALUES ($1, 'bezig', $2, clock_timestamp())
       ON CONFLICT (sleutel_hash) DO UPDATE SET owner = EXCLUDED.owner, claimed_at = EXCLUDED.claimed_at
       WHERE outbox.state = 'bezig' AND outbox.claimed_at < clock_timestamp() - $3 * interval '1 millisecond'
       RETURNING owner`,
      [hash, owner, vensterMs],
    );
    return rows[0]?.owner === owner;
  }

  async verleng(hash: string, owner: string): Promise<boolean> {
    const { rowCount } = await this.query(
      `UPDATE outbox SET claimed_at = clock_timestamp() WHERE sleutel_hash = $1 AND state = 'bezig' AND owner = $2`,
      [hash, owner],
    );
    return rowCount === 1;
  }

  async markeerVerzonden(hash: string, owner: string, rij: VerzondenRij): Promise<boolean> {
    const { rowCount } = await this.query(
      `UPDATE outbox SET state = 'verzonden', message_id = $3, sent_at = clock_timestamp(), geweigerd = $4,
         owner = NULL, claimed_at = NULL
       WHERE sleutel_hash = $1 AND state = 'bezig' AND owner = $2`,
      [hash, owner, rij.messageId, rij.geweigerd],
    );
    return rowCount === 1;
  }

  async geefVrij(hash: string, owner: string): Promise<void> {
    await this.query(`DELETE FROM outbox WHERE sleutel_hash = $1 AND state = 'bezig' AND owner = $2`, [hash, owner]);
  }

  async importeer(rijen: OudeRij[]): Promise<number> {
    let n = 0;
    for (const r of rijen) {
      const { rowCount } = await this.query(
        `INSERT INTO outbox (sleutel_hash, state, owner, claimed_at, message_id, sent_at, geweigerd)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (sleutel_hash) DO NOTHING`,
        r.state === 'verzonden'
          ? [r.hash, r.state, null, null, r.messageId, r.sentAt, r.geweigerd]
          : [r.hash, r.state, r.owner, r.claimedAt, null, null, null],
      );
      n += rowCount ?? 0;
    }
    return n;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
