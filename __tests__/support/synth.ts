import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EnvironmentName } from '../../config/types';
import { SYNTH_DIR } from './paths';

/** A synthesized cdk.tf.json, loosely typed for assertions. */
export interface TerraformJson {
  terraform: { required_providers: Record<string, { source: string; version: string }>; backend?: Record<string, unknown> };
  provider: Record<string, unknown[]>;
  resource: Record<string, Record<string, Record<string, any>>>;
  data?: Record<string, Record<string, Record<string, any>>>;
  variable?: Record<string, Record<string, any>>;
  output?: Record<string, Record<string, any>>;
}

const cache = new Map<EnvironmentName, TerraformJson>();

/** The real configuration's synth output for one environment (shared across tests). */
export function synthOf(env: EnvironmentName): TerraformJson {
  let json = cache.get(env);
  if (!json) {
    json = JSON.parse(readFileSync(join(SYNTH_DIR, 'stacks', env, 'cdk.tf.json'), 'utf8')) as TerraformJson;
    cache.set(env, json);
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
