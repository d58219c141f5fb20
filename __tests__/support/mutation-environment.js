// Jest's node environment, for `npm run mutate` only (stryker.config.mjs). Two jobs:
//
// 1. In Stryker's first, unmutated run it records, per test file, the full name of every test the
//    file runs, the ids of the mutants the file executed (while loading or in a test) and how long
//    the file took. mutation-sequencer.js uses the record to load only the files that can see a
//    mutant, the mirrored unit test first.
// 2. In a mutant's run it notes when the mutant is decided (a test failed, or a file failed to
//    load): the file's remaining tests are skipped, and mutation-runner.js loads no further file.
//
// Plain CommonJS: Stryker's Jest runner requires it without a transform.
const { appendFileSync, existsSync, mkdirSync, writeFileSync } = require('node:fs');
const { createHash } = require('node:crypto');
const { join } = require('node:path');
const { TestEnvironment } = require('jest-environment-node');

const ACTIVE_MUTANT = '__STRYKER_ACTIVE_MUTANT__';
/** The mutant whose run is decided (one process runs one mutant at a time, file after file). */
const DECIDED = Symbol.for('esg-monitoring.mutation.decided');

/** Whether the active mutant's run has already seen a failing test or a test file that failed to load. */
function decided() {
  const mutant = process.env[ACTIVE_MUTANT];
  return mutant !== undefined && globalThis[DECIDED] === mutant;
}

/** Where a test file's record is kept (inside Stryker's sandbox). */
function recordFile(rootDir, testPath) {
  return join(rootDir, '.build', 'mutation-test-names', `${createHash('sha1').update(testPath).digest('hex')}.json`);
}

/** A test's full name as Jest and Stryker write it: describe blocks and test name, space-separated. */
function fullName(test) {
  const names = [];
  for (let block = test; block && block.parent; block = block.parent) names.unshift(block.name);
  return names.join(' ');
}

/** Marks every test under `block` skipped: jest-circus checks a test's mode when it reaches it. */
function skipAll(block) {
  for (const child of block.children) {
    if (child.type === 'describeBlock') skipAll(child);
    else child.mode = 'skip';
  }
}

class MutationEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.rootDir = config.projectConfig.rootDir;
    this.testPath = context.testPath;
    this.names = [];
  }

  async setup() {
    await super.setup();
    this.started = Date.now();
    // Stryker's environment (a subclass of this one) shares its instrumenter state as __stryker__;
    // the static counters grow while this file loads modules, so remember where they stood.
    this.staticBefore = { ...(this.coverage()?.static ?? {}) };
  }

  coverage() {
    return this.global.__stryker__?.mutantCoverage;
  }

  async handleTestEvent(event, state) {
    const mutant = process.env[ACTIVE_MUTANT];
    if (event.name === 'test_start') this.names.push(fullName(event.test));
    const failed = (event.name === 'test_done' && event.test.errors.length > 0) || event.name === 'hook_failure';
    if (mutant !== undefined && failed) {
      globalThis[DECIDED] = mutant;
      skipAll(state.rootDescribeBlock); // the tests still to come in this file cannot change the verdict
    }
  }

  async teardown() {
    const mutant = process.env[ACTIVE_MUTANT];
    // A file the sequencer kept always starts a test (its recorded names match), unless loading it
    // threw: Stryker then scores the mutant a runtime error whatever the other files do.
    if (mutant !== undefined && this.names.length === 0 && existsSync(recordFile(this.rootDir, this.testPath))) {
      globalThis[DECIDED] = mutant;
    }
    // MUTATION_DEBUG=<file>: one line per test file run (mutant, file, time, tests) to see where a run's time goes.
    if (process.env.MUTATION_DEBUG) {
      appendFileSync(process.env.MUTATION_DEBUG, `${mutant} ${this.testPath.split('__tests__/')[1]} ${Date.now() - this.started}ms tests=${this.names.length}\n`);
    }
    if (mutant === undefined && this.names.length > 0) {
      const file = recordFile(this.rootDir, this.testPath);
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, JSON.stringify({ names: this.names, mutants: this.mutantsSeen(), ms: Date.now() - this.started }));
    }
    await super.teardown();
  }

  /** Ids of the mutants this file executed: while loading (static) and in its own tests. */
  mutantsSeen() {
    const coverage = this.coverage();
    if (!coverage) return [];
    const seen = new Set();
    for (const [id, hits] of Object.entries(coverage.static ?? {})) {
      if (hits > (this.staticBefore[id] ?? 0)) seen.add(id);
    }
    for (const name of this.names) for (const id of Object.keys(coverage.perTest?.[name] ?? {})) seen.add(id);
    return [...seen];
  }
}

module.exports = MutationEnvironment;
module.exports.recordFile = recordFile;
module.exports.decided = decided;
