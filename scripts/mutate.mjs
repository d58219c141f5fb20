// `npm run mutate [-- <stryker options>]`: mutation testing of the targets in stryker.config.mjs
// (or of one file: `npm run mutate -- --mutate config/validate.ts`), then the per-file scores
// written into BENCHMARKS.md. A run over some files replaces their rows and keeps the others',
// each row with the date and command that measured it.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withMutationSection, mutationSectionOf, START, END } from './mutation-section.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const REPORT = join(ROOT, 'reports', 'mutation', 'mutation.json');
const BENCHMARKS = join(ROOT, 'BENCHMARKS.md');
/** The score every target file must reach (issue 17). */
const TARGET = 90;

const args = process.argv.slice(2);
const command = `npm run mutate${args.length ? ` -- ${args.join(' ')}` : ''}`;
rmSync(REPORT, { force: true }); // never report a previous run's figures as this one's

const stryker = spawnSync(join(ROOT, 'node_modules', '.bin', 'stryker'), ['run', 'stryker.config.mjs', ...args], {
  cwd: ROOT, stdio: 'inherit',
});
if (stryker.status !== 0 || !existsSync(REPORT)) {
  console.error(`mutate: Stryker failed (exit ${stryker.status ?? stryker.signal}); BENCHMARKS.md left unchanged`);
  process.exit(stryker.status || 1);
}

// Statuses as in mutation-testing-report-schema. Timeouts count as killed (Stryker's convention:
// the mutant made the tests hang); compile and runtime errors are not scored.
const report = JSON.parse(readFileSync(REPORT, 'utf8'));
const date = new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
const rows = new Map(); // file -> table row
for (const [file, { mutants }] of Object.entries(report.files)) {
  const count = (status) => mutants.filter((m) => m.status === status).length;
  const killed = count('Killed');
  const timeout = count('Timeout');
  const survived = count('Survived');
  const noCoverage = count('NoCoverage');
  const ignored = count('Ignored');
  const errors = count('CompileError') + count('RuntimeError');
  const valid = killed + timeout + survived + noCoverage;
  const score = valid === 0 ? 100 : (100 * (killed + timeout)) / valid;
  const verdict = score >= TARGET ? 'pass' : '**below target**';
  rows.set(file, `| \`${file}\` | ${score.toFixed(1)}% | ${verdict} | ${killed} | ${timeout} | ${survived} | ${noCoverage} | ${ignored} | ${errors} | ${date} | \`${command}\` |`);
}

// Rows of files this run did not measure stay as they were (while the file exists); a run of
// every target (no --mutate) replaces the whole table.
const partial = args.includes('--mutate') || args.includes('-m');
const previous = existsSync(BENCHMARKS) ? readFileSync(BENCHMARKS, 'utf8') : '# Benchmarks\n';
if (partial) {
  for (const line of mutationSectionOf(previous).split('\n')) {
    const file = /^\| `([^`]+)` \|/.exec(line)?.[1];
    if (file && !rows.has(file) && existsSync(join(ROOT, file))) rows.set(file, line);
  }
}
const table = [...rows.keys()].sort().map((file) => rows.get(file));
const below = table.filter((row) => row.includes('below target')).length;

const section = [
  START,
  '## Mutation testing',
  '',
  `Written by \`npm run mutate\` (scripts/mutate.mjs: Stryker ${strykerVersion()} with the Jest runner, stryker.config.mjs). ` +
    'Each row is the last measurement of that file, with its date and command. Score: killed / (killed + survived + not covered); ' +
    'a timed-out mutant counts as killed, compile and runtime errors are not scored, and ignored mutants are those disabled ' +
    `by a \`// Stryker disable\` comment that says why. Target: at least ${TARGET}% per file; ${below} of ${table.length} files below it.`,
  '',
  '| file | score | target | killed | timed out | survived | no coverage | ignored | errors | date | command |',
  '|---|---:|---|---:|---:|---:|---:|---:|---:|---|---|',
  ...table,
  END,
].join('\n');
writeFileSync(BENCHMARKS, withMutationSection(previous, section));
console.log(`mutate: ${rows.size} file(s) written to BENCHMARKS.md (${below} below ${TARGET}%)`);

function strykerVersion() {
  return JSON.parse(readFileSync(join(ROOT, 'node_modules', '@stryker-mutator', 'core', 'package.json'), 'utf8')).version;
}
