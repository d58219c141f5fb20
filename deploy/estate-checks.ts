import type { OnlineCheck, OnlineContext, OnlineFinding } from './online-checks';
// getJson throws when a host cannot be reached: runOnlineChecks reports that as the check's failure.
import { credential, getJson } from './vendor-api';

/**
 * `npm run doctor -- <env> --online`, second half: what already exists. Each check asks
 * a vendor, read-only, whether a resource the stack would create is there already, and
 * fails, naming the resource and the `adopt` entry that takes it over, when it is and
 * the stack does not import it: the apply would create a duplicate, or fail half-way.
 * For an adopted App Platform app it compares the live spec with the synthesized one,
 * and for the Grafana notification policy it lists the live routes the stack does not
 * declare: an apply removes both kinds of difference.
 *
 * Response shapes, from the vendors' API references:
 *  - DigitalOcean (digitalocean/openapi, specification/resources/apps): GET /v2/apps →
 *    `{apps: [{id, spec}], links: {pages: {next}}, meta: {total}}`; GET /v2/apps/{id} →
 *    `{app: {id, spec}}`; the spec has plural lists (`services`, `workers`, `jobs`,
 *    `static_sites`, `functions`, `databases`, `domains: [{domain}]`, `envs: [{key}]`).
 *  - Sentry (Retrieve a Project / a Team): GET /api/0/projects/{org}/{slug}/ and
 *    /api/0/teams/{org}/{slug}/, 200 or 404.
 *  - PagerDuty REST v2 (PagerDuty/api-schema, openapiv3.json): GET /services?query=<name>
 *    → `{services: [{id, name}], more}`, `query` matching loosely (exact names are
 *    compared here); GET /services/{id} → `{service}` or 404.
 *  - Grafana HTTP API: GET /api/folders/{uid} → `{uid, title}` or 404; alerting
 *    provisioning GET /api/v1/provisioning/policies → the route tree `{receiver,
 *    routes: [{receiver, object_matchers: [[label, op, value]], routes}]}`;
 *    GET /api/v1/provisioning/contact-points → `[{uid, name, type, settings}]`, one entry
 *    per integration (a contact point is every entry of one name).
 *  - Datadog: GET /api/v1/monitor?name=<text> → `[{id, name}]` (names containing the
 *    text); GET /api/v1/synthetics/tests → `{tests: [{public_id, name}]}`.
 */

type Json = Record<string, any>;
type Answer = Awaited<ReturnType<typeof getJson>>;
const secret = (ctx: OnlineContext, names: readonly string[]) => credential(ctx, names)?.value;

/** The synthesized resources of one type, by name. */
function resources(ctx: OnlineContext, type: string): [string, Json][] {
  return Object.entries((ctx.stack.resource?.[type] ?? {}) as Record<string, Json>);
}

/** The import id the stack gives an address, if it adopts it. */
function importedId(ctx: OnlineContext, address: string): string | undefined {
  const imports = ((ctx.stack as { import?: unknown }).import ?? []) as { to?: string; id?: string }[];
  return imports.find((i) => i.to === address)?.id;
}

const ok = (check: string, detail: string): OnlineFinding => ({ check, ok: true, detail });
const fail = (check: string, detail: string, fix: string): OnlineFinding => ({ check, ok: false, detail, fix });
const adoptFix = (ctx: OnlineContext, field: string, value: unknown) =>
  `adopt it: set ${ctx.env.name}.adopt.${field} to ${JSON.stringify(value)} in config/environments.ts, then run the doctor again`;
const notAsked = (check: string, variable: string): OnlineFinding => fail(check, `not asked: ${variable} is not set`, `export ${variable} and run again`);
const unexpected = (check: string, what: string, answer: Answer): OnlineFinding =>
  fail(check, `${what} answered HTTP ${answer.status}`, 'check the token\'s read access and the vendor\'s status page, then run again');

// ---------------------------------------------------------------- DigitalOcean

/** The parts of an app spec an apply can take away, in one shape for both sides. */
export interface ComparableSpec {
  /** `<kind> <name>` of every component. */
  readonly components: readonly string[];
  /** App-level variable keys. */
  readonly env: readonly string[];
  /** `<kind> <name>` to its variable keys. */
  readonly componentEnv: Readonly<Record<string, readonly string[]>>;
  /** `<kind> <name>` of the components whose env the lifecycle ignores (they hold a secret). */
  readonly ignoredEnv: readonly string[];
  readonly domains: readonly string[];
  readonly databases: readonly string[];
  /** `<kind> <name> <build_command|run_command|source>` to the command, or to where the code comes from (`github repo@branch`). */
  readonly commands: Readonly<Record<string, string>>;
  readonly region?: string;
}

/** Where a component's code comes from: the provider writes `github` as a one-element list, the API as an object. */
function sourceOf(c: Json): string | undefined {
  const github = Array.isArray(c.github) ? c.github[0] : c.github;
  return github?.repo ? `github ${github.repo}@${github.branch}` : undefined;
}

/** API list name → Terraform block name of each component kind. */
const KINDS: readonly (readonly [api: string, terraform: string])[] = [
  ['services', 'service'], ['workers', 'worker'], ['jobs', 'job'], ['static_sites', 'static_site'], ['functions', 'function'],
];

function comparable(region: unknown, components: [string, Json][], env: Json[], domains: string[], databases: Json[], ignoredEnv: (kind: string, index: number) => boolean): ComparableSpec {
  const componentEnv: Record<string, readonly string[]> = {};
  const ignored: string[] = [];
  const commands: Record<string, string> = {};
  const kindIndex: Record<string, number> = {};
  for (const [kind, c] of components) {
    const index = kindIndex[kind] = (kindIndex[kind] ?? -1) + 1;
    const id = `${kind} ${c.name}`;
    const envs = (c.envs ?? c.env ?? []) as Json[];
    componentEnv[id] = envs.map((e) => String(e.key)).sort();
    if (ignoredEnv(kind, index)) ignored.push(id);
    for (const field of ['build_command', 'run_command']) if ((c[field] ?? '') !== '') commands[`${id} ${field}`] = String(c[field]);
    const source = sourceOf(c);
    if (source !== undefined) commands[`${id} source`] = source;
  }
  return {
    components: components.map(([kind, c]) => `${kind} ${c.name}`).sort(),
    env: env.map((e) => String(e.key)).sort(),
    componentEnv,
    ignoredEnv: ignored,
    domains: [...domains].sort(),
    databases: databases.map((d) => String(d.name)).sort(),
    commands,
    region: typeof region === 'string' && region !== '' ? region : undefined,
  };
}

/** The live spec from GET /v2/apps/{id} (the API's plural, snake_case lists). */
export function liveSpec(spec: Json): ComparableSpec {
  const components = KINDS.flatMap(([api, kind]) => ((spec[api] ?? []) as Json[]).map((c): [string, Json] => [kind, c]));
  return comparable(spec.region, components, spec.envs ?? [], ((spec.domains ?? []) as Json[]).map((d) => String(d.domain)), spec.databases ?? [], () => false);
}

/** The synthesized spec (the provider's singular blocks), with the env sets its lifecycle ignores. */
export function synthesizedSpec(app: Json): ComparableSpec {
  const spec = (Array.isArray(app.spec) ? app.spec[0] : app.spec) ?? {};
  const ignored = new Set<string>((app.lifecycle?.ignore_changes ?? []) as string[]);
  const components = KINDS.flatMap(([, kind]) => ((spec[kind] ?? []) as Json[]).map((c): [string, Json] => [kind, c]));
  return comparable(spec.region, components, spec.env ?? [], ((spec.domain ?? []) as Json[]).map((d) => String(d.name)), spec.database ?? [],
    (kind, i) => ignored.has(`spec[0].${kind}[${i}].env`));
}

/** One difference: `removes`, `changes` and `skips` (a declared value the apply will not push) are findings. */
export interface SpecDifference {
  readonly effect: 'adds' | 'removes' | 'changes' | 'skips';
  readonly what: string;
}

/** Kinds of component the stack never declares (`ignore_changes`): an apply keeps them. */
const UNOWNED_KINDS = ['static_site', 'function'];

/** Every difference an apply of `synthesized` would make to `live`; `removes` and `changes` lose something. */
export function compareSpecs(live: ComparableSpec, synthesized: ComparableSpec): SpecDifference[] {
  const out: SpecDifference[] = [];
  const diff = (from: readonly string[], to: readonly string[], label: (x: string) => string) => {
    for (const x of from) if (!to.includes(x)) out.push({ effect: 'removes', what: label(x) });
    for (const x of to) if (!from.includes(x)) out.push({ effect: 'adds', what: label(x) });
  };
  const owned = (c: string) => !UNOWNED_KINDS.includes(c.split(' ')[0]);
  diff(live.components.filter(owned), synthesized.components, (c) => `the component ${c}`);
  diff(live.env, synthesized.env, (k) => `the app's variable ${k}`);
  for (const component of synthesized.components.filter((c) => live.components.includes(c))) {
    const declared = synthesized.componentEnv[component] ?? [];
    const running = live.componentEnv[component] ?? [];
    if (!synthesized.ignoredEnv.includes(component)) {
      diff(running, declared, (k) => `the variable ${k} of the ${component}`);
      continue;
    }
    // An ignored env is left as it is live: nothing is removed, but nothing declared is pushed either.
    for (const key of declared.filter((k) => !running.includes(k))) {
      out.push({ effect: 'skips', what: `the variable ${key} of the ${component}: its env is under ignore_changes (a secret), so the apply does not set it on the live app` });
    }
  }
  diff(live.domains, synthesized.domains, (d) => `the domain ${d}`);
  diff(live.databases, synthesized.databases, (d) => `the database binding ${d}`);
  if (live.region !== undefined && synthesized.region !== undefined && live.region !== synthesized.region) {
    out.push({ effect: 'changes', what: `the region from ${live.region} to ${synthesized.region} (digitalocean.region)` });
  }
  for (const key of new Set([...Object.keys(live.commands), ...Object.keys(synthesized.commands)])) {
    const [kind, name, field] = key.split(' ');
    if (!synthesized.components.includes(`${kind} ${name}`) || !live.components.includes(`${kind} ${name}`)) continue;
    const was = live.commands[key];
    const will = synthesized.commands[key];
    if (was === will) continue;
    const label = field === 'source' ? `the code source of the ${kind} ${name}` : `the ${field.replace('_', ' ')} of the ${kind} ${name}`;
    if (was === undefined) out.push({ effect: 'adds', what: `${label} (${JSON.stringify(will)})` });
    else out.push({ effect: will === undefined ? 'removes' : 'changes', what: will === undefined ? `${label} (${JSON.stringify(was)})` : `${label} from ${JSON.stringify(was)} to ${JSON.stringify(will)}` });
  }
  return out;
}

/** Every app of the account, following the API's pages. */
async function listApps(ctx: OnlineContext, token: string): Promise<Json[] | Answer> {
  const apps: Json[] = [];
  let url: string | undefined = `${ctx.urls.digitalocean}/v2/apps?per_page=200`;
  for (let page = 0; url !== undefined && page < 50; page++) {
    const answer = await getJson(ctx, url, { Authorization: `Bearer ${token}` });
    if (answer.status !== 200) return answer;
    apps.push(...((answer.body?.apps ?? []) as Json[]));
    const next: unknown = answer.body?.links?.pages?.next;
    // Follow the API's own link, on the configured host (tests point it at loopback).
    url = typeof next === 'string' ? `${ctx.urls.digitalocean}${new URL(next).pathname}${new URL(next).search}` : undefined;
  }
  return apps;
}

export const digitaloceanAppCheck: OnlineCheck = async (ctx) => {
  const check = 'App Platform app';
  const [entry] = resources(ctx, 'digitalocean_app');
  if (entry === undefined) return [];
  const token = secret(ctx, ['DIGITALOCEAN_TOKEN', 'DIGITALOCEAN_ACCESS_TOKEN']);
  if (token === undefined) return [notAsked(check, 'DIGITALOCEAN_TOKEN')];
  const [name, app] = entry;
  const address = `digitalocean_app.${name}`;
  const appName = String((Array.isArray(app.spec) ? app.spec[0] : app.spec)?.name);
  const adoptedId = importedId(ctx, address);

  if (adoptedId === undefined) {
    const apps = await listApps(ctx, token);
    if (!Array.isArray(apps)) return [unexpected(check, 'GET /v2/apps', apps)];
    const same = apps.find((a) => a.spec?.name === appName);
    return [same === undefined
      ? ok(check, `no app named ${appName}: the apply creates it`)
      : fail(check, `an app named ${appName} exists (id ${same.id}); the apply would create a second app beside it, without its domain`,
        adoptFix(ctx, 'digitalocean.appId', same.id))];
  }

  const answer = await getJson(ctx, `${ctx.urls.digitalocean}/v2/apps/${encodeURIComponent(adoptedId)}`, { Authorization: `Bearer ${token}` });
  if (answer.status === 404) {
    return [fail(check, `${ctx.env.name}.adopt.digitalocean.appId is ${adoptedId}, but no app has that id`, 'copy the id from `doctl apps list`, or remove the entry to create the app')];
  }
  if (answer.status !== 200 || answer.body?.app?.spec === undefined) return [unexpected(check, `GET /v2/apps/${adoptedId}`, answer)];
  const differences = compareSpecs(liveSpec(answer.body.app.spec), synthesizedSpec(app));
  const losing = differences.filter((d) => d.effect !== 'adds');
  const findings: OnlineFinding[] = losing.map((d) => d.effect === 'skips'
    ? fail(`App Platform app ${appName}`, `the apply skips ${d.what}`,
      'set it once by hand: `doctl apps spec get <app-id> > spec.yaml`, add the variable as type SECRET, `doctl apps update <app-id> --spec spec.yaml`')
    : fail(`App Platform app ${appName}`, `the apply ${d.effect} ${d.what}`,
      'declare it in digitalocean.app in config/environments.ts (env, secretEnv, databases, workers, jobs, runtime), so the spec keeps it'));
  const adding = differences.filter((d) => d.effect === 'adds').map((d) => d.what);
  if (losing.length === 0) {
    findings.push(ok(`App Platform app ${appName}`, `adopted (${adoptedId}); the apply removes and changes nothing of the live spec` +
      (adding.length > 0 ? `, and adds ${adding.join(', ')}` : '')));
  } else if (adding.length > 0) {
    findings.push(ok(`App Platform app ${appName}`, `the apply also adds ${adding.join(', ')}`));
  }
  return findings;
};

// ---------------------------------------------------------------- Sentry

export const sentryCheck: OnlineCheck = async (ctx) => {
  const targets = [
    ...resources(ctx, 'sentry_team').map(([name, r]) => ({ address: `sentry_team.${name}`, what: 'team', path: 'teams', slug: String(r.slug), field: 'sentry.teamSlug' })),
    ...resources(ctx, 'sentry_project').map(([name, r]) => ({ address: `sentry_project.${name}`, what: 'project', path: 'projects', slug: String(r.slug), field: 'sentry.projectSlug' })),
  ];
  if (targets.length === 0) return [];
  const token = secret(ctx, ['SENTRY_AUTH_TOKEN', 'SENTRY_TOKEN']);
  if (token === undefined) return [notAsked('Sentry project', 'SENTRY_AUTH_TOKEN')];
  const org = ctx.env.sentry.organization;
  return Promise.all(targets.map(async (t) => {
    const check = `Sentry ${t.what} ${t.slug}`;
    const answer = await getJson(ctx, `${ctx.urls.sentry}/api/0/${t.path}/${encodeURIComponent(org)}/${encodeURIComponent(t.slug)}/`, { Authorization: `Bearer ${token}` });
    const adopted = importedId(ctx, t.address) !== undefined;
    if (answer.status === 404) {
      return adopted
        ? fail(check, `adopted, but ${org} has no ${t.what} ${t.slug}`, `correct ${ctx.env.name}.adopt.${t.field}, or remove it to create the ${t.what}`)
        : ok(check, `none yet: the apply creates it`);
    }
    if (answer.status !== 200) return unexpected(check, `GET /api/0/${t.path}/${org}/${t.slug}/`, answer);
    return adopted
      ? ok(check, 'exists and is adopted: the plan imports it')
      : fail(check, `${org} already has the ${t.what} ${t.slug}: the apply would fail half-way creating it`, adoptFix(ctx, `sentry.${t.field.split('.')[1]}`, t.slug));
  }));
};

// ---------------------------------------------------------------- PagerDuty

export const pagerdutyCheck: OnlineCheck = async (ctx) => {
  const services = resources(ctx, 'pagerduty_service');
  if (services.length === 0) return [];
  const token = secret(ctx, ['PAGERDUTY_TOKEN']);
  if (token === undefined) return [notAsked('PagerDuty service', 'PAGERDUTY_TOKEN')];
  const headers = { Authorization: `Token token=${token}`, Accept: 'application/vnd.pagerduty+json;version=2' };
  return Promise.all(services.map(async ([name, service]) => {
    const serviceName = String(service.name);
    const check = `PagerDuty service ${serviceName}`;
    const adopted = importedId(ctx, `pagerduty_service.${name}`);
    if (adopted !== undefined) {
      const answer = await getJson(ctx, `${ctx.urls.pagerduty}/services/${encodeURIComponent(adopted)}`, headers);
      if (answer.status === 404) return fail(check, `${ctx.env.name}.adopt.pagerduty.serviceId is ${adopted}, but PagerDuty has no such service`, 'correct the id, or remove it to create the service');
      if (answer.status !== 200) return unexpected(check, `GET /services/${adopted}`, answer);
      return ok(check, `exists (${adopted}, "${String(answer.body?.service?.name)}") and is adopted: the plan imports it`);
    }
    const answer = await getJson(ctx, `${ctx.urls.pagerduty}/services?query=${encodeURIComponent(serviceName)}&limit=100`, headers);
    if (answer.status !== 200) return unexpected(check, 'GET /services', answer);
    const same = ((answer.body?.services ?? []) as Json[]).find((s) => s.name === serviceName);
    return same === undefined
      ? ok(check, 'none of that name: the apply creates it')
      : fail(check, `a service named ${serviceName} exists (${same.id}); the apply would create a second one, and pages would split between them`,
        adoptFix(ctx, 'pagerduty.serviceId', same.id));
  }));
};

// ---------------------------------------------------------------- Grafana

function grafanaAuth(token: string): string {
  return token.includes(':') ? `Basic ${Buffer.from(token).toString('base64')}` : `Bearer ${token}`;
}

/** A route's identity: contact point and matchers (the API's `object_matchers`, or the provider's `matcher` blocks). */
function routeKey(receiver: unknown, matchers: string[]): string {
  return `${String(receiver ?? '(inherited)')} {${matchers.sort().join(', ')}}`;
}

function liveRoutes(routes: unknown, parent = ''): string[] {
  return ((routes ?? []) as Json[]).flatMap((r) => {
    const matchers = [
      ...((r.object_matchers ?? []) as string[][]).map(([label, op, value]) => `${label}${op}${value}`),
      ...((r.matchers ?? []) as string[]).map((m) => m.replace(/\s/g, '').replace(/"/g, '')),
    ];
    const key = `${parent}${routeKey(r.receiver, matchers)}`;
    return [key, ...liveRoutes(r.routes, `${key} > `)];
  });
}

/** The stack's routes; a contact point is written as a reference to its resource, read back here as its name. */
function declaredRoutes(ctx: OnlineContext, policies: unknown, parent = ''): string[] {
  const names = Object.fromEntries(resources(ctx, 'grafana_contact_point').map(([name, body]) => [name, String(body.name)]));
  const contactPoint = (value: unknown) => String(value).replace(/^\$\{grafana_contact_point\.([^.}]+)\.name\}$/, (whole, name: string) => names[name] ?? whole);
  return ((policies ?? []) as Json[]).flatMap((p) => {
    const key = `${parent}${routeKey(contactPoint(p.contact_point), ((p.matcher ?? []) as Json[]).map((m) => `${m.label}${m.match}${m.value}`))}`;
    return [key, ...declaredRoutes(ctx, p.policy, `${key} > `)];
  });
}

export const grafanaCheck: OnlineCheck = async (ctx) => {
  const folders = resources(ctx, 'grafana_folder');
  const policies = resources(ctx, 'grafana_notification_policy');
  const contactPoints = resources(ctx, 'grafana_contact_point');
  if (folders.length + policies.length === 0) return [];
  const token = secret(ctx, ['GRAFANA_AUTH']);
  if (ctx.urls.grafana === undefined) return [notAsked('Grafana folder', 'GRAFANA_URL')];
  if (token === undefined) return [notAsked('Grafana folder', 'GRAFANA_AUTH')];
  const headers = { Authorization: grafanaAuth(token), 'X-Grafana-Org-Id': String(ctx.env.grafana.orgId) };
  const findings: OnlineFinding[] = [];

  for (const [name, folder] of folders) {
    const uid = String(folder.uid);
    const check = `Grafana folder ${uid}`;
    const adopted = importedId(ctx, `grafana_folder.${name}`) !== undefined;
    const answer = await getJson(ctx, `${ctx.urls.grafana}/api/folders/${encodeURIComponent(uid)}`, headers);
    if (answer.status === 404) {
      findings.push(adopted
        ? fail(check, `adopted, but organization ${ctx.env.grafana.orgId} has no folder ${uid}`, `correct ${ctx.env.name}.adopt.grafana.folderUid, or remove it`)
        : ok(check, 'none yet: the apply creates it'));
    } else if (answer.status !== 200) {
      findings.push(unexpected(check, `GET /api/folders/${uid}`, answer));
    } else {
      findings.push(adopted
        ? ok(check, `exists ("${String(answer.body?.title)}") and is adopted: the plan imports it`)
        : fail(check, `a folder with uid ${uid} exists ("${String(answer.body?.title)}"); the apply would fail creating it`, adoptFix(ctx, 'grafana.folderUid', uid)));
    }
  }

  for (const [name, policy] of policies) {
    const check = 'Grafana notification policy';
    const answer = await getJson(ctx, `${ctx.urls.grafana}/api/v1/provisioning/policies`, headers);
    if (answer.status !== 200) {
      findings.push(unexpected(check, 'GET /api/v1/provisioning/policies', answer));
      continue;
    }
    const declared = new Set(declaredRoutes(ctx, policy.policy));
    const lost = liveRoutes(answer.body?.routes).filter((r) => !declared.has(r));
    const adopted = importedId(ctx, `grafana_notification_policy.${name}`) !== undefined;
    if (lost.length === 0) {
      findings.push(ok(check, `the live tree of organization ${ctx.env.grafana.orgId} has no route the stack does not declare`));
      continue;
    }
    for (const route of lost) {
      findings.push(fail(check, `the live route ${route} is not declared: the apply replaces organization ${ctx.env.grafana.orgId}'s whole tree and deletes it`,
        `declare the route in stacks/grafana.ts, or move it to another organization${adopted ? '' : `; and set ${ctx.env.name}.adopt.grafana.notificationPolicy to true, so the plan shows the removal and the plan gate stops it`}`));
    }
  }
  if (contactPoints.length > 0) findings.push(...await contactPointFindings(ctx, headers, contactPoints));
  return findings;
};

/**
 * Contact points: one the stack declares that exists unadopted fails its create; one it
 * does not declare stays, but no route of the stack's tree reaches it after the apply.
 */
async function contactPointFindings(ctx: OnlineContext, headers: Record<string, string>, declared: [string, Json][]): Promise<OnlineFinding[]> {
  const check = 'Grafana contact points';
  const answer = await getJson(ctx, `${ctx.urls.grafana}/api/v1/provisioning/contact-points`, headers);
  if (answer.status !== 200 || !Array.isArray(answer.body)) return [unexpected(check, 'GET /api/v1/provisioning/contact-points', answer)];
  const live = [...new Set((answer.body as Json[]).map((c) => String(c.name)))];
  const findings: OnlineFinding[] = declared
    .filter(([name, c]) => live.includes(String(c.name)) && importedId(ctx, `grafana_contact_point.${name}`) === undefined)
    .map(([, c]) => fail(`Grafana contact point ${String(c.name)}`, 'exists; the apply would fail creating a contact point of that name',
      `adopt it: add ${JSON.stringify(c.name)} to ${ctx.env.name}.adopt.grafana.contactPoints in config/environments.ts, then run the doctor again`));
  const names = declared.map(([, c]) => String(c.name));
  const undeclared = live.filter((n) => !names.includes(n));
  if (undeclared.length > 0) {
    findings.push(ok(check, `not declared, kept by the apply, but reached by no route of the stack's tree afterwards: ${undeclared.join(', ')}`));
  } else if (findings.length === 0) {
    findings.push(ok(check, 'every live contact point is one the stack declares'));
  }
  return findings;
}

// ---------------------------------------------------------------- Datadog

export const datadogCheck: OnlineCheck = async (ctx) => {
  const monitors = resources(ctx, 'datadog_monitor');
  const tests = resources(ctx, 'datadog_synthetics_test');
  if (monitors.length + tests.length === 0) return [];
  const apiKey = secret(ctx, ['DD_API_KEY', 'DATADOG_API_KEY']);
  const appKey = secret(ctx, ['DD_APP_KEY', 'DATADOG_APP_KEY']);
  if (apiKey === undefined) return [notAsked('Datadog monitors', 'DD_API_KEY')];
  if (appKey === undefined) return [notAsked('Datadog monitors', 'DD_APP_KEY')];
  const headers = { 'DD-API-KEY': apiKey, 'DD-APPLICATION-KEY': appKey };
  const clashes: OnlineFinding[] = [];

  const monitorAnswers = await Promise.all(monitors.map(async ([name, m]) => ({
    name, monitorName: String(m.name), answer: await getJson(ctx, `${ctx.urls.datadog}/api/v1/monitor?name=${encodeURIComponent(String(m.name))}`, headers),
  })));
  for (const { name, monitorName, answer } of monitorAnswers) {
    if (answer.status !== 200) return [unexpected('Datadog monitors', 'GET /api/v1/monitor', answer)];
    const same = ((answer.body ?? []) as Json[]).filter((m) => m.name === monitorName);
    if (same.length > 0 && importedId(ctx, `datadog_monitor.${name}`) === undefined) {
      clashes.push(fail(`Datadog monitor "${monitorName}"`, `exists (id ${same.map((m) => m.id).join(', ')}); the apply would create a duplicate that notifies the same people`,
        `adopt it: set ${ctx.env.name}.adopt.datadog.monitors[${JSON.stringify(monitorName)}] to ${same[0].id} in config/environments.ts, or delete the old one`));
    }
  }

  if (tests.length > 0) {
    const answer = await getJson(ctx, `${ctx.urls.datadog}/api/v1/synthetics/tests`, headers);
    if (answer.status !== 200) return [...clashes, unexpected('Datadog synthetic tests', 'GET /api/v1/synthetics/tests', answer)];
    const live = (answer.body?.tests ?? []) as Json[];
    for (const [name, t] of tests) {
      const same = live.filter((l) => l.name === t.name);
      if (same.length > 0 && importedId(ctx, `datadog_synthetics_test.${name}`) === undefined) {
        clashes.push(fail(`Datadog synthetic test "${String(t.name)}"`, `exists (${same.map((l) => l.public_id).join(', ')}); the apply would create a second one`,
          `adopt it: set ${ctx.env.name}.adopt.datadog.syntheticTests[${JSON.stringify(t.name)}] to ${JSON.stringify(same[0].public_id)} in config/environments.ts, or delete the old one`));
      }
    }
  }
  return clashes.length > 0 ? clashes
    : [ok('Datadog monitors and synthetic tests', `none of the ${monitors.length} monitor and ${tests.length} test names exists unadopted`)];
};

/** What already exists, in the order the report prints it. */
export const ESTATE_CHECKS: readonly OnlineCheck[] = [digitaloceanAppCheck, sentryCheck, pagerdutyCheck, grafanaCheck, datadogCheck];
