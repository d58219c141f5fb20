import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The sequencer decides which test files a mutant's run loads (`npm run mutate`): one that drops
// a file able to see the mutant would report a survivor that a test kills.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Sequencer = require('./mutation-sequencer');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { recordFile } = require('./mutation-environment');

const ACTIVE_MUTANT = '__STRYKER_ACTIVE_MUTANT__';
let root: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'mutation-sequencer-'));
  const record = (file: string, names: string[], mutants: string[], ms: number) => {
    const path = recordFile(root, join(root, file));
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, JSON.stringify({ names, mutants, ms }));
  };
  record('__tests__/catalog/alerts.test.ts', ['alerts pages on errors'], ['1'], 900); // the mirror of mutant 1
  record('__tests__/stacks/slow.test.ts', ['slow stack test'], ['1', '2'], 400);
  record('__tests__/stacks/fast.test.ts', ['fast stack test'], ['1'], 50);
  record('__tests__/review/other.test.ts', ['other test'], ['2'], 10);
  writeFileSync(join(root, '.build', 'mutation-test-names', 'sources.json'), JSON.stringify({ 1: 'catalog/alerts.ts', 2: 'review/tree-diff.ts' }));
});

afterEach(() => {
  delete process.env[ACTIVE_MUTANT];
  rmSync(root, { recursive: true, force: true });
});

const FILES = ['__tests__/review/other.test.ts', '__tests__/stacks/slow.test.ts', '__tests__/catalog/alerts.test.ts', '__tests__/unrecorded.test.ts', '__tests__/stacks/fast.test.ts'];

async function order(mutant: string | undefined, testNamePattern?: string): Promise<string[]> {
  if (mutant === undefined) delete process.env[ACTIVE_MUTANT];
  else process.env[ACTIVE_MUTANT] = mutant;
  const context = { config: { rootDir: root, cache: false }, hasteFS: { getSize: () => 0 } };
  const tests = FILES.map((file) => ({ path: join(root, file), context }));
  const sequencer = new Sequencer({ globalConfig: { testNamePattern }, contexts: [] });
  return (await sequencer.sort(tests)).map((test: { path: string }) => test.path.slice(root.length + 1));
}

describe('mutation test sequencer', () => {
  it('keeps every file when no mutant is active (Stryker\'s unmutated run)', async () => {
    expect((await order(undefined)).sort()).toEqual([...FILES].sort());
  });

  it('loads, for a module-level mutant, only the files that executed it, the mirrored unit test first, then the fastest, the unknown last', async () => {
    expect(await order('1')).toEqual([
      '__tests__/catalog/alerts.test.ts',
      '__tests__/stacks/fast.test.ts',
      '__tests__/stacks/slow.test.ts',
      '__tests__/unrecorded.test.ts',
    ]);
  });

  it('loads, for a mutant with covering tests, only the files that hold one of them', async () => {
    expect(await order('2', '(slow stack test)')).toEqual(['__tests__/stacks/slow.test.ts', '__tests__/unrecorded.test.ts']);
  });

  it('matches covering test names as Jest does, ignoring case', async () => {
    expect(await order('2', '(OTHER TEST)')).toEqual(['__tests__/review/other.test.ts', '__tests__/unrecorded.test.ts']);
  });
});
