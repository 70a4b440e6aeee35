/**
 * The outbox's claims on both ledgers (SQLite, the embedded default; PostgreSQL, a throwaway
 * cluster of this file): a key whose attempt died is not sent again within the outcome window and
 * is once it passed; a running attempt keeps its claim; two worker processes on one database never
 * send a key twice.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Grootboek } from '../../src/mail/grootboek';
import { PostgresGrootboek } from '../../src/mail/grootboek/postgres';
import { SqliteGrootboek } from '../../src/mail/grootboek/sqlite';
import { Outbox, UITKOMST_ONBEKEND_MS, type OutboxOpties } from '../../src/mail/outbox';
import { startPostgres } from '../helpers/postgres';
import { smtpTeller } from '../helpers/smtpTeller';
import { tempDirs } from '../helpers/tmp';

const tmp = tempDirs();
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const bericht = (sleutel: string) => ({ sleutel, aan: ['ouder@example.nl'], onderwerp: 'Test', tekst: 'Test\n' });
const RACER = path.join(__dirname, '..', 'fixtures', 'outboxRacer.js');

describe.each(['sqlite', 'postgres'] as const)('the outbox ledger on %s', (soort) => {
  let ledger: string;
  let stopPostgres: (() => Promise<void>) | undefined;
  let sink: Awaited<ReturnType<typeof smtpTeller>>;
  const outboxes: Outbox[] = [];
  const open = (): Grootboek => (soort === 'postgres' ? new PostgresGrootboek(ledger) : new SqliteGrootboek(ledger));
  const outbox = (opties?: OutboxOpties, url = sink.url) => {
    const o = new Outbox(url, 'Test <noreply@x.local>', open(), opties);
    outboxes.push(o);
    return o;
  };

  beforeAll(async () => {
    sink = await smtpTeller();
    if (soort === 'postgres') {
      const pg = await startPostgres();
      ledger = pg.url;
      stopPostgres = pg.stop;
    } else {
      ledger = path.join(tmp('outbox-claims-'), 'outbox.sqlite');
    }
  }, 60_000);

  afterAll(async () => {
    for (const o of outboxes) await o.close();
    await sink?.close();
    await stopPostgres?.();
  });

  it('does not send a key whose worker died mid-send within the window, and sends it once the window passed', async () => {
    const sleutel = `${soort}/dode-worker`;
    // What a worker killed mid-send leaves: its claim, no sent row.
    const g = open();
    expect(await g.claim(sha256(sleutel), 'dode-worker', UITKOMST_ONBEKEND_MS)).toBe(true);
    await g.close();

    const id = outbox().messageId(sleutel);
    await expect(outbox().send(bericht(sleutel))).rejects.toThrow('al verzonden door een andere poging');
    await sleep(300);
    expect(sink.perId().get(id)).toBeUndefined();

    // 300 ms later, with a window of 200 ms: as a real retry 15 minutes later.
    const laat = await outbox({ uitkomstOnbekendMs: 200 }).send(bericht(sleutel));
    expect(laat).toMatchObject({ alVerzonden: false, messageId: id });
    expect(await outbox({ uitkomstOnbekendMs: 0 }).send(bericht(sleutel))).toMatchObject({ alVerzonden: true });
    await sleep(200);
    expect(sink.perId().get(id)).toBe(1);
  });

  it('keeps the claim of an attempt still running past the window (it renews it)', async () => {
    const traag = await smtpTeller(1500);
    try {
      const sleutel = `${soort}/lang-bezig`;
      const venster = { uitkomstOnbekendMs: 300 };
      const eerste = outbox(venster, traag.url).send(bericht(sleutel));
      await sleep(900);
      // Three windows after the claim: a retry finds it renewed, not stale.
      await expect(outbox(venster, traag.url).send(bericht(sleutel))).rejects.toThrow('andere poging');
      expect(await eerste).toMatchObject({ alVerzonden: false });
      expect(await outbox(venster, traag.url).send(bericht(sleutel))).toMatchObject({ alVerzonden: true });
      expect(traag.opgeslagen).toHaveLength(1);
    } finally {
      await traag.close();
    }
  });

  it('never sends a key twice with two worker processes racing over the same 40 keys', async () => {
    const race = await smtpTeller(20);
    try {
      const start = String(Date.now() + 2000);
      const run = () =>
        promisify(execFile)(process.execPath, [RACER, race.url, ledger, '40', start], { timeout: 60_000 });
      const uitkomsten = (await Promise.all([run(), run()])).map(
        (r) => JSON.parse(r.stdout) as { verzonden: number; alVerzonden: number; bezet: number },
      );
      // Each key went once, from one process or the other; the other found it sent.
      expect(uitkomsten.reduce((n, u) => n + u.verzonden, 0)).toBe(40);
      expect(uitkomsten.reduce((n, u) => n + u.alVerzonden, 0)).toBe(40);
      await sleep(300);
      expect(race.opgeslagen).toHaveLength(40);
      expect([...race.perId().values()].every((n) => n === 1)).toBe(true);
      expect(race.perId().size).toBe(40);
      // They did race: keys were met while the other process held them.
      console.log(`${soort}: ${JSON.stringify(uitkomsten)}`);
    } finally {
      await race.close();
    }
  });
});
