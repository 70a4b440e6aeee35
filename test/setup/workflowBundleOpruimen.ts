/** globalTeardown: the run's workflow bundle (test/setup/workflowBundle.ts) goes with the run. */
import fs from 'node:fs';
import path from 'node:path';

export default function workflowBundleOpruimen(): void {
  const bestand = process.env.TEST_WORKFLOW_BUNDLE;
  if (!bestand) return;
  fs.rmSync(path.dirname(bestand), { recursive: true, force: true });
  delete process.env.TEST_WORKFLOW_BUNDLE;
}
