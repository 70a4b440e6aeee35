/**
 * Three projects, so a developer runs only what the change needs:
 *
 * - `unit`: pure tests, no Temporal server, no worker, no child process, no socket. Seconds:
 *   `npx jest --selectProjects unit`.
 * - `workflows`: the workflows on the time-skipping test server, the replay of recorded histories,
 *   the memory footprint of a cached case (a dev server and the product's worker).
 * - `stack`: everything else (the default for a new test file): the API on a real dev server, the
 *   SMTP path, `npm start` and its supervisor, the weekly schedule, end to end. Its globalSetup
 *   builds dist/ once (test/setup/buildDist.ts) for the tests that spawn the product.
 * - `workflows` and `stack` bundle the workflows once per run (test/setup/workflowBundle.ts): every
 *   test file's worker loads that bundle instead of bundling again.
 *
 * `npm test` runs all three, after one type check of everything (`tsc --noEmit`): ts-jest only
 * transpiles (tsconfig.test.json: isolatedModules).
 */
const path = require('node:path');

const unit = [
  'test/domain/*.test.ts',
  '!test/domain/sandbox.test.ts',
  'test/api/temporalErrors.test.ts',
  'test/auth.test.ts',
  'test/auth/tokens.test.ts',
  'test/codec.test.ts',
  'test/compose.test.ts',
  'test/processen.test.ts',
  'test/searchAttributes.test.ts',
  'test/templates.test.ts',
  'test/readmodels/*.test.ts',
  'test/werkbak/formulier.test.ts',
  'test/werkbak/overzicht.test.ts',
];
const workflows = [
  'test/workflows/*.test.ts',
  'test/domain/sandbox.test.ts',
  'test/replay.test.ts',
  'test/footprint.test.ts',
];

// Absolute globs: jest replaces <rootDir> only at the start of a pattern, not after a '!'.
const abs = (glob) => path.join(__dirname, glob);
const root = (glob) => (glob.startsWith('!') ? `!${abs(glob.slice(1))}` : abs(glob));
const not = (glob) => (glob.startsWith('!') ? null : `!${abs(glob)}`);

/** @type {import('jest').Config} */
const shared = {
  rootDir: __dirname,
  roots: ['<rootDir>/test'],
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: path.join(__dirname, 'tsconfig.test.json') }] },
};

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 120_000,
  reporters: ['default', '<rootDir>/test/summaryReporter.js'],
  projects: [
    { ...shared, displayName: 'unit', testMatch: unit.map(root) },
    {
      ...shared,
      displayName: 'workflows',
      testMatch: workflows.map(root),
      globalSetup: '<rootDir>/test/setup/workflowBundle.ts',
      globalTeardown: '<rootDir>/test/setup/workflowBundleOpruimen.ts',
    },
    {
      ...shared,
      displayName: 'stack',
      testMatch: [abs('test/**/*.test.ts'), ...[...unit, ...workflows].map(not).filter(Boolean)],
      globalSetup: '<rootDir>/test/setup/stack.ts',
      globalTeardown: '<rootDir>/test/setup/workflowBundleOpruimen.ts',
    },
  ],
};
