import { execFileSync, spawn, spawnSync, SpawnSyncReturns } from 'node:child_process';
import { join } from 'node:path';
import { childEnv, underMutantRun } from './mutation';
import { ROOT } from './paths';

/**
 * Set by global-setup.ts once it has built the entry points for the whole run: Jest's workers
 * start after global setup and inherit it. A test file then neither rebuilds (0.6 s each) nor
 * races another file's esbuild writing the same .build/ files.
 */
const BUILT_FOR_RUN = 'ESG_MONITORING_TEST_BUILT';

/** Builds the entry points (scripts/build.mjs), as `npm run synth` does; global setup calls it once. */
export function buildEntryPoints(): void {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT });
  process.env[BUILT_FOR_RUN] = '1';
}

/** Builds the entry points unless this run already has them. */
export function ensureBuilt(): void {
  // Under `npm run mutate` the first, unmutated run built it; rebuilding per mutant would race
  // with a parallel worker running the same file.
  if (process.env[BUILT_FOR_RUN] !== '1' && !underMutantRun()) buildEntryPoints();
}

/**
 * Synthesizes `services` generated services (bench/services.ts) into `outdir` in a
 * child process, as the scale benchmark does: a 100-service synth in a Jest worker
 * leaves it too big to exit in time.
 */
export function synthesizeServices(services: number, outdir: string): void {
  ensureBuilt();
  execFileSync(process.execPath, [join(ROOT, '.build', 'bench', 'synth-services.js')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', BENCH_SERVICES: String(services), CDKTF_OUTDIR: outdir },
  });
}

/** Runs the real entry point (main.ts, built by scripts/build.mjs) as `npm run synth` does. */
export function runApp(env: Record<string, string>): SpawnSyncReturns<string> {
  ensureBuilt();
  return spawnSync(process.execPath, [join(ROOT, '.build', 'main.js')], {
    cwd: ROOT,
    encoding: 'utf8',
    env: childEnv({ PATH: process.env.PATH ?? '', ...env }),
  });
}

/** `runApp` without waiting: several can run at once. */
export function runAppAsync(env: Record<string, string>): Promise<{ status: number | null; stderr: string }> {
  ensureBuilt();
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(ROOT, '.build', 'main.js')], {
      cwd: ROOT,
      env: childEnv({ PATH: process.env.PATH ?? '', ...env }),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    child.on('close', (status) => done({ status, stderr }));
  });
}
