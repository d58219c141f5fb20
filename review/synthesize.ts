import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EnvironmentName } from '../config/types';
import { synthesize } from '../stacks/app';
import { readSynthTree, SynthTree } from './tree-diff';

/**
 * Synthesizes `environments` (default: every one) in this process into a temporary
 * directory and reads the stacks back, leaving cdktf.out alone. Not for `npm run diff`:
 * importing this loads the whole app.
 */
export function synthesizeToTree(environments?: readonly EnvironmentName[]): SynthTree {
  const dir = mkdtempSync(join(tmpdir(), 'synth-'));
  try {
    synthesize({ outdir: join(dir, 'out'), environments });
    return readSynthTree(join(dir, 'out'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
