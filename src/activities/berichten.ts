import { ApplicationFailure, Context } from '@temporalio/activity';
import { UitkomstOnbekend, type Outbox, type Verzonden } from '../mail/outbox';
import { render } from '../mail/templates';
import type { Bericht, Ontvanger } from '../shared/bericht';

/** The SWV's own mailboxes by role (COORDINATOR_EMAIL, DIRECTEUR_EMAIL, BESTUUR_EMAIL, DESKUNDIGE_EMAIL, LEERPLICHT_EMAIL). */
export type Mailboxes = Partial<Record<Ontvanger['rol'], string>>;

/**
 * An SMTP error as the workflow (and Temporal's history and logs) may see it: the reply code, never
 * the server's text, which quotes addresses. A permanent refusal (5xx) is not retried.
 */
function smtpFout(err: unknown): never {
  if (err instanceof ApplicationFailure) throw err;
  // Not an SMTP answer: the outbox holds off while another attempt may still be sending it.
  if (err instanceof UitkomstOnbekend) throw ApplicationFailure.retryable(err.message, 'UitkomstOnbekend');
  const e = err as { responseCode?: number; code?: string };
  if (typeof e.responseCode === 'number' && e.responseCode >= 500) {
    throw ApplicationFailure.nonRetryable(
      `De mailserver weigerde het bericht (SMTP ${e.responseCode})`,
      'SmtpGeweigerd',
    );
  }
  throw ApplicationFailure.retryable(
    `Versturen mislukt (${e.responseCode ? `SMTP ${e.responseCode}` : (e.code ?? 'onbekende fout')}); wordt opnieuw geprobeerd`,
    'SmtpTijdelijk',
  );
}

/** What became of one message of a batch; `fout` when it could not be delivered (no retry helps). */
export interface Aflevering {
  sleutel: string;
  fout?: string;
}

/**
 * A batch of berichten in one activity, sent one after the other. A message that no retry can
 * deliver (a refused address) is reported and the rest still go; a transient failure fails the
 * whole attempt, and the retry sends only what the outbox has not sent yet (each message has its key).
 */
export function perBericht(stuur: (n: Bericht) => Promise<unknown>) {
  return async function stuurBerichten(ns: Bericht[]): Promise<Aflevering[]> {
    const uit: Aflevering[] = [];
    for (const n of ns) {
      try {
        await stuur(n);
        uit.push({ sleutel: n.sleutel });
      } catch (err) {
        if (!(err instanceof ApplicationFailure) || !err.nonRetryable) throw err;
        uit.push({ sleutel: n.sleutel, fout: err.message });
      }
    }
    return uit;
  };
}

/**
 * Heartbeats while `fn` runs: a slow SMTP server may keep one send busy for 10 minutes, and a worker
 * that died meanwhile is then noticed at the heartbeat timeout (1 minute), not at the end of the
 * activity's 30 minutes. Outside an activity (a test calling it directly) it only runs `fn`.
 */
function metHartslag<A extends unknown[], R>(fn: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args) => {
    let ctx: Context | undefined;
    try {
      ctx = Context.current();
    } catch {
      // Not in an activity.
    }
    const hartslag = ctx && setInterval(() => ctx.heartbeat(), 10_000);
    try {
      return await fn(...args);
    } finally {
      clearInterval(hartslag);
    }
  };
}

/** Bericht activities (`stuurNotificatie` keeps the name the recorded histories use): the only place workflows reach the outside world by e-mail. */
export function berichtActiviteiten(outbox: Outbox, mailboxes: Mailboxes) {
  const activities = {
    /**
     * One e-mail per recipient role (parents do not see the school's addresses, and each role gets
     * its own wording). Each has its own key, so a retry after a partial failure sends only the rest.
     */
    async stuurNotificatie(n: Bericht): Promise<Verzonden[]> {
      const perRol = new Map<Ontvanger['rol'], string[]>();
      for (const o of n.aan) {
        const email = o.email ?? mailboxes[o.rol];
        if (!email)
          throw ApplicationFailure.nonRetryable(
            `Geen e-mailadres voor rol ${o.rol}: stel het in (bijv. ${o.rol.toUpperCase()}_EMAIL)`,
          );
        perRol.set(o.rol, [...(perRol.get(o.rol) ?? []), email]);
      }
      const verzonden: Verzonden[] = [];
      for (const [rol, aan] of perRol) {
        const { onderwerp, tekst } = render(n.sjabloon, rol, n.gegevens);
        verzonden.push(await outbox.send({ sleutel: `${n.sleutel}/${rol}`, aan, onderwerp, tekst }).catch(smtpFout));
      }
      const geweigerd = verzonden.reduce((sum, v) => sum + v.geweigerd, 0);
      if (geweigerd > 0) {
        // The others have it; the case must show that not everyone was reached.
        throw ApplicationFailure.nonRetryable(
          `${geweigerd} ontvanger(s) geweigerd door de mailserver`,
          'OntvangerGeweigerd',
        );
      }
      return verzonden;
    },
  };
  return {
    stuurNotificatie: metHartslag(activities.stuurNotificatie),
    stuurBerichten: metHartslag(perBericht(activities.stuurNotificatie)),
  };
}
