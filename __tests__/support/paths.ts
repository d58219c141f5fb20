import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
/** Shared synth output of the real configuration, written by global-setup.ts. */
export const SYNTH_DIR = join(ROOT, '.build', 'test-synth');
