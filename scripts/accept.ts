/**
 * `npm run accept`: rewrites every reviewed artifact that follows from the config and
 * the catalog, after a deliberate change to them (a service, an alert, a threshold):
 *
 *   - the README's generated tables (review/readme-tables.ts, between their markers);
 *   - the address lock (__tests__/stacks/addresses.lock.json), for ADDED addresses only: a
 *     data-bearing address that vanished stays locked, so `npm test` keeps failing on it
 *     until it is kept, moved deliberately and acknowledged with `npm run lock:update`;
 *   - the Jest snapshots of the synthesized stacks (__tests__/stacks/__snapshots__).
 *
 * It prints each file it rewrote and each address it added, for the pull request.
 * Exit 1 when an address vanished (nothing else is held back) or synth fails.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../config/validate';
import { acceptAddedAddresses, dataBearingAddresses, formatAddressLock, LOCK_FILE, LOCK_FIX, readAddressLock } from '../review/data-bearing';
import { README_FILE, README_TABLES, replaceReadmeBlock } from '../review/readme-tables';
import { synthesizeToTree } from '../review/synthesize';

const SNAPSHOT_TEST = '__tests__/stacks/snapshot.test.ts';
const SNAPSHOT_DIR = '__tests__/stacks/__snapshots__';

const readAll = (dir: string) => Object.fromEntries(existsSync(dir) ? readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]) : []);

function accept(): number {
  const rewrote: string[] = [];
  const tree = synthesizeToTree();

  // README tables.
  const readme = readFileSync(README_FILE, 'utf8');
  let next = readme;
  const tables: string[] = [];
  for (const table of README_TABLES) {
    const updated = replaceReadmeBlock(next, table.name, table.render(tree));
    if (updated !== next) tables.push(table.name);
    next = updated;
  }
  if (next !== readme) {
    writeFileSync(README_FILE, next);
    rewrote.push(`${README_FILE} (tables: ${tables.join(', ')})`);
  }

  // Address lock: additions only.
  const current = Object.fromEntries(Object.entries(tree).map(([env, stack]) => [env, dataBearingAddresses(stack)]));
  const { lock, added, vanished } = acceptAddedAddresses(current, readAddressLock(LOCK_FILE));
  const lockText = formatAddressLock(lock);
  if (lockText !== readFileSync(LOCK_FILE, 'utf8')) {
    writeFileSync(LOCK_FILE, lockText);
    rewrote.push(added.length === 0 ? `${LOCK_FILE} (no address added; reformatted)`
      : `${LOCK_FILE} (${added.length} address${added.length === 1 ? '' : 'es'} added:\n${added.map((a) => `    + ${a}`).join('\n')})`);
  }

  // Snapshots: Jest writes them itself (--ci=false: CI=true would refuse to write a new one).
  const before = readAll(SNAPSHOT_DIR);
  const jest = spawnSync(process.execPath, [join('node_modules', 'jest', 'bin', 'jest.js'), '--ci=false', '-u', SNAPSHOT_TEST],
    { encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  if (jest.status !== 0) {
    console.error(`${SNAPSHOT_TEST} failed while updating its snapshots:\n${jest.stderr}`);
    return 1;
  }
  const after = readAll(SNAPSHOT_DIR);
  for (const file of Object.keys(after).sort()) {
    if (before[file] !== after[file]) rewrote.push(join(SNAPSHOT_DIR, file));
  }

  console.log(rewrote.length === 0 ? 'npm run accept: every generated artifact was current; nothing rewritten.'
    : `npm run accept rewrote:\n${rewrote.map((r) => `  - ${r}`).join('\n')}`);
  if (vanished.length > 0) {
    console.error(`\nNot accepted: ${vanished.length} data-bearing address${vanished.length === 1 ? '' : 'es'} vanished; ` +
      `Terraform would destroy ${vanished.length === 1 ? 'it' : 'them'}. They stay in ${LOCK_FILE}, and \`npm test\` fails on them:\n` +
      `${vanished.map((a) => `  - ${a}`).join('\n')}\nFix: ${LOCK_FIX}.`);
    return 1;
  }
  return 0;
}

try {
  process.exitCode = accept();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exitCode = 1;
}
