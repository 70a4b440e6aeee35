/**
 * Bundles the product's workflows once per test run (webpack takes seconds): every test file's worker
 * loads this bundle instead of bundling again (test/helpers/worker.ts, test/helpers/zakenHarness.ts).
 * The bundle is the current code: it is made at the start of every run, with the worker's options.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { workflowBundlerOptions, workflowsPath } from '../../src/worker/createWorker';

const stil = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} };

export default async function workflowBundle(): Promise<void> {
  // Once per run, even when two projects ask (workflows and stack).
  const al = process.env.TEST_WORKFLOW_BUNDLE;
  if (al && fs.existsSync(al)) return;
  const bundel = await bundleWorkflowCode({ workflowsPath, ...workflowBundlerOptions, logger: stil });
  const bestand = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'workflow-bundle-')), 'workflows.json');
  // With its source map: a failing workflow's stack trace still names the source lines.
  fs.writeFileSync(bestand, JSON.stringify(bundel));
  process.env.TEST_WORKFLOW_BUNDLE = bestand;
}
