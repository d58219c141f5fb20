/**
 * Synthesizes every environment once per test run; test files read the JSON
 * through `__tests__/support/synth.ts` instead of each synthesizing again.
 */
import { SYNTH_DIR } from './paths';
import { synthesize } from '../../stacks/app';

export default function globalSetup(): void {
  synthesize({ outdir: SYNTH_DIR });
}
