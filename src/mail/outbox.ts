import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';

/** Longer than the activity's start-to-close timeout: an older claim's attempt is gone. */
const CLAIM_STALE_MS = 2 * 60_000;

export interface Bericht {
  /** Unique per notification (e.g. `<workflowId>/<soort>/<datum>`); no personal data. */
  sleutel: string;
  aan: string[];
  onderwerp: string;
  tekst: string;
}

export interface Verzonden {
  sleutel: string;
  messageId: string;
  alVerzonden: boolean;
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
    this.transport = nodemailer.createTransport(smtpUrl);
    fs.mkdirSync(ledgerDir, { recursive: true });
  }

  private ledgerFile(sleutel: string): string {
    return path.join(this.ledgerDir, `${createHash('sha256').update(sleutel).digest('hex')}.json`);
  }

  messageId(sleutel: string): string {
    return `<${createHash('sha256').update(sleutel).digest('hex').slice(0, 32)}@passendonderwijs.local>`;
  }

  async send(bericht: Bericht): Promise<Verzonden> {
    const file = this.ledgerFile(bericht.sleutel);
    const messageId = this.messageId(bericht.sleutel);
    if (fs.existsSync(file)) return { sleutel: bericht.sleutel, messageId, alVerzonden: true };
    // Claim the key first, so two overlapping attempts (a retry while a slow one still runs) never
    // both send. A claim older than CLAIM_STALE_MS belongs to an attempt that died: take it over.
    const claim = `${file}.claim`;
    if (!this.claim(claim)) {
      if (fs.existsSync(file)) return { sleutel: bericht.sleutel, messageId, alVerzonden: true };
      throw new Error('Dit bericht wordt al verzonden door een andere poging; later opnieuw.');
    }
    try {
      await this.transport.sendMail({
        from: this.from,
        to: bericht.aan,
        subject: bericht.onderwerp,
        text: bericht.tekst,
        messageId,
        headers: { 'X-Notificatie-Sleutel': createHash('sha256').update(bericht.sleutel).digest('hex').slice(0, 16) },
      });
      fs.writeFileSync(file, JSON.stringify({ messageId, verzonden: new Date().toISOString() }), { flag: 'wx' });
    } finally {
      fs.rmSync(claim, { force: true });
    }
    return { sleutel: bericht.sleutel, messageId, alVerzonden: false };
  }

  private claim(claim: string): boolean {
    try {
      fs.writeFileSync(claim, String(process.pid), { flag: 'wx' });
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const age = Date.now() - fs.statSync(claim).mtimeMs;
      if (age < CLAIM_STALE_MS) return false;
      fs.rmSync(claim, { force: true });
      return this.claim(claim);
    }
  }

  close(): void {
    this.transport.close();
  }
}
