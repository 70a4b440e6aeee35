import { createHash, randomUUID } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Grootboek } from './grootboek';

/**
 * RFC 5321 §4.5.3.2: the greeting may take 5 minutes and the reply to the end of DATA 10; nodemailer
 * has one inactivity timeout for every command, so 10 minutes for all. Its connection timeout also
 * caps the greeting.
 */
export const SMTP_TIMEOUTS = { connectionTimeout: 5 * 60_000, greetingTimeout: 5 * 60_000, socketTimeout: 10 * 60_000 };
/**
 * How long a message whose outcome is unknown (the attempt timed out, or its worker died) is not
 * sent again: the server's 10 minutes for the end of DATA, and a margin. Counted from the attempt's
 * last sign of life: a running attempt renews its claim every minute.
 */
export const UITKOMST_ONBEKEND_MS = 15 * 60_000;
/** Pooled connections: a backlog of due cases sends over a few open connections, not one each. */
const SMTP_POOL = { pool: true, maxConnections: 4 };

function withDefaults(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  for (const [k, v] of Object.entries({ ...SMTP_TIMEOUTS, ...SMTP_POOL }))
    if (!url.searchParams.has(k)) url.searchParams.set(k, String(v));
  return url.toString();
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Errors that prove nothing went out: the server said no, or was never reached. */
const VOOR_DE_TRANSACTIE = new Set(['EDNS', 'ETLS', 'EAUTH', 'ENOAUTH', 'EENVELOPE', 'ECONFIG', 'EMAXRECIPIENTS']);
const OPZET_TIMEOUTS = new Set(['CONNECT_TIMEOUT', 'GREETING_TIMEOUT', 'UPGRADE_TIMEOUT']);
function nietVerzonden(err: unknown): boolean {
  const e = err as { responseCode?: number; code?: string; syscall?: string; timeoutType?: string };
  return (
    (typeof e.responseCode === 'number' && e.responseCode >= 400) ||
    e.syscall === 'connect' ||
    VOOR_DE_TRANSACTIE.has(e.code ?? '') ||
    OPZET_TIMEOUTS.has(e.timeoutType ?? '')
  );
}

/** Another attempt holds the key (or held it until it went silent less than the window ago). */
export class UitkomstOnbekend extends Error {
  readonly code = 'UITKOMST_ONBEKEND';
  constructor() {
    super('Dit bericht wordt al verzonden door een andere poging, of die poging is stilgevallen; later opnieuw.');
  }
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

export interface OutboxOpties {
  /** UITKOMST_ONBEKEND_MS; tests make it short. */
  uitkomstOnbekendMs?: number;
}

/**
 * Sends each notification at most once per key: a retried activity, a restarted worker or another
 * worker on the same database finds the key in the ledger (src/mail/grootboek) and does not send
 * again. An attempt first claims the key; it records the send right after the SMTP server accepted
 * the message, and the only gap is a crash between that acceptance and the write. The Message-ID
 * is derived from the key, so a receiving system can de-duplicate that case too.
 */
export class Outbox {
  private readonly transport: Transporter;
  private readonly venster: number;

  constructor(
    smtpUrl: string,
    private readonly from: string,
    private readonly grootboek: Grootboek,
    opties: OutboxOpties = {},
  ) {
    this.transport = nodemailer.createTransport(withDefaults(smtpUrl));
    this.venster = opties.uitkomstOnbekendMs ?? UITKOMST_ONBEKEND_MS;
  }

  messageId(sleutel: string): string {
    return `<${sha256(sleutel).slice(0, 32)}@passendonderwijs.local>`;
  }

  async send(bericht: SmtpMessage): Promise<Verzonden> {
    const hash = sha256(bericht.sleutel);
    const messageId = this.messageId(bericht.sleutel);
    const al: Verzonden = { sleutel: bericht.sleutel, messageId, alVerzonden: true, geweigerd: 0 };
    if (await this.grootboek.verzonden(hash)) return al;
    // Claim the key first, so two overlapping attempts (a retry while a slow one still runs, two
    // workers) never both send; a claim silent for the window belongs to an attempt that is gone.
    const owner = randomUUID();
    if (!(await this.grootboek.claim(hash, owner, this.venster))) {
      if (await this.grootboek.verzonden(hash)) return al;
      throw new UitkomstOnbekend();
    }
    // Alive: renew the claim while waiting for a pooled connection or a slow server.
    const verleng = () => void this.grootboek.verleng(hash, owner).catch(() => undefined);
    const levend = setInterval(verleng, Math.min(60_000, this.venster / 3));
    try {
      let geweigerd: number;
      try {
        const info = await this.transport.sendMail({
          from: this.from,
          to: bericht.aan,
          subject: bericht.onderwerp,
          text: bericht.tekst,
          messageId,
          headers: { 'X-Bericht-Sleutel': sha256(bericht.sleutel).slice(0, 16) },
        });
        geweigerd = info.rejected?.length ?? 0;
      } catch (err) {
        // Refused or never reached: a retry may send at once. Otherwise (a timeout, a connection
        // lost mid-transaction) the server may still deliver it: the claim stays for the window.
        await (nietVerzonden(err) ? this.grootboek.geefVrij(hash, owner) : this.grootboek.verleng(hash, owner)).catch(
          () => undefined,
        );
        throw err;
      }
      // Sent to the accepted recipients: never again, also not to them on a retry.
      await this.noteer(hash, owner, messageId, geweigerd);
      return { sleutel: bericht.sleutel, messageId, alVerzonden: false, geweigerd };
    } finally {
      clearInterval(levend);
    }
  }

  /**
   * The message went out: a database that is down right then is tried again for as long as the
   * claim holds others off (the claim is renewed meanwhile). Failing the attempt instead would make
   * its retry send the message again once the window is over. Past the window the send still
   * counts as done: this attempt succeeds, and only a retry of the same activity for another
   * recipient role could meet the unrecorded key again.
   */
  private async noteer(hash: string, owner: string, messageId: string, geweigerd: number): Promise<void> {
    const tot = Date.now() + this.venster;
    for (let poging = 1; Date.now() < tot; poging++) {
      try {
        await this.grootboek.markeerVerzonden(hash, owner, { messageId, geweigerd });
        return;
      } catch {
        await new Promise((r) => setTimeout(r, Math.min(30_000, 1000 * 2 ** poging, Math.max(0, tot - Date.now()))));
      }
    }
  }

  async close(): Promise<void> {
    this.transport.close();
    await this.grootboek.close();
  }
}
