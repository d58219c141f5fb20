// Jest's node environment, for `npm run mutate` only (stryker.config.mjs): in Stryker's first,
// unmutated run it records the full name of every test each test file runs, so that
// mutation-sequencer.js can later load only the files that hold a mutant's covering tests.
// Plain CommonJS: Stryker's Jest runner requires it without a transform.
const { mkdirSync, writeFileSync } = require('node:fs');
const { createHash } = require('node:crypto');
const { join } = require('node:path');
const { TestEnvironment } = require('jest-environment-node');

/** Where the names are kept, per test file (inside Stryker's sandbox). */
function namesFile(rootDir, testPath) {
  return join(rootDir, '.build', 'mutation-test-names', `${createHash('sha1').update(testPath).digest('hex')}.json`);
}

/** A test's full name as Jest and Stryker write it: describe blocks and test name, space-separated. */
function fullName(test) {
  const names = [];
  for (let block = test; block && block.parent; block = block.parent) names.unshift(block.name);
  return names.join(' ');
}

class RecordingEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.rootDir = config.projectConfig.rootDir;
    this.testPath = context.testPath;
    this.names = [];
  }

  async handleTestEvent(event) {
    if (event.name === 'test_start') this.names.push(fullName(event.test));
  }

  async teardown() {
    if (process.env.__STRYKER_ACTIVE_MUTANT__ === undefined && this.names.length > 0) {
      const file = namesFile(this.rootDir, this.testPath);
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, JSON.stringify(this.names));
    }
    await super.teardown();
  }
}

module.exports = RecordingEnvironment;
module.exports.namesFile = namesFile;
