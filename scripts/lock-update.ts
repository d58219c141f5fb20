/**
 * `npm run lock:update`: rewrites the address lock (__tests__/stacks/addresses.lock.json)
 * from a fresh synth of every environment, dropping vanished addresses: the deliberate
 * acknowledgement after moving a data-bearing resource (`npm run accept` only adds).
 * Commit the result with the change.
 */
import { writeFileSync } from 'node:fs';
import { ConfigError } from '../config/validate';
import { dataBearingAddresses, formatAddressLock, LOCK_FILE } from '../review/data-bearing';
import { synthesizeToTree } from '../review/synthesize';

try {
  const tree = synthesizeToTree();
  const lock = Object.fromEntries(Object.entries(tree).map(([env, stack]) => [env, dataBearingAddresses(stack)]));
  writeFileSync(LOCK_FILE, formatAddressLock(lock));
  console.log(`${LOCK_FILE}: ${Object.entries(lock).map(([env, list]) => `${env} ${list.length}`).join(', ')} data-bearing addresses`);
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exitCode = 1;
}
