/**
 * The agenda feed (issue 14 item 8): each user's own deadlines as iCalendar (ical-generator), at a
 * personal link that a calendar app can fetch without a token. The link is 32 bytes no one can guess
 * (an HMAC under the server's secret), shown once; the durable `agendaAbonnementen` workflow keeps only its hash and whose token it acts for, so
 * a new link or "intrekken" ends the old one, and so does the token's own end or removal. The feed
 * holds case ids, what is due and the rule: no pupil names.
 */
import { createHash, createHmac } from 'node:crypto';
import { WithStartWorkflowOperation, type Client } from '@temporalio/client';
import icalGenerator, { ICalCalendarMethod } from 'ical-generator';
import { Problem } from '../api/problem';
import { toProblem, withDeadline } from '../api/temporalErrors';
import { hashToken } from '../auth/tokenHash';
import { addDays } from '../domain/dates';
import {
  AGENDA_WORKFLOW_ID,
  agendaAbonnementen,
  agendaLinkIntrekken,
  agendaLinkSinds,
  agendaLinkVan,
  nieuweAgendaLink,
} from '../workflows/agendaAbonnementen';
import type { WerkItem } from './mijnWerk';
import { woorden } from './weergave';

/** A query on a workflow never started (no link made yet) is no link, not an error. */
async function ofNiets<T>(fn: () => Promise<T>): Promise<T | null> {
  try {
    return await fn();
  } catch (err) {
    const problem = toProblem(err);
    if (problem instanceof Problem && problem.status === 404) return null;
    throw problem;
  }
}

/**
 * `sleutel`: the server's secret (the first of SESSION_SECRETS). A link is derived from it, the user's
 * token hash and the form's key: the same form sent twice (a double click, a reload) makes the same
 * link, once.
 */
export function agendaLinks(client: Client, taskQueue: string, sleutel: string) {
  const handle = () => client.workflow.getHandle(AGENDA_WORKFLOW_ID);
  return {
    /** Since when this user has a link, or null. */
    sinds: (tokenHash: string) =>
      ofNiets(() => withDeadline(client, 'lezen', () => handle().query(agendaLinkSinds, tokenHash))),
    /** Whose token the link acts for, or null (unknown, replaced or revoked). */
    van: (geheim: string) =>
      ofNiets(() => withDeadline(client, 'lezen', () => handle().query(agendaLinkVan, hashToken(geheim)))),
    /** A new link for this user; the old one stops working. The secret leaves only in this answer. */
    async nieuw(tokenHash: string, formulier: string): Promise<string> {
      const geheim = createHmac('sha256', sleutel).update(`agenda:${tokenHash}:${formulier}`).digest('base64url');
      const updateId = `agenda-${createHash('sha256').update(`${tokenHash}:${formulier}`).digest('hex').slice(0, 32)}`;
      const start = new WithStartWorkflowOperation(agendaAbonnementen, {
        workflowId: AGENDA_WORKFLOW_ID,
        taskQueue,
        args: [{ links: [] }],
        workflowIdConflictPolicy: 'USE_EXISTING',
      });
      try {
        await withDeadline(client, 'schrijven', () =>
          client.workflow.executeUpdateWithStart(nieuweAgendaLink, {
            args: [{ tokenHash, linkHash: hashToken(geheim) }],
            updateId,
            startWorkflowOperation: start,
          }),
        );
      } catch (err) {
        throw toProblem(err);
      }
      return geheim;
    },
    async intrekken(tokenHash: string): Promise<void> {
      await ofNiets(() =>
        withDeadline(client, 'schrijven', () => handle().executeUpdate(agendaLinkIntrekken, { args: [{ tokenHash }] })),
      );
    },
  };
}
export type AgendaLinks = ReturnType<typeof agendaLinks>;

/**
 * The feed: a whole-day event per case on Mijn werk (its next deadline; the 30 most urgent cases),
 * with the case's page as its link. Whole days need no time zone.
 */
export function ics(items: WerkItem[], basis: string): string {
  const agenda = icalGenerator({
    name: 'Termijnen passend onderwijs',
    prodId: { company: 'samenwerkingsverband', product: 'werkbak', language: 'NL' },
    method: ICalCalendarMethod.PUBLISH,
  });
  for (const item of items) {
    const d = item.deadline;
    if (!d) continue;
    agenda.createEvent({
      id: `${item.zaak.id}-${d.soort}@werkbak`,
      start: new Date(`${d.datum}T00:00:00Z`),
      end: new Date(`${addDays(d.datum, 1)}T00:00:00Z`),
      allDay: true,
      summary: `${item.zaak.type}: ${item.wat}${item.vastgelopen ? ' (vastgelopen)' : ''}`,
      description: `Termijn: ${woorden(d.soort)}\nRegel: ${d.regel}\nZaak: ${item.zaak.id}`,
      url: `${basis}/zaken/${item.zaak.id}`,
    });
  }
  return agenda.toString();
}
