// Mutation testing of the modules that guard production: `npm run mutate` (every target below)
// or `npm run mutate -- --mutate <file>` (one). scripts/mutate.mjs runs Stryker with this file,
// then writes the per-file scores into BENCHMARKS.md. Not part of `npm test`: it takes minutes.
//
// Stryker 9 (not 10): Stryker 10 needs Node 22 and this project runs on Node 20; 9.6.1 supports
// Node 20 and its Jest runner runs our Jest 30.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  jest: {
    projectType: 'custom',
    configFile: 'jest.config.js',
    // Only for mutation runs: load only the test files that can see a mutant, likeliest killer
    // first, and stop once it is decided (see the three files' comments). The verdicts are the same.
    config: {
      testEnvironment: './__tests__/support/mutation-environment.js',
      testSequencer: './__tests__/support/mutation-sequencer.js',
      runner: './__tests__/support/mutation-runner.js',
    },
    enableFindRelatedTests: true,
  },
  // Each mutant runs only the tests that executed its code in the dry run. Tests that only read
  // the shared synth output (the snapshot and the stack tests; __tests__/support/global-setup.ts
  // writes it once, unmutated) execute no target code themselves, so they never count as killing.
  coverageAnalysis: 'perTest',
  mutate: [
    // What is refused: validation of the environment config and of its text (environments.ts and
    // terraform.ts are the data it checks, not logic).
    'config/validate.ts',
    'config/text.ts',
    // What pages: services, alert catalog, routing, SLOs, burn rates, queries, platform alerts.
    'catalog/**/*.ts',
    // What may be destroyed: the destroy guard, the synth diff and state checks it reads, and the
    // deploy's plan gate that applies it to Terraform's plan. (The rest of review/ renders the
    // pull-request comment: presentation, not a guard.)
    'review/data-bearing.ts',
    'review/tree-diff.ts',
    'review/destroy-guard.ts',
    'review/state-guard.ts',
    'review/ignored-changes.ts',
    'deploy/plan-gate.ts',
    // The hand-written provider bindings (their attribute mappers, getters and resource classes).
    'providers/grafana/**/*.ts',
    'providers/sentry/**/*.ts',
  ],
  // Not incremental by default: Stryker 9 reuses a static mutant's "survived" even after a test that
  // kills it was added (seen here on review/data-bearing.ts). `npm run mutate -- --incremental`
  // reuses the results kept in reports/ (not committed) for mutants whose code and tests did not change.
  incremental: false,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  // Two cores: two Jest workers in parallel. Pass `--concurrency 1` on a shared machine.
  concurrency: 2,
  // A Jest runner that Stryker reuses keeps growing (each mutant's run loads the stacks' modules
  // afresh): on the full run its heap neared Node's 4 GB limit after ~1,200 runs and the rate fell
  // from 55 to 12 mutants a minute. A fresh worker every 40 runs costs a second or two.
  maxTestRunnerReuse: 40,
  // A busy machine slows the promtool and PGlite tests; a timeout there is not an infinite loop.
  timeoutMS: 20000,
  // The first, unmutated run is the whole suite in one Jest process (with coverage per test).
  dryRunTimeoutMinutes: 15,
  ignorePatterns: ['cdktf.out', '.build', '.bench-tmp', 'reports'],
  tempDirName: '.stryker-tmp',
};
