import { execFileSync, spawnSync, SpawnSyncReturns } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './paths';

let built = false;

/** Runs the real entry point (main.ts, built by scripts/build.mjs) as `npm run synth` does. */
export function runApp(env: Record<string, string>): SpawnSyncReturns<string> {
  if (!built) {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT });
    built = true;
  }
  return spawnSync(process.execPath, [join(ROOT, '.build', 'main.js')], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env },
  });
}
