import { Guarded } from '../review/destroy-guard';

/**
 * What an in-place update (or an import's first update) takes away without destroying
 * anything: a component, variable, domain or database binding of an App Platform app, a
 * changed build or run command, a route of the Grafana notification policy, or any value
 * an imported resource has that the configuration leaves out. Terraform plans these as
 * `update`, so a destroy guard never sees them; the plan gate blocks them like a destroy.
 *
 * Read from the plan's `before` and `after` (Terraform's JSON output format, "Change
 * Representation"; `after_unknown` marks values known only after apply, which are not
 * losses). State shapes are the providers' schemas: digitalocean_app `spec[0]` with
 * singular block lists (`service`, `worker`, `env`, `domain`, `database`),
 * grafana_notification_policy nested `policy` blocks with `contact_point` and `matcher`.
 */
export interface InPlaceLoss extends Guarded {
  readonly type: string;
  /** The plan imports the resource in this run. */
  readonly importing: boolean;
  /** What is lost, for the allowlist: `<env>:<address> <key>` acknowledges it. */
  readonly key: string;
  /** What is lost, for people. */
  readonly description: string;
}

/** The part of a plan entry this module reads. */
export interface ChangeForLosses {
  readonly address: string;
  readonly mode: string;
  readonly type: string;
  readonly change: {
    readonly actions: readonly string[];
    readonly before?: unknown;
    readonly after?: unknown;
    readonly after_unknown?: unknown;
    /** Present when the plan imports the resource (Terraform 1.5+). */
    readonly importing?: { readonly id?: string };
  };
}

type Json = Record<string, unknown>;
type Lost = { key: string; description: string };

const asList = (value: unknown): Json[] => (Array.isArray(value) ? value.filter((v): v is Json => v !== null && typeof v === 'object') : []);
const first = (value: unknown): Json => asList(value)[0] ?? {};
const names = (list: unknown, field = 'name'): string[] => asList(list).map((e) => String(e[field]));

/** App Platform component lists, by their block name in the provider's schema. */
const APP_COMPONENTS = ['service', 'worker', 'job', 'static_site', 'function'] as const;
const COMMANDS = [['build_command', 'build command'], ['run_command', 'run command']] as const;

/** Losses of one digitalocean_app update: components, env keys, domains, database bindings, commands. */
export function appLosses(before: unknown, after: unknown): Lost[] {
  const b = first((before as Json | undefined)?.spec);
  const a = first((after as Json | undefined)?.spec);
  const lost: Lost[] = [];
  const gone = (from: unknown, to: unknown, field = 'name') => names(from, field).filter((n) => !names(to, field).includes(n));

  for (const key of gone(b.env, a.env, 'key')) lost.push({ key: `env.${key}`, description: `removes the app's variable ${key}` });
  for (const name of gone(b.domain, a.domain)) lost.push({ key: `domain.${name}`, description: `removes the domain ${name}` });
  for (const name of gone(b.database, a.database)) lost.push({ key: `database.${name}`, description: `removes the database binding ${name}` });
  for (const kind of APP_COMPONENTS) {
    for (const component of asList(b[kind])) {
      const name = String(component.name);
      const kept = asList(a[kind]).find((c) => String(c.name) === name);
      if (kept === undefined) {
        lost.push({ key: `${kind}.${name}`, description: `removes the ${kind.replace('_', ' ')} ${name}` });
        continue;
      }
      for (const key of gone(component.env, kept.env, 'key')) {
        lost.push({ key: `${kind}.${name}.env.${key}`, description: `removes the variable ${key} of the ${kind} ${name}` });
      }
      for (const [field, label] of COMMANDS) {
        const was = component[field] ?? '';
        const will = kept[field] ?? '';
        if (was === '' || was === will) continue;
        lost.push({
          key: `${kind}.${name}.${field}`,
          description: will === ''
            ? `removes the ${label} of the ${kind} ${name} (${JSON.stringify(was)})`
            : `changes the ${label} of the ${kind} ${name} from ${JSON.stringify(was)} to ${JSON.stringify(will)}`,
        });
      }
    }
  }
  return lost;
}

/** A route's identity: where it sends and what it matches, with its parents'. */
function routeKeys(policies: unknown, parent = ''): { key: string; description: string }[] {
  return asList(policies).flatMap((route) => {
    const matchers = asList(route.matcher).map((m) => `${String(m.label)}${String(m.match)}${String(m.value)}`).sort();
    const key = `${parent}${String(route.contact_point ?? '(inherited)')}{${matchers.join(',')}}`;
    return [{ key, description: `the route to ${String(route.contact_point ?? 'the parent\'s contact point')} for ${matchers.length > 0 ? matchers.join(', ') : 'everything'}${parent === '' ? '' : ` (nested under ${parent.slice(0, -1)})`}` },
      ...routeKeys(route.policy, `${key}/`)];
  });
}

/** Routes of the notification policy tree that the update removes. */
export function policyLosses(before: unknown, after: unknown): Lost[] {
  const kept = new Set(routeKeys((after as Json | undefined)?.policy).map((r) => r.key));
  return routeKeys((before as Json | undefined)?.policy)
    .filter((r) => !kept.has(r.key))
    .map((r) => ({ key: `route.${r.key.replace(/\s/g, '')}`, description: `removes ${r.description}` }));
}

/**
 * Values an imported resource has that the update sets to nothing, by attribute path.
 * Only paths are named, never values: some attributes are sensitive.
 */
export function removedValues(before: unknown, after: unknown, unknown: unknown, path = ''): Lost[] {
  if (unknown === true) return [];
  if (before === null || before === undefined || before === '' || (Array.isArray(before) && before.length === 0)) return [];
  if (after === null || after === undefined || (typeof before !== 'object' && after === '')) {
    return [{ key: path, description: `removes ${path}` }];
  }
  if (Array.isArray(before)) {
    const to = Array.isArray(after) ? after : [];
    const lost: Lost[] = to.length < before.length
      ? [{ key: `${path}[${to.length}:]`, description: `removes ${before.length - to.length} of the ${before.length} elements of ${path}` }]
      : [];
    const unknowns = Array.isArray(unknown) ? unknown : [];
    return [...lost, ...to.slice(0, before.length).flatMap((item, i) => removedValues(before[i], item, unknowns[i], `${path}[${i}]`))];
  }
  if (typeof before === 'object') {
    const to = (typeof after === 'object' ? after : {}) as Json;
    const unknowns = (unknown !== null && typeof unknown === 'object' ? unknown : {}) as Json;
    return Object.entries(before as Json).flatMap(([key, value]) =>
      removedValues(value, to[key], unknowns[key], path === '' ? key : `${path}.${key}`));
  }
  return [];
}

/** The checks by resource type; an import of any other type gets the generic one. */
const BY_TYPE: Readonly<Record<string, (before: unknown, after: unknown) => Lost[]>> = {
  digitalocean_app: appLosses,
  grafana_notification_policy: policyLosses,
};

/** Every loss of the plan's in-place updates, imports' updates included. */
export function planLosses(env: string, changes: readonly ChangeForLosses[] | undefined): InPlaceLoss[] {
  return (changes ?? []).flatMap((r) => {
    if (r.mode !== 'managed' || !r.change.actions.includes('update') || r.change.actions.includes('delete')) return [];
    const importing = r.change.importing !== undefined;
    const check = BY_TYPE[r.type];
    const lost = check
      ? check(r.change.before, r.change.after)
      : importing ? removedValues(r.change.before, r.change.after, r.change.after_unknown) : [];
    return lost.map((l) => ({ env, address: r.address, type: r.type, importing, ...l }));
  });
}

/** The allowlist line that acknowledges one loss. */
export function allowlistLine(loss: InPlaceLoss): string {
  return `${loss.env}:${loss.address} ${loss.key}`;
}
