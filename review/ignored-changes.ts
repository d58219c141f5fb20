import { PathSegment } from './json-diff';

/**
 * Changes under a resource's `lifecycle.ignore_changes` are in the code but never
 * reach the vendor: Terraform plans no update for them. The diff says so, with the
 * command that does apply them, instead of showing them as if a deploy would.
 */

/** Terraform's `ignore_changes` of a resource body: its paths, or `all`. */
export function ignoredPathsOf(body: unknown): readonly string[] | 'all' {
  const lifecycle = (body as { lifecycle?: { ignore_changes?: unknown } } | undefined)?.lifecycle;
  const ignored = lifecycle?.ignore_changes;
  if (ignored === 'all') return 'all';
  return Array.isArray(ignored) ? ignored.filter((p): p is string => typeof p === 'string').map((p) => p.replace(/\s/g, '')) : [];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * The Terraform path (`spec[0].service[0].env[0].value`) of a diff path, read
 * against the body it was found in: cdktf writes a single nested block as an
 * object where Terraform addresses it as element 0, and the diff names list
 * elements by a natural key (`env[key=SENTRY_DSN]`) where Terraform uses the index.
 */
export function terraformPath(body: unknown, segments: readonly PathSegment[]): string {
  let current: unknown = body;
  let out = '';
  for (const segment of segments) {
    if ('key' in segment) {
      current = isPlainObject(current) ? current[segment.key] : undefined;
      out += `${out === '' ? '' : '.'}${segment.key}`;
      if (isPlainObject(current)) out += '[0]';
    } else if ('index' in segment) {
      current = Array.isArray(current) ? current[segment.index] : undefined;
      out += `[${segment.index}]`;
    } else {
      // Stryker disable next-line ArrayDeclaration: equivalent, a placeholder element is no object, so no element matches (index -1) either way
      const list = Array.isArray(current) ? current : [];
      const index = list.findIndex((e) => isPlainObject(e) && String(e[segment.match]) === segment.value);
      current = list[index];
      out += `[${index}]`;
    }
  }
  return out;
}

/** The `ignore_changes` entry a Terraform path falls under, if any. */
export function ignoringEntry(ignored: readonly string[] | 'all', path: string): string | undefined {
  if (ignored === 'all') return 'all';
  return ignored.find((entry) => path === entry || path.startsWith(`${entry}.`) || path.startsWith(`${entry}[`));
}

/** How to apply what `ignore_changes` keeps a deploy from applying, by resource type and ignored path. */
const APPLY_COMMANDS: readonly { type: string; entry: RegExp; command: string }[] = [
  {
    type: 'digitalocean_app',
    entry: /(^|\.)env$/,
    command: 'set it on the app by hand: `doctl apps spec get <app-id> > spec.yaml`, edit the variable ' +
      '(SENTRY_DSN: `terraform output -raw sentry_dsn`), then `doctl apps update <app-id> --spec spec.yaml`',
  },
  {
    type: 'digitalocean_app',
    entry: /\.destinations$/,
    command: 'push the recipients by hand: `doctl apps update-alert-destinations <app-id> <alert-id> --alert-destinations <file>`',
  },
];

/** The command that applies a change under `entry`, which `terraform apply` skips. */
export function applyCommand(type: string, address: string, entry: string): string {
  const known = APPLY_COMMANDS.find((c) => c.type === type && c.entry.test(entry));
  return known?.command ?? `\`terraform apply -replace=${address}\` (recreates the resource)`;
}
