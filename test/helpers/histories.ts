import fs from 'node:fs';
import path from 'node:path';
import type { WorkflowHandle } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';

export const HISTORY_DIR = path.join(__dirname, '..', 'histories');

/**
 * With RECORD_HISTORIES=1, a workflow test writes the history of the case it ran to
 * test/histories/, where the replay test keeps every landed version of a workflow replaying.
 */
export async function recordHistory(prefix: string, handle: WorkflowHandle): Promise<void> {
  if (!process.env.RECORD_HISTORIES) return;
  const name = (expect.getState().currentTestName ?? handle.workflowId)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
  fs.mkdirSync(HISTORY_DIR, { recursive: true });
  const history = await handle.fetchHistory();
  fs.writeFileSync(path.join(HISTORY_DIR, `${prefix}--${name}.json`), historyToJSON(history) + '\n');
}
