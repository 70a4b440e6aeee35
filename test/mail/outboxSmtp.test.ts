/**
 * The outbox against slow and silent SMTP servers (RFC 5321 §4.5.3.2: the reply to the end of DATA
 * may take 10 minutes), and the upgrade from the file ledger. The embedded default's ledger
 * (SQLite); test/mail/outboxClaims.test.ts runs the claims on PostgreSQL too.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { MockActivityEnvironment } from '@temporalio/testing';
import { berichtActiviteiten } from '../../src/activities/berichten';
import { openGrootboek } from '../../src/mail/grootboek';
import type { Bericht } from '../../src/shared/bericht';
import { SqliteGrootboek } from '../../src/mail/grootboek/sqlite';
import { Outbox, type OutboxOpties } from '../../src/mail/outbox';
import { ledgerRijen } from '../helpers/grootboek';
import { smtpTeller } from '../helpers/smtpTeller';
import { tempDirs } from '../helpers/tmp';

const tmp = tempDirs();
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const bericht = (sleutel: string) => ({ sleutel, aan: ['ouder@example.nl'], onderwerp: 'Test', tekst: 'Test\n' });

describe('Outbox against slow and silent SMTP servers', () => {
  const outboxes: Outbox[] = [];
  const outbox = (url: string, file: string, opties?: OutboxOpties) => {
    const o = new Outbox(url, 'Test <noreply@x.local>', new SqliteGrootboek(file), opties);
    outboxes.push(o);
    return o;
  };
  afterEach(async () => {
    for (const o of outboxes.splice(0)) await o.close();
  });

  it('waits 40 s for the end of DATA: each message stored once, a retry meanwhile sends nothing, the activity heartbeats', async () => {
    const server = await smtpTeller(40_000);
    try {
      const file = path.join(tmp('outbox-traag-'), 'outbox.sqlite');
      const worker = outbox(server.url, file);
      const sleutels = ['traag/1', 'traag/2', 'traag/3'];
      const begin = Date.now();
      const pogingen = sleutels.map((s) => worker.send(bericht(s)));
      // One more through the activity, as Temporal runs it: it tells Temporal it lives meanwhile.
      const activiteit = new MockActivityEnvironment();
      let hartslagen = 0;
      activiteit.on('heartbeat', () => hartslagen++);
      const { stuurNotificatie } = berichtActiviteiten(worker, {});
      const viaActiviteit = activiteit.run(stuurNotificatie, {
        sleutel: 'traag/activiteit',
        sjabloon: 'verlenging-ouders',
        aan: [{ rol: 'ouders', email: 'ouder@example.nl' }],
        gegevens: {
          leerling: 'Sanne',
          school: 'De Regenboog',
          beslisdatum: 'maandag 24 augustus 2026',
          weken: '4',
          reden: 'onderzoek',
        },
      } satisfies Bericht);
      await sleep(2000);
      // A retry (the activity timed out) and another worker, while the server still holds the data.
      await expect(worker.send(bericht('traag/1'))).rejects.toThrow('andere poging');
      await expect(outbox(server.url, file).send(bericht('traag/2'))).rejects.toThrow('andere poging');
      const uitkomsten = await Promise.all(pogingen);
      expect(Date.now() - begin).toBeGreaterThanOrEqual(40_000);
      expect(uitkomsten.map((u) => u.alVerzonden)).toEqual([false, false, false]);
      expect(await viaActiviteit).toMatchObject([{ alVerzonden: false }]);
      expect(hartslagen).toBeGreaterThanOrEqual(3);
      for (const s of sleutels) expect(await worker.send(bericht(s))).toMatchObject({ alVerzonden: true });
      const verwacht = [...sleutels, 'traag/activiteit/ouders'].map((s) => worker.messageId(s));
      expect(server.opgeslagen.sort()).toEqual(verwacht.sort());
      expect(ledgerRijen(file)).toEqual({ verzonden: 4 });
    } finally {
      await server.close();
    }
  }, 60_000);

  it('keeps the claim of an attempt that timed out: the server may still deliver, so no retry within the window', async () => {
    const server = await smtpTeller('nooit');
    try {
      const file = path.join(tmp('outbox-stil-'), 'outbox.sqlite');
      // A client timeout of 0.5 s stands in for the 10 minutes.
      const url = `${server.url}?socketTimeout=500`;
      await expect(outbox(url, file).send(bericht('stil/1'))).rejects.toMatchObject({ code: 'ETIMEDOUT' });
      expect(server.opgeslagen).toHaveLength(1);
      expect(ledgerRijen(file)).toEqual({ bezig: 1 });
      await expect(outbox(url, file).send(bericht('stil/1'))).rejects.toThrow('andere poging');
      expect(server.opgeslagen).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});

describe('upgrade from the file ledger ($DATA_DIR/outbox/*.json)', () => {
  it('imports sent keys and claims once: nothing sent again, a stale claim taken over after its window', async () => {
    const server = await smtpTeller();
    const dataDir = tmp('outbox-upgrade-');
    const oud = path.join(dataDir, 'outbox');
    fs.mkdirSync(oud);
    fs.writeFileSync(
      path.join(oud, `${sha256('oud/verzonden')}.json`),
      JSON.stringify({ messageId: '<x@y>', verzonden: '2026-11-01T10:00:00.000Z', geweigerd: 0 }),
    );
    fs.writeFileSync(path.join(oud, `${sha256('oud/half')}.json`), '{"messageId":');
    fs.writeFileSync(path.join(oud, `${sha256('oud/bezig')}.json.claim`), 'oude-poging');
    const stale = path.join(oud, `${sha256('oud/dood')}.json.claim`);
    fs.writeFileSync(stale, 'dode-poging');
    fs.utimesSync(stale, new Date(Date.now() - 20 * 60_000), new Date(Date.now() - 20 * 60_000));

    for (let start = 0; start < 2; start++) {
      const o = new Outbox(server.url, 'Test <noreply@x.local>', await openGrootboek({ dataDir }));
      try {
        expect(await o.send(bericht('oud/verzonden'))).toMatchObject({ alVerzonden: true });
        expect(await o.send(bericht('oud/half'))).toMatchObject({ alVerzonden: true });
        await expect(o.send(bericht('oud/bezig'))).rejects.toThrow('andere poging');
        // Older than the window: its outcome is known by now, and it was not recorded as sent.
        expect(await o.send(bericht('oud/dood'))).toMatchObject({ alVerzonden: start === 1 });
      } finally {
        await o.close();
      }
    }
    expect(server.opgeslagen).toEqual([`<${sha256('oud/dood').slice(0, 32)}@passendonderwijs.local>`]);
    expect(ledgerRijen(path.join(dataDir, 'outbox.sqlite'))).toEqual({ verzonden: 3, bezig: 1 });
    await server.close();
  });
});
