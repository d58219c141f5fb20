import { COMPOSITE_PART_TAG } from '../catalog/datadog-tags';
import { StackJson } from './data-bearing';

/**
 * Where each alert goes, read back from a synthesized stack. Reading the JSON
 * (not the catalog) means both sides of a pull request are computed the same
 * way, from what Terraform would actually apply: Grafana's notification policy
 * tree evaluated against each rule's labels, Datadog's `@handles`, Sentry's
 * alert actions.
 */
export interface Route {
  /** The tool that evaluates the alert. */
  readonly source: 'Grafana' | 'Datadog' | 'Sentry';
  /** The alert's name as the tool shows it. */
  readonly alert: string;
  readonly severity: string;
  /** Where notifications go: a contact point, handle or integration. */
  readonly destination: string;
  /** Mute timings that silence this route, if any. */
  readonly mutedBy?: string;
  /** The business service (public status page) that this route's incidents mark impacted, if any. */
  readonly publicStatus?: string;
}

function routeKey(route: Route): string {
  // The status page is part of the route: a pull request that changes who sees an outage changes the routing.
  return [route.source, route.alert, route.severity, route.destination, route.mutedBy ?? '', route.publicStatus ?? ''].join('\u0000');
}

type Body = Record<string, unknown>;

function resources(stack: StackJson, type: string): [string, Body][] {
  return Object.entries((stack.resource?.[type] ?? {}) as Record<string, Body>);
}

function asArray(value: unknown): Body[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]) as Body[];
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

const REFERENCE = /\$\{([a-z0-9_]+)\.([A-Za-z0-9_-]+)\.([a-z0-9_]+)\}/g;

/**
 * Replaces references to literal attributes of other resources with their value:
 * a policy's `${grafana_contact_point.x.name}` becomes the contact point's name.
 * A reference to something only known after apply is shown by what it names.
 */
function resolve(stack: StackJson, value: unknown, depth = 0): string {
  const text = str(value) ?? '?';
  return text.replace(REFERENCE, (_whole, type: string, name: string, attribute: string) => {
    const body = (stack.resource?.[type] as Record<string, Body> | undefined)?.[name];
    const target = str(body?.[attribute]);
    if (target === undefined) return `${type}.${name}.${attribute}`;
    // A reference to a reference (Sentry's PagerDuty service name is PagerDuty's): follow a few hops.
    return target.includes('${') && depth < 3 ? resolve(stack, target, depth + 1) : target;
  });
}

// ---------------------------------------------------------------------------
// Grafana: notification policy tree, evaluated like Alertmanager does

interface PolicyNode {
  readonly matchers: readonly { label: string; match: string; value: string }[];
  readonly contactPoint?: string;
  readonly continue: boolean;
  readonly muteTimings: readonly string[];
  readonly children: readonly PolicyNode[];
}

function policyNode(stack: StackJson, body: Body): PolicyNode {
  return {
    matchers: asArray(body.matcher).map((m) => ({ label: str(m.label) ?? '', match: str(m.match) ?? '=', value: str(m.value) ?? '' })),
    contactPoint: body.contact_point === undefined ? undefined : resolve(stack, body.contact_point),
    continue: body.continue === true,
    muteTimings: (Array.isArray(body.mute_timings) ? body.mute_timings : []).map((m) => resolve(stack, m)),
    children: asArray(body.policy).map((child) => policyNode(stack, child)),
  };
}

function matches(node: PolicyNode, labels: Readonly<Record<string, string>>): boolean {
  return node.matchers.every(({ label, match, value }) => {
    const actual = labels[label] ?? '';
    switch (match) {
      case '=': return actual === value;
      case '!=': return actual !== value;
      case '=~': return fullMatch(value, actual);
      case '!~': return !fullMatch(value, actual);
      default: return false;
    }
  });
}

/** Alertmanager regex matchers are anchored; an invalid pattern matches nothing. */
function fullMatch(pattern: string, text: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`).test(text);
  } catch {
    return false;
  }
}

/**
 * The nodes that handle an alert: the deepest matching policies, several when
 * a matching sibling has `continue`. Contact points are inherited from parents;
 * mute timings are not (Alertmanager semantics, which Grafana follows).
 */
function handlers(node: PolicyNode, labels: Readonly<Record<string, string>>, inherited?: string): { contactPoint?: string; muteTimings: readonly string[] }[] {
  const contactPoint = node.contactPoint ?? inherited;
  const found: { contactPoint?: string; muteTimings: readonly string[] }[] = [];
  for (const child of node.children) {
    if (!matches(child, labels)) continue;
    found.push(...handlers(child, labels, contactPoint));
    if (!child.continue) break;
  }
  return found.length > 0 ? found : [{ contactPoint, muteTimings: node.muteTimings }];
}

function grafanaRoutes(stack: StackJson): Route[] {
  const kinds = new Map<string, string[]>();
  const NOTIFIERS = ['pagerduty', 'slack', 'email', 'webhook', 'opsgenie', 'teams', 'discord', 'telegram', 'googlechat', 'sns', 'victorops'];
  for (const [, body] of resources(stack, 'grafana_contact_point')) {
    const name = str(body.name);
    if (name) kinds.set(name, NOTIFIERS.filter((n) => asArray(body[n]).length > 0));
  }
  const destination = (name: string | undefined) =>
    name === undefined ? '(no contact point)' : `${name}${kinds.get(name)?.length ? ` (${kinds.get(name)!.join(', ')})` : ''}`;

  const policies = resources(stack, 'grafana_notification_policy').map(([, body]) => policyNode(stack, body));
  const routes: Route[] = [];
  for (const [, group] of resources(stack, 'grafana_rule_group')) {
    const folderUid = resolve(stack, group.folder_uid);
    const folder = resources(stack, 'grafana_folder').map(([, f]) => f).find((f) => f.uid === folderUid);
    for (const rule of asArray(group.rule)) {
      const alert = str(rule.name) ?? '?';
      const ruleLabels = Object.fromEntries(Object.entries((rule.labels ?? {}) as Body).map(([k, v]) => [k, str(v) ?? '']));
      const labels: Record<string, string> = { ...ruleLabels, alertname: alert, grafana_folder: str(folder?.title) ?? '' };
      const severity = labels.severity || '(none)';
      // Simplified routing (a contact point on the rule) bypasses the policy tree.
      const directRef = asArray(rule.notification_settings)[0]?.contact_point;
      const direct = directRef === undefined ? undefined : resolve(stack, directRef);
      if (direct !== undefined) {
        routes.push({ source: 'Grafana', alert, severity, destination: destination(direct) });
        continue;
      }
      if (policies.length === 0) {
        routes.push({ source: 'Grafana', alert, severity, destination: '(default policy of the organization)' });
        continue;
      }
      for (const h of handlers(policies[0], labels)) {
        routes.push({
          source: 'Grafana', alert, severity, destination: destination(h.contactPoint),
          ...(h.muteTimings.length > 0 ? { mutedBy: h.muteTimings.join(', ') } : {}),
        });
      }
    }
  }
  return routes;
}

// ---------------------------------------------------------------------------
// Datadog: `@handles` in the message notify

function datadogRoutes(stack: StackJson): Route[] {
  const routes: Route[] = [];
  for (const type of ['datadog_monitor', 'datadog_synthetics_test']) {
    for (const [, body] of resources(stack, type)) {
      const alert = str(body.name) ?? '?';
      const tags = (Array.isArray(body.tags) ? body.tags : []).map((t) => String(t));
      // A composite's parts notify nobody by design: the composite's own route is the one to show.
      if (tags.includes(COMPOSITE_PART_TAG)) continue;
      const severity = tags.find((t) => t.startsWith('severity:'))?.slice('severity:'.length) ?? '(none)';
      const handles = [...new Set([...(str(body.message) ?? '').matchAll(/(?:^|\s)@([^\s@]+)/g)].map((m) => `@${m[1]}`))];
      if (handles.length === 0) routes.push({ source: 'Datadog', alert, severity, destination: '(nobody: no @handle)' });
      for (const handle of handles) routes.push({ source: 'Datadog', alert, severity, destination: handle });
    }
  }
  return routes;
}

// ---------------------------------------------------------------------------
// Sentry: each alert's actions

/** A severity stated at the end of an alert's name: `… (critical)` or `… (production, critical)`. */
const SEVERITY_IN_NAME = /\((?:[^()]*,\s*)?(critical|warning|info)\)\s*$/i;

function sentryDestination(stack: StackJson, action: Body): string | undefined {
  const [kind, settings] = Object.entries(action).find(([k, v]) => k !== '//' && v !== null && typeof v === 'object') ?? [];
  if (kind === undefined) return undefined;
  const s = settings as Body;
  if (kind === 'slack') return `Slack ${resolve(stack, s.channel_name ?? s.channel)}`;
  if (kind === 'pagerduty') return `PagerDuty ${resolve(stack, s.service_name ?? s.service_id)}`;
  return kind;
}

function sentryRoutes(stack: StackJson): Route[] {
  const routes: Route[] = [];
  for (const [, body] of resources(stack, 'sentry_alert')) {
    const alert = str(body.name) ?? '?';
    const actions = asArray(body.action_filters).flatMap((f) => asArray(f.actions));
    // Sentry alerts carry no severity field: read it from the name, else from a PagerDuty action.
    const pagerdutySeverity = actions.map((a) => str((a.pagerduty as Body | undefined)?.severity)).find(Boolean);
    const severity = SEVERITY_IN_NAME.exec(alert)?.[1].toLowerCase() ?? pagerdutySeverity ?? '(none)';
    for (const action of actions) {
      const destination = sentryDestination(stack, action);
      if (destination) routes.push({ source: 'Sentry', alert, severity, destination });
    }
  }
  return routes;
}

// ---------------------------------------------------------------------------
// PagerDuty: which pages mark the public status impacted

/** Whether a route's destination is PagerDuty, in each tool's own terms. */
function pagesPagerduty(route: Route): boolean {
  return route.destination.startsWith('@pagerduty-') || route.destination.startsWith('PagerDuty ') ||
    (route.source === 'Grafana' && /\(.*\bpagerduty\b.*\)$/.test(route.destination));
}

/**
 * The business service that pages of a severity mark impacted: the stack's top business
 * service (one no other depends on) when it depends, directly, on a technical service whose
 * orchestration gives the severity's events a priority. Undefined when nothing does.
 */
function publicStatusFor(stack: StackJson, severity: string): string | undefined {
  const prioritized = resources(stack, 'pagerduty_event_orchestration_service').filter(([, body]) =>
    asArray(body.set).flatMap((set) => asArray(set.rule)).some((rule) =>
      (asArray(rule.actions)[0]?.priority !== undefined) &&
      asArray(rule.condition).some((c) => (str(c.expression) ?? '').includes(`event.severity matches '${severity}'`))));
  const services = new Set(prioritized.map(([, body]) => str(body.service)));
  const edges = resources(stack, 'pagerduty_service_dependency').map(([, body]) => {
    const dependency = asArray(body.dependency)[0] ?? {};
    return { dependent: str(asArray(dependency.dependent_service)[0]?.id), supporting: str(asArray(dependency.supporting_service)[0]?.id) };
  });
  const top = resources(stack, 'pagerduty_business_service').find(([name]) => {
    const ref = `\${pagerduty_business_service.${name}.id}`;
    return !edges.some((e) => e.supporting === ref) && edges.some((e) => e.dependent === ref && services.has(e.supporting));
  });
  return top === undefined ? undefined : str(top[1].name);
}

function withPublicStatus(stack: StackJson, route: Route): Route {
  const status = pagesPagerduty(route) ? publicStatusFor(stack, route.severity) : undefined;
  return status === undefined ? route : { ...route, publicStatus: status };
}

/** Every route of one synthesized stack, sorted. */
export function routesOf(stack: StackJson | undefined): Route[] {
  if (!stack) return [];
  const all = [...grafanaRoutes(stack), ...datadogRoutes(stack), ...sentryRoutes(stack)].map((r) => withPublicStatus(stack, r));
  const unique = new Map(all.map((r) => [routeKey(r), r]));
  return [...unique.values()].sort((a, b) => routeKey(a).localeCompare(routeKey(b)));
}

export interface RoutingDiff {
  readonly env: string;
  readonly kept: readonly Route[];
  readonly added: readonly Route[];
  readonly removed: readonly Route[];
}

export function diffRoutes(env: string, before: StackJson | undefined, after: StackJson | undefined): RoutingDiff {
  const b = routesOf(before);
  const a = routesOf(after);
  const bKeys = new Set(b.map(routeKey));
  const aKeys = new Set(a.map(routeKey));
  return {
    env,
    kept: a.filter((r) => bKeys.has(routeKey(r))),
    added: a.filter((r) => !bKeys.has(routeKey(r))),
    removed: b.filter((r) => !aKeys.has(routeKey(r))),
  };
}

export function routingChanged(diff: RoutingDiff): boolean {
  return diff.added.length > 0 || diff.removed.length > 0;
}
