import { isSensitivePath, maskDeep, parseJsonContainer } from './sensitive';

/**
 * A structural diff of two synthesized resource bodies that reports changed
 * leaves only, with dotted paths. JSON held in strings (dashboards, rule models,
 * data-source settings, monitor options) is parsed and diffed like any other
 * object, so a threshold edit inside a dashboard is one line, not a 40 kB string.
 */

export type PathSegment =
  | { readonly key: string }
  | { readonly index: number }
  /** An element of a list matched by its natural key, e.g. `rule[name=High error ratio]`. */
  | { readonly match: string; readonly value: string };

export interface AttributeChange {
  /** Dotted path from the resource body, e.g. `rule[name=x].data[ref_id=C].model.conditions[0].evaluator.params`. */
  readonly path: string;
  readonly segments: readonly PathSegment[];
  /** Display text (JSON, masked when secret); undefined when the attribute is absent on that side. */
  readonly before?: string;
  readonly after?: string;
  readonly sensitive: boolean;
}

/**
 * Keys that identify an element of a list of objects, most stable first (a uid
 * survives a rename, a title does not; DigitalOcean app alerts are one per `rule`).
 * A list whose elements all carry one of them, uniquely on both sides, is matched
 * by it: inserting a rule then shows as one added rule, not every later rule changed.
 */
const NATURAL_KEYS = ['uid', 'ref_id', 'refId', 'id', 'name', 'key', 'rule', 'title', 'label'] as const;

/** Cdktf's construct metadata; it says nothing Terraform acts on. */
const IGNORED_KEYS = new Set(['//']);

function formatPath(segments: readonly PathSegment[]): string {
  return segments.map((s, i) => {
    if ('index' in s) return `[${s.index}]`;
    if ('match' in s) return `[${s.match}=${s.value}]`;
    const plain = /^[A-Za-z0-9_-]+$/.test(s.key);
    if (!plain) return `[${JSON.stringify(s.key)}]`;
    return i === 0 ? s.key : `.${s.key}`;
  }).join('');
}

function keysOf(segments: readonly PathSegment[]): string[] {
  return segments.flatMap((s) => ('key' in s ? [s.key] : []));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isScalar(value: unknown): boolean {
  return value === null || typeof value !== 'object';
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a).filter((k) => !IGNORED_KEYS.has(k));
    const kb = Object.keys(b).filter((k) => !IGNORED_KEYS.has(k));
    return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

function naturalKey(before: readonly unknown[], after: readonly unknown[]): string | undefined {
  const all = [...before, ...after];
  // A one-element block (most Terraform blocks) reads best as `[0]`.
  if (Math.max(before.length, after.length) < 2 || !all.every(isPlainObject)) return undefined;
  return NATURAL_KEYS.find((k) => {
    const unique = (list: readonly unknown[]) => {
      const values = list.map((e) => (e as Record<string, unknown>)[k]);
      return values.every((v) => typeof v === 'string' || typeof v === 'number') && new Set(values).size === values.length;
    };
    return unique(before) && unique(after);
  });
}

/** Lists longer than this are compared position by position (alignment is quadratic). */
const MAX_ALIGNED_LENGTH = 300;

/**
 * Pairs the positions of two lists without natural keys: equal elements by their
 * longest common subsequence, the elements between them position by position.
 * Dropping the first of four policies then shows one removed policy, not four
 * changed ones. Unpaired positions are undefined on the other side.
 */
export function align(before: readonly unknown[], after: readonly unknown[]): [number | undefined, number | undefined][] {
  const n = before.length;
  const m = after.length;
  if (n > MAX_ALIGNED_LENGTH || m > MAX_ALIGNED_LENGTH) {
    return Array.from({ length: Math.max(n, m) }, (_, i) => [i < n ? i : undefined, i < m ? i : undefined]);
  }
  // lcs[i][j]: length of the longest common subsequence of before[i..] and after[j..].
  const lcs = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = deepEqual(before[i], after[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const pairs: [number | undefined, number | undefined][] = [];
  let removed: number[] = [];
  let added: number[] = [];
  const flush = () => {
    for (let k = 0; k < Math.max(removed.length, added.length); k++) pairs.push([removed[k], added[k]]);
    removed = [];
    added = [];
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && deepEqual(before[i], after[j])) {
      flush();
      pairs.push([i++, j++]);
    } else if (j >= m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1])) {
      removed.push(i++);
    } else {
      added.push(j++);
    }
  }
  flush();
  return pairs;
}

/** Display text of one side of a change. */
function show(type: string, segments: readonly PathSegment[], value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return JSON.stringify(maskDeep(type, keysOf(segments), value));
}

/**
 * Every changed leaf between two values of resource `type` (the type decides
 * which attributes are secret, see review/sensitive.ts).
 */
export function diffValues(type: string, before: unknown, after: unknown, path: readonly PathSegment[] = []): AttributeChange[] {
  const out: AttributeChange[] = [];
  walk(type, before, after, path, out);
  return out;
}

function walk(type: string, before: unknown, after: unknown, path: readonly PathSegment[], out: AttributeChange[]): void {
  if (deepEqual(before, after)) return;

  const parsedBefore = parseJsonContainer(before);
  const parsedAfter = parseJsonContainer(after);
  if (parsedBefore !== undefined && parsedAfter !== undefined) {
    walk(type, parsedBefore, parsedAfter, path, out);
    return;
  }

  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])].filter((k) => !IGNORED_KEYS.has(k));
    for (const key of keys) walk(type, before[key], after[key], [...path, { key }], out);
    return;
  }

  if (Array.isArray(before) && Array.isArray(after) && !(before.every(isScalar) && after.every(isScalar))) {
    const key = naturalKey(before, after);
    if (key !== undefined) {
      const byKey = (list: readonly unknown[]) => new Map(list.map((e) => [String((e as Record<string, unknown>)[key]), e]));
      const b = byKey(before);
      const a = byKey(after);
      for (const id of [...new Set([...a.keys(), ...b.keys()])]) {
        walk(type, b.get(id), a.get(id), [...path, { match: key, value: id }], out);
      }
    } else {
      for (const [b, a] of align(before, after)) {
        walk(type, b === undefined ? undefined : before[b], a === undefined ? undefined : after[a], [...path, { index: a ?? b! }], out);
      }
    }
    return;
  }

  out.push({
    path: formatPath(path),
    segments: path,
    before: show(type, path, before),
    after: show(type, path, after),
    sensitive: isSensitivePath(type, keysOf(path)),
  });
}
