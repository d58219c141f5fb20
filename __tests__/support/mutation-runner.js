// Jest's test runner, for `npm run mutate` only (stryker.config.mjs): Jest's own, except that in a
// mutant's run it stops loading test files once the mutant is decided, that is once a test failed
// (killed) or a test file failed to load (Stryker scores that a runtime error, whatever follows).
// Stryker's Jest runner runs the files one after another in one process and cannot bail (Jest's
// bail is CLI-only), so without this a killed "static" mutant (module-level code, tested with every
// related file) would still load and run them all. The verdict is the same; only time is saved.
const TestRunner = require('jest-runner').default;
const { decided } = require('./mutation-environment');

class StopWhenDecidedRunner extends TestRunner {
  async runTests(tests, watcher, options) {
    if (!options.serial || process.env.__STRYKER_ACTIVE_MUTANT__ === undefined) {
      return super.runTests(tests, watcher, options);
    }
    for (const test of tests) {
      if (decided()) return; // the files left out simply have no result; a failure is already in
      await super.runTests([test], watcher, options);
    }
  }
}

module.exports = StopWhenDecidedRunner;
