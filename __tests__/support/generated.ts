import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { README_FILE, readmeBlock } from '../../review/readme-tables';
import { ROOT } from './paths';

/** The one fix for a stale generated artifact (scripts/accept.ts). */
export const ACCEPT_FIX = 'run `npm run accept` and commit what it rewrites';

/**
 * Runs `assertion` on a generated artifact; when it fails, the failure starts by naming
 * the artifact and `npm run accept`, then shows Jest's own diff.
 */
export function expectCurrent(artifact: string, assertion: () => void): void {
  try {
    assertion();
  } catch (error) {
    if (error instanceof Error) {
      const prefix = `${artifact} is stale: it no longer follows from the config and catalog. Fix: ${ACCEPT_FIX}.\n\n`;
      error.message = prefix + error.message;
    }
    throw error;
  }
}

/** A generated table of the README, between its markers (review/readme-tables.ts). */
export function readmeTable(name: string): string | undefined {
  return readmeBlock(readFileSync(join(ROOT, README_FILE), 'utf8'), name);
}
