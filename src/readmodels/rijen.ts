/**
 * The rows of a report: the cases a visibility query finds, each asked for its `rapport` query (codes
 * and dates only). A few at a time, as a closed case answers by a replay on the worker; a case that
 * does not answer is named, so a count is never silently short.
 */
import type { Client } from '@temporalio/client';
import type { QueryDefinition } from '@temporalio/common';

export async function rapportRijen<R>(
  client: Client,
  query: string,
  rapport: QueryDefinition<R>,
): Promise<{ regels: R[]; nietBeantwoord: string[] }> {
  // One row per case: after a reset the list may hold two runs of one id (the latest answers).
  const gezien = new Set<string>();
  for await (const wf of client.workflow.list({ query, pageSize: 200 })) gezien.add(wf.workflowId);
  const ids = [...gezien];
  const regels: R[] = [];
  const nietBeantwoord: string[] = [];
  let volgende = 0;
  const vraag = async () => {
    for (let i = volgende++; i < ids.length; i = volgende++) {
      try {
        regels.push(await client.workflow.getHandle(ids[i]).query(rapport));
      } catch {
        nietBeantwoord.push(ids[i]);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, ids.length) }, vraag));
  return { regels, nietBeantwoord };
}
