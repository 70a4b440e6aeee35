import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';

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
 * the key in the sent ledger and does not send again. The ledger is one file per key, created
 * exclusively right after the SMTP server accepted the message; the Message-ID is derived from
 * the key, so a receiving system can also de-duplicate.
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
    await this.transport.sendMail({
      from: this.from,
      to: bericht.aan,
      subject: bericht.onderwerp,
      text: bericht.tekst,
      messageId,
      headers: { 'X-Notificatie-Sleutel': createHash('sha256').update(bericht.sleutel).digest('hex').slice(0, 16) },
    });
    fs.writeFileSync(file, JSON.stringify({ messageId, verzonden: new Date().toISOString() }), { flag: 'w' });
    return { sleutel: bericht.sleutel, messageId, alVerzonden: false };
  }

  close(): void {
    this.transport.close();
  }
}
