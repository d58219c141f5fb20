import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENVIRONMENT_NAMES } from '../../config/types';
import { synthOf, TerraformJson } from '../support/synth';

/** Both real environments' synth output, deep-copied so a test may mutate it. */
export function realTree(): Record<string, TerraformJson> {
  return Object.fromEntries(ENVIRONMENT_NAMES.map((env) => [env, structuredClone(synthOf(env))]));
}

/** Writes a tree as a synth output directory (`stacks/<env>/cdk.tf.json`). */
export function writeTree(dir: string, tree: Record<string, unknown>): string {
  for (const [env, json] of Object.entries(tree)) {
    mkdirSync(join(dir, 'stacks', env), { recursive: true });
    writeFileSync(join(dir, 'stacks', env, 'cdk.tf.json'), JSON.stringify(json, null, 2));
  }
  return dir;
}

/** A fresh temporary directory, removed by the returned cleanup. */
export function tempDir(): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'review-test-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The single resource of a type, as [logical name, body]. */
export function only(json: TerraformJson, type: string): [string, Record<string, any>] {
  const entries = Object.entries(json.resource[type] ?? {});
  if (entries.length !== 1) throw new Error(`expected one ${type}, found ${entries.length}`);
  return entries[0];
}

/** Renames a resource's logical id, as a changed construct id would. */
export function rename(json: TerraformJson, type: string, from: string, to: string): void {
  const byName = json.resource[type];
  byName[to] = byName[from];
  delete byName[from];
}

/** Mermaid's parser runs in its own Node process (bench/comment-scale.ts checkMermaid): loading mermaid and jsdom takes seconds on a busy machine. */
export const MERMAID_TIMEOUT = 60_000;
