import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDataBearing, replacingChanges, StackJson } from './data-bearing';
import { applyCommand, ignoredPathsOf, ignoringEntry, terraformPath } from './ignored-changes';
import { AttributeChange, deepEqual, diffValues } from './json-diff';

/** One synth output directory: environment name to its cdk.tf.json. */
export type SynthTree = Readonly<Record<string, StackJson>>;

/**
 * Reads `<dir>/stacks/<env>/cdk.tf.json` for every environment found. A side that
 * is missing, empty or malformed throws, naming the file: compared with nothing,
 * every resource would look added (or orphaned), and the guard would be blind.
 */
export function readSynthTree(dir: string): SynthTree {
  const stacks = join(dir, 'stacks');
  if (!existsSync(stacks)) {
    throw new Error(`${dir}: no stacks/ directory; expected a cdktf synth output (stacks/<env>/cdk.tf.json). ` +
      'Fix: run `npm run synth` (or CDKTF_OUTDIR=<dir> node .build/main.js) and pass that directory');
  }
  const tree: Record<string, StackJson> = {};
  // Stryker disable next-line MethodExpression: equivalent, diffTrees sorts the environments again; this keeps the tree's order stable
  for (const env of readdirSync(stacks).sort()) tree[env] = readStackFile(join(stacks, env, 'cdk.tf.json'));
  if (Object.keys(tree).length === 0) {
    throw new Error(`${stacks}: empty, no stacks/<env>/cdk.tf.json; expected at least one synthesized environment. ` +
      'Fix: synthesize this side again (`npm run synth`)');
  }
  return tree;
}

function readStackFile(file: string): StackJson {
  const fix = 'Fix: synthesize this side again (`npm run synth`)';
  if (!existsSync(file)) throw new Error(`${file}: missing; expected the environment's synthesized stack. ${fix}`);
  const text = readFileSync(file, 'utf8');
  if (text.trim() === '') throw new Error(`${file}: empty; expected the environment's synthesized stack (JSON). ${fix}`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message}). ${fix}`);
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json) || !('terraform' in json)) {
    throw new Error(`${file}: got ${Array.isArray(json) ? 'an array' : json === null ? 'null' : typeof json === 'object' ? 'an object without a terraform block' : typeof json}; ` +
      `expected a synthesized stack (an object with a terraform block). ${fix}`);
  }
  return json as StackJson;
}

export type ResourceChangeKind = 'added' | 'removed' | 'changed' | 'replaced' | 'moved';

export interface ResourceChange {
  /** `<type>.<name>`, or `data.<type>.<name>` for data sources. */
  readonly address: string;
  readonly type: string;
  readonly kind: ResourceChangeKind;
  /** Changed attributes (changed, replaced, moved). */
  readonly changes: readonly AttributeChange[];
  /** The attributes that force replacement (kind `replaced`). */
  readonly replacedBy: readonly string[];
  /** Address before a `moved` block (kind `moved`). */
  readonly movedFrom?: string;
  /** A readable name of an added or removed resource (its name, title or slug). */
  readonly label?: string;
  readonly dataBearing: boolean;
  /**
   * References whose change forces the replacement, e.g. `sentry_project.x.slug`
   * for a monitor whose `project` follows the project's slug (kind `replaced`).
   */
  readonly via?: readonly string[];
  /** Changes under `lifecycle.ignore_changes`: in the code, but never applied by a deploy. */
  readonly ignored?: readonly IgnoredChange[];
}

export interface IgnoredChange {
  /** The changed attribute, as in `changes`. */
  readonly path: string;
  /** The `ignore_changes` entry it falls under. */
  readonly entry: string;
  /** What applies it instead. */
  readonly command: string;
}

export interface StackDiff {
  readonly env: string;
  /** The stack exists on one side only. */
  readonly stack: 'added' | 'removed' | 'both';
  readonly resources: readonly ResourceChange[];
  /** Changes outside resources: providers, backend, variables, outputs. */
  readonly settings: readonly AttributeChange[];
}

type Bodies = Map<string, { type: string; body: unknown }>;

function bodiesOf(stack: StackJson | undefined, block: 'resource' | 'data'): Bodies {
  const out: Bodies = new Map();
  const byType = (stack?.[block] ?? {}) as Record<string, Record<string, unknown>>;
  for (const [type, byName] of Object.entries(byType)) {
    for (const [name, body] of Object.entries(byName)) {
      out.set(`${block === 'data' ? 'data.' : ''}${type}.${name}`, { type, body });
    }
  }
  return out;
}

function movesOf(stack: StackJson | undefined): Map<string, string> {
  const moved = (stack?.moved ?? []) as { from?: string; to?: string }[];
  return new Map(moved.filter((m) => m.from && m.to).map((m) => [m.to as string, m.from as string]));
}

const LABEL_KEYS = ['name', 'title', 'slug'];

function labelOf(body: unknown): string | undefined {
  if (body === null || typeof body !== 'object') return undefined;
  const record = body as Record<string, unknown>;
  const key = LABEL_KEYS.find((k) => typeof record[k] === 'string');
  return key ? String(record[key]) : undefined;
}

function diffBodies(before: Bodies, after: Bodies, moves: Map<string, string>): ResourceChange[] {
  const out: ResourceChange[] = [];
  // A move applies when its source existed and is gone and its target is there: target address -> source address.
  const moveSources = new Map<string, string>();
  for (const [to, from] of moves) if (after.has(to) && before.has(from) && !after.has(from)) moveSources.set(to, from);
  const movedAway = new Set(moveSources.values());

  for (const [address, { type, body }] of after) {
    const dataBearing = isDataBearing(address, type);
    const movedFrom = before.has(address) ? undefined : moveSources.get(address);
    const previous = movedFrom === undefined ? before.get(address) : before.get(movedFrom);
    if (previous === undefined) {
      out.push({ address, type, kind: 'added', changes: [], replacedBy: [], label: labelOf(body), dataBearing });
      continue;
    }
    if (movedFrom === undefined && deepEqual(previous.body, body)) continue;
    const changes = diffValues(type, previous.body, body);
    const ignored = ignoredChanges(type, address, body, changes);
    const applied = changes.filter((c) => !ignored.some((i) => i.path === c.path)).map((c) => c.path);
    const replacedBy = replacingChanges(type, applied);
    const kind: ResourceChangeKind = replacedBy.length > 0 ? 'replaced' : movedFrom !== undefined ? 'moved' : 'changed';
    out.push({ address, type, kind, changes, replacedBy, movedFrom, dataBearing, label: labelOf(body), ignored });
  }
  for (const [address, { type, body }] of before) {
    if (after.has(address) || movedAway.has(address)) continue;
    const dataBearing = isDataBearing(address, type);
    out.push({ address, type, kind: 'removed', changes: [], replacedBy: [], label: labelOf(body), dataBearing });
  }
  return out.sort((a, b) => a.address.localeCompare(b.address));
}

/** The changes among `changes` that `lifecycle.ignore_changes` keeps a deploy from applying. */
function ignoredChanges(type: string, address: string, body: unknown, changes: readonly AttributeChange[]): IgnoredChange[] {
  const ignored = ignoredPathsOf(body);
  return changes.flatMap((c) => {
    const entry = ignoringEntry(ignored, terraformPath(body, c.segments));
    return entry === undefined ? [] : [{ path: c.path, entry, command: applyCommand(type, address, entry) }];
  });
}

// ---------------------------------------------------------------------------
// Changes that follow from a referent's change

/** A `${...}` interpolation, and the resource attributes referenced inside it (`type.name.attribute`). */
const INTERPOLATION = /\$\{[^}]*\}/g;
const REFERENCE = /(?<![\w.-])([a-z][a-z0-9_]*)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_]+)/g;

function topKey(path: string): string {
  return path.split(/[.[]/, 1)[0];
}

/**
 * Whether `attribute` of the resource at `address` gets a new value on apply: it
 * changes in the code, or the resource is replaced and the attribute is computed
 * (an id, a DSN), so it is only known after the new resource exists.
 */
function attributeChanges(change: ResourceChange | undefined, afterBody: unknown, attribute: string): boolean {
  // An added or removed referent has no changes and is not replaced: nothing of it changes on apply.
  if (change === undefined) return false;
  // Stryker disable next-line ArrayDeclaration: equivalent, only an added or removed change lacks `ignored`, and it has no changes to filter
  const ignored = new Set((change.ignored ?? []).map((i) => i.path));
  if (change.changes.some((c) => !ignored.has(c.path) && topKey(c.path) === attribute)) return true;
  // A replaced resource is on the after side with an object body (a replacing attribute changed in it).
  return change.kind === 'replaced' && !(attribute in (afterBody as object));
}

/** Replaces every interpolation that reads a changing attribute with what the plan would show. */
function markChangingReferences(value: unknown, changing: (reference: string) => boolean, found: Set<string>): unknown {
  if (typeof value === 'string') {
    return value.replace(INTERPOLATION, (span) => {
      const references = [...span.matchAll(REFERENCE)].map((m) => `${m[1]}.${m[2]}.${m[3]}`).filter(changing);
      references.forEach((r) => found.add(r));
      return references.length > 0 ? `(known after apply: ${references.join(', ')})` : span;
    });
  }
  if (Array.isArray(value)) return value.map((v) => markChangingReferences(v, changing, found));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, markChangingReferences(v, changing, found)]));
  }
  return value;
}

/**
 * Adds what the synthesized JSON cannot show: a resource whose attribute reads a
 * changing attribute of another (`project = sentry_project.x.slug`) changes with
 * it, and is replaced when that attribute forces replacement. Repeated until
 * nothing new follows, since a replacement can force the next one.
 */
function withInducedChanges(resources: ResourceChange[], after: Bodies): ResourceChange[] {
  const byAddress = new Map(resources.map((r) => [r.address, r]));
  for (let grew = true; grew;) {
    grew = false;
    for (const [address, { type, body }] of after) {
      const own = byAddress.get(address);
      if (own?.kind === 'added') continue;
      const changing = (reference: string) => {
        const [refType, refName, attribute] = reference.split('.');
        const target = `${refType}.${refName}`;
        return target !== address && attributeChanges(byAddress.get(target), after.get(target)?.body, attribute);
      };
      // Per top-level attribute, the changing references it reads.
      const found = new Map<string, Set<string>>();
      const marked = Object.fromEntries(Object.entries(body as Record<string, unknown>).map(([key, value]) => {
        found.set(key, new Set());
        return [key, markChangingReferences(value, changing, found.get(key)!)];
      }));
      // Stryker disable next-line ArrayDeclaration: equivalent, a placeholder element has no path, so it matches no change
      const induced = diffValues(type, body, marked).filter((c) => !(own?.changes ?? []).some((o) => o.path === c.path));
      if (induced.length === 0) continue;
      const ignored = [...(own?.ignored ?? []), ...ignoredChanges(type, address, body, induced)];
      const changes = [...(own?.changes ?? []), ...induced];
      const applied = changes.filter((c) => !ignored.some((i) => i.path === c.path)).map((c) => c.path);
      const replacedBy = replacingChanges(type, applied);
      // Recomputed from the whole body each pass: what an earlier pass found is still found (a
      // referent only gains changes), so the references behind the replacing attributes suffice.
      const via = [...new Set(replacedBy.flatMap((attribute) => [...(found.get(topKey(attribute)) ?? [])]))];
      byAddress.set(address, {
        address, type, dataBearing: isDataBearing(address, type), label: own?.label ?? labelOf(body), movedFrom: own?.movedFrom,
        kind: replacedBy.length > 0 ? 'replaced' : own?.kind ?? 'changed', changes, replacedBy, via, ignored,
      });
      grew = true;
    }
  }
  return [...byAddress.values()].sort((a, b) => a.address.localeCompare(b.address));
}

/** Top-level blocks compared as settings; resources and data sources are compared one by one. */
// `import`: adoption's import blocks, so that a review sees what the next apply takes over.
const SETTINGS_BLOCKS = ['terraform', 'variable', 'output', 'locals', 'import'] as const;

function settingsDiff(b: StackJson | undefined, a: StackJson | undefined): AttributeChange[] {
  const providers = (stack: StackJson | undefined) => (stack?.provider ?? {}) as Record<string, unknown>;
  const names = [...new Set([...Object.keys(providers(b)), ...Object.keys(providers(a))])].sort();
  return [
    // Each provider is walked as its own type, so that `provider.grafana` masks Grafana's `auth`.
    ...names.flatMap((name) => diffValues(`provider.${name}`, providers(b)[name], providers(a)[name],
      [{ key: 'provider' }, { key: name }])),
    ...SETTINGS_BLOCKS.flatMap((block) => diffValues(block, b?.[block], a?.[block], [{ key: block }])),
  ];
}

/** Diffs two synth trees, environment by environment (sorted by name). */
export function diffTrees(before: SynthTree, after: SynthTree): StackDiff[] {
  const envs = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return envs.map((env) => {
    const b = before[env];
    const a = after[env];
    const afterResources = bodiesOf(a, 'resource');
    const resources = [
      ...withInducedChanges(diffBodies(bodiesOf(b, 'resource'), afterResources, movesOf(a)), afterResources),
      ...diffBodies(bodiesOf(b, 'data'), bodiesOf(a, 'data'), new Map()),
    ];
    return { env, stack: b === undefined ? 'added' : a === undefined ? 'removed' : 'both', resources, settings: settingsDiff(b, a) };
  });
}

/** Every data-bearing resource a diff destroys or replaces, environment-qualified. */
export interface Destruction {
  readonly env: string;
  readonly address: string;
  readonly type: string;
  readonly kind: 'removed' | 'replaced';
  readonly replacedBy: readonly string[];
  /** The changing references that force the replacement, when it follows from another resource. */
  readonly via?: readonly string[];
}

/**
 * Every data-bearing resource the diff destroys or replaces. A removed stack
 * destroys nothing (nobody runs Terraform for it any more): its resources are
 * orphaned, which `orphanedStacks` (review/state-guard.ts) reports.
 */
export function destructionsOf(diffs: readonly StackDiff[]): Destruction[] {
  return diffs.filter((d) => d.stack !== 'removed').flatMap((d) => d.resources
    .filter((r) => r.dataBearing && (r.kind === 'removed' || r.kind === 'replaced'))
    .map((r) => ({
      env: d.env, address: r.address, type: r.type, kind: r.kind as 'removed' | 'replaced', replacedBy: r.replacedBy,
      ...(r.via && r.via.length > 0 ? { via: r.via } : {}),
    })));
}
