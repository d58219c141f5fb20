import { TerraformDataSource, TerraformResource } from 'cdktf';
import * as grafana from '../grafana';
import * as sentry from '../sentry';

/**
 * What `npm run schemas:update` keeps of `terraform providers schema -json`:
 * for each hand-bound provider, its provider block and exactly the resources and
 * data sources that providers/ binds, without descriptions, in Terraform's own
 * key order, written as provider-schemas.json is (one-space indent, final newline).
 */

/** A hand-bound provider: its registry address, the release the bindings mirror and their modules. */
export interface BoundProvider {
  readonly source: string;
  readonly version: string;
  readonly modules: object;
}

/** The providers whose bindings are hand-written in providers/ (the others are prebuilt packages). */
export const BOUND_PROVIDERS: readonly BoundProvider[] = [
  { source: 'grafana/grafana', version: '4.45.1', modules: grafana },
  { source: 'jianyuan/sentry', version: '0.15.4', modules: sentry },
];

export interface BoundTypes {
  readonly resources: readonly string[];
  readonly dataSources: readonly string[];
}

/** The Terraform types a provider's binding classes declare (their static `tfResourceType`), sorted. */
export function boundTypes(provider: BoundProvider): BoundTypes {
  const resources: string[] = [];
  const dataSources: string[] = [];
  for (const module of Object.values(provider.modules)) {
    for (const value of Object.values(module as object)) {
      if (typeof value !== 'function' || typeof (value as { tfResourceType?: unknown }).tfResourceType !== 'string') continue;
      const type = (value as { tfResourceType: string }).tfResourceType;
      if (value.prototype instanceof TerraformDataSource) dataSources.push(type);
      else if (value.prototype instanceof TerraformResource) resources.push(type);
    }
  }
  return { resources: resources.sort(), dataSources: dataSources.sort() };
}

/** `registry.terraform.io/<source>`, the key Terraform uses in provider_schemas. */
export function registryAddress(source: string): string {
  return `registry.terraform.io/${source}`.toLowerCase();
}

type Json = Record<string, unknown>;
const DOCUMENTATION = new Set(['description', 'description_kind']);

function withoutDocs(object: Json): Json {
  return Object.fromEntries(Object.entries(object).filter(([key]) => !DOCUMENTATION.has(key)));
}

function mapValues(object: unknown, fn: (value: Json) => Json): Json | undefined {
  return object === undefined ? undefined : Object.fromEntries(Object.entries(object as Json).map(([k, v]) => [k, fn(v as Json)]));
}

function attribute(attr: Json): Json {
  const out = withoutDocs(attr);
  if (attr.nested_type !== undefined) {
    const nested = attr.nested_type as Json;
    out.nested_type = { ...nested, attributes: mapValues(nested.attributes, attribute) };
  }
  return out;
}

function block(b: Json): Json {
  const out = withoutDocs(b);
  if (b.attributes !== undefined) out.attributes = mapValues(b.attributes, attribute);
  if (b.block_types !== undefined) {
    out.block_types = mapValues(b.block_types, (bt) => ({ ...bt, block: block(bt.block as Json) }));
  }
  return out;
}

function schema(s: Json): Json {
  return { ...s, block: block(s.block as Json) };
}

/** Keeps `types` of one kind, in the input's order; fails naming a bound type the input lacks. */
function keep(schemas: Json | undefined, types: readonly string[], kind: string, address: string): Json | undefined {
  const missing = types.filter((t) => schemas?.[t] === undefined);
  if (missing.length > 0) {
    throw new Error(`${address}: providers/ binds the ${kind} ${missing.join(', ')}, which the provider's schema does not have. ` +
      'Fix: regenerate with the release the bindings mirror, or update the bindings (providers/) to this release');
  }
  if (types.length === 0) return undefined;
  return Object.fromEntries(Object.entries(schemas!).filter(([t]) => types.includes(t)).map(([t, s]) => [t, schema(s as Json)]));
}

/**
 * Trims `terraform providers schema -json` output (parsed) to the bound providers
 * and types, and returns it as provider-schemas.json's text.
 */
export function trimProviderSchemas(raw: Json, bound: ReadonlyMap<string, BoundTypes>): string {
  const all = (raw.provider_schemas ?? {}) as Record<string, Json>;
  const out: Record<string, Json> = {};
  for (const [address, types] of bound) {
    const provider = all[address];
    if (provider === undefined) {
      throw new Error(`${address}: not in the schema output (it has ${Object.keys(all).join(', ') || 'no provider'}). ` +
        'Fix: list the provider in the temporary configuration\'s required_providers');
    }
    const trimmed: Json = { provider: schema(provider.provider as Json) };
    const resources = keep(provider.resource_schemas as Json | undefined, types.resources, 'resource', address);
    const dataSources = keep(provider.data_source_schemas as Json | undefined, types.dataSources, 'data source', address);
    if (resources !== undefined) trimmed.resource_schemas = resources;
    if (dataSources !== undefined) trimmed.data_source_schemas = dataSources;
    out[address] = trimmed;
  }
  return `${JSON.stringify({ format_version: raw.format_version, provider_schemas: out }, null, 1)}\n`;
}

/** Every bound provider's types, keyed by registry address. */
export function boundTypesByAddress(providers: readonly BoundProvider[] = BOUND_PROVIDERS): Map<string, BoundTypes> {
  return new Map(providers.map((p) => [registryAddress(p.source), boundTypes(p)]));
}
