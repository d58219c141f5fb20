/**
 * Behaviour checks shared by the per-binding unit tests under __tests__/providers/<grafana|sentry>/
 * (one mirrored test file per binding, each calling `describeBinding`). Every check is driven by
 * the committed provider schema, not by the binding's own code:
 *
 * - the full config of the binding (full-configs.ts) synthesizes to exactly its props, each under
 *   the schema's snake_case name, nested attributes and blocks included (map keys verbatim);
 * - every attribute getter resolves to `${<type>.<id>.<snake_case name>}` (`data.` for data
 *   sources) and names an attribute of the schema;
 * - `generateConfigForImport` writes an import block of the right type and id;
 * - every exported `xToTerraform` mapper passes undefined and tokens through and rejects
 *   output-reference objects used as configuration;
 * - the binding belongs to its provider (cdktf refuses a stack that lacks that provider).
 */
import { Construct } from 'constructs';
import * as cdktf from 'cdktf';
import { GrafanaProvider } from '../../providers/grafana/provider';
import { SentryProvider } from '../../providers/sentry/provider';
import { FULL_CONFIGS, FullConfigCase } from './full-configs';
import { SchemaBlock, SchemaKind, providerSchemaOf, schemaOf } from './schema-checker';

type Json = Record<string, any>;

/** A binding class as `cdktf get` shapes it. */
export interface BindingClass {
  readonly tfResourceType: string;
  readonly prototype: object;
  generateConfigForImport?(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider): cdktf.ImportableResource;
}

/** Meta-arguments of `TerraformMetaArguments`: not attributes of the schema. */
const META_ARGUMENTS = new Set(['provider', 'dependsOn', 'count', 'lifecycle', 'provisioners', 'connection', 'forEach']);

/** Terraform's name for a binding prop, as `cdktf get` derives props from names (`o11y` is camelCased `O11Y`). */
export function snakeCase(prop: string): string {
  return prop.replace(/O11Y/g, 'O11y').replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

function isPlainObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/** An object of token-valued fields such as `owner.teamId` (camelCase keys; not an encoded map token, whose key is a token). */
function isFieldObject(value: unknown): value is Json {
  return isPlainObject(value) && Object.keys(value).every((key) => /^[a-z][A-Za-z0-9]*$/.test(key));
}

/**
 * The Terraform JSON a config must synthesize to, derived from the schema: each prop under its
 * snake_case name, nested attributes and blocks recursively (arrays stay arrays, a max-1 block
 * given as one object stays one object), map attributes verbatim. An unknown prop throws.
 */
export function expectedBody(config: Json, block: SchemaBlock, path: string, topLevel = true): Json {
  const body: Json = {};
  for (const [prop, value] of Object.entries(config)) {
    if (value === undefined || (topLevel && META_ARGUMENTS.has(prop))) {
      continue;
    }
    const name = snakeCase(prop);
    const attribute = block.attributes?.[name];
    const blockType = block.block_types?.[name];
    const inner: SchemaBlock | undefined = attribute?.nested_type ? { attributes: attribute.nested_type.attributes } : blockType?.block;
    if (!attribute && !blockType) {
      throw new Error(`${path}.${name} (prop ${prop}) is not in the schema`);
    }
    if (!inner) {
      body[name] = value; // primitives, lists of primitives and maps (keys verbatim)
    } else if (Array.isArray(value)) {
      body[name] = value.map((element, i) => expectedBody(element, inner, `${path}.${name}[${i}]`, false));
    } else {
      body[name] = expectedBody(value, inner, `${path}.${name}`, false);
    }
  }
  return body;
}

/** The config a binding instance was constructed with (kept in its private `input`). */
export function configOf(instance: Construct): Json {
  return (instance as unknown as { input: Json }).input;
}

export function newStack(withProviders = true): cdktf.TerraformStack {
  const stack = new cdktf.TerraformStack(cdktf.Testing.app(), 't');
  if (withProviders) {
    new GrafanaProvider(stack, 'grafana');
    new SentryProvider(stack, 'sentry');
  }
  return stack;
}

export function synth(stack: cdktf.TerraformStack, runValidations = true): Json {
  return JSON.parse(cdktf.Testing.synth(stack, runValidations)) as Json;
}

/** The getters a binding class defines itself (not those inherited from cdktf). */
export function ownGetters(cls: BindingClass): string[] {
  return Object.entries(Object.getOwnPropertyDescriptors(cls.prototype))
    .filter(([, descriptor]) => descriptor.get)
    .map(([name]) => name);
}

/** [label, value, attribute path] of every getter; an object of token fields is one row per field. */
export function referencesOf(instance: object, getters: string[]): Array<[string, unknown, string]> {
  const rows: Array<[string, unknown, string]> = [];
  for (const getter of getters) {
    const value = (instance as Json)[getter];
    if (isFieldObject(value) && Object.keys(value).length > 0) { // an empty one must fail as a reference
      for (const [field, fieldValue] of Object.entries(value)) {
        rows.push([`${getter}.${field}`, fieldValue, `${snakeCase(getter)}.${snakeCase(field)}`]);
      }
    } else {
      rows.push([getter, value, snakeCase(getter)]);
    }
  }
  return rows;
}

/** Whether `a.b.c` names an attribute (or block) of the schema, following nested attributes. */
export function schemaHasPath(block: SchemaBlock, path: string): boolean {
  const [head, ...rest] = path.split('.');
  const attribute = block.attributes?.[head];
  const blockType = block.block_types?.[head];
  if (rest.length === 0) {
    return Boolean(attribute || blockType);
  }
  const inner = attribute?.nested_type ? { attributes: attribute.nested_type.attributes } : blockType?.block;
  return inner ? schemaHasPath(inner, rest.join('.')) : false;
}

/** A list-valued prop of a config: where it is in the config and in the synthesized body. */
export interface ListProp {
  readonly configPath: Array<string | number>;
  readonly bodyPath: Array<string | number>;
  readonly isBlock: boolean;
}

/** Every list-valued prop of a config, at every nesting level (inside every element of a list). */
export function listProps(config: Json, block: SchemaBlock, configPath: Array<string | number> = [], bodyPath: Array<string | number> = []): ListProp[] {
  const found: ListProp[] = [];
  for (const [prop, value] of Object.entries(config)) {
    if (value === undefined || (configPath.length === 0 && META_ARGUMENTS.has(prop))) {
      continue;
    }
    const name = snakeCase(prop);
    const attribute = block.attributes?.[name];
    const blockType = block.block_types?.[name];
    const inner: SchemaBlock | undefined = attribute?.nested_type ? { attributes: attribute.nested_type.attributes } : blockType?.block;
    if (Array.isArray(value)) {
      found.push({ configPath: [...configPath, prop], bodyPath: [...bodyPath, name], isBlock: Boolean(blockType) });
      value.forEach((element, i) => {
        if (inner && isPlainObject(element)) {
          found.push(...listProps(element, inner, [...configPath, prop, i], [...bodyPath, name, i]));
        }
      });
    } else if (inner && isPlainObject(value)) {
      found.push(...listProps(value, inner, [...configPath, prop], [...bodyPath, name]));
    }
  }
  return found;
}

function withValueAt(config: Json, path: Array<string | number>, value: unknown): Json {
  const copy = JSON.parse(JSON.stringify(config)) as Json;
  let parent: any = copy;
  for (const key of path.slice(0, -1)) {
    parent = parent[key];
  }
  parent[path[path.length - 1]] = value;
  return copy;
}

function valueAt(body: Json, path: Array<string | number>): any {
  return path.reduce((node: any, key) => node?.[key], body);
}

/** Whether `a.b.c` is a set-typed attribute (cdktf reads sets through `tolist`). */
function isSetAttribute(block: SchemaBlock, path: string): boolean {
  const [head, ...rest] = path.split('.');
  const attribute = block.attributes?.[head];
  if (rest.length === 0) {
    return Array.isArray(attribute?.type) && attribute.type[0] === 'set';
  }
  return attribute?.nested_type ? isSetAttribute({ attributes: attribute.nested_type.attributes }, rest.join('.')) : false;
}

/** A token's Terraform expression, as it would appear in the synthesized JSON. */
export function resolveIn(stack: cdktf.TerraformStack, value: unknown): unknown {
  const options = { scope: stack, preparing: false, resolver: new cdktf.DefaultTokenResolver(new cdktf.StringConcat()) };
  return cdktf.Tokenization.resolve(value, options);
}

/** A stand-in for an output-reference object (what cdktf's `isComplexElement` recognizes). */
export const OUTPUT_REFERENCE = { withinArray: false, interpolationAsList: () => [] };

/**
 * The unit tests of one binding module: `module` is the module namespace (for its mappers), `cls`
 * the resource or data source class, whose full config is the FULL_CONFIGS entry of its type.
 */
export function describeBinding(module: Record<string, unknown>, cls: BindingClass, kind: SchemaKind): void {
  const fullConfig: FullConfigCase | undefined = FULL_CONFIGS.find((c) => c.type === cls.tfResourceType && c.kind === kind);
  const type = cls.tfResourceType;
  const providerName = type.split('_')[0];
  const address = kind === 'data' ? `data.${type}` : type;

  const buildFull = (stack: cdktf.TerraformStack): Construct => {
    fullConfig!.build(stack);
    return stack.node.findChild('full');
  };

  describe(`${address} (${(cls as unknown as { name: string }).name})`, () => {
    it('has a full config in full-configs.ts', () => {
      expect(fullConfig).toBeDefined();
    });

    it('synthesizes every prop of the full config under its schema name, with its value (nested blocks too)', () => {
      const stack = newStack();
      const instance = buildFull(stack);
      const json = synth(stack);
      const body = json[kind === 'data' ? 'data' : 'resource']?.[type]?.full;
      expect(body).toEqual(expectedBody(configOf(instance), schemaOf(type, kind), address));
    });

    it(`belongs to the ${providerName} provider: a stack without it fails validation naming it`, () => {
      const stack = newStack(false);
      buildFull(stack);
      expect(() => synth(stack)).toThrow(new RegExp(`for the following providers: ${providerName}\\s*$`, 'm'));
    });

    it('iterates top-level list blocks as dynamic blocks, nested ones not at all (as cdktf), list attributes as for expressions', () => {
      const config = configOf(buildFull(newStack()));
      const props = listProps(config, schemaOf(type, kind));
      const construct = cls as unknown as new (scope: Construct, id: string, config: Json) => Construct;
      const rendering = ({ configPath, bodyPath }: ListProp): string => {
        const stack = newStack();
        const iterator = cdktf.TerraformIterator.fromList(['a', 'b']);
        new construct(stack, 'dyn', withValueAt(config, configPath, iterator.dynamic({})));
        let body: Json;
        try {
          body = synth(stack)[kind === 'data' ? 'data' : 'resource'][type].dyn;
        } catch (error) {
          return /only supported on block attributes/.test(String(error)) ? 'refused' : String(error);
        }
        const parent = valueAt(body, bodyPath.slice(0, -1));
        const name = bodyPath[bodyPath.length - 1] as string;
        if (parent?.dynamic?.[name] && parent[name] === undefined) return 'dynamic block';
        return /^\$\{\[\s*for /.test(String(parent?.[name])) ? 'for expression' : JSON.stringify(parent?.[name]);
      };
      expect(props.map((prop) => [prop.bodyPath.join('.'), rendering(prop)])).toEqual(
        props.map(({ bodyPath, isBlock }) => [
          bodyPath.join('.'),
          !isBlock ? 'for expression' : bodyPath.length === 1 ? 'dynamic block' : 'refused',
        ]),
      );
    });

    it('exposes every attribute as a reference `${<address>.<id>.<snake_case attribute>}` to a schema attribute (sets via tolist)', () => {
      const stack = newStack();
      const instance = buildFull(stack);
      const rows = referencesOf(instance, ownGetters(cls));
      expect(rows.length).toBeGreaterThan(0);
      const schema = schemaOf(type, kind);
      const resolved = rows.map(([label, value, path]) => [label, resolveIn(stack, value), schemaHasPath(schema, path)]);
      expect(resolved).toEqual(
        rows.map(([label, , path]) => {
          const reference = `${address}.full.${path}`;
          return [label, isSetAttribute(schema, path) ? `\${tolist(${reference})}` : `\${${reference}}`, true];
        }),
      );
    });

    if (kind === 'resource') {
      it('generateConfigForImport writes an import block of its type, with the id and provider given', () => {
        const stack = newStack();
        const other = providerName === 'grafana'
          ? new GrafanaProvider(stack, 'other', { alias: 'other' })
          : new SentryProvider(stack, 'other', { alias: 'other' });
        cls.generateConfigForImport!(stack, 'imported', 'ext-42');
        cls.generateConfigForImport!(stack, 'imported-other', 'ext-43', other);
        expect(synth(stack).import).toEqual([
          { to: `${type}.imported`, id: 'ext-42' },
          { to: `${type}.imported-other`, id: 'ext-43', provider: `${providerName}.other` },
        ]);
      });
    }

    const mappers = Object.entries(module).filter(([name, fn]) => name.endsWith('ToTerraform') && typeof fn === 'function');
    if (mappers.length > 0) {
      describe.each(mappers)('%s', (_name, mapper) => {
        const toTerraform = mapper as (struct?: unknown) => unknown;
        it('passes undefined and null through', () => {
          expect(toTerraform(undefined)).toBeUndefined();
          expect(toTerraform(null)).toBeNull();
        });
        it('passes a token through unchanged', () => {
          const token = cdktf.Token.asAny('${var.x}');
          expect(toTerraform(token)).toBe(token);
        });
        it('fails when an output reference is used as configuration, pointing to the docs', () => {
          expect(() => toTerraform(OUTPUT_REFERENCE)).toThrow(
            'A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration',
          );
        });
      });
    }
  });
}

/**
 * The unit tests of a provider class: `full` sets every attribute of the provider schema. Provider
 * getters return the configured values (providers cannot be referenced in Terraform).
 */
export function describeProvider<C extends object>(
  name: string,
  cls: { new (scope: Construct, id: string, config?: C): cdktf.TerraformProvider; readonly tfResourceType: string; readonly prototype: object },
  full: C,
): void {
  const providerBlocks = (build: (stack: cdktf.TerraformStack) => void): Json[] => {
    const stack = new cdktf.TerraformStack(cdktf.Testing.app(), 't');
    build(stack);
    return synth(stack).provider[name];
  };

  describe(`${name} provider (${(cls as unknown as { name: string }).name})`, () => {
    it(`is the ${name} provider type`, () => {
      expect(cls.tfResourceType).toBe(name);
    });

    it('synthesizes every prop under its schema name, with its value', () => {
      const [block] = providerBlocks((stack) => new cls(stack, name, full));
      expect(block).toEqual(expectedBody(full as Json, providerSchemaOf(name), name));
    });

    it('synthesizes an empty block without config', () => {
      expect(providerBlocks((stack) => new cls(stack, name))).toEqual([{}]);
    });

    it('returns the configured value from every getter', () => {
      const stack = new cdktf.TerraformStack(cdktf.Testing.app(), 't');
      const provider = new cls(stack, name, full) as unknown as Json;
      const getters = ownGetters(cls).filter((getter) => getter !== 'alias');
      expect(getters.map((getter) => [getter, provider[getter]])).toEqual(Object.entries(full));
    });

    it('takes its alias from the config or the setter, and synthesizes it', () => {
      const blocks = providerBlocks((stack) => {
        const fromConfig = new cls(stack, 'a', { alias: 'from-config' } as C);
        expect(fromConfig.alias).toBe('from-config');
        const fromSetter = new cls(stack, 'b');
        expect(fromSetter.alias).toBeUndefined();
        fromSetter.alias = 'from-setter';
        expect(fromSetter.alias).toBe('from-setter');
      });
      expect(blocks).toEqual([{ alias: 'from-config' }, { alias: 'from-setter' }]);
    });
  });
}
