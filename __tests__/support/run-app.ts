import { execFileSync, spawnSync, SpawnSyncReturns } from 'node:child_process';
import { join } from 'node:path';
import { childEnv, underMutantRun } from './mutation';
import { ROOT } from './paths';

let built = false;

/** Runs the real entry point (main.ts, built by scripts/build.mjs) as `npm run synth` does. */
export function runApp(env: Record<string, string>): SpawnSyncReturns<string> {
  // Under `npm run mutate` the first, unmutated run built it; rebuilding per mutant would race
  // with a parallel worker running the same file.
  if (!built && !underMutantRun()) {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT });
    built = true;
  }
  return spawnSync(process.execPath, [join(ROOT, '.build', 'main.js')], {
    cwd: ROOT,
    encoding: 'utf8',
    env: childEnv({ PATH: process.env.PATH ?? '', ...env }),
  });
}
