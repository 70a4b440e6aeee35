import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';

/**
 * SMTP timeouts well inside the activity's 1-minute start-to-close, so an attempt never outlives
 * its claim; a claim older than CLAIM_STALE_MS belongs to an attempt that is certainly gone.
 */
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };
/** Pooled connections: a backlog of due cases sends over a few open connections, not one each. */
const SMTP_POOL = { pool: true, maxConnections: 4 };
const CLAIM_STALE_MS = 2 * 60_000;

function withDefaults(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  for (const [k, v] of Object.entries({ ...SMTP_TIMEOUTS, ...SMTP_POOL }))
    if (!url.searchParams.has(k)) url.searchParams.set(k, String(v));
  return url.toString();
}

export interface SmtpMessage {
  /** Unique per bericht (e.g. `<workflowId>/<soort>/<datum>`); no personal data. */
  sleutel: string;
  aan: string[];
  onderwerp: string;
  tekst: string;
}

export interface Verzonden {
  sleutel: string;
  messageId: string;
  alVerzonden: boolean;
  /** How many recipients the SMTP server refused (their addresses are not repeated anywhere). */
  geweigerd: number;
}

/**
 * Sends each notification at most once per key: a retried activity or a restarted worker finds
 * the key in the sent ledger and does not send again. The ledger is one file per key (a shared
 * volume for several workers), written right after the SMTP server accepted the message; the only
 * gap is a crash between that acceptance and the write. The Message-ID is derived from the key,
 * so a receiving system can de-duplicate that case too.
 */
export class Outbox {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
    private readonly ledgerDir: string,
  ) {
    this.transport = nodemailer.createTransport(withDefaults(smtpUrl));
    fs.mkdirSync(ledgerDir, { recursive: true });
  }

  private ledgerFile(sleutel: string): string {
    return path.join(this.ledgerDir, `${createHash('sha256').update(sleutel).digest('hex')}.json`);
  }

  messageId(sleutel: string): string {
    return `<${createHash('sha256').update(sleutel).digest('hex').slice(0, 32)}@passendonderwijs.local>`;
  }

  async send(bericht: SmtpMessage): Promise<Verzonden> {
    const file = this.ledgerFile(bericht.sleutel);
    const messageId = this.messageId(bericht.sleutel);
    if (fs.existsSync(file)) return { sleutel: bericht.sleutel, messageId, alVerzonden: true, geweigerd: 0 };
    // Claim the key first, so two overlapping attempts (a retry while a slow one still runs) never
    // both send. A claim older than CLAIM_STALE_MS belongs to an attempt that died: take it over.
    const claim = `${file}.claim`;
    const eigenaar = randomUUID();
    if (!this.claim(claim, eigenaar)) {
      if (fs.existsSync(file)) return { sleutel: bericht.sleutel, messageId, alVerzonden: true, geweigerd: 0 };
      throw new Error('Dit bericht wordt al verzonden door een andere poging; later opnieuw.');
    }
    let geweigerd = 0;
    try {
      const info = await this.transport.sendMail({
        from: this.from,
        to: bericht.aan,
        subject: bericht.onderwerp,
        text: bericht.tekst,
        messageId,
        headers: { 'X-Bericht-Sleutel': createHash('sha256').update(bericht.sleutel).digest('hex').slice(0, 16) },
      });
      geweigerd = info.rejected?.length ?? 0;
      // Sent to the accepted recipients: never again, also not to them on a retry.
      fs.writeFileSync(file, JSON.stringify({ messageId, verzonden: new Date().toISOString(), geweigerd }), {
        flag: 'wx',
      });
    } finally {
      // Only our own claim: a stale one may since have been taken over by a later attempt.
      if (this.claimVan(claim) === eigenaar) fs.rmSync(claim, { force: true });
    }
    return { sleutel: bericht.sleutel, messageId, alVerzonden: false, geweigerd };
  }

  private claimVan(claim: string): string | undefined {
    try {
      return fs.readFileSync(claim, 'utf8');
    } catch {
      return undefined;
    }
  }

  private claim(claim: string, eigenaar: string): boolean {
    try {
      fs.writeFileSync(claim, eigenaar, { flag: 'wx' });
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const age = Date.now() - fs.statSync(claim).mtimeMs;
      if (age < CLAIM_STALE_MS) return false;
      fs.rmSync(claim, { force: true });
      return this.claim(claim, eigenaar);
    }
  }

  close(): void {
    this.transport.close();
  }
}
