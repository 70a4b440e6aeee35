import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { temporalBinaries } from '../../src/config';
import { toInstant } from '../../src/domain';
import { removeDir } from './tmp';
import { registerSearchAttributes } from '../../src/temporal/registerSearchAttributes';
import { searchAttributes } from '../../src/temporal/searchAttributes';

/**
 * The time-skipping test server from the PyPI wheel, with the product's search attributes. Its
 * clock only moves forward from the machine's time; `start` runs it under libfaketime from that
 * instant, so a case can be tested on the real calendar dates of the law's examples.
 */
export async function timeSkippingEnv(opts: { start?: string } = {}): Promise<TestWorkflowEnvironment> {
  let executable = temporalBinaries.testServer;
  let dir: string | undefined;
  if (opts.start) {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'test-server-'));
    executable = path.join(dir, 'temporal-test-server');
    const at = new Date(opts.start).toISOString().slice(0, 19).replace('T', ' ');
    fs.writeFileSync(
      executable,
      `#!/bin/sh\nTZ=UTC LD_PRELOAD='${temporalBinaries.libfaketime}' FAKETIME='@${at}' exec '${temporalBinaries.testServer}' "$@"\n`,
      { mode: 0o755 },
    );
  }
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: executable } },
  }).finally(() => {
    // The wrapper has exec'd the server once it answers (or failed): it is not needed any more.
    if (dir) removeDir(dir);
  });
  // The test server rejects unknown search attributes until they are registered.
  await registerSearchAttributes(env.connection, env.namespace ?? 'default');
  return env;
}

/** Skips the test server's clock forward to `instant` (ISO). */
export async function skipTo(env: TestWorkflowEnvironment, instant: string): Promise<void> {
  const ms = new Date(instant).getTime() - (await env.currentTimeMs());
  if (ms > 0) await env.sleep(ms);
}

/** Local time in Amsterdam → ISO instant, for skipping the clock. */
export function amsterdam(datum: string, tijd: string): string {
  return new Date(toInstant(datum, tijd)).toISOString();
}

/** A real dev server (the `temporal` CLI from the PyPI wheel), optionally on a SQLite file. */
export async function devServerEnv(opts: { dbFilename?: string } = {}): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: temporalBinaries.cli },
      dbFilename: opts.dbFilename,
      searchAttributes: [...searchAttributes],
    },
  });
}

/** The refusal of an Update, with its whole text; fails the test when the Update was not refused. */
export async function weigering(p: Promise<unknown>): Promise<string> {
  const err = await p.then(
    () => undefined,
    (e) => e,
  );
  expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
  return String((err as WorkflowUpdateFailedError).cause?.message);
}

/** A case another case starts (a child, in its next workflow task): its handle once it answers its status query. */
export async function zodraGestart(env: TestWorkflowEnvironment, id: string) {
  const h = env.client.workflow.getHandle(id);
  for (let i = 0; ; i++) {
    try {
      await h.query('status');
      return h;
    } catch (err) {
      if (i > 50) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
