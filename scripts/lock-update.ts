/**
 * `npm run lock:update`: rewrites the address lock (__tests__/stacks/addresses.lock.json)
 * from a fresh synth of every environment, dropping vanished addresses: the deliberate
 * acknowledgement after moving a data-bearing resource (`npm run accept` only adds).
 * It prints each address it dropped and added. Commit the result with the change.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { ConfigError } from '../config/validate';
import { acceptAddedAddresses, dataBearingAddresses, describeLockUpdate, formatAddressLock, LOCK_FILE, readAddressLock } from '../review/data-bearing';
import { synthesizeToTree } from '../review/synthesize';

try {
  const tree = synthesizeToTree();
  const lock = Object.fromEntries(Object.entries(tree).map(([env, stack]) => [env, dataBearingAddresses(stack)]));
  const { added, vanished } = acceptAddedAddresses(lock, existsSync(LOCK_FILE) ? readAddressLock(LOCK_FILE) : {});
  writeFileSync(LOCK_FILE, formatAddressLock(lock));
  console.log(describeLockUpdate({ added, vanished }));
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exitCode = 1;
}
