import { COMPOSITE_PART_TAG } from '../catalog/datadog-tags';
import { StackJson } from './data-bearing';
import { destinationLabel, DestinationResolver } from './destinations';
import { asArray, Body, resolve, resources, str } from './stack-refs';

/**
 * Where each alert goes, read back from a synthesized stack. Reading the JSON
 * (not the catalog) means both sides of a pull request are computed the same
 * way, from what Terraform would actually apply: Grafana's notification policy
 * tree evaluated against each rule's labels, Datadog's `@handles`, Sentry's
 * alert actions, DigitalOcean's alert recipients.
 */
export interface Route {
  /** The tool that evaluates the alert. */
  readonly source: 'Grafana' | 'Datadog' | 'Sentry' | 'DigitalOcean';
  /** The alert's name as the tool shows it. */
  readonly alert: string;
  readonly severity: string;
  /** Where notifications arrive, whichever tool sends them: `Slack #alerts` (see destinations.ts). */
  readonly destination: string;
  /** How the tool names that destination: a contact point, a `@handle`, an action. */
  readonly via: string;
  /** Mute timings that silence this route, if any. */
  readonly mutedBy?: string;
  /** The business service (public status page) that this route's incidents mark impacted, if any. */
  readonly publicStatus?: string;
}

/**
 * What makes two routes the same route: the alert, at its severity, reaching one
 * destination and the public status page it marks impacted. The status page is
 * part of the route: a pull request that changes who sees an outage changes the routing.
 */
function routeIdentity(route: Route): string {
  return [route.source, route.alert, route.severity, route.destination, route.publicStatus ?? ''].join('\u0000');
}

function routeKey(route: Route): string {
  return [routeIdentity(route), route.via, route.mutedBy ?? ''].join('\u0000');
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

/** One route per real destination of the contact point (a contact point may notify several). */
function viaContactPoint(destinations: DestinationResolver, name: string | undefined): { destination: string; via: string }[] {
  if (name === undefined) return [{ destination: '(no contact point)', via: '(none)' }];
  return destinations.grafanaContactPoint(name).map((d) => ({ destination: destinationLabel(d), via: `contact point ${name}` }));
}

function grafanaRoutes(stack: StackJson, destinations: DestinationResolver): Route[] {
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
      if (directRef !== undefined) {
        for (const to of viaContactPoint(destinations, resolve(stack, directRef))) routes.push({ source: 'Grafana', alert, severity, ...to });
        continue;
      }
      if (policies.length === 0) {
        routes.push({ source: 'Grafana', alert, severity, destination: '(default policy of the organization)', via: '(no policy)' });
        continue;
      }
      for (const h of handlers(policies[0], labels)) {
        for (const to of viaContactPoint(destinations, h.contactPoint)) {
          routes.push({ source: 'Grafana', alert, severity, ...to, ...(h.muteTimings.length > 0 ? { mutedBy: h.muteTimings.join(', ') } : {}) });
        }
      }
    }
  }
  return routes;
}

// ---------------------------------------------------------------------------
// Datadog: `@handles` in the message notify

function datadogRoutes(stack: StackJson, destinations: DestinationResolver): Route[] {
  const routes: Route[] = [];
  for (const type of ['datadog_monitor', 'datadog_synthetics_test']) {
    for (const [, body] of resources(stack, type)) {
      const alert = str(body.name) ?? '?';
      const tags = (Array.isArray(body.tags) ? body.tags : []).map((t) => String(t));
      // A composite's parts notify nobody by design: the composite's own route is the one to show.
      if (tags.includes(COMPOSITE_PART_TAG)) continue;
      const severity = tags.find((t) => t.startsWith('severity:'))?.slice('severity:'.length) ?? '(none)';
      const handles = [...new Set([...(str(body.message) ?? '').matchAll(/(?:^|\s)@([^\s@]+(?:@[^\s@]+)?)/g)].map((m) => `@${m[1]}`))];
      if (handles.length === 0) routes.push({ source: 'Datadog', alert, severity, destination: '(nobody: no @handle)', via: '(none)' });
      for (const handle of handles) {
        routes.push({ source: 'Datadog', alert, severity, destination: destinationLabel(destinations.datadogHandle(handle)), via: handle });
      }
    }
  }
  return routes;
}

// ---------------------------------------------------------------------------
// Sentry: each alert's actions

/** A severity stated at the end of an alert's name: `… (critical)` or `… (production, critical)`. */
const SEVERITY_IN_NAME = /\((?:[^()]*,\s*)?(critical|warning|info)\)\s*$/i;

function sentryRoutes(stack: StackJson, destinations: DestinationResolver): Route[] {
  const routes: Route[] = [];
  for (const [, body] of resources(stack, 'sentry_alert')) {
    const alert = str(body.name) ?? '?';
    const actions = asArray(body.action_filters).flatMap((f) => asArray(f.actions));
    // Sentry alerts carry no severity field: read it from the name, else from a PagerDuty action.
    const pagerdutySeverity = actions.map((a) => str((a.pagerduty as Body | undefined)?.severity)).find(Boolean);
    const severity = SEVERITY_IN_NAME.exec(alert)?.[1].toLowerCase() ?? pagerdutySeverity ?? '(none)';
    for (const action of actions) {
      const [kind, settings] = Object.entries(action).find(([k, v]) => k !== '//' && v !== null && typeof v === 'object') ?? [];
      if (kind === undefined) continue;
      const destination = destinationLabel(destinations.sentryAction(kind, settings as Body));
      routes.push({ source: 'Sentry', alert, severity, destination, via: `${kind} action` });
    }
  }
  return routes;
}

// ---------------------------------------------------------------------------
// DigitalOcean: recipients written on each alert (DigitalOcean has no severity)

function recipients(emails: unknown, slack: unknown): { destination: string; via: string }[] {
  return [
    ...(Array.isArray(emails) ? emails : []).map((e) => ({ destination: destinationLabel({ kind: 'email', target: String(e) }), via: 'e-mail' })),
    ...asArray(slack).map((s) => ({ destination: destinationLabel({ kind: 'slack', target: str(s.channel) ?? '(webhook channel)' }), via: 'Slack webhook' })),
  ];
}

function digitaloceanRoutes(stack: StackJson): Route[] {
  const routes: Route[] = [];
  const add = (alert: string, to: { destination: string; via: string }[]) => {
    for (const r of to) routes.push({ source: 'DigitalOcean', alert, severity: '(none)', ...r });
  };
  for (const [, body] of resources(stack, 'digitalocean_monitor_alert')) {
    const alerts = asArray(body.alerts)[0] ?? {};
    add(str(body.description) ?? '?', recipients(alerts.email, alerts.slack));
  }
  for (const [, body] of resources(stack, 'digitalocean_uptime_alert')) {
    for (const n of asArray(body.notifications)) add(str(body.name) ?? '?', recipients(n.email, n.slack));
  }
  for (const [, body] of resources(stack, 'digitalocean_app')) {
    const spec = asArray(body.spec)[0] ?? {};
    const app = str(spec.name) ?? 'app';
    const components = [{ name: app, alerts: spec.alert }, ...['service', 'worker', 'job', 'static_site']
      .flatMap((kind) => asArray(spec[kind]).map((c) => ({ name: `${app}/${str(c.name) ?? kind}`, alerts: c.alert })))];
    for (const { name, alerts } of components) {
      for (const a of asArray(alerts)) {
        const to = asArray(a.destinations)[0] ?? {};
        add(`${name}: ${str(a.rule) ?? '?'}`, recipients(to.emails, to.slack_webhooks));
      }
    }
  }
  return routes;
}

// ---------------------------------------------------------------------------
// PagerDuty: which pages mark the public status impacted

/** Whether a route pages: its real destination is a PagerDuty service, whichever tool sends to it (destinations.ts). */
function pagesPagerduty(route: Route): boolean {
  return route.destination.startsWith('PagerDuty ');
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
  const destinations = new DestinationResolver(stack);
  const all = [...grafanaRoutes(stack, destinations), ...datadogRoutes(stack, destinations), ...sentryRoutes(stack, destinations),
    ...digitaloceanRoutes(stack)].map((r) => withPublicStatus(stack, r));
  const unique = new Map(all.map((r) => [routeKey(r), r]));
  return [...unique.values()].sort((a, b) => routeKey(a).localeCompare(routeKey(b)));
}

/** A route that stays but changes how: a mute timing added or dropped, another contact point to the same place. */
export interface RouteChange {
  readonly before: Route;
  readonly after: Route;
  /** What changed, e.g. `muted: weekly-maintenance → not muted`. */
  readonly what: string;
}

export interface RoutingDiff {
  readonly env: string;
  readonly kept: readonly Route[];
  readonly added: readonly Route[];
  readonly removed: readonly Route[];
  readonly changed: readonly RouteChange[];
}

function describeChange(before: Route, after: Route): string {
  const parts: string[] = [];
  if ((before.mutedBy ?? '') !== (after.mutedBy ?? '')) {
    parts.push(`muted: ${before.mutedBy ?? 'not muted'} → ${after.mutedBy ?? 'not muted'}`);
  }
  if (before.via !== after.via) parts.push(`via: ${before.via} → ${after.via}`);
  return parts.join('; ');
}

/**
 * Routes of both sides, matched by alert, severity and real destination: a route
 * on both sides whose mute timing or vendor-side name changed is one changed
 * route, not one removed and one added.
 */
export function diffRoutes(env: string, before: StackJson | undefined, after: StackJson | undefined): RoutingDiff {
  const byIdentity = (routes: Route[]) => {
    const map = new Map<string, Route[]>();
    for (const r of routes) map.set(routeIdentity(r), [...(map.get(routeIdentity(r)) ?? []), r]);
    return map;
  };
  const b = byIdentity(routesOf(before));
  const a = byIdentity(routesOf(after));
  const kept: Route[] = [];
  const added: Route[] = [];
  const removed: Route[] = [];
  const changed: RouteChange[] = [];
  for (const identity of [...new Set([...b.keys(), ...a.keys()])].sort()) {
    const olds = [...(b.get(identity) ?? [])];
    const news: Route[] = [];
    for (const route of a.get(identity) ?? []) {
      const same = olds.findIndex((o) => routeKey(o) === routeKey(route));
      if (same >= 0) kept.push(...olds.splice(same, 1));
      else news.push(route);
    }
    const pairs = Math.min(olds.length, news.length);
    for (let i = 0; i < pairs; i++) changed.push({ before: olds[i], after: news[i], what: describeChange(olds[i], news[i]) });
    removed.push(...olds.slice(pairs));
    added.push(...news.slice(pairs));
  }
  return { env, kept, added, removed, changed };
}

export function routingChanged(diff: RoutingDiff): boolean {
  return diff.added.length > 0 || diff.removed.length > 0 || diff.changed.length > 0;
}
