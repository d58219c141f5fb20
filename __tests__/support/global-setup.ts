/**
 * Once per test run: builds the entry points that tests run as processes (`.build/`), and
 * synthesizes every environment of every test estate; test files read the JSON through
 * `__tests__/support/synth.ts` instead of each synthesizing again.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { ESTATES } from './estates';
import { synthesize } from '../../stacks/app';
import { underMutantRun } from './mutation';
import { buildEntryPoints } from './run-app';

export default function globalSetup(): void {
  // Under `npm run mutate`, Jest runs again for every mutant in the same sandbox: the output of the
  // first, unmutated run is reused, so that a test reading it checks the real configuration's synth
  // and a mutant is killed only by a test that runs the mutated code itself.
  if (underMutantRun()) return;
  buildEntryPoints();
  for (const estate of ESTATES) {
    mkdirSync(dirname(estate.synthDir), { recursive: true });
    synthesize({ outdir: estate.synthDir, services: estate.services, configs: estate.configs });
  }
}
