// Transpiles the app and its command-line scripts into .build/ with esbuild.
// Why not ts-node: it type-checks on every run and turns a sub-second synth into
// a ten-second one. Type-checking happens once, in `npm test` (tsc --noEmit).
// Packages stay external so that provider classes load by their deep paths only.
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
// Command-line scripts and bench entry points (bench/*.ts) are built alongside main.ts.
const entries = (dir) => readdirSync(join(root, dir))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => join(dir, f));
const scripts = [...entries('scripts'), ...entries('bench')];

try {
  await build({
    absWorkingDir: root,
    entryPoints: ['main.ts', ...scripts],
    outdir: '.build',
    outbase: '.',
    bundle: true,
    packages: 'external',
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
} catch {
  process.exit(1); // esbuild has already printed the errors
}
