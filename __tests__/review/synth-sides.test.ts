import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultBase, synthesizeRef } from '../../review/synth-sides';
import { tempDir } from './fixtures';

/** `--base` plumbing on a throwaway repository: no app is built here, only git is exercised. */

function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return result.stdout.trim();
}

let tmp: ReturnType<typeof tempDir>;
let repo: string;
beforeEach(() => {
  tmp = tempDir();
  repo = join(tmp.dir, 'repo');
  mkdirSync(repo);
  git(repo, 'init', '-q', '-b', 'feature');
});
afterEach(() => tmp.cleanup());

describe('defaultBase', () => {
  it('fails in a repository without commits, naming the alternatives', () => {
    expect(() => defaultBase(repo)).toThrow(/no base to compare with.*Fix: commit first, pass --base <ref>, or compare directories with --from\/--to/);
  });

  it('falls back to HEAD when there is no main branch', () => {
    writeFileSync(join(repo, 'a.txt'), 'a');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'a');
    expect(defaultBase(repo)).toBe(git(repo, 'rev-parse', 'HEAD'));
  });

  it('uses the merge base with main', () => {
    writeFileSync(join(repo, 'a.txt'), 'a');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'a');
    const base = git(repo, 'rev-parse', 'HEAD');
    git(repo, 'branch', 'main');
    writeFileSync(join(repo, 'b.txt'), 'b');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'b');
    expect(defaultBase(repo)).toBe(base);
  });
});

describe('synthesizeRef', () => {
  it('treats a ref without the app as an empty side and removes its worktree', () => {
    writeFileSync(join(repo, 'README.md'), 'before the app');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'init');
    const worktree = join(tmp.dir, 'wt');
    expect(synthesizeRef(repo, 'HEAD', worktree, join(tmp.dir, 'out'))).toBe(false);
    expect(existsSync(worktree)).toBe(false);
    expect(git(repo, 'worktree', 'list').split('\n')).toHaveLength(1);
  });

  it('fails on an unknown ref, naming it', () => {
    writeFileSync(join(repo, 'README.md'), 'x');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'init');
    expect(() => synthesizeRef(repo, 'no-such-ref', join(tmp.dir, 'wt'), join(tmp.dir, 'out'))).toThrow(/git worktree add no-such-ref failed/);
  });
});
