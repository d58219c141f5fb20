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
    // Only for mutation runs: load only the test files that hold a mutant's covering tests
    // (see the two files' comments); the tests that run, and so the results, are the same.
    config: {
      testEnvironment: './__tests__/support/mutation-environment.js',
      testSequencer: './__tests__/support/mutation-sequencer.js',
    },
    enableFindRelatedTests: true,
  },
  // Each mutant runs only the tests that executed its code in the dry run. Tests that only read
  // the shared synth output (the snapshot and the stack tests; __tests__/support/global-setup.ts
  // writes it once, unmutated) execute no target code themselves, so they never count as killing.
  coverageAnalysis: 'perTest',
  mutate: [
    // What is refused: validation of the environment config (environments.ts is the data it checks).
    'config/validate.ts',
    // What pages: services, alert catalog, routing, SLOs, queries, platform alerts.
    'catalog/**/*.ts',
    // What may be destroyed: the destroy guard and the synth diff it reads.
    'review/data-bearing.ts',
    'review/tree-diff.ts',
    // The hand-written provider bindings (their `xToTerraform` mappers and resource classes).
    'providers/**/*.ts',
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
  // A busy machine slows the promtool and PGlite tests; a timeout there is not an infinite loop.
  timeoutMS: 20000,
  // The first, unmutated run is the whole suite in one Jest process (with coverage per test).
  dryRunTimeoutMinutes: 15,
  ignorePatterns: ['cdktf.out', '.build', '.bench-tmp', 'reports'],
  tempDirName: '.stryker-tmp',
};
