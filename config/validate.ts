import { isAbsolute } from 'node:path';
import { ENVIRONMENTS } from './environments';
import { checkAdoption, checkAppSpec } from './app-spec';
import { checkText } from './text';
import { ENVIRONMENT_NAMES, EnvironmentConfig, EnvironmentName, SEVERITIES, UPTIME_REGIONS } from './types';

/**
 * Thrown when configuration is wrong. Its message lists every problem, each naming
 * the field, the value received, what is allowed and how to fix it. main.ts prints
 * it without a stack trace and exits before anything is written.
 */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid monitoring configuration (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
      problems.map((p) => `  - ${p}`).join('\n'));
    this.name = 'ConfigError';
  }
}

/** Collects problems so that one run reports all of them, not just the first. */
export class Problems {
  private readonly list: string[] = [];

  /** Records a problem unless `ok`. */
  check(ok: boolean, field: string, value: unknown, allowed: string, fix: string): void {
    if (!ok) this.add(field, value, allowed, fix);
  }

  add(field: string, value: unknown, allowed: string, fix: string): void {
    this.list.push(`${field}: got ${show(value)}; expected ${allowed}. Fix: ${fix}`);
  }

  throwIfAny(): void {
    if (this.list.length > 0) throw new ConfigError(this.list);
  }
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing (the setting is missing)';
  // JSON.stringify would print NaN and Infinity as null.
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return JSON.stringify(value);
}

const FIX = 'edit config/environments.ts';

/**
 * Every Datadog site, by its site parameter (US1, US3, US5, EU1, AP1, AP2,
 * US1-FED): https://docs.datadoghq.com/getting_started/site/ ("Access the
 * Datadog site"). The API of each is `https://api.<site>`.
 */
export const DATADOG_SITES = [
  'datadoghq.com', 'us3.datadoghq.com', 'us5.datadoghq.com', 'datadoghq.eu', 'ap1.datadoghq.com', 'ap2.datadoghq.com', 'ddog-gov.com',
] as const;
const SLUG = /^[a-z0-9][a-z0-9-]*[a-z0-9]$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
/** An end time may also be the end of the day, as Grafana's mute timings allow. */
const END_HHMM = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
/** Weekdays as Grafana mute timings take them (Alertmanager's time intervals), in their order. */
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/**
 * `sunday` or an ascending range such as `monday:friday`, written as Grafana reads it
 * back (lowercase, `monday:monday` as `monday`), or every plan would show a change.
 */
function isWeekdayRange(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const [start, end, ...rest] = value.split(':');
  if (end === undefined) return WEEKDAYS.includes(start);
  return rest.length === 0 && WEEKDAYS.includes(start) && WEEKDAYS.includes(end) && WEEKDAYS.indexOf(start) < WEEKDAYS.indexOf(end);
}

/**
 * An IANA time zone Grafana can load. Intl knows the same database, but accepts any
 * letter case, which Grafana's loader (a file lookup) does not. Intl refuses "" and blanks.
 */
function isTimeZone(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  let canonical: string;
  try {
    canonical = new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return false; // a zone Intl does not know
  }
  return canonical === value || canonical.toLowerCase() !== value.toLowerCase();
}

export function isHttpUrl(value: unknown, protocols: readonly string[] = ['https:']): boolean {
  if (typeof value !== 'string' || value.endsWith('/')) return false;
  try {
    const url = new URL(value);
    return protocols.includes(url.protocol) && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/** A whole number from `min` to `max`. */
export function isInt(value: unknown, min: number, max: number): boolean {
  return Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
}

/** A string matching `pattern`; `String(undefined)` would otherwise pass as "undefined". */
export function matches(pattern: RegExp, value: unknown): boolean {
  return typeof value === 'string' && pattern.test(value);
}

function isNonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

/**
 * A local state file's path, relative to the project root. Synth replaces the
 * files of its output directory, and `..` or an absolute path would put state
 * where the next checkout cannot find it.
 */
function isLocalStatePath(value: unknown): boolean {
  if (typeof value !== 'string' || !value.endsWith('.tfstate') || isAbsolute(value)) return false;
  const segments = value.split(/[\\/]/);
  return !segments.includes('..') && !['cdktf.out', '.build'].includes(segments[0] === '.' ? segments[1] : segments[0]);
}

/** Checks one environment; `knownAlertIds` are the catalog's alert ids that thresholds may override. */
export function checkEnvironment(
  env: EnvironmentConfig,
  problems: Problems,
  knownAlertIds: ReadonlySet<string>,
): void {
  const p = `${env.name ?? '?'}`;
  const url = (field: string, value: unknown, protocols = ['https:']) =>
    problems.check(isHttpUrl(value, protocols), `${p}.${field}`, value,
      `an absolute ${protocols.join(' or ')} URL with a dotted host and no trailing slash`, FIX);
  const text = (field: string, value: unknown) =>
    problems.check(isNonEmpty(value), `${p}.${field}`, value, 'a non-empty string', FIX);

  checkText(env, problems, p, FIX);
  problems.check(typeof env.pagesOnCall === 'boolean', `${p}.pagesOnCall`, env.pagesOnCall, 'true or false', FIX);
  url('grafana.publicUrl', env.grafana?.publicUrl);
  url('grafana.prometheusUrl', env.grafana?.prometheusUrl, ['http:', 'https:']);
  problems.check(isInt(env.grafana?.orgId, 1, 1_000_000), `${p}.grafana.orgId`, env.grafana?.orgId,
    'a positive integer (a Grafana organization id)', FIX);
  problems.check(matches(/^[a-z0-9.-]+:\d{1,5}$/, env.grafana?.postgres?.host), `${p}.grafana.postgres.host`,
    env.grafana?.postgres?.host, 'host:port', FIX);
  text('grafana.postgres.database', env.grafana?.postgres?.database);
  text('grafana.postgres.user', env.grafana?.postgres?.user);

  for (const field of ['organization', 'teamSlug', 'projectSlug'] as const) {
    problems.check(matches(SLUG, env.sentry?.[field]), `${p}.sentry.${field}`, env.sentry?.[field],
      'a slug of lowercase letters, digits and "-"', FIX);
  }
  problems.check(isInt(env.sentry?.rateLimit?.count, 1, 1_000_000), `${p}.sentry.rateLimit.count`,
    env.sentry?.rateLimit?.count, 'an integer from 1 to 1000000', FIX);
  problems.check(isInt(env.sentry?.rateLimit?.windowSeconds, 60, 86_400), `${p}.sentry.rateLimit.windowSeconds`,
    env.sentry?.rateLimit?.windowSeconds, 'an integer from 60 to 86400', FIX);
  text('sentry.teamName', env.sentry?.teamName);
  text('sentry.slackIntegrationName', env.sentry?.slackIntegrationName);
  text('sentry.pagerdutyIntegrationName', env.sentry?.pagerdutyIntegrationName);

  checkPagerduty(env, problems);

  for (const field of ['alertsChannel', 'monitoringChannel'] as const) {
    problems.check(matches(/^#[a-z0-9_-]{1,80}$/, env.slack?.[field]), `${p}.slack.${field}`, env.slack?.[field],
      'a Slack channel name such as "#alerts"', FIX);
  }

  const emails = listOrNothing(env.alertEmails);
  problems.check(emails.length >= 1, `${p}.alertEmails`, env.alertEmails, 'a list of at least one e-mail address', FIX);
  emails.forEach((e, i) => problems.check(matches(EMAIL, e) && e.length <= 100, `${p}.alertEmails[${i}]`, e,
    'an e-mail address of at most 100 characters', FIX));

  const app = env.digitalocean?.app;
  problems.check(matches(/^[a-z][a-z0-9-]{0,30}[a-z0-9]$/, app?.name), `${p}.digitalocean.app.name`, app?.name,
    'a lowercase DNS label of 2-32 characters', FIX);
  problems.check(matches(/^[\w.-]+\/[\w.-]+$/, app?.github?.repo), `${p}.digitalocean.app.github.repo`,
    app?.github?.repo, '"owner/name"', FIX);
  text('digitalocean.app.github.branch', app?.github?.branch);
  text('digitalocean.app.instanceSizeSlug', app?.instanceSizeSlug);
  text('digitalocean.region', env.digitalocean?.region);
  problems.check(isInt(app?.instanceCount, 1, 50), `${p}.digitalocean.app.instanceCount`, app?.instanceCount, 'an integer from 1 to 50', FIX);
  problems.check(isInt(app?.httpPort, 1, 65535), `${p}.digitalocean.app.httpPort`, app?.httpPort, 'a port from 1 to 65535', FIX);
  checkAppSpec(env, problems);
  checkAdoption(env, problems);
  text('digitalocean.databases.mongodb', env.digitalocean?.databases?.mongodb);
  text('digitalocean.databases.redis', env.digitalocean?.databases?.redis);
  const regions = listOrNothing(env.digitalocean?.uptimeRegions);
  problems.check(regions.length >= 2 && regions.every((r) => (UPTIME_REGIONS as readonly string[]).includes(r)),
    `${p}.digitalocean.uptimeRegions`, env.digitalocean?.uptimeRegions,
    `two or more of ${UPTIME_REGIONS.join(', ')} (checks from one region cannot tell an outage from a network blip)`, FIX);

  problems.check((DATADOG_SITES as readonly unknown[]).includes(env.datadog?.site), `${p}.datadog.site`, env.datadog?.site,
    `a Datadog site: ${DATADOG_SITES.join(', ')}`, FIX);

  for (const [alertId, bySeverity] of Object.entries(env.thresholdOverrides ?? {})) {
    problems.check(knownAlertIds.has(alertId), `${p}.thresholdOverrides.${alertId}`, alertId,
      `an alert id from the catalog (${[...knownAlertIds].join(', ')})`, 'rename or remove the override');
    for (const [severity, value] of Object.entries(bySeverity ?? {})) {
      problems.check((SEVERITIES as readonly string[]).includes(severity), `${p}.thresholdOverrides.${alertId}.${severity}`,
        severity, SEVERITIES.join(', '), FIX);
      problems.check(Number.isFinite(value), `${p}.thresholdOverrides.${alertId}.${severity}`,
        value, 'a finite number', FIX);
    }
  }

  problems.check(env.maintenanceWindows === undefined || Array.isArray(env.maintenanceWindows), `${p}.maintenanceWindows`,
    env.maintenanceWindows, 'a list of windows, or no setting for none', FIX);
  listOrNothing(env.maintenanceWindows).forEach((w, i) => {
    const f = `${p}.maintenanceWindows[${i}]`;
    problems.check(matches(/^[A-Za-z0-9_-]+$/, w.name), `${f}.name`, w.name, 'letters, digits, "-" and "_"', FIX);
    problems.check(matches(HHMM, w.startTime), `${f}.startTime`, w.startTime, '"hh:mm"', FIX);
    problems.check(matches(END_HHMM, w.endTime), `${f}.endTime`, w.endTime, '"hh:mm", or "24:00" for the end of the day', FIX);
    // Grafana's mute intervals cannot wrap past midnight: 22:00-02:00 is 22:00-24:00 and 00:00-02:00.
    problems.check(!(matches(HHMM, w.startTime) && matches(END_HHMM, w.endTime)) || w.startTime < w.endTime,
      `${f}.endTime`, w.endTime, `a time after startTime (${w.startTime}) on the same day`,
      'split a window that crosses midnight into two windows (until "24:00" and from "00:00") in config/environments.ts');
    const weekdays = listOrNothing(w.weekdays);
    problems.check(weekdays.length > 0 && weekdays.every(isWeekdayRange), `${f}.weekdays`, w.weekdays,
      'a list of at least one lowercase weekday or ascending range, e.g. ["sunday"] or ["monday:friday"]', FIX);
    problems.check(isTimeZone(w.location), `${f}.location`, w.location, 'an IANA time zone such as "Europe/Berlin"', FIX);
    const severities = listOrNothing(w.severities);
    problems.check(severities.length > 0 && severities.every((s) => s === 'warning' || s === 'info'),
      `${f}.severities`, w.severities, 'a list of "warning" and/or "info" (critical alerts are never muted)', FIX);
  });

  if (env.backend?.type === 's3') {
    text('backend.bucket', env.backend.bucket);
    text('backend.key', env.backend.key);
    text('backend.region', env.backend.region);
    url('backend.endpoint', env.backend.endpoint);
  } else if (env.backend?.type === 'pg') {
    // An unquoted PostgreSQL identifier: Terraform creates the schema by this name.
    problems.check(matches(/^[a-z_][a-z0-9_]{0,62}$/, env.backend.schemaName), `${p}.backend.schemaName`, env.backend.schemaName,
      'a PostgreSQL schema name: lowercase letters, digits and "_", starting with a letter or "_", at most 63 characters', FIX);
  } else if (env.backend?.type === 'local') {
    const path = env.backend.path;
    problems.check(path === undefined || isLocalStatePath(path), `${p}.backend.path`, path,
      'a relative path of a ".tfstate" file in the project, outside the synth output (cdktf.out/) and without ".."',
      `omit it (the state then lives in terraform.${p}.tfstate, cdktf's default), or ${FIX}`);
  } else {
    problems.add(`${p}.backend.type`, (env.backend as { type?: unknown } | undefined)?.type, '"local", "s3" or "pg"', FIX);
  }
}

/** The items of a list setting; none when it is missing or not a list (a string is reported, never iterated). */
export function listOrNothing<T>(value: readonly T[] | undefined): readonly T[] {
  return Array.isArray(value) ? value : [];
}

/** A calendar date `yyyy-mm-dd` that exists (no 2026-02-30). */
function isDate(value: unknown): boolean {
  // Unanchored: below, "<value>T00:00:00Z" must parse and the value must start the date's ISO string
  // "yyyy-mm-ddT...", which only "yyyy-mm-dd" does; the pattern refuses what Date would read loosely ("2026-01").
  if (!matches(/\d{4}-\d{2}-\d{2}/, value)) return false;
  const date = new Date(`${value as string}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value as string);
}

/** E-mail addresses: at least `min`, at most `max`, each valid and listed once. */
function checkEmails(problems: Problems, field: string, value: readonly string[] | undefined, min: number, max: number,
  allowed: string): void {
  const emails = listOrNothing(value);
  problems.check(emails.length >= min && emails.length <= max, field, value, allowed, FIX);
  emails.forEach((e, i) => {
    problems.check(matches(EMAIL, e), `${field}[${i}]`, e, 'an e-mail address', FIX);
    const first = emails.indexOf(e);
    problems.check(first === i, `${field}[${i}]`, e, `each responder once (it is already ${field}[${first}])`,
      `remove the repeated address from ${field} in config/environments.ts`);
  });
}

/**
 * The on-call rotation, escalation and status page. PagerDuty exists only where something
 * pages: an environment that never pages has no `pagerduty` section, one that pages must have it.
 */
function checkPagerduty(env: EnvironmentConfig, problems: Problems): void {
  const f = `${env.name ?? '?'}.pagerduty`;
  const pd = env.pagerduty;
  if (pd === undefined) {
    problems.check(env.pagesOnCall !== true, f, pd, `an on-call rotation, because ${env.name}.pagesOnCall is true`,
      'add a pagerduty section (rotation, escalationDelayMinutes, numLoops) in config/environments.ts, or set pagesOnCall to false');
    return;
  }
  // Only when pagesOnCall is false: a non-boolean one is already reported, and "is false" would be wrong.
  problems.check(env.pagesOnCall !== false, f, '(a pagerduty section)',
    `no pagerduty section, because ${env.name}.pagesOnCall is false and nothing would ever page it`,
    'remove the pagerduty section from config/environments.ts, or set pagesOnCall to true');

  const r = pd.rotation;
  checkEmails(problems, `${f}.rotation.responderEmails`, r?.responderEmails, 1, 100,
    'at least one e-mail address of a PagerDuty user, in rotation order');
  problems.check(r?.length === 'weekly' || r?.length === 'daily', `${f}.rotation.length`, r?.length, '"weekly" or "daily"', FIX);
  // PagerDuty takes a turn of 1 hour to 365 days (rotation_turn_length_seconds 3600 to 31536000).
  const maxTurns = r?.length === 'daily' ? 365 : 52;
  problems.check(r?.turnLength === undefined || isInt(r.turnLength, 1, maxTurns), `${f}.rotation.turnLength`, r?.turnLength,
    `a whole number of ${r?.length === 'daily' ? 'days' : 'weeks'} from 1 to ${maxTurns} (PagerDuty allows turns of up to a year)`, FIX);
  problems.check(matches(HHMM, r?.handoffTime), `${f}.rotation.handoffTime`, r?.handoffTime,
    'a time of day "hh:mm" from "00:00" to "23:59", e.g. "09:00"', FIX);
  problems.check(isTimeZone(r?.timeZone), `${f}.rotation.timeZone`, r?.timeZone, 'an IANA time zone such as "Europe/Berlin"', FIX);
  problems.check(isDate(r?.startDate), `${f}.rotation.startDate`, r?.startDate,
    'a date "yyyy-mm-dd", the day of the first handoff (a fixed date, not "today")', FIX);

  problems.check(isInt(pd.escalationDelayMinutes, 1, 1440), `${f}.escalationDelayMinutes`, pd.escalationDelayMinutes,
    'an integer from 1 to 1440', FIX);
  problems.check(isInt(pd.numLoops, 0, 9), `${f}.numLoops`, pd.numLoops,
    'an integer from 0 to 9 (how often PagerDuty repeats the policy)', FIX);

  const second = pd.secondLine;
  if (second !== undefined) {
    const byUsers = second.responderEmails !== undefined;
    const bySchedule = second.scheduleName !== undefined;
    problems.check(byUsers !== bySchedule, `${f}.secondLine`, second, 'exactly one of responderEmails or scheduleName',
      'keep one of the two in config/environments.ts');
    if (byUsers) {
      checkEmails(problems, `${f}.secondLine.responderEmails`, second.responderEmails, 1, 5,
        'one to five e-mail addresses (PagerDuty allows at most 5 targets per escalation rule)');
    }
    if (bySchedule) checkNonEmpty(problems, `${f}.secondLine.scheduleName`, second.scheduleName);
    problems.check(isInt(second.escalationDelayMinutes, 1, 1440), `${f}.secondLine.escalationDelayMinutes`,
      second.escalationDelayMinutes, 'an integer from 1 to 1440', FIX);
  }

  const page = pd.statusPage;
  if (page !== undefined) {
    problems.check(isNonEmpty(page.businessServiceName) && page.businessServiceName.trim() === page.businessServiceName,
      `${f}.statusPage.businessServiceName`, page.businessServiceName,
      'a non-empty name without surrounding spaces (the status page shows it)', FIX);
    checkNonEmpty(problems, `${f}.statusPage.pointOfContact`, page.pointOfContact);
    problems.check(isHttpUrl(page.url), `${f}.statusPage.url`, page.url,
      'an absolute https: URL with a dotted host and no trailing slash', FIX);
  }
}

function checkNonEmpty(problems: Problems, field: string, value: unknown): void {
  problems.check(isNonEmpty(value), field, value, 'a non-empty string', FIX);
}

/** Checks rules that span environments: they must not fight over shared singletons. */
export function checkAcrossEnvironments(envs: readonly EnvironmentConfig[], problems: Problems): void {
  const seen = new Map<string, string>();
  for (const env of envs) {
    for (const [what, value] of [
      ['grafana.orgId', String(env.grafana?.orgId)],
      ['sentry.teamSlug', env.sentry?.teamSlug],
      ['sentry.projectSlug', env.sentry?.projectSlug],
      ['digitalocean.app.name', env.digitalocean?.app?.name],
    ] as const) {
      const key = `${what}=${value}`;
      const other = seen.get(key);
      problems.check(other === undefined, `${env.name}.${what}`, value,
        `a value no other environment uses (${other} uses it too)`,
        what === 'grafana.orgId'
          ? 'give each environment its own Grafana organization: the notification policy is one tree per organization'
          : `${FIX}: two stacks declaring one resource fight over it, and destroying one deletes the other's`);
      seen.set(key, env.name);
    }
  }
}

/**
 * Parses the environment list that main.ts receives (MONITORING_ENVIRONMENTS),
 * e.g. "staging,production". Unset means every environment; set, it must name
 * each environment once, without blanks: a typo must not synthesize nothing.
 */
export function parseEnvironmentNames(raw: string | undefined, field = 'MONITORING_ENVIRONMENTS'): EnvironmentName[] {
  if (raw === undefined) return [...ENVIRONMENT_NAMES];
  const names = raw.split(',');
  const fix = `unset ${field} to synthesize every environment, or name known ones, separated by "," without spaces`;
  const problems = new Problems();
  names.forEach((name, i) => {
    if (!(ENVIRONMENT_NAMES as readonly string[]).includes(name)) {
      problems.add(field, name, `one of ${ENVIRONMENT_NAMES.join(', ')} (entry ${i + 1} of ${JSON.stringify(raw)})`, fix);
    } else if (names.indexOf(name) !== i) {
      problems.add(field, raw, `each environment at most once ("${name}" is listed twice)`, fix);
    }
  });
  problems.throwIfAny();
  return names as EnvironmentName[];
}

/**
 * Validates the named environments (and the rules across all of them) and returns
 * their configs. Throws one ConfigError listing every problem.
 */
export function loadEnvironments(
  names: readonly EnvironmentName[],
  knownAlertIds: ReadonlySet<string>,
  source: Record<string, EnvironmentConfig> = ENVIRONMENTS,
): EnvironmentConfig[] {
  const problems = new Problems();
  const all = Object.values(source);
  for (const env of all) {
    problems.check((ENVIRONMENT_NAMES as readonly string[]).includes(env.name), `${env.name}.name`, env.name,
      `one of ${ENVIRONMENT_NAMES.join(', ')}`, FIX);
    checkEnvironment(env, problems, knownAlertIds);
  }
  checkAcrossEnvironments(all, problems);
  problems.throwIfAny();
  return names.map((n) => source[n]);
}
