import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDataBearing, replacingChanges, StackJson } from './data-bearing';
import { AttributeChange, deepEqual, diffValues } from './json-diff';

/** One synth output directory: environment name to its cdk.tf.json. */
export type SynthTree = Readonly<Record<string, StackJson>>;

/** Reads `<dir>/stacks/<env>/cdk.tf.json` for every environment found. */
export function readSynthTree(dir: string): SynthTree {
  const stacks = join(dir, 'stacks');
  if (!existsSync(stacks)) {
    throw new Error(`${dir}: no stacks/ directory; expected a cdktf synth output (stacks/<env>/cdk.tf.json). ` +
      'Fix: run `npm run synth` (or CDKTF_OUTDIR=<dir> node .build/main.js) and pass that directory');
  }
  const tree: Record<string, StackJson> = {};
  // Stryker disable next-line MethodExpression: equivalent, diffTrees sorts the environments again; this keeps the tree's order stable
  for (const env of readdirSync(stacks).sort()) {
    const file = join(stacks, env, 'cdk.tf.json');
    if (existsSync(file)) tree[env] = JSON.parse(readFileSync(file, 'utf8')) as StackJson;
  }
  return tree;
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
  const movedAway = new Set<string>();
  for (const [to, from] of moves) if (after.has(to) && before.has(from) && !after.has(from)) movedAway.add(from);

  for (const [address, { type, body }] of after) {
    const dataBearing = isDataBearing(address, type);
    const from = moves.get(address);
    // Stryker disable next-line ConditionalExpression: `from !== undefined` is for the type only: movedAway.has(undefined) is false
    const previous = before.get(address) ?? (from !== undefined && movedAway.has(from) ? before.get(from) : undefined);
    if (previous === undefined) {
      out.push({ address, type, kind: 'added', changes: [], replacedBy: [], label: labelOf(body), dataBearing });
      continue;
    }
    const movedFrom = before.has(address) ? undefined : from;
    if (movedFrom === undefined && deepEqual(previous.body, body)) continue;
    const changes = diffValues(type, previous.body, body);
    const replacedBy = replacingChanges(type, changes.map((c) => c.path));
    const kind: ResourceChangeKind = replacedBy.length > 0 ? 'replaced' : movedFrom !== undefined ? 'moved' : 'changed';
    out.push({ address, type, kind, changes, replacedBy, movedFrom, dataBearing, label: labelOf(body) });
  }
  for (const [address, { type, body }] of before) {
    if (after.has(address) || movedAway.has(address)) continue;
    const dataBearing = isDataBearing(address, type);
    out.push({ address, type, kind: 'removed', changes: [], replacedBy: [], label: labelOf(body), dataBearing });
  }
  return out.sort((a, b) => a.address.localeCompare(b.address));
}

/** Top-level blocks compared as settings; resources and data sources are compared one by one. */
const SETTINGS_BLOCKS = ['terraform', 'variable', 'output', 'locals'] as const;

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
    const resources = [
      ...diffBodies(bodiesOf(b, 'resource'), bodiesOf(a, 'resource'), movesOf(a)),
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
}

export function destructionsOf(diffs: readonly StackDiff[]): Destruction[] {
  return diffs.flatMap((d) => d.resources
    .filter((r) => r.dataBearing && (r.kind === 'removed' || r.kind === 'replaced'))
    .map((r) => ({ env: d.env, address: r.address, type: r.type, kind: r.kind as 'removed' | 'replaced', replacedBy: r.replacedBy })));
}
