import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';

/**
 * How synth output reaches `cdktf.out` without touching what Terraform keeps
 * beside it (`.terraform/`, `.terraform.lock.hcl`, `terraform.tfstate*`, plan
 * files): the app synthesizes into a sibling `<outdir>.partial-<pid>` directory,
 * then each file it wrote is renamed over its counterpart, one file at a time
 * (a rename within one file system is atomic), and `manifest.json` last, merged
 * with the stacks already there. So `cdktf.out` is never missing or half-written,
 * and synthesizing one environment leaves the others' output as it was.
 *
 * Two synths at once take turns on `<outdir>.lock`; a lock or partial directory
 * left by a killed synth is recognised by its dead pid and removed by the next.
 */

const MANIFEST = 'manifest.json';
/** How long a synth waits for another one before giving up. */
const LOCK_TIMEOUT_MS = 120_000;
const LOCK_POLL_MS = 50;
/** An empty lock file older than this lost its holder between creating and writing it. */
const EMPTY_LOCK_STALE_MS = 5_000;

/** Whether a process with this pid exists (EPERM: it exists, owned by someone else). */
function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Takes `<outdir>.lock` (created with O_EXCL, holding the pid), waiting while a
 * live synth holds it and removing it when its holder is dead. Returns the release.
 */
export function lockOutdir(outdir: string, timeoutMs = LOCK_TIMEOUT_MS): () => void {
  const lock = `${outdir}.lock`;
  mkdirSync(dirname(outdir), { recursive: true });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const fd = openSync(lock, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lock, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let holder: number;
    let ageMs: number;
    try {
      holder = Number(readFileSync(lock, 'utf8'));
      ageMs = Date.now() - statSync(lock).mtimeMs;
    } catch {
      continue; // released between our open and read: try again at once
    }
    // An empty file is a holder between its open and its write, unless it stays empty:
    // then its holder died in between.
    const dead = holder > 0 ? !isAlive(holder) : ageMs > EMPTY_LOCK_STALE_MS;
    if (dead) {
      rmSync(lock, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(`${lock}: another synth (pid ${holder}) has held it for ${timeoutMs / 1000} s. ` +
        'Fix: wait for it to finish, or delete the file if no synth is running');
    }
    sleep(LOCK_POLL_MS);
  }
}

/** Removes `<outdir>.partial-<pid>` directories whose synth is no longer running. */
export function removeLeftovers(outdir: string): void {
  const prefix = `${basename(outdir)}.partial-`;
  const parent = dirname(outdir);
  if (!existsSync(parent)) return;
  for (const name of readdirSync(parent)) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length));
    if (!isAlive(pid)) rmSync(join(parent, name), { recursive: true, force: true });
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

interface Manifest {
  readonly version: string;
  readonly stacks: Record<string, { readonly synthesizedStackPath: string }>;
}

/**
 * Moves every file of `partial` into `outdir`, file by file, manifest last. The
 * manifest lists the new stacks plus the stacks of the previous manifest whose
 * output is still there, in name order as cdktf writes it.
 */
export function installOutput(partial: string, outdir: string): void {
  if (!existsSync(outdir)) {
    renameSync(partial, outdir);
    return;
  }
  const fresh = JSON.parse(readFileSync(join(partial, MANIFEST), 'utf8')) as Manifest;
  for (const file of filesUnder(partial)) {
    const rel = relative(partial, file);
    if (rel === MANIFEST) continue;
    mkdirSync(dirname(join(outdir, rel)), { recursive: true });
    renameSync(file, join(outdir, rel));
  }

  let previous: Manifest['stacks'] = {};
  try {
    previous = (JSON.parse(readFileSync(join(outdir, MANIFEST), 'utf8')) as Manifest).stacks ?? {};
  } catch {
    // No manifest, or an unreadable one: only the new stacks are listed.
  }
  const merged: Record<string, unknown> = {};
  const stacks = { ...previous, ...fresh.stacks };
  for (const name of Object.keys(stacks).sort()) {
    if (name in fresh.stacks || existsSync(join(outdir, stacks[name].synthesizedStackPath ?? ''))) merged[name] = stacks[name];
  }
  const staged = join(partial, MANIFEST);
  // cdktf's own file when it lists every stack; otherwise the merged one.
  if (Object.keys(merged).length !== Object.keys(fresh.stacks).length) {
    writeFileSync(staged, `${JSON.stringify({ ...fresh, stacks: merged }, null, 2)}\n`);
  }
  renameSync(staged, join(outdir, MANIFEST));
}
