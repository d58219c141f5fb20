import { EnvironmentConfig, Severity, SEVERITIES } from '../config/types';
import { Problems } from '../config/validate';
import { MAX_GRAFANA_UID_LENGTH, ruleUid, serviceDashboardUid } from './grafana-uids';
import { describePromQLError } from './promql';
import { jobSelector, latencyQuantile, userRequestSelector, memoryRatioByInstance, mongodbPoolRatioByInstance, upByInstance } from './queries';
import { checkServices, INSTANCE_MEMORY_BYTES, instanceMemoryBytes, runbookUrl, ServiceDefinition } from './services';
import { DATADOG_APM, userApmScope } from './slos';

/**
 * The alert catalog: every alert declared once, as data, with its thresholds keyed
 * by severity. Vendor renderers (Grafana rules, Datadog monitors, promtool tests,
 * dashboard threshold lines) read this and nothing else, so a threshold changes in
 * one place.
 */

export type Comparison = '>' | '>=' | '<' | '<=';
export type NoDataState = 'OK' | 'NoData' | 'Alerting' | 'KeepLast';
export type ExecErrState = 'OK' | 'Error' | 'Alerting' | 'KeepLast';

/** What a threshold measures; it bounds which values are possible. */
export type AlertUnit = 'ratio' | 'seconds' | 'count';

/** Panels of the service dashboard that alerts link to; ids are stable (see dashboards/). */
export const SERVICE_PANEL_IDS = {
  requestRate: 1,
  errorRatio: 2,
  latency: 3,
  cacheHitRatio: 4,
  memory: 5,
  mongodbPool: 6,
  analysesByFramework: 7,
  analysesByTier: 8,
  metricsExtracted: 9,
  scrapeHealth: 10,
} as const;
export type ServicePanel = keyof typeof SERVICE_PANEL_IDS;

/** The same condition on Datadog's APM metrics, for alerts Datadog also watches. */
export interface DatadogSignal {
  /** Monitor time aggregation and window, e.g. `sum(last_5m)`. */
  readonly timeAggregation: string;
  /** The metric expression, without time aggregation or comparison. */
  readonly expression: string;
  /**
   * A condition on the window's total that must hold too (the traffic guard), judged by
   * its own monitor over the same window; a composite monitor (`ratio && guard`) then
   * alerts only when both do.
   * @default undefined (the expression's monitor alone)
   */
  readonly guard?: { readonly expression: string; readonly comparison: Comparison; readonly threshold: number };
}

export interface AlertDefinition {
  /** Unique, kebab-case: `<service>-<signal>`. Keys threshold overrides and rule uids. */
  readonly id: string;
  readonly serviceId: string;
  /** Owning team, as the `team` label. */
  readonly team: string;
  readonly title: string;
  /** One sentence for the notification, with the threshold(s) in force. */
  readonly summary: string;
  /** PromQL whose single value is compared with the threshold. */
  readonly signal: string;
  /**
   * PromQL that returns a sample only while the alert may fire (e.g. enough traffic).
   * @default undefined (every value of the signal is judged)
   */
  readonly guard?: string;
  readonly comparison: Comparison;
  readonly thresholds: Readonly<Partial<Record<Severity, number>>>;
  readonly unit: AlertUnit;
  /** How long the condition must hold before the alert fires (Prometheus duration). */
  readonly pendingFor: string;
  /** What the alert does when its query returns nothing. */
  readonly noDataState: NoDataState;
  /** What the alert does when its query fails. */
  readonly execErrState: ExecErrState;
  readonly runbookUrl: string;
  readonly panel: ServicePanel;
  /** The service dashboard's uid (see catalog/grafana-uids.ts). */
  readonly dashboardUid: string;
  /** Link to the alert's panel on the service dashboard. */
  readonly dashboardUrl: string;
  /** @default undefined (Grafana only) */
  readonly datadog?: DatadogSignal;
}

/** One alert at one severity: what a vendor renders as one rule or monitor. */
export interface AlertRule {
  readonly alert: AlertDefinition;
  readonly severity: Severity;
  readonly threshold: number;
}

/** The values a signal of each unit can take. */
const UNIT_BOUNDS: Record<AlertUnit, { min: number; max: number; text: string }> = {
  ratio: { min: 0, max: 1, text: 'a ratio from 0 to 1 (5% is 0.05)' },
  seconds: { min: 0, max: 300, text: 'seconds from 0 to 300' },
  count: { min: 0, max: Number.MAX_SAFE_INTEGER, text: 'a count of 0 or more' },
};

/**
 * Whether the signal can cross the threshold at all: it must lie within the unit's
 * bounds, and a strict comparison at a bound never holds (a ratio is never `> 1`, a
 * count never `< 0`), so such a threshold is a rule that never fires. NaN is within no bounds.
 */
function isReachable(unit: AlertUnit, comparison: Comparison, threshold: number): boolean {
  const { min, max } = UNIT_BOUNDS[unit];
  if (!(threshold >= min && threshold <= max)) return false;
  return !((comparison === '>' && threshold === max) || (comparison === '<' && threshold === min));
}

/** A threshold as people read it: `5%`, `2s`, `1`. */
export function formatThreshold(unit: AlertUnit, value: number): string {
  if (unit === 'ratio') return `${Number((value * 100).toPrecision(6))}%`;
  return unit === 'seconds' ? `${value}s` : String(value);
}

/** The expression a rule evaluates: the signal, kept only while the guard holds. */
export function guardedQuery(alert: AlertDefinition): string {
  return alert.guard ? `(${alert.signal}) and on() (${alert.guard})` : alert.signal;
}

/**
 * The whole condition of one rule as a single PromQL expression, the way a
 * Prometheus alerting rule states it; the promtool tests evaluate exactly this.
 */
export function alertingExpression(rule: AlertRule): string {
  return `(${guardedQuery(rule.alert)}) ${rule.alert.comparison} ${rule.threshold}`;
}

/** One rule per severity the alert has a threshold for, most severe first. */
export function rulesOf(alert: AlertDefinition): AlertRule[] {
  return severitiesOf(alert.thresholds)
    .map((severity) => ({ alert, severity, threshold: alert.thresholds[severity] as number }));
}

/** What a signal builder declares; the catalog adds identity, owner and links. */
type SignalSpec = Omit<AlertDefinition,
  'id' | 'serviceId' | 'team' | 'runbookUrl' | 'dashboardUid' | 'dashboardUrl' | 'summary'> & {
  /** The summary sentence, given the threshold(s) as text, e.g. `5%`. */
  readonly summary: (limit: string) => string;
};

interface SignalInputs {
  readonly service: ServiceDefinition;
  readonly env: EnvironmentConfig;
  /** `job="<service id>"`, the selector every query starts from. */
  readonly job: string;
  /** Datadog tag filter of users' requests (catalog/slos.ts, `userApmScope`). */
  readonly ddTags: string;
  /** PromQL that holds while the service saw enough requests to judge ratios and percentiles. */
  readonly trafficGuard: string;
}

interface Signal {
  /**
   * Whether a service exports what the signal needs.
   * @default every service
   */
  readonly appliesTo?: (service: ServiceDefinition) => boolean;
  readonly build: (inputs: SignalInputs) => SignalSpec;
}

/**
 * Cache reads in the hit-ratio window below which a ratio means nothing: a handful
 * of misses after a deploy (cold cache) is not a collapse.
 */
const MIN_CACHE_READS_PER_FIFTEEN_MINUTES = 50;

/**
 * Every signal the catalog knows, by the suffix of its alert id. Adding a service
 * adds its alerts; adding a signal here adds it to every service it applies to.
 */
const SIGNALS: Record<string, Signal> = {
  'error-ratio': {
    build: ({ service, ddTags, trafficGuard }) => {
      const requests = `${service.metricPrefix}_requests_total`;
      const users = userRequestSelector(service);
      return {
        title: `${service.displayName}: 5xx error ratio high`,
        summary: (limit) => `More than ${limit} of requests fail with a 5xx status.`,
        // `or vector(0)`: with no 5xx series at all the ratio is 0, not "no data".
        signal: `(sum(rate(${requests}{${users},status=~"5.."}[5m])) or vector(0)) / sum(rate(${requests}{${users}}[5m]))`,
        guard: trafficGuard,
        comparison: '>',
        thresholds: { critical: 0.05 },
        unit: 'ratio',
        // None: a 2-minute blip of 10% errors lifts the 5-minute ratio to 4% at most, and a
        // longer wait only delays the page on 10% errors (measured: `npm run detection`).
        pendingFor: '0s',
        noDataState: 'OK', // no traffic is not an error; `metrics-absent` catches a dead exporter
        execErrState: 'Error',
        panel: 'errorRatio',
        datadog: {
          // With .as_count() and arithmetic, Datadog sums each count over the window before
          // dividing (docs.datadoghq.com/monitors/guide/as-count-in-monitor-evaluations): the
          // window's ratio. The guard is a second monitor on the window's total of requests,
          // combined with this one in a composite, as Datadog's "error rates" use case does
          // (docs.datadoghq.com/monitors/guide/composite_use_cases). A clamp_min on the hits
          // would clamp each rollup point instead of the window's total.
          timeAggregation: 'sum(last_5m)',
          expression: `sum:${DATADOG_APM.errors}${ddTags}.as_count() / sum:${DATADOG_APM.hits}${ddTags}.as_count()`,
          guard: {
            expression: `sum:${DATADOG_APM.hits}${ddTags}.as_count()`,
            comparison: '>=',
            threshold: service.minRequestsPerFiveMinutes,
          },
        },
      };
    },
  },

  'latency-p95': {
    build: ({ service, ddTags, trafficGuard }) => ({
      title: `${service.displayName}: p95 latency above target`,
      summary: (limit) => `The 95th percentile of request duration is above ${limit}.`,
      signal: latencyQuantile(service, 0.95),
      guard: trafficGuard,
      comparison: '>',
      thresholds: { warning: service.latencyTargetSeconds },
      unit: 'seconds',
      pendingFor: '10m',
      noDataState: 'OK',
      execErrState: 'Error',
      panel: 'latency',
      datadog: { timeAggregation: 'percentile(last_10m)', expression: `p95:${DATADOG_APM.latency}${ddTags}` },
    }),
  },

  memory: {
    build: ({ service, env }) => {
      const memoryBytes = instanceMemoryBytes(env);
      return {
        title: `${service.displayName}: memory usage high`,
        summary: (limit) => `An instance uses more than ${limit} of its memory.`,
        signal: `max(${memoryRatioByInstance(service, memoryBytes)})`,
        comparison: '>',
        thresholds: { warning: 0.85 },
        unit: 'ratio',
        pendingFor: '10m',
        noDataState: 'OK',
        execErrState: 'Error',
        panel: 'memory',
        // No Datadog monitor: ddtrace's runtime.python.mem.rss goes over DogStatsD (UDP),
        // which App Platform's TCP-only internal ports do not carry to the Agent. App
        // Platform's own MEM_UTILIZATION alert (catalog/platform-alerts.ts) watches memory
        // outside Prometheus instead.
      };
    },
  },

  'metrics-absent': {
    build: ({ service }) => ({
      title: `${service.displayName}: no metrics`,
      summary: (limit) => `Fewer than ${limit} scrape target of the API is up: the API is down, or its exporter is.`,
      // `or vector(0)`: a job whose series vanished counts as zero targets up, so silence alerts too.
      signal: `sum(${upByInstance(service)}) or vector(0)`,
      comparison: '<',
      thresholds: { critical: 1 },
      unit: 'count',
      pendingFor: '3m',
      noDataState: 'Alerting',
      execErrState: 'Alerting',
      panel: 'scrapeHealth',
    }),
  },

  'mongodb-pool': {
    appliesTo: (service) => service.exports.mongodbPool,
    build: ({ service }) => ({
      title: `${service.displayName}: MongoDB connection pool nearly exhausted`,
      summary: (limit) => `An instance uses ${limit} or more of its MongoDB connection pool.`,
      signal: `max(${mongodbPoolRatioByInstance(service)})`,
      comparison: '>=',
      thresholds: { warning: 0.9 },
      unit: 'ratio',
      pendingFor: '5m',
      noDataState: 'OK',
      execErrState: 'Error',
      panel: 'mongodbPool',
    }),
  },

  'cache-hit-ratio': {
    appliesTo: (service) => service.exports.cache,
    build: ({ service, job }) => {
      const gets = `esg_cache_operations_total{${job},operation="get"`;
      return {
        title: `${service.displayName}: cache hit ratio collapsed`,
        summary: (limit) => `Fewer than ${limit} of cache reads hit.`,
        // `or vector(0)`: when no read has ever hit, the hit series does not exist;
        // without it a total collapse would be "no data" and stay silent.
        signal: `(sum(rate(${gets},status="hit"}[15m])) or vector(0)) / sum(rate(${gets}}[15m]))`,
        guard: `sum(increase(${gets}}[15m])) >= ${MIN_CACHE_READS_PER_FIFTEEN_MINUTES}`,
        comparison: '<',
        thresholds: { info: 0.5 },
        unit: 'ratio',
        pendingFor: '15m',
        noDataState: 'OK',
        execErrState: 'OK', // info only: a failing query must not wake anyone
        panel: 'cacheHitRatio',
      };
    },
  },
};

/** An alert's id: what threshold overrides name and rule uids start with. */
export function alertId(service: ServiceDefinition, signalName: string): string {
  return `${service.id}-${signalName}`;
}

/** The names of the signals a service exports, in catalog order. */
function signalsOf(service: ServiceDefinition): string[] {
  return Object.entries(SIGNALS).filter(([, signal]) => signal.appliesTo?.(service) ?? true).map(([name]) => name);
}

/** The severities an alert has, most severe first: `critical, warning`. */
export function severitiesOf(thresholds: AlertDefinition['thresholds']): Severity[] {
  return SEVERITIES.filter((s) => thresholds[s] !== undefined);
}

/** The threshold(s) of an alert as a summary states them: `5%`, or `10% (critical), 5% (warning)`. */
export function describeThresholds(thresholds: AlertDefinition['thresholds'], unit: AlertUnit): string {
  const set = severitiesOf(thresholds);
  const text = (s: Severity) => formatThreshold(unit, thresholds[s] as number);
  return set.length === 1 ? text(set[0]) : set.map((s) => `${text(s)} (${s})`).join(', ');
}

const OVERRIDE_FIX = 'edit thresholdOverrides in config/environments.ts';

/** `critical, warning`: the severities an override may name, as its error lists them. */
export const listSeverities = (thresholds: AlertDefinition['thresholds']) => severitiesOf(thresholds).join(', ');

/** Builds the alerts of one service with the environment's threshold overrides, recording overrides that cannot apply. */
function buildServiceAlerts(service: ServiceDefinition, env: EnvironmentConfig, problems: Problems): AlertDefinition[] {
  const job = jobSelector(service);
  const inputs: SignalInputs = {
    service,
    env,
    job,
    ddTags: userApmScope(service, env),
    trafficGuard: `sum(increase(${service.metricPrefix}_requests_total{${userRequestSelector(service)}}[5m])) >= ${service.minRequestsPerFiveMinutes}`,
  };
  const uid = serviceDashboardUid(service.id);
  return signalsOf(service).map((signalName) => {
    const spec = SIGNALS[signalName].build(inputs);
    const id = alertId(service, signalName);
    const overrides = env.thresholdOverrides?.[id] ?? {};
    for (const severity of Object.keys(overrides)) {
      problems.check(spec.thresholds[severity as Severity] !== undefined, `${env.name}.thresholdOverrides.${id}.${severity}`,
        severity, `a severity the alert has (${listSeverities(spec.thresholds)})`, OVERRIDE_FIX);
    }
    const thresholds = { ...spec.thresholds, ...overrides };
    return {
      ...spec,
      id,
      serviceId: service.id,
      team: service.team,
      thresholds,
      summary: spec.summary(describeThresholds(thresholds, spec.unit)),
      runbookUrl: runbookUrl(service, env, signalName),
      dashboardUid: uid,
      // orgId: a link opens the environment's organization, not whichever the reader last used.
      dashboardUrl: `${env.grafana.publicUrl}/d/${uid}?orgId=${env.grafana.orgId}&viewPanel=${SERVICE_PANEL_IDS[spec.panel]}`,
    };
  });
}

/** The PromQL fields of an alert and the expressions built from them, each checked with Prometheus's grammar. */
function promqlFields(alert: AlertDefinition): [string, string][] {
  const fields: [string, string | undefined][] = [
    ['signal', alert.signal],
    ['guard', alert.guard], // optional
    ...rulesOf(alert).map((rule) => [`condition (${rule.severity})`, alertingExpression(rule)] as [string, string]),
  ];
  return fields.filter((field): field is [string, string] => field[1] !== undefined);
}

const DURATION = /^(0s|([1-9]\d*[smh])+)$/;
const CATALOG_FIX = 'edit the catalog in catalog/alerts.ts';
const UID_FIX = 'shorten the service id in catalog/services.ts, or the name of a new signal in catalog/alerts.ts ' +
  "(an existing rule's uid must not change: it is the rule's identity in Grafana)";

/** Records every way an alert would be rejected by Grafana or could never fire. */
export function checkAlert(alert: AlertDefinition, env: EnvironmentConfig, problems: Problems): void {
  const f = `${env.name}: alert "${alert.id}"`;
  for (const rule of rulesOf(alert)) {
    problems.check(isReachable(alert.unit, alert.comparison, rule.threshold), `${f}.thresholds.${rule.severity}`, rule.threshold,
      `${UNIT_BOUNDS[alert.unit].text} that the signal can cross with "${alert.comparison}"`,
      `${OVERRIDE_FIX}, or ${CATALOG_FIX}`);
    const uid = ruleUid(rule);
    problems.check(uid.length <= MAX_GRAFANA_UID_LENGTH, `${f} Grafana rule uid`, uid,
      `at most ${MAX_GRAFANA_UID_LENGTH} characters (Grafana's limit for uids); it has ${uid.length}`,
      UID_FIX);
  }
  problems.check(DURATION.test(alert.pendingFor), `${f}.pendingFor`, alert.pendingFor,
    'a Prometheus duration such as "0s", "5m" or "1h30m"', CATALOG_FIX);
  // Datadog evaluates a missing sum as 0: its monitor cannot keep the last status.
  problems.check(!(alert.noDataState === 'KeepLast' && alert.datadog?.timeAggregation.startsWith('sum(')), `${f}.noDataState`,
    alert.noDataState, 'OK, NoData or Alerting for an alert whose Datadog monitor sums', CATALOG_FIX);
  for (const [field, expression] of promqlFields(alert)) {
    const error = describePromQLError(expression);
    if (error) problems.add(`${f}.${field}`, expression, `PromQL that parses (${error})`, 'correct the expression in catalog/alerts.ts');
  }
}

/**
 * Every alert of every service in one environment, with its overrides applied.
 * Throws one ConfigError naming every unusable service, override, threshold and
 * expression, before anything is synthesized.
 */
export function buildAlertCatalog(services: readonly ServiceDefinition[], env: EnvironmentConfig): AlertDefinition[] {
  const problems = new Problems();
  checkServices(services, problems);
  const size = env.digitalocean.app.instanceSizeSlug;
  problems.check(INSTANCE_MEMORY_BYTES[size] !== undefined, `${env.name}.digitalocean.app.instanceSizeSlug`, size,
    `one of ${Object.keys(INSTANCE_MEMORY_BYTES).join(', ')}`,
    'edit config/environments.ts, or add the size to INSTANCE_MEMORY_BYTES in catalog/services.ts');
  const alerts = services.flatMap((s) => buildServiceAlerts(s, env, problems));
  const ids = new Set<string>();
  for (const alert of alerts) {
    // Distinct service ids can still collide once a signal name is appended ("a-b" + "c" and "a" + "b-c").
    problems.check(!ids.has(alert.id), `${env.name}: alert "${alert.id}".id`, alert.id, 'an id no other alert uses',
      'rename one of the services in catalog/services.ts');
    ids.add(alert.id);
    checkAlert(alert, env, problems);
  }
  problems.throwIfAny();
  return alerts;
}

/** Ids of every alert of these services: what thresholdOverrides may name (config validation). */
export function knownAlertIds(services: readonly ServiceDefinition[]): Set<string> {
  return new Set(services.flatMap((s) => signalsOf(s).map((signal) => alertId(s, signal))));
}
