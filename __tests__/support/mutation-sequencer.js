// Jest's test sequencer, for `npm run mutate` only (stryker.config.mjs). Stryker runs a mutant's
// covering tests by name (testNamePattern), which Jest applies only after loading every test
// file related to the mutated source: for config/validate.ts, nearly the whole suite, at seconds
// per mutant. This drops the files none of whose tests match, by the names that
// mutation-environment.js recorded in the unmutated run. The tests that run are the same.
const Sequencer = require('@jest/test-sequencer').default;
const { existsSync, readFileSync } = require('node:fs');
const { namesFile } = require('./mutation-environment');

class MutantTestSequencer extends Sequencer {
  constructor(options) {
    super(options);
    this.pattern = options.globalConfig.testNamePattern;
  }

  async sort(tests) {
    const sorted = await super.sort(tests);
    if (process.env.__STRYKER_ACTIVE_MUTANT__ === undefined || !this.pattern) return sorted;
    const selected = new RegExp(this.pattern, 'i'); // as jest-circus matches testNamePattern
    return sorted.filter((test) => {
      const file = namesFile(test.context.config.rootDir, test.path);
      // A file without recorded names (it ran no test unmutated) is kept: never drop what is unknown.
      if (!existsSync(file)) return true;
      return JSON.parse(readFileSync(file, 'utf8')).some((name) => selected.test(name));
    });
  }
}

module.exports = MutantTestSequencer;
