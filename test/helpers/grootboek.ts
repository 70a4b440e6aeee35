import Database from 'better-sqlite3';

/** The outbox's SQLite ledger as a test reads it: its rows per state (`bezig`, `verzonden`). */
export function ledgerRijen(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('SELECT state, count(*) AS n FROM outbox GROUP BY state').all() as {
      state: string;
      n: number;
    }[];
    return Object.fromEntries(rows.map((r) => [r.state, r.n]));
  } finally {
    db.close();
  }
}
