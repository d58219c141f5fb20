/**
 * `npm run lock:update`: rewrites the address lock (__tests__/stacks/addresses.lock.json)
 * from a fresh synth of every environment. Run it after adding a data-bearing
 * resource, or after moving one deliberately; commit the result with the change.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dataBearingAddresses, formatAddressLock, LOCK_FILE } from '../review/data-bearing';
import { readSynthTree } from '../review/tree-diff';
import { ConfigError } from '../config/validate';
import { synthesize } from '../stacks/app';

const dir = mkdtempSync(join(tmpdir(), 'lock-update-'));
try {
  synthesize({ outdir: join(dir, 'out') });
  const tree = readSynthTree(join(dir, 'out'));
  const lock = Object.fromEntries(Object.entries(tree).map(([env, stack]) => [env, dataBearingAddresses(stack)]));
  writeFileSync(LOCK_FILE, formatAddressLock(lock));
  console.log(`${LOCK_FILE}: ${Object.entries(lock).map(([env, list]) => `${env} ${list.length}`).join(', ')} data-bearing addresses`);
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
