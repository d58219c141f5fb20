import { execFileSync, spawn, spawnSync, SpawnSyncReturns } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './paths';

let built = false;

function ensureBuilt(): void {
  if (!built) {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT });
    built = true;
  }
}

/** Runs the real entry point (main.ts, built by scripts/build.mjs) as `npm run synth` does. */
export function runApp(env: Record<string, string>): SpawnSyncReturns<string> {
  ensureBuilt();
  return spawnSync(process.execPath, [join(ROOT, '.build', 'main.js')], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env },
  });
}

/** `runApp` without waiting: several can run at once. */
export function runAppAsync(env: Record<string, string>): Promise<{ status: number | null; stderr: string }> {
  ensureBuilt();
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(ROOT, '.build', 'main.js')], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    child.on('close', (status) => done({ status, stderr }));
  });
}
