/**
 * Checks synthesized Terraform JSON blocks against the provider schemas
 * (`terraform providers schema -json` format) committed in the project:
 * `providers/schemas/provider-schemas.json` (provenance in `providers/schemas/README.md`), or the
 * file named by the `PROVIDER_SCHEMAS_JSON` environment variable.
 *
 * Exports:
 *  - `checkAgainstSchema(resourceType, block, kind)`: violations of one resource / data source body.
 *  - `checkProviderAgainstSchema(providerName, block)`: violations of one provider block.
 *  - `uncoveredAttributes(resourceType, block, kind, ignore)`: schema inputs a (full) config leaves out.
 *  - `schemaOf`, `providerSchemaOf`, `loadProviderSchemas`, `providerSchemasPath` for direct lookups.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

// ------------------------------------------------------------------------------------------------
// Schema types (the subset of `terraform providers schema -json` that the checks use)
// ------------------------------------------------------------------------------------------------

export type SchemaKind = 'resource' | 'data';

/** Primitive or collection type, e.g. `"string"`, `["list", "string"]`, `["map", "string"]`. */
export type SchemaType = string | [string, SchemaType] | [string, ...unknown[]];

export interface SchemaNestedType {
  readonly attributes: Record<string, SchemaAttribute>;
  readonly nesting_mode: 'single' | 'list' | 'set' | 'map';
  readonly min_items?: number;
  readonly max_items?: number;
}

export interface SchemaAttribute {
  readonly type?: SchemaType;
  readonly nested_type?: SchemaNestedType;
  readonly required?: boolean;
  readonly optional?: boolean;
  readonly computed?: boolean;
  readonly sensitive?: boolean;
  readonly deprecated?: boolean;
}

export interface SchemaBlockType {
  readonly nesting_mode: 'single' | 'group' | 'list' | 'set' | 'map';
  readonly block: SchemaBlock;
  readonly min_items?: number;
  readonly max_items?: number;
}

export interface SchemaBlock {
  readonly attributes?: Record<string, SchemaAttribute>;
  readonly block_types?: Record<string, SchemaBlockType>;
  readonly deprecated?: boolean;
}

interface ProviderSchema {
  readonly provider: { readonly block: SchemaBlock };
  readonly resource_schemas?: Record<string, { readonly version?: number; readonly block: SchemaBlock }>;
  readonly data_source_schemas?: Record<string, { readonly version?: number; readonly block: SchemaBlock }>;
}

export interface ProviderSchemas {
  readonly format_version: string;
  readonly provider_schemas: Record<string, ProviderSchema>;
}

// ------------------------------------------------------------------------------------------------
// Loading
// ------------------------------------------------------------------------------------------------

/** Environment variable that overrides the location of the schema JSON. */
export const PROVIDER_SCHEMAS_ENV = 'PROVIDER_SCHEMAS_JSON';

/** Registry addresses of the providers these bindings cover, by provider (block) name. */
export const PROVIDER_ADDRESSES: Readonly<Record<string, string>> = {
  grafana: 'registry.terraform.io/grafana/grafana',
  sentry: 'registry.terraform.io/jianyuan/sentry',
};

/** Where the schema JSON is read from: `$PROVIDER_SCHEMAS_JSON` or the project's own copy. */
export function providerSchemasPath(): string {
  return process.env[PROVIDER_SCHEMAS_ENV] || resolve(__dirname, '../../providers/schemas/provider-schemas.json');
}

let cached: { path: string; schemas: ProviderSchemas } | undefined;

/** Reads (once) and returns the provider schemas; throws a descriptive error when the file is missing. */
export function loadProviderSchemas(): ProviderSchemas {
  const path = providerSchemasPath();
  if (cached?.path === path) {
    return cached.schemas;
  }
  if (!existsSync(path)) {
    throw new Error(
      `Provider schema JSON not found at ${path}. ` +
        `Set ${PROVIDER_SCHEMAS_ENV} to the output of \`terraform providers schema -json\` ` +
        `(default: providers/schemas/provider-schemas.json; regenerate it with \`npm run schemas:update\`).`,
    );
  }
  const schemas = JSON.parse(readFileSync(path, 'utf8')) as ProviderSchemas;
  if (!schemas.provider_schemas) {
    throw new Error(`${path} has no provider_schemas key; is it \`terraform providers schema -json\` output?`);
  }
  cached = { path, schemas };
  return schemas;
}

function providerNameOf(type: string): string {
  return type.split('_')[0];
}

function providerEntry(providerName: string): ProviderSchema {
  const address = PROVIDER_ADDRESSES[providerName];
  const entry = address ? loadProviderSchemas().provider_schemas[address] : undefined;
  if (!entry) {
    throw new Error(`No schema for provider "${providerName}" in ${providerSchemasPath()}`);
  }
  return entry;
}

/** The schema block of a resource (`kind: 'resource'`) or data source (`kind: 'data'`). */
export function schemaOf(resourceType: string, kind: SchemaKind = 'resource'): SchemaBlock {
  const entry = providerEntry(providerNameOf(resourceType));
  const table = kind === 'resource' ? entry.resource_schemas : entry.data_source_schemas;
  const schema = table?.[resourceType];
  if (!schema) {
    throw new Error(`No ${kind === 'resource' ? 'resource' : 'data source'} schema for "${resourceType}" in ${providerSchemasPath()}`);
  }
  return schema.block;
}

/** The schema block of a provider configuration (`grafana`, `sentry`). */
export function providerSchemaOf(providerName: string): SchemaBlock {
  return providerEntry(providerName).provider.block;
}

// ------------------------------------------------------------------------------------------------
// Checking
// ------------------------------------------------------------------------------------------------

/** Terraform meta-arguments and cdktf metadata that may appear in a resource / data source body. */
const META_KEYS = new Set(['//', 'count', 'depends_on', 'for_each', 'provider', 'lifecycle', 'provisioner', 'connection']);
/** Keys of a provider block that are not provider attributes. */
const PROVIDER_META_KEYS = new Set(['alias']);

type Json = unknown;

function isPlainObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A whole value that is a Terraform expression (e.g. `${grafana_folder.x.uid}`): its shape is unknown. */
function isExpression(value: Json): boolean {
  return typeof value === 'string' && value.includes('${');
}

function isAbsent(value: Json): boolean {
  return value === undefined || value === null;
}

/** Checks a value against a schema `type`. Expressions are accepted anywhere. */
function checkType(type: SchemaType | undefined, value: Json, path: string, out: string[]): void {
  if (type === undefined || isExpression(value)) {
    return;
  }
  if (typeof type === 'string') {
    const ok =
      type === 'dynamic' ||
      (type === 'string' && typeof value === 'string') ||
      (type === 'number' && typeof value === 'number') ||
      (type === 'bool' && typeof value === 'boolean');
    if (!ok) {
      out.push(`${path}: expected ${type}, got ${JSON.stringify(value)}`);
    }
    return;
  }
  const [collection, element] = type;
  if (collection === 'list' || collection === 'set') {
    if (!Array.isArray(value)) {
      out.push(`${path}: expected a ${collection} (JSON array), got ${JSON.stringify(value)}`);
      return;
    }
    value.forEach((item, i) => checkType(element as SchemaType, item, `${path}[${i}]`, out));
  } else if (collection === 'map') {
    if (!isPlainObject(value)) {
      out.push(`${path}: expected a map (JSON object), got ${JSON.stringify(value)}`);
      return;
    }
    for (const [key, item] of Object.entries(value)) {
      checkType(element as SchemaType, item, `${path}[${JSON.stringify(key)}]`, out);
    }
  } else if (collection === 'object' || collection === 'tuple') {
    if (typeof value !== 'object' || value === null) {
      out.push(`${path}: expected an ${collection}, got ${JSON.stringify(value)}`);
    }
  }
}

function checkCount(actual: number, min: number | undefined, max: number | undefined, path: string, out: string[]): void {
  if (min !== undefined && min > 0 && actual < min) {
    out.push(`${path}: needs at least ${min} element(s), has ${actual}`);
  }
  if (max !== undefined && max > 0 && actual > max) {
    out.push(`${path}: allows at most ${max} element(s), has ${actual}`);
  }
}

/** Checks the attributes of an object against the attributes of a nested type (framework nested attributes). */
function checkNestedObject(attributes: Record<string, SchemaAttribute>, value: Json, path: string, out: string[]): void {
  if (isExpression(value)) {
    return;
  }
  if (!isPlainObject(value)) {
    out.push(`${path}: expected an object, got ${JSON.stringify(value)}`);
    return;
  }
  checkBody({ attributes }, value, path, out, new Set());
}

function checkAttribute(name: string, attr: SchemaAttribute, value: Json, path: string, out: string[]): void {
  if (attr.deprecated) {
    out.push(`${path}: deprecated attribute "${name}" is emitted`);
  }
  if (attr.computed && !attr.optional && !attr.required) {
    out.push(`${path}: computed-only (read-only) attribute "${name}" is emitted`);
  }
  const nested = attr.nested_type;
  if (!nested) {
    checkType(attr.type, value, path, out);
    return;
  }
  if (isExpression(value)) {
    return;
  }
  switch (nested.nesting_mode) {
    case 'single':
      if (Array.isArray(value)) {
        out.push(`${path}: nested attribute "${name}" has single nesting and must be a JSON object, got an array`);
        return;
      }
      checkNestedObject(nested.attributes, value, path, out);
      return;
    case 'list':
    case 'set':
      if (!Array.isArray(value)) {
        out.push(`${path}: nested attribute "${name}" has ${nested.nesting_mode} nesting and must be a JSON array, got ${JSON.stringify(value)}`);
        return;
      }
      checkCount(value.length, nested.min_items, nested.max_items, path, out);
      value.forEach((item, i) => checkNestedObject(nested.attributes, item, `${path}[${i}]`, out));
      return;
    case 'map':
      if (!isPlainObject(value)) {
        out.push(`${path}: nested attribute "${name}" has map nesting and must be a JSON object, got ${JSON.stringify(value)}`);
        return;
      }
      for (const [key, item] of Object.entries(value)) {
        checkNestedObject(nested.attributes, item, `${path}[${JSON.stringify(key)}]`, out);
      }
      return;
  }
}

/**
 * Blocks: a list/set block with `max_items: 1` may be one JSON object (what `cdktf get` emits) or an
 * array of at most one object; any other list/set block must be an array; single/group blocks are objects.
 */
function blockElements(name: string, blockType: SchemaBlockType, value: Json, path: string, out: string[]): [Json, string][] | undefined {
  if (isExpression(value)) {
    return undefined;
  }
  const { nesting_mode: mode, max_items: max, min_items: min } = blockType;
  if (mode === 'single' || mode === 'group') {
    if (!isPlainObject(value)) {
      out.push(`${path}: block "${name}" has ${mode} nesting and must be a JSON object, got ${JSON.stringify(value)}`);
      return undefined;
    }
    return [[value, path]];
  }
  if (mode === 'map') {
    if (!isPlainObject(value)) {
      out.push(`${path}: block "${name}" has map nesting and must be a JSON object, got ${JSON.stringify(value)}`);
      return undefined;
    }
    return Object.entries(value).map(([key, item]) => [item, `${path}[${JSON.stringify(key)}]`]);
  }
  if (isPlainObject(value)) {
    if (max !== 1) {
      out.push(`${path}: block "${name}" (${mode}, no max 1) must be a JSON array of objects, got a single object`);
    }
    return [[value, path]];
  }
  if (!Array.isArray(value)) {
    out.push(`${path}: block "${name}" must be a JSON array of objects, got ${JSON.stringify(value)}`);
    return undefined;
  }
  checkCount(value.length, min, max, path, out);
  return value.map((item, i) => [item, `${path}[${i}]`]);
}

function checkBlock(name: string, blockType: SchemaBlockType, value: Json, path: string, out: string[]): void {
  if (blockType.block.deprecated) {
    out.push(`${path}: deprecated block "${name}" is emitted`);
  }
  for (const [element, elementPath] of blockElements(name, blockType, value, path, out) ?? []) {
    if (isExpression(element)) {
      continue;
    }
    if (!isPlainObject(element)) {
      out.push(`${elementPath}: block "${name}" element must be a JSON object, got ${JSON.stringify(element)}`);
      continue;
    }
    checkBody(blockType.block, element, elementPath, out, new Set());
  }
}

/** `dynamic` blocks: `dynamic: { <block>: { for_each, iterator?, content } }`. */
function checkDynamic(schema: SchemaBlock, value: Json, path: string, out: string[]): void {
  if (!isPlainObject(value)) {
    out.push(`${path}: "dynamic" must be an object`);
    return;
  }
  for (const [name, spec] of Object.entries(value)) {
    const blockType = schema.block_types?.[name];
    if (!blockType) {
      out.push(`${path}.${name}: dynamic block "${name}" is not a block of this schema`);
      continue;
    }
    if (isPlainObject(spec) && isPlainObject(spec.content)) {
      checkBody(blockType.block, spec.content, `${path}.${name}.content`, out, new Set());
    }
  }
}

function checkBody(schema: SchemaBlock, body: Record<string, Json>, path: string, out: string[], skip: Set<string>): void {
  const attributes = schema.attributes ?? {};
  const blockTypes = schema.block_types ?? {};
  const dynamicNames = isPlainObject(body.dynamic) ? Object.keys(body.dynamic) : [];

  for (const [key, value] of Object.entries(body)) {
    if (skip.has(key) || isAbsent(value)) {
      continue;
    }
    const keyPath = path ? `${path}.${key}` : key;
    if (key in attributes) {
      checkAttribute(key, attributes[key], value, keyPath, out);
    } else if (key in blockTypes) {
      checkBlock(key, blockTypes[key], value, keyPath, out);
    } else if (key === 'dynamic' && !('dynamic' in attributes)) {
      checkDynamic(schema, value, keyPath, out);
    } else {
      out.push(`${keyPath}: "${key}" is not an attribute or block of the schema at this level`);
    }
  }

  for (const [name, attr] of Object.entries(attributes)) {
    if (attr.required && isAbsent(body[name])) {
      out.push(`${path ? `${path}.` : ''}${name}: required attribute is missing`);
    }
  }
  for (const [name, blockType] of Object.entries(blockTypes)) {
    if ((blockType.min_items ?? 0) > 0 && isAbsent(body[name]) && !dynamicNames.includes(name)) {
      out.push(`${path ? `${path}.` : ''}${name}: required block (min ${blockType.min_items}) is missing`);
    }
  }
}

/**
 * Checks one synthesized resource or data source body (the object under
 * `resource.<type>.<name>` / `data.<type>.<name>` in cdk.tf.json) against the provider schema.
 * Returns human-readable violations, each prefixed with its path; an empty list means conformant:
 *  - every key is an attribute or block of the schema at that nesting level (meta-arguments and
 *    cdktf's `//` metadata excepted);
 *  - no computed-only or deprecated attribute, no deprecated block;
 *  - every required attribute and every block with `min_items > 0` is present;
 *  - nesting: single nested attributes are objects, list/set nested attributes and blocks are
 *    arrays (a list/set block with `max_items: 1` may be a single object), item counts respect
 *    `min_items` / `max_items`, and primitive values have the schema type.
 * Values that are whole Terraform expressions (`${...}`) are accepted wherever a value is expected.
 */
export function checkAgainstSchema(resourceType: string, block: object, kind: SchemaKind = 'resource'): string[] {
  const out: string[] = [];
  const prefix = kind === 'data' ? `data.${resourceType}` : resourceType;
  checkBody(schemaOf(resourceType, kind), block as Record<string, Json>, prefix, out, META_KEYS);
  return out;
}

/** Like `checkAgainstSchema`, for a provider block (`provider.<name>[i]` in cdk.tf.json). */
export function checkProviderAgainstSchema(providerName: string, block: object): string[] {
  const out: string[] = [];
  checkBody(providerSchemaOf(providerName), block as Record<string, Json>, `provider.${providerName}`, out, PROVIDER_META_KEYS);
  return out;
}

// ------------------------------------------------------------------------------------------------
// Coverage (is the binding complete?)
// ------------------------------------------------------------------------------------------------

function isInput(attr: SchemaAttribute): boolean {
  return !attr.deprecated && Boolean(attr.required || attr.optional);
}

/** The elements of a (block or nested attribute) value, whatever its JSON shape. */
function elementsOf(value: Json): Record<string, Json>[] {
  if (Array.isArray(value)) {
    return value.filter(isPlainObject);
  }
  return isPlainObject(value) ? [value] : [];
}

function collectUncovered(
  attributes: Record<string, SchemaAttribute>,
  blockTypes: Record<string, SchemaBlockType>,
  bodies: Record<string, Json>[],
  path: string,
  ignore: ReadonlySet<string>,
  out: string[],
): void {
  const join = (name: string) => (path ? `${path}.${name}` : name);
  for (const [name, attr] of Object.entries(attributes)) {
    const attrPath = join(name);
    if (!isInput(attr) || ignore.has(attrPath)) {
      continue;
    }
    const values = bodies.map((b) => b[name]).filter((v) => !isAbsent(v));
    if (values.length === 0) {
      out.push(attrPath);
      continue;
    }
    if (attr.nested_type) {
      const nestedBodies = values.flatMap((v) => (attr.nested_type!.nesting_mode === 'map' && isPlainObject(v) ? Object.values(v).filter(isPlainObject) : elementsOf(v)));
      collectUncovered(attr.nested_type.attributes, {}, nestedBodies, attrPath, ignore, out);
    }
  }
  for (const [name, blockType] of Object.entries(blockTypes)) {
    const blockPath = join(name);
    if (blockType.block.deprecated || ignore.has(blockPath)) {
      continue;
    }
    const values = bodies.map((b) => b[name]).filter((v) => !isAbsent(v));
    if (values.length === 0) {
      out.push(blockPath);
      continue;
    }
    const nestedBodies = values.flatMap(elementsOf);
    collectUncovered(blockType.block.attributes ?? {}, blockType.block.block_types ?? {}, nestedBodies, blockPath, ignore, out);
  }
}

/**
 * Schema inputs (non-deprecated required/optional attributes, nested attributes and blocks, at every
 * nesting level) that do not appear in `block`; an attribute inside a list counts as covered when
 * any element sets it. `ignore` lists dotted paths (e.g. `"alertmanager"`) to leave out.
 */
export function uncoveredAttributes(resourceType: string, block: object, kind: SchemaKind = 'resource', ignore: readonly string[] = []): string[] {
  const schema = schemaOf(resourceType, kind);
  const out: string[] = [];
  collectUncovered(schema.attributes ?? {}, schema.block_types ?? {}, [block as Record<string, Json>], '', new Set(ignore), out);
  return out;
}

/** Like `uncoveredAttributes`, for a provider block. */
export function uncoveredProviderAttributes(providerName: string, block: object, ignore: readonly string[] = []): string[] {
  const schema = providerSchemaOf(providerName);
  const out: string[] = [];
  collectUncovered(schema.attributes ?? {}, schema.block_types ?? {}, [block as Record<string, Json>], '', new Set(ignore), out);
  return out;
}
