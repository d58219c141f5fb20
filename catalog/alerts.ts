import { ConfigError } from '../config/validate';
import { EnvironmentConfig, Severity, SEVERITIES } from '../config/types';
import { dashboardUid } from './grafana-uids';
import { describePromQLError } from './promql';
import { INSTANCE_MEMORY_BYTES, ServiceDefinition } from './services';

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
  /** PromQL that returns a sample only while the alert may fire (e.g. enough traffic). */
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

const UNIT_BOUNDS: Record<AlertUnit, { min: number; max: number; text: string }> = {
  ratio: { min: 0, max: 1, text: 'a ratio from 0 to 1 (5% is 0.05)' },
  seconds: { min: 0, max: 300, text: 'seconds from 0 to 300' },
  count: { min: 0, max: Number.MAX_SAFE_INTEGER, text: 'a count of 0 or more' },
};

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
  return SEVERITIES.filter((s) => alert.thresholds[s] !== undefined)
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
  /** Datadog tag filter, e.g. `{service:esg-scraper-api,env:production}`. */
  readonly ddTags: string;
  /** PromQL that holds while the service saw enough requests to judge ratios and percentiles. */
  readonly trafficGuard: string;
}

/**
 * Every signal the catalog knows, by the suffix of its alert id. A builder returns
 * undefined when the service does not export what the signal needs. Adding a
 * service adds its alerts; adding a signal here adds it to every service.
 */
const SIGNALS: Record<string, (inputs: SignalInputs) => SignalSpec | undefined> = {
  'error-ratio': ({ service, job, ddTags, trafficGuard }) => {
    const requests = `${service.metricPrefix}_requests_total`;
    return {
      title: `${service.displayName}: 5xx error ratio high`,
      summary: (limit) => `More than ${limit} of requests fail with a 5xx status.`,
      // `or vector(0)`: with no 5xx series at all the ratio is 0, not "no data".
      signal: `(sum(rate(${requests}{${job},status=~"5.."}[5m])) or vector(0)) / sum(rate(${requests}{${job}}[5m]))`,
      guard: trafficGuard,
      comparison: '>',
      thresholds: { critical: 0.05 },
      unit: 'ratio',
      pendingFor: '5m',
      noDataState: 'OK', // no traffic is not an error; `metrics-absent` catches a dead exporter
      execErrState: 'Error',
      panel: 'errorRatio',
      datadog: {
        timeAggregation: 'sum(last_5m)',
        // clamp_min is the traffic guard: below the minimum the ratio is divided by the minimum.
        expression: `sum:trace.fastapi.request.errors${ddTags}.as_count() / clamp_min(sum:trace.fastapi.request.hits${ddTags}.as_count(), ${service.minRequestsPerFiveMinutes})`,
      },
    };
  },

  'latency-p95': ({ service, job, ddTags, trafficGuard }) => ({
    title: `${service.displayName}: p95 latency above target`,
    summary: (limit) => `The 95th percentile of request duration is above ${limit}.`,
    // Buckets are summed across instances before the quantile: per-instance
    // quantiles cannot be combined, and one idle instance would page on its own.
    signal: `histogram_quantile(0.95, sum by (le) (rate(${service.metricPrefix}_request_duration_seconds_bucket{${job}}[5m])))`,
    guard: trafficGuard,
    comparison: '>',
    thresholds: { warning: service.latencyTargetSeconds },
    unit: 'seconds',
    pendingFor: '10m',
    noDataState: 'OK',
    execErrState: 'Error',
    panel: 'latency',
    datadog: { timeAggregation: 'percentile(last_10m)', expression: `p95:trace.fastapi.request${ddTags}` },
  }),

  memory: ({ service, env, job, ddTags }) => {
    const memoryBytes = INSTANCE_MEMORY_BYTES[env.digitalocean.app.instanceSizeSlug];
    return {
      title: `${service.displayName}: memory usage high`,
      summary: (limit) => `An instance uses more than ${limit} of its memory.`,
      signal: `max(process_resident_memory_bytes{${job}}) / ${memoryBytes}`,
      comparison: '>',
      thresholds: { warning: 0.85 },
      unit: 'ratio',
      pendingFor: '10m',
      noDataState: 'OK',
      execErrState: 'Error',
      panel: 'memory',
      // min over the window: above the threshold at all times for 10m, as `pendingFor` means.
      datadog: { timeAggregation: 'min(last_10m)', expression: `max:runtime.python.mem.rss${ddTags} / ${memoryBytes}` },
    };
  },

  'metrics-absent': ({ service, job }) => ({
    title: `${service.displayName}: no metrics`,
    summary: (limit) => `Fewer than ${limit} scrape target of the API is up: the API is down, or its exporter is.`,
    // `or vector(0)`: a job whose series vanished counts as zero targets up, so silence alerts too.
    signal: `sum(up{${job}}) or vector(0)`,
    comparison: '<',
    thresholds: { critical: 1 },
    unit: 'count',
    pendingFor: '3m',
    noDataState: 'Alerting',
    execErrState: 'Alerting',
    panel: 'scrapeHealth',
  }),

  'mongodb-pool': ({ service, job }) => service.exports.mongodbPool ? {
    title: `${service.displayName}: MongoDB connection pool nearly exhausted`,
    summary: (limit) => `An instance uses ${limit} or more of its MongoDB connection pool.`,
    // `> 0`: an unset pool size (0) would divide to +Inf and fire.
    signal: `max(esg_mongodb_pool_connections{${job}} / (esg_mongodb_pool_max_connections{${job}} > 0))`,
    comparison: '>=',
    thresholds: { warning: 0.9 },
    unit: 'ratio',
    pendingFor: '5m',
    noDataState: 'OK',
    execErrState: 'Error',
    panel: 'mongodbPool',
  } : undefined,

  'cache-hit-ratio': ({ service, job }) => {
    if (!service.exports.cache) return undefined;
    const gets = `esg_cache_operations_total{${job},operation="get"`;
    return {
      title: `${service.displayName}: cache hit ratio collapsed`,
      summary: (limit) => `Fewer than ${limit} of cache reads hit.`,
      // `or vector(0)`: when no read has ever hit, the hit series does not exist;
      // without it a total collapse would be "no data" and stay silent.
      signal: `(sum(rate(${gets},status="hit"}[15m])) or vector(0)) / sum(rate(${gets}}[15m]))`,
      guard: `sum(increase(${gets}}[15m])) >= 50`,
      comparison: '<',
      thresholds: { info: 0.5 },
      unit: 'ratio',
      pendingFor: '15m',
      noDataState: 'OK',
      execErrState: 'OK', // info only: a failing query must not wake anyone
      panel: 'cacheHitRatio',
    };
  },
};

function runbook(service: ServiceDefinition, env: EnvironmentConfig, signal: string): string {
  return `https://github.com/${env.digitalocean.app.github.repo}/blob/main/docs/runbooks/${service.id}/${signal}.md`;
}

function describeThresholds(spec: Pick<SignalSpec, 'thresholds' | 'unit'>): string {
  const set = SEVERITIES.filter((s) => spec.thresholds[s] !== undefined);
  const text = (s: Severity) => formatThreshold(spec.unit, spec.thresholds[s] as number);
  return set.length === 1 ? text(set[0]) : set.map((s) => `${text(s)} (${s})`).join(', ');
}

/** Builds the alerts of one service, thresholds overridden by `overrides` (by alert id). */
function buildServiceAlerts(
  service: ServiceDefinition,
  env: EnvironmentConfig,
  overrides: EnvironmentConfig['thresholdOverrides'] = {},
): AlertDefinition[] {
  const job = `job="${service.id}"`;
  const inputs: SignalInputs = {
    service,
    env,
    job,
    ddTags: `{service:${service.id},env:${env.name}}`,
    trafficGuard: `sum(increase(${service.metricPrefix}_requests_total{${job}}[5m])) >= ${service.minRequestsPerFiveMinutes}`,
  };
  const uid = dashboardUid('service', service.id);
  return Object.entries(SIGNALS).flatMap(([signalName, build]) => {
    const spec = build(inputs);
    if (!spec) return [];
    const id = `${service.id}-${signalName}`;
    const thresholds = { ...spec.thresholds, ...overrides[id] };
    return [{
      ...spec,
      id,
      serviceId: service.id,
      team: service.team,
      thresholds,
      summary: spec.summary(describeThresholds({ thresholds, unit: spec.unit })),
      runbookUrl: runbook(service, env, signalName),
      dashboardUid: uid,
      dashboardUrl: `${env.grafana.publicUrl}/d/${uid}?viewPanel=${SERVICE_PANEL_IDS[spec.panel]}`,
    }];
  });
}

/** The alerts of one service in one environment, before threshold overrides. */
export function serviceAlerts(service: ServiceDefinition, env: EnvironmentConfig): AlertDefinition[] {
  return buildServiceAlerts(service, env);
}

/** The PromQL fields of an alert and the expressions built from them, each checked with Prometheus's grammar. */
function promqlFields(alert: AlertDefinition): [string, string][] {
  return [
    ['signal', alert.signal],
    ...(alert.guard === undefined ? [] : [['guard', alert.guard] as [string, string]]),
    ...rulesOf(alert).map((rule) => [`condition (${rule.severity})`, alertingExpression(rule)] as [string, string]),
  ];
}

const DURATION = /^([1-9]\d*[smh])+$/;

/** Every alert of every service in one environment, with its overrides applied and checked. */
export function buildAlertCatalog(services: readonly ServiceDefinition[], env: EnvironmentConfig): AlertDefinition[] {
  const problems: string[] = [];
  if (INSTANCE_MEMORY_BYTES[env.digitalocean.app.instanceSizeSlug] === undefined) {
    problems.push(`${env.name}.digitalocean.app.instanceSizeSlug: got "${env.digitalocean.app.instanceSizeSlug}"; ` +
      `expected one of ${Object.keys(INSTANCE_MEMORY_BYTES).join(', ')}. Fix: edit config/environments.ts, ` +
      'or add the size to INSTANCE_MEMORY_BYTES in catalog/services.ts');
  }
  const overrides = env.thresholdOverrides ?? {};
  const declared = new Map(services.flatMap((s) => buildServiceAlerts(s, env)).map((a) => [a.id, a.thresholds]));
  const alerts = services.flatMap((s) => buildServiceAlerts(s, env, overrides));
  for (const alert of alerts) {
    const own = declared.get(alert.id) ?? {};
    for (const severity of Object.keys(overrides[alert.id] ?? {}) as Severity[]) {
      if (own[severity] === undefined) {
        problems.push(`${env.name}.thresholdOverrides.${alert.id}.${severity}: got an override for a severity the alert ` +
          `does not have; expected one of ${Object.keys(own).join(', ')}. Fix: edit config/environments.ts`);
      }
    }
  }
  const ids = new Set<string>();
  for (const alert of alerts) {
    if (ids.has(alert.id)) problems.push(`alert id "${alert.id}" is declared twice. Fix: give each alert a unique id`);
    ids.add(alert.id);
    const bounds = UNIT_BOUNDS[alert.unit];
    for (const { severity, threshold } of rulesOf(alert)) {
      const ok = Number.isFinite(threshold) && threshold >= bounds.min && threshold <= bounds.max &&
        // A ratio can never exceed 1 nor fall below 0: such a threshold never fires.
        !(alert.unit === 'ratio' && ((alert.comparison === '>' && threshold >= 1) ||
          (alert.comparison === '>=' && threshold > 1) || (alert.comparison === '<' && threshold <= 0) ||
          (alert.comparison === '<=' && threshold < 0)));
      if (!ok) {
        problems.push(`${env.name}: alert "${alert.id}" threshold for ${severity}: got ${threshold}; expected ` +
          `${bounds.text} that the signal can cross with "${alert.comparison}". ` +
          `Fix: edit thresholdOverrides in config/environments.ts or the catalog in catalog/alerts.ts`);
      }
    }
    if (!DURATION.test(alert.pendingFor)) {
      problems.push(`${env.name}: alert "${alert.id}" field pendingFor: got "${alert.pendingFor}"; expected a duration ` +
        'such as "5m" or "1h30m". Fix: edit the catalog in catalog/alerts.ts');
    }
    for (const [field, expression] of promqlFields(alert)) {
      const error = describePromQLError(expression);
      if (error) {
        problems.push(`${env.name}: alert "${alert.id}" field ${field}: ${error} in ${JSON.stringify(expression)}; ` +
          'expected a PromQL expression. Fix: correct the expression in catalog/alerts.ts');
      }
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return alerts;
}

/** Ids of every alert any environment could override, for config validation. */
export function knownAlertIds(services: readonly ServiceDefinition[]): Set<string> {
  return new Set(services.flatMap((s) => Object.keys(SIGNALS).map((signal) => `${s.id}-${signal}`)));
}
