import { spawnSync, SpawnSyncOptions } from 'node:child_process';
import { existsSync, symlinkSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Synthesizes the two sides of `npm run diff -- --base <ref>`: the working tree
 * as it is, and a git ref checked out into a temporary worktree that borrows
 * this checkout's node_modules (a pull request that changes dependencies is
 * compared with today's; CI installs from the lockfile anyway).
 */

class SynthSideError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SynthSideError';
  }
}

function run(command: string, args: readonly string[], options: SpawnSyncOptions & { what: string }): string {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.error) throw new SynthSideError(`${options.what}: ${result.error.message}`);
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-20).join('\n');
    throw new SynthSideError(`${options.what} failed (exit ${result.status}):\n${output}`);
  }
  return String(result.stdout ?? '').trim();
}

/** The environment a synth child gets: every environment, output into `outdir`. */
function synthEnv(outdir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CDKTF_OUTDIR: outdir };
  delete env.MONITORING_ENVIRONMENTS;
  return env;
}

/** `git merge-base HEAD main`, or HEAD when there is no main (or no common history). */
export function defaultBase(root: string): string {
  for (const args of [['merge-base', 'HEAD', 'main'], ['rev-parse', '--verify', 'HEAD']]) {
    const result = spawnSync('git', args, { cwd: root, encoding: 'utf8' });
    if (result.status === 0 && result.stdout.trim() !== '') return result.stdout.trim();
  }
  throw new SynthSideError('no base to compare with: `git merge-base HEAD main` and `git rev-parse HEAD` both failed ' +
    '(a repository without commits?). Fix: commit first, pass --base <ref>, or compare directories with --from/--to');
}

/** A short description of a ref for the report, e.g. `origin/main (1a2b3c4)`. */
export function describeRef(root: string, ref: string): string {
  const result = spawnSync('git', ['rev-parse', '--short', `${ref}^{commit}`], { cwd: root, encoding: 'utf8' });
  const sha = result.status === 0 ? result.stdout.trim() : '?';
  return sha === ref || ref.startsWith(sha) ? sha : `${ref} (${sha})`;
}

/** Synthesizes the working tree (already built into .build/ by `npm run diff`) into `outdir`. */
export function synthesizeWorkingTree(root: string, outdir: string): void {
  if (!existsSync(join(root, '.build', 'main.js'))) {
    run(process.execPath, ['scripts/build.mjs'], { cwd: root, what: 'building the working tree' });
  }
  run(process.execPath, ['.build/main.js'], { cwd: root, env: synthEnv(outdir), what: 'synthesizing the working tree' });
}

/**
 * Checks `ref` out into `worktree`, synthesizes it into `outdir` and removes the
 * worktree again, also when synth fails. Returns false when the ref predates the
 * app (no main.ts): its side is then an empty tree.
 */
export function synthesizeRef(root: string, ref: string, worktree: string, outdir: string): boolean {
  run('git', ['worktree', 'add', '--detach', '--force', worktree, ref], { cwd: root, what: `git worktree add ${ref}` });
  try {
    if (!existsSync(join(worktree, 'main.ts')) || !existsSync(join(worktree, 'scripts', 'build.mjs'))) return false;
    if (!existsSync(join(worktree, 'node_modules'))) symlinkSync(join(root, 'node_modules'), join(worktree, 'node_modules'), 'dir');
    run(process.execPath, ['scripts/build.mjs'], { cwd: worktree, what: `building ${ref}` });
    run(process.execPath, ['.build/main.js'], { cwd: worktree, env: synthEnv(outdir), what: `synthesizing ${ref}` });
    return true;
  } finally {
    // Unlink the borrowed node_modules first: removal must never reach through it into the real one.
    try {
      unlinkSync(join(worktree, 'node_modules'));
    } catch {
      // never linked: the ref predates the app
    }
    spawnSync('git', ['worktree', 'remove', '--force', worktree], { cwd: root });
    spawnSync('git', ['worktree', 'prune'], { cwd: root });
  }
}
