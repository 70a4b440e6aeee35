import fs from 'node:fs';
import path from 'node:path';
import { ApplicationFailure } from '@temporalio/common';
import { SMTPServer } from 'smtp-server';
import { berichtActiviteiten } from '../src/activities/berichten';
import { SqliteGrootboek } from '../src/mail/grootboek/sqlite';
import { Outbox, UitkomstOnbekend } from '../src/mail/outbox';
import type { Bericht } from '../src/shared/bericht';
import { startSmtpSink } from '../src/mail/sink';
import { decodeMimeWords, parseEml, waitFor } from './helpers/api';
import { ledgerRijen } from './helpers/grootboek';
import { tempDirs } from './helpers/tmp';

const tmp = tempDirs();
const emls = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.eml'));
const tmps = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'));
/** A ledger of its own per call, as a worker process opens it. */
const ledger = (dir: string) => new SqliteGrootboek(path.join(dir, 'outbox.sqlite'));

describe('Outbox → SMTP sink (real SMTP on loopback)', () => {
  let mailDir: string;
  let ledgerDir: string;
  let sink: { port: number; close: () => Promise<void> };
  const outboxes: Outbox[] = [];
  const outbox = () => {
    const o = new Outbox(`smtp://127.0.0.1:${sink.port}`, 'Test <noreply@x.local>', ledger(ledgerDir));
    outboxes.push(o);
    return o;
  };

  beforeAll(async () => {
    mailDir = path.join(tmp('mail-'), 'mail');
    ledgerDir = path.join(tmp('ledger-'), 'outbox');
    sink = await startSmtpSink({ port: 0, dir: mailDir });
  });

  afterAll(async () => {
    for (const o of outboxes) await o.close();
    await sink.close();
  });

  const bericht = {
    sleutel: 'wf-123/herinnering/2026-07-27',
    aan: ['ouder@example.nl', 'school@example.nl'],
    onderwerp: 'Herinnering: gesprek op maandag 27 juli 2026 — Zoë',
    tekst: 'Beste ouder,\n\nHet gesprek is op maandag 27 juli 2026 om 10:00.\nGroet, de coördinator (Jörg)\n',
  };

  it('listens on the port it reports and creates the mail directory', () => {
    expect(sink.port).toBeGreaterThan(0);
    expect(fs.statSync(mailDir).isDirectory()).toBe(true);
  });

  it('delivers a Dutch, non-ASCII message as one .eml file', async () => {
    const result = await outbox().send(bericht);
    expect(result).toEqual({
      sleutel: bericht.sleutel,
      messageId: expect.stringMatching(/^<[0-9a-f]{32}@passendonderwijs\.local>$/),
      alVerzonden: false,
      geweigerd: 0,
    });

    const [file] = await waitFor(async () => (emls(mailDir).length ? emls(mailDir) : undefined), 10_000);
    expect(emls(mailDir)).toHaveLength(1);
    expect(file).toMatch(/^\d{4}-\d{2}-\d{2}T.*\.eml$/);
    const { headers, body } = parseEml(fs.readFileSync(path.join(mailDir, file), 'utf8'));

    expect(headers.to).toContain('ouder@example.nl');
    expect(headers.to).toContain('school@example.nl');
    expect(headers.from).toContain('noreply@x.local');
    expect(headers['message-id']).toBe(result.messageId);
    expect(headers['x-bericht-sleutel']).toMatch(/^[0-9a-f]{16}$/);
    // The key itself (a workflow id) is not in the mail, only its hash.
    expect(fs.readFileSync(path.join(mailDir, file), 'utf8')).not.toContain('wf-123');
    // The raw subject is MIME-encoded (non-ASCII); decoded it is the original.
    expect(headers.subject).toMatch(/=\?UTF-8\?[BQ]\?/i);
    expect(decodeMimeWords(headers.subject)).toBe(bericht.onderwerp);
    expect(body).toContain('maandag 27 juli 2026 om 10:00');
    expect(body.trim()).toBe(bericht.tekst.trim());
    expect(body).toContain('coördinator (Jörg)');
    expect(tmps(mailDir)).toEqual([]);
  });

  it('sends the same key only once, also after a restart (new Outbox, same ledger)', async () => {
    const first = outbox();
    const again = await first.send(bericht);
    expect(again.alVerzonden).toBe(true);

    const restarted = outbox();
    const afterRestart = await restarted.send({ ...bericht, tekst: 'andere tekst' });
    expect(afterRestart.alVerzonden).toBe(true);
    expect(afterRestart.messageId).toBe(again.messageId);
    expect(restarted.messageId(bericht.sleutel)).toBe(again.messageId);

    // Give a (wrong) second delivery time to land before counting.
    await new Promise((r) => setTimeout(r, 500));
    expect(emls(mailDir)).toHaveLength(1);
  });

  it('sends a different key, with a different Message-ID', async () => {
    const other = await outbox().send({ ...bericht, sleutel: 'wf-123/herinnering/2026-07-28' });
    expect(other.alVerzonden).toBe(false);
    await waitFor(async () => (emls(mailDir).length === 2 ? true : undefined), 10_000);
    expect(other.messageId).not.toBe(outbox().messageId(bericht.sleutel));
    const ids = emls(mailDir).map(
      (f) => parseEml(fs.readFileSync(path.join(mailDir, f), 'utf8')).headers['message-id'],
    );
    expect(new Set(ids).size).toBe(2);
    expect(ids).toContain(other.messageId);
    expect(tmps(mailDir)).toEqual([]);
    // Two keys sent, no claim left behind.
    expect(ledgerRijen(path.join(ledgerDir, 'outbox.sqlite'))).toEqual({ verzonden: 2 });
  });

  it('sends at most once when the same key is sent concurrently (e.g. two workers)', async () => {
    const sleutel = 'wf-456/besluit/2026-07-27';
    const a = outbox();
    const b = outbox();
    const results = await Promise.allSettled([a.send({ ...bericht, sleutel }), b.send({ ...bericht, sleutel })]);
    await new Promise((r) => setTimeout(r, 500));
    const sent = emls(mailDir).filter(
      (f) => parseEml(fs.readFileSync(path.join(mailDir, f), 'utf8')).headers['message-id'] === a.messageId(sleutel),
    );
    // One sends; the overlapping attempt is refused (a retryable activity error) and sends nothing.
    expect(results.filter((r) => r.status === 'fulfilled' && !r.value.alVerzonden)).toHaveLength(1);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused.map((r) => r.reason)).toEqual([expect.any(UitkomstOnbekend)]);
    expect(sent).toHaveLength(1);
    // Its retry finds the ledger entry.
    expect(await b.send({ ...bericht, sleutel })).toMatchObject({ alVerzonden: true });
  });

  it('fails (and records nothing) when the SMTP server is unreachable, so a retry can send', async () => {
    const dir = tmp('ledger-down-');
    const down = new Outbox('smtp://127.0.0.1:1', 'Test <noreply@x.local>', ledger(dir));
    outboxes.push(down);
    await expect(down.send({ ...bericht, sleutel: 'wf-789/x' })).rejects.toThrow();
    // Never reached: the claim is released, so a retry sends at once.
    expect(ledgerRijen(path.join(dir, 'outbox.sqlite'))).toEqual({});
  });
});

describe('refused recipients (a real SMTP server that refuses some addresses)', () => {
  let server: SMTPServer;
  let port: number;
  const ontvangen: string[][] = [];

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (address.address.startsWith('onbekend')) {
          const err = Object.assign(new Error('5.1.1 user unknown'), { responseCode: 550 });
          return callback(err);
        }
        callback();
      },
      onData(stream, session, callback) {
        ontvangen.push(session.envelope.rcptTo.map((r) => r.address));
        stream.resume();
        stream.on('end', () => callback());
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    port = (server.server.address() as { port: number }).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const notificatie = (aan: string[]): Bericht => ({
    sleutel: `zp-test/${aan.join('+')}`,
    sjabloon: 'verlenging-ouders',
    aan: aan.map((email) => ({ rol: 'ouders', email })),
    gegevens: {
      leerling: 'Sanne',
      school: 'De Regenboog',
      beslisdatum: 'maandag 24 augustus 2026',
      weken: '4',
      reden: 'onderzoek',
    },
  });

  it('sends to the accepted parent, records the send, and fails without retry naming no address', async () => {
    const outbox = new Outbox(`smtp://127.0.0.1:${port}`, 'Test <noreply@x.local>', ledger(tmp('ledger-rejected-')));
    const { stuurNotificatie } = berichtActiviteiten(outbox, {});
    const err = await stuurNotificatie(notificatie(['ouder@example.nl', 'onbekend@example.nl'])).catch((e) => e);
    expect(err).toBeInstanceOf(ApplicationFailure);
    expect(err).toMatchObject({
      nonRetryable: true,
      type: 'OntvangerGeweigerd',
      message: '1 ontvanger(s) geweigerd door de mailserver',
    });
    expect(ontvangen).toEqual([['ouder@example.nl']]);
    // A retry (e.g. a replayed activity) does not send to the accepted parent again.
    await stuurNotificatie(notificatie(['ouder@example.nl', 'onbekend@example.nl'])).catch(() => undefined);
    expect(ontvangen).toHaveLength(1);
    await outbox.close();
  });

  it('turns a permanent refusal into a non-retryable failure with only the SMTP code', async () => {
    const outbox = new Outbox(`smtp://127.0.0.1:${port}`, 'Test <noreply@x.local>', ledger(tmp('ledger-refused-')));
    const { stuurNotificatie } = berichtActiviteiten(outbox, {});
    const err = await stuurNotificatie(notificatie(['onbekend2@example.nl'])).catch((e) => e);
    expect(err).toMatchObject({ nonRetryable: true, type: 'SmtpGeweigerd' });
    expect(String(err.message)).toMatch(/SMTP 550/);
    expect(String(err.message)).not.toContain('@');
    await outbox.close();
  });

  it('retries an unreachable server with a message that names no address', async () => {
    const outbox = new Outbox('smtp://127.0.0.1:1', 'Test <noreply@x.local>', ledger(tmp('ledger-down2-')));
    const { stuurNotificatie } = berichtActiviteiten(outbox, {});
    const err = await stuurNotificatie(notificatie(['ouder@example.nl'])).catch((e) => e);
    expect(err).toMatchObject({ nonRetryable: false, type: 'SmtpTijdelijk' });
    expect(String(err.message)).not.toContain('@');
    await outbox.close();
  });
});
