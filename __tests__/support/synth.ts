import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EnvironmentName } from '../../config/types';
import { Estate, ONE_SERVICE } from './estates';

/** A synthesized cdk.tf.json, loosely typed for assertions. */
export interface TerraformJson {
  terraform: { required_providers: Record<string, { source: string; version: string }>; backend?: Record<string, unknown> };
  provider: Record<string, unknown[]>;
  resource: Record<string, Record<string, Record<string, any>>>;
  data?: Record<string, Record<string, Record<string, any>>>;
  variable?: Record<string, Record<string, any>>;
  output?: Record<string, Record<string, any>>;
}

const cache = new Map<string, TerraformJson>();

/**
 * An estate's synth output for one environment (shared across tests), written by
 * global-setup.ts. @default the real configuration (one service)
 */
export function synthOf(env: EnvironmentName, estate: Estate = ONE_SERVICE): TerraformJson {
  const path = join(estate.synthDir, 'stacks', env, 'cdk.tf.json');
  let json = cache.get(path);
  if (!json) {
    json = JSON.parse(readFileSync(path, 'utf8')) as TerraformJson;
    cache.set(path, json);
  }
  return json;
}

/** Every resource of one type, as [logical name, body] pairs. */
export function resourcesOf(json: TerraformJson, type: string): [string, Record<string, any>][] {
  return Object.entries(json.resource[type] ?? {});
}

export function dataOf(json: TerraformJson, type: string): [string, Record<string, any>][] {
  return Object.entries(json.data?.[type] ?? {});
}
