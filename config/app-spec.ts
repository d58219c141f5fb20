import {
  AppConfig, AppJobConfig, AppWorkerConfig, ComponentEnv, ComponentRuntime, DATABASE_BINDABLE_VARIABLES, EnvironmentConfig,
} from './types';
import { isInt, listOrNothing, matches, Problems } from './validate';

/**
 * Validation of the app's runtime spec (`digitalocean.app`) and of the adoption ids
 * (`adopt`). The spec is what an apply leaves running, so every part of it is checked
 * before anything is built; the ids are checked against the shapes their APIs use, so a
 * typo fails synth rather than the import.
 */

const FIX = 'edit config/environments.ts';

/**
 * Variables the stack sets on the app itself (stacks/digitalocean.ts); config may not set
 * them again, or one would silently win.
 */
export const STACK_APP_ENV_KEYS = [
  'ENVIRONMENT', 'LOG_FORMAT', 'LOG_LEVEL', 'DD_SERVICE', 'DD_ENV', 'DD_AGENT_HOST', 'DD_TRACE_AGENT_PORT', 'SENTRY_DSN',
] as const;

/** Component names App Platform takes: a lowercase DNS label of 2-32 characters. */
const COMPONENT_NAME = /^[a-z][a-z0-9-]{0,30}[a-z0-9]$/;
/** POSIX-style variable names, as App Platform takes them. */
const ENV_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** A repository path without `..`. */
const SOURCE_DIR = /^\/?(?!.*(^|\/)\.\.(\/|$))[\w./-]*$/;

/** The Terraform variable that holds secret `key` of the app: `app_secret_<key in lowercase>`. */
export function appSecretVariable(key: string): string {
  return `app_secret_${key.toLowerCase()}`;
}

function entriesOf(value: unknown): [string, unknown][] {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.entries(value) : [];
}

function checkRuntime(problems: Problems, f: string, runtime: ComponentRuntime | undefined, needsCommand: boolean): void {
  if (runtime === undefined || runtime === null || typeof runtime !== 'object') {
    problems.add(f, runtime, 'a runtime: environmentSlug (a buildpack) or dockerfilePath, with runCommand, buildCommand and sourceDir as the live app has them',
      `copy them from \`doctl apps spec get <app-id>\` into ${f} in config/environments.ts`);
    return;
  }
  const bySlug = runtime.environmentSlug !== undefined;
  const byDockerfile = runtime.dockerfilePath !== undefined;
  problems.check(bySlug !== byDockerfile, `${f}`, { environmentSlug: runtime.environmentSlug, dockerfilePath: runtime.dockerfilePath },
    'exactly one of environmentSlug (a buildpack) or dockerfilePath', 'keep the one the live app builds with');
  if (bySlug) {
    problems.check(matches(/^[a-z][a-z0-9-]*$/, runtime.environmentSlug), `${f}.environmentSlug`, runtime.environmentSlug,
      'an App Platform buildpack slug such as "python"', FIX);
    // A buildpack starts what a Procfile names; without either, the component would not start.
    problems.check(!needsCommand || runtime.runCommand !== undefined, `${f}.runCommand`, runtime.runCommand,
      'the command that starts the component (a buildpack app needs one here)', FIX);
  }
  if (byDockerfile) {
    problems.check(matches(/^[\w./-]*Dockerfile[\w.-]*$/, runtime.dockerfilePath) && !runtime.dockerfilePath!.includes('..'),
      `${f}.dockerfilePath`, runtime.dockerfilePath, 'a path such as "Dockerfile" or "api/Dockerfile"', FIX);
  }
  for (const field of ['buildCommand', 'runCommand'] as const) {
    const value = runtime[field];
    problems.check(value === undefined || matches(/\S/, value), `${f}.${field}`, value, 'a command, or no setting', FIX);
  }
  problems.check(runtime.sourceDir === undefined || (matches(SOURCE_DIR, runtime.sourceDir) && runtime.sourceDir !== ''),
    `${f}.sourceDir`, runtime.sourceDir, 'a directory of the repository such as "/" or "api", without ".."', FIX);
}

/** Plain and secret variables of one component; `taken` collects names already used at the same level. */
function checkComponentEnv(problems: Problems, f: string, component: ComponentEnv, taken: Map<string, string>): void {
  const claim = (field: string, key: string) => {
    problems.check(matches(ENV_KEY, key), field, key, 'a variable name of letters, digits and "_", not starting with a digit', FIX);
    problems.check(!(STACK_APP_ENV_KEYS as readonly string[]).includes(key), field, key,
      `a name the stack does not set itself (it sets ${STACK_APP_ENV_KEYS.join(', ')})`, `remove ${key} from ${field.replace(/\.[^.]*$/, '')}`);
    const other = taken.get(key);
    problems.check(other === undefined, field, key, `each variable once (${other} sets it too)`, `keep one of the two in config/environments.ts`);
    taken.set(key, field);
  };
  for (const [key, value] of entriesOf(component.env)) {
    claim(`${f}.env.${key}`, key);
    problems.check(typeof value === 'string', `${f}.env.${key}`, value, 'a string (plain values only; name secrets in secretEnv)', FIX);
  }
  problems.check(component.secretEnv === undefined || Array.isArray(component.secretEnv), `${f}.secretEnv`, component.secretEnv,
    'a list of variable names', FIX);
  listOrNothing(component.secretEnv).forEach((key, i) => claim(`${f}.secretEnv[${i}]`, key));
}

/** The app spec: runtime, variables, bindings and the other components. */
export function checkAppSpec(env: EnvironmentConfig, problems: Problems): void {
  const f = `${env.name ?? '?'}.digitalocean.app`;
  const app: AppConfig | undefined = env.digitalocean?.app;
  if (app === undefined) return; // reported with the app's name
  checkRuntime(problems, `${f}.runtime`, app.runtime, true);
  problems.check(app.componentName === undefined || matches(COMPONENT_NAME, app.componentName), `${f}.componentName`, app.componentName,
    'a component name: a lowercase DNS label of 2-32 characters', FIX);

  // App-level variables and the API's secrets share one name space: the API sees both.
  const appEnv = new Map<string, string>();
  checkComponentEnv(problems, f, app, appEnv);

  const components = new Map<string, string>();
  const claimComponent = (field: string, name: unknown) => {
    problems.check(matches(COMPONENT_NAME, name), field, name, 'a component name: a lowercase DNS label of 2-32 characters', FIX);
    const other = components.get(String(name));
    problems.check(other === undefined, field, name, `a name no other component or binding of the app uses (${other} uses it)`, FIX);
    components.set(String(name), field);
  };

  problems.check(app.databases === undefined || Array.isArray(app.databases), `${f}.databases`, app.databases, 'a list of bindings', FIX);
  listOrNothing(app.databases).forEach((db, i) => {
    const d = `${f}.databases[${i}]`;
    claimComponent(`${d}.name`, db.name);
    problems.check(db.cluster === 'mongodb' || db.cluster === 'redis', `${d}.cluster`, db.cluster,
      '"mongodb" or "redis" (a cluster of digitalocean.databases)', FIX);
    for (const [key, variable] of entriesOf(db.env)) {
      problems.check(matches(ENV_KEY, key), `${d}.env.${key}`, key, 'a variable name of letters, digits and "_"', FIX);
      problems.check(!(STACK_APP_ENV_KEYS as readonly string[]).includes(key), `${d}.env.${key}`, key,
        `a name the stack does not set itself (${STACK_APP_ENV_KEYS.join(', ')})`, FIX);
      const other = appEnv.get(key);
      problems.check(other === undefined, `${d}.env.${key}`, key, `each variable once (${other} sets it too)`, FIX);
      appEnv.set(key, `${d}.env.${key}`);
      problems.check((DATABASE_BINDABLE_VARIABLES as readonly unknown[]).includes(variable), `${d}.env.${key}`, variable,
        `a bindable variable of a database: ${DATABASE_BINDABLE_VARIABLES.join(', ')}`, FIX);
    }
    for (const field of ['dbName', 'dbUser'] as const) {
      problems.check(db[field] === undefined || matches(/^[\w-]{1,63}$/, db[field]), `${d}.${field}`, db[field],
        'a database or user name of letters, digits, "_" and "-"', FIX);
    }
  });

  const kinds: readonly (readonly ['workers' | 'jobs', readonly (AppWorkerConfig | AppJobConfig)[] | undefined])[] =
    [['workers', app.workers], ['jobs', app.jobs]];
  for (const [kind, list] of kinds) {
    problems.check(list === undefined || Array.isArray(list), `${f}.${kind}`, list, 'a list of components', FIX);
    listOrNothing(list).forEach((c, i) => {
      const w = `${f}.${kind}[${i}]`;
      claimComponent(`${w}.name`, c.name);
      // A job may run what its image starts; a worker built by a buildpack needs its command.
      checkRuntime(problems, w, c, kind === 'workers');
      problems.check(matches(/^[a-z0-9.-]+$/, c.instanceSizeSlug), `${w}.instanceSizeSlug`, c.instanceSizeSlug,
        'an instance size slug such as "apps-s-1vcpu-1gb"', FIX);
      checkComponentEnv(problems, w, c, new Map());
    });
  }
  listOrNothing(app.workers).forEach((c, i) => problems.check(c.instanceCount === undefined || isInt(c.instanceCount, 1, 50),
    `${f}.workers[${i}].instanceCount`, c.instanceCount, 'an integer from 1 to 50', FIX));
  listOrNothing(app.jobs).forEach((c, i) => problems.check(['PRE_DEPLOY', 'POST_DEPLOY', 'FAILED_DEPLOY'].includes(c.kind),
    `${f}.jobs[${i}].kind`, c.kind, '"PRE_DEPLOY", "POST_DEPLOY" or "FAILED_DEPLOY"', FIX));
}

/** The App Platform app id: a UUID (DigitalOcean API, "Apps": `id`). */
export const APP_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** PagerDuty object ids: uppercase letters and digits, e.g. `PABC123` (REST API v2, "id"). */
export const PAGERDUTY_ID = /^[A-Z0-9]{5,32}$/;
/** A Sentry client key's id: the 32-hex public key of its DSN. */
export const SENTRY_KEY_ID = /^[0-9a-f]{32}$/;
/** Grafana uids: at most 40 letters, digits, `-` and `_` (Grafana's util.IsValidShortUID). */
export const GRAFANA_UID = /^[A-Za-z0-9_-]{1,40}$/;
/** Datadog synthetic tests' public ids: `abc-def-ghi`. */
export const SYNTHETIC_PUBLIC_ID = /^[a-z0-9]{3}-[a-z0-9]{3}-[a-z0-9]{3}$/;

/**
 * The ids of `adopt`, each in the shape its API uses. Which Datadog names exist is known
 * only once the catalog is rendered: stacks/adoption.ts checks those.
 */
export function checkAdoption(env: EnvironmentConfig, problems: Problems): void {
  const a = env.adopt;
  if (a === undefined) return;
  const f = `${env.name ?? '?'}.adopt`;
  const fix = (where: string) => `copy it from ${where} into ${f} in config/environments.ts, or remove the entry to create the resource`;

  const appId = a.digitalocean?.appId;
  problems.check(appId === undefined || matches(APP_ID, appId), `${f}.digitalocean.appId`, appId,
    'an App Platform app id, a lowercase UUID such as "4f6c71e2-1e90-4762-9fee-6cc4a0a9f2cf"', fix('`doctl apps list`'));

  const s = a.sentry ?? {};
  for (const [field, declared, name] of [['teamSlug', env.sentry?.teamSlug, 'sentry.teamSlug'], ['projectSlug', env.sentry?.projectSlug, 'sentry.projectSlug']] as const) {
    const value = s[field];
    // The resource declares the configured slug; adopting another one would rename what exists.
    problems.check(value === undefined || value === declared, `${f}.sentry.${field}`, value,
      `the slug the stack declares, ${name} (${JSON.stringify(declared)})`,
      `set ${name} to the existing slug, so that the stack keeps it, or correct ${f}.sentry.${field}`);
  }
  problems.check(s.keyId === undefined || matches(SENTRY_KEY_ID, s.keyId), `${f}.sentry.keyId`, s.keyId,
    'a client key id: the 32 hexadecimal characters of the DSN\'s public key', fix('Project Settings → Client Keys'));

  const pd = a.pagerduty ?? {};
  for (const field of ['serviceId', 'escalationPolicyId', 'scheduleId', 'businessServiceId'] as const) {
    const value = pd[field];
    if (value === undefined) continue;
    problems.check(matches(PAGERDUTY_ID, value), `${f}.pagerduty.${field}`, value,
      'a PagerDuty id: uppercase letters and digits, such as "PABC123"', fix('the object\'s URL in PagerDuty'));
    problems.check(env.pagerduty !== undefined, `${f}.pagerduty.${field}`, value,
      `nothing: ${env.name} declares no PagerDuty objects (pagesOnCall is false)`, `remove ${f}.pagerduty`);
  }
  problems.check(pd.businessServiceId === undefined || env.pagerduty?.statusPage !== undefined, `${f}.pagerduty.businessServiceId`,
    pd.businessServiceId, `nothing: ${env.name} declares no status page (pagerduty.statusPage)`, `remove it, or add pagerduty.statusPage`);

  const g = a.grafana ?? {};
  problems.check(g.folderUid === undefined || matches(GRAFANA_UID, g.folderUid), `${f}.grafana.folderUid`, g.folderUid,
    'a Grafana uid: at most 40 letters, digits, "-" and "_"', fix('the folder\'s URL (/dashboards/f/<uid>)'));
  problems.check(g.notificationPolicy === undefined || typeof g.notificationPolicy === 'boolean', `${f}.grafana.notificationPolicy`,
    g.notificationPolicy, 'true or false', FIX);

  problems.check(g.contactPoints === undefined || (Array.isArray(g.contactPoints) && g.contactPoints.every((n) => matches(/\S/, n))),
    `${f}.grafana.contactPoints`, g.contactPoints, 'a list of contact-point names', FIX);
  for (const [name, id] of entriesOf(a.datadog?.monitors)) {
    problems.check(isInt(id, 1, Number.MAX_SAFE_INTEGER), `${f}.datadog.monitors[${JSON.stringify(name)}]`, id,
      'a monitor id, a positive integer', fix('the monitor\'s URL (/monitors/<id>)'));
  }
  for (const [name, id] of entriesOf(a.datadog?.syntheticTests)) {
    problems.check(matches(SYNTHETIC_PUBLIC_ID, id), `${f}.datadog.syntheticTests[${JSON.stringify(name)}]`, id,
      'a synthetic test\'s public id such as "abc-123-xyz"', fix('the test\'s URL (/synthetics/details/<public id>)'));
  }
}
