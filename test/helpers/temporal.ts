import { TestWorkflowEnvironment } from '@temporalio/testing';
import { temporalBinaries } from '../../src/config';
import { registerSearchAttributes } from '../../src/temporal/registerSearchAttributes';
import { searchAttributes } from '../../src/temporal/searchAttributes';

/** The time-skipping test server from the PyPI wheel, with the product's search attributes. */
export async function timeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: temporalBinaries.testServer } },
  });
  // The test server rejects unknown search attributes until they are registered.
  await registerSearchAttributes(env.connection, env.namespace ?? 'default');
  return env;
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
