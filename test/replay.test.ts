import fs from 'node:fs';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { HISTORY_DIR } from './helpers/histories';
import { workflowBundle } from './helpers/worker';

/**
 * Every recorded history in test/histories/ must replay against the current workflow code: a
 * change that breaks a running case's determinism needs patched() (Temporal versioning).
 * Record new ones with `RECORD_HISTORIES=1 npx jest test/workflows`.
 */
const files = fs
  .readdirSync(HISTORY_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();

describe('replay of recorded histories', () => {
  it('has histories for every workflow', () => {
    const types = new Set(files.map((f) => f.split('--')[0]));
    expect([...types]).toEqual(expect.arrayContaining(['zorgplicht', 'impasse', 'tlv']));
  });

  it.each(files)('%s replays deterministically', async (file) => {
    const { workflowId, history } = JSON.parse(fs.readFileSync(path.join(HISTORY_DIR, file), 'utf8'));
    await Worker.runReplayHistory(
      { workflowBundle: await workflowBundle(), replayName: file },
      historyFromJSON(history),
      workflowId,
    );
  });
});
