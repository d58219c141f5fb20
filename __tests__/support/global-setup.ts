/**
 * Synthesizes every environment of every test estate once per test run; test files
 * read the JSON through `__tests__/support/synth.ts` instead of each synthesizing again.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { ESTATES } from './estates';
import { synthesize } from '../../stacks/app';

export default function globalSetup(): void {
  for (const estate of ESTATES) {
    mkdirSync(dirname(estate.synthDir), { recursive: true });
    synthesize({ outdir: estate.synthDir, services: estate.services, configs: estate.configs });
  }
}
