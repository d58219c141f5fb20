// Jest's test sequencer, for `npm run mutate` only (stryker.config.mjs). In a mutant's run it keeps
// only the test files that can see the mutant, and puts the likeliest killer first:
//
// - Stryker names a mutant's covering tests (testNamePattern), which Jest applies only after
//   loading every test file related to the mutated source (for config/validate.ts, nearly the whole
//   suite). Files none of whose tests match are dropped.
// - A "static" mutant (module-level code) comes with no names: Stryker runs every related file.
//   A file that never executed the mutant in the unmutated run cannot see it (its run is the same
//   up to the mutant's first execution, and there is none), so files whose record lacks the
//   mutant's id are dropped.
// - Order: the unit test that mirrors the mutated file, then the fastest files first. With
//   mutation-environment.js skipping the rest after the first failure, a killed mutant costs
//   about one file.
// A file without a record (it ran no test unmutated) is always kept: never drop what is unknown.
const Sequencer = require('@jest/test-sequencer').default;
const { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } = require('node:fs');
const { join, relative, sep } = require('node:path');
const { recordFile } = require('./mutation-environment');

/** Folders holding mutated sources (stryker.config.mjs `mutate`). */
const SOURCE_DIRS = ['config', 'catalog', 'review', 'deploy', 'providers'];

class MutantTestSequencer extends Sequencer {
  constructor(options) {
    super(options);
    this.pattern = options.globalConfig.testNamePattern;
  }

  async sort(tests) {
    const sorted = await super.sort(tests);
    const mutant = process.env.__STRYKER_ACTIVE_MUTANT__;
    if (mutant === undefined) return sorted;
    const selected = this.pattern ? new RegExp(this.pattern, 'i') : undefined; // as jest-circus matches
    const kept = sorted
      .map((test) => ({ test, record: readRecord(test) }))
      .filter(({ record }) => {
        if (!record) return true;
        return selected ? record.names.some((name) => selected.test(name)) : record.mutants.includes(mutant);
      });
    const rootDir = tests[0]?.context.config.rootDir;
    const mirror = rootDir && mirroredTest(rootDir, mutant);
    const rank = ({ test, record }) => (test.path === mirror ? -1 : record ? record.ms : Number.MAX_SAFE_INTEGER);
    return kept.sort((a, b) => rank(a) - rank(b)).map(({ test }) => test);
  }
}

function readRecord(test) {
  const file = recordFile(test.context.config.rootDir, test.path);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

/** `__tests__/<dir>/<name>.test.ts` for the source file that holds the mutant, if there is one. */
function mirroredTest(rootDir, mutant) {
  const source = mutantSources(rootDir)[mutant];
  if (!source) return undefined;
  return join(rootDir, '__tests__', source.replace(/\.ts$/, '.test.ts'));
}

/** Mutant id -> source file (relative), read once from Stryker's instrumented sources in the sandbox. */
function mutantSources(rootDir) {
  const cache = join(rootDir, '.build', 'mutation-test-names', 'sources.json');
  if (existsSync(cache)) return JSON.parse(readFileSync(cache, 'utf8'));
  const sources = {};
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) {
        for (const [, id] of readFileSync(path, 'utf8').matchAll(/stryMutAct_\w+\("(\d+)"\)/g)) {
          sources[id] = relative(rootDir, path).split(sep).join('/');
        }
      }
    }
  };
  for (const dir of SOURCE_DIRS) if (existsSync(join(rootDir, dir))) walk(join(rootDir, dir));
  mkdirSync(join(cache, '..'), { recursive: true });
  writeFileSync(cache, JSON.stringify(sources));
  return sources;
}

module.exports = MutantTestSequencer;
