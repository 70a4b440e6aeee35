/**
 * The werkbak's agenda links (issue 14 item 8): a calendar app cannot send a bearer token, so each
 * user may have one secret link to an iCalendar feed of their own deadlines. This one workflow per
 * namespace holds, per user (the hash of the token they signed in with), the hash of their link: the
 * link itself is shown once and never stored. A new link replaces the old one; revoking removes it.
 * Durable and the same for every API replica, without a database of its own.
 */
import {
  allHandlersFinished,
  condition,
  continueAsNew,
  defineQuery,
  defineUpdate,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';

export const AGENDA_WORKFLOW_ID = 'agenda-abonnementen';

const HASH = /^sha256:[0-9a-f]{64}$/;

export interface AgendaLink {
  /** `sha256:<hex>` of the token the link acts for (src/auth/tokenHash.ts). */
  tokenHash: string;
  /** `sha256:<hex>` of the link's secret. */
  linkHash: string;
  sinds: string;
}

export interface AgendaInvoer {
  links: AgendaLink[];
}

export const nieuweAgendaLink = defineUpdate<void, [{ tokenHash: string; linkHash: string }]>('nieuweAgendaLink');
export const agendaLinkIntrekken = defineUpdate<void, [{ tokenHash: string }]>('agendaLinkIntrekken');
/** Whose token a link acts for (its hash), or null: unknown or revoked. */
export const agendaLinkVan = defineQuery<string | null, [string]>('agendaLinkVan');
/** Since when a user's link exists, or null. */
export const agendaLinkSinds = defineQuery<string | null, [string]>('agendaLinkSinds');

export async function agendaAbonnementen(invoer: AgendaInvoer = { links: [] }): Promise<void> {
  const perToken = new Map(invoer.links.map((l) => [l.tokenHash, l]));
  const controleer = (...hashes: string[]) => {
    if (!hashes.every((h) => HASH.test(h))) throw new Error('een hash is sha256:<64 hexadecimale tekens>');
  };
  setHandler(
    nieuweAgendaLink,
    ({ tokenHash, linkHash }) => {
      perToken.set(tokenHash, { tokenHash, linkHash, sinds: new Date().toISOString() });
    },
    { validator: ({ tokenHash, linkHash }) => controleer(tokenHash, linkHash) },
  );
  setHandler(
    agendaLinkIntrekken,
    ({ tokenHash }) => {
      perToken.delete(tokenHash);
    },
    { validator: ({ tokenHash }) => controleer(tokenHash) },
  );
  setHandler(
    agendaLinkVan,
    (linkHash) => [...perToken.values()].find((l) => l.linkHash === linkHash)?.tokenHash ?? null,
  );
  setHandler(agendaLinkSinds, (tokenHash) => perToken.get(tokenHash)?.sinds ?? null);

  // Only the links travel on: a long history starts afresh, with every handler done first.
  await condition(() => workflowInfo().continueAsNewSuggested);
  await condition(allHandlersFinished);
  await continueAsNew<typeof agendaAbonnementen>({ links: [...perToken.values()] });
}
