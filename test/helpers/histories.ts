import fs from 'node:fs';
import path from 'node:path';
import type { WorkflowHandle } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';

export const HISTORY_DIR = path.join(__dirname, '..', 'histories');

/**
 * With RECORD_HISTORIES=1, a workflow test writes the history of the case it ran to
 * test/histories/<workflow>--<version>-<test>.json, where the replay test keeps every landed version
 * of a workflow replaying. Bump `version` when a workflow changes so older recordings stay.
 */
export async function recordHistory(
  prefix: string,
  handle: WorkflowHandle,
  version: string,
  suite = '',
): Promise<void> {
  if (!process.env.RECORD_HISTORIES) return;
  const slug = (t: string) =>
    t
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
  // The test's own name, without its describe block.
  const name = slug(expect.getState().currentTestName ?? handle.workflowId)
    .replace(slug(suite), '')
    .replace(/^-/, '')
    .slice(0, 60);
  fs.mkdirSync(HISTORY_DIR, { recursive: true });
  const history = await handle.fetchHistory();
  // The workflow id travels along: child ids and notification keys are derived from it.
  const file = { workflowId: handle.workflowId, history: JSON.parse(historyToJSON(history)) };
  fs.writeFileSync(path.join(HISTORY_DIR, `${prefix}--${version}-${name}.json`), JSON.stringify(file) + '\n');
}
