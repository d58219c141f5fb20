// `npm test`: the type-check (tsc --noEmit) and Jest at the same time, one verdict.
//
// Why at once: Jest leaves about a tenth of the two cores idle (workers wait on promtool,
// Terraform and PostgreSQL), and tsc is single-threaded: run first, it added its whole
// time (4 s warm, 8 s on a clean clone) to the suite's. Its report is held back and
// printed after Jest's, so neither interleaves with the other.
//
//   npm test                          # both
//   npm test -- __tests__/catalog     # arguments go to Jest; tsc always checks the whole project
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const bin = (pkg, name) => require.resolve(`${pkg}/bin/${name}`);

/** Runs a Node CLI; resolves with its exit status and, when `capture`, what it printed. */
function run(script, args, capture) {
  return new Promise((done) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let output = '';
    if (capture) {
      child.stdout.on('data', (chunk) => { output += chunk; });
      child.stderr.on('data', (chunk) => { output += chunk; });
    }
    child.on('close', (status, signal) => done({ status: status ?? (signal ? 1 : 0), output }));
  });
}

const [typecheck, jest] = await Promise.all([
  run(bin('typescript', 'tsc'), ['--noEmit'], true),
  run(bin('jest', 'jest'), process.argv.slice(2), false),
]);

if (typecheck.status !== 0) {
  process.stderr.write(`\n${typecheck.output}\ntsc --noEmit failed (above): fix the type errors; \`npm run typecheck\` checks them alone.\n`);
}
process.exit(typecheck.status !== 0 ? typecheck.status : jest.status);
