import { EnvironmentConfig, Severity } from '../config/types';
import { Problems } from '../config/validate';
import {
  checkPrometheusBurnRateAlerts, durationMinutes, leLabel, prometheusBurnRateAlerts, requestDurationBuckets, workbookBurnRateAlerts,
} from './burn-rates';
import { runbookUrl, ServiceDefinition } from './services';

export { durationMinutes } from './burn-rates';

/**
 * Service level objectives, as data, and the multi-window, multi-burn-rate alerts
 * derived from them (Google SRE workbook, "Alerting on SLOs"; Datadog's
 * "Burn Rate Alerts" guide). The Datadog renderer and the Grafana rules
 * (catalog/burn-rates.ts) read this and nothing else, and `buildSloCatalog` rejects,
 * before anything is synthesized, every combination that Datadog or Grafana would
 * only reject at apply time.
 */

/** The APM metrics ddtrace's FastAPI integration produces (span name `fastapi.request`). */
export const DATADOG_APM = {
  /** COUNT of `fastapi.request` spans. */
  hits: 'trace.fastapi.request.hits',
  /** COUNT of those spans marked as errors (ddtrace marks 5xx responses). */
  errors: 'trace.fastapi.request.errors',
  /** DISTRIBUTION of span durations in seconds; percentiles as `p95:<metric>{...}`. */
  latency: 'trace.fastapi.request',
  // No runtime metric (`runtime.python.*`): ddtrace sends those over DogStatsD (UDP), and
  // App Platform's internal ports carry TCP only, so they never reach the Agent.
} as const;

/**
 * The tag filter that scopes APM metrics to one service in one environment, probes
 * included: what proves that traces arrive at all (the synthetic tests call the API
 * every minute).
 */
export function apmScope(service: ServiceDefinition, env: Pick<EnvironmentConfig, 'name'>): string {
  return `{service:${service.id},env:${env.name}}`;
}

/**
 * A `resource_name` tag value as Datadog writes it: tag values are lowercase and a space
 * becomes `_` (`GET /health` is `get_/health`).
 */
export function resourceNameTag(resource: string): string {
  return resource.toLowerCase().replace(/\s+/g, '_');
}

/**
 * The scope of users' requests in APM metrics: the service in the environment without
 * the health routes and without requests the API marked as probes (resource
 * `probe <METHOD> <route>`, see the metrics contract in catalog/services.ts). Trace
 * metrics carry only env, service, version, resource, resource_name, http.status_code
 * and host tags, not span tags such as `_dd.origin:synthetics`
 * (docs.datadoghq.com/tracing/metrics/metrics_namespace), so a synthetic test's request
 * can only be told apart by the resource name the API gives it. `!tag:prefix*` is
 * Datadog's negated wildcard filter (docs.datadoghq.com/metrics/advanced-filtering).
 */
export function userApmScope(service: ServiceDefinition, env: Pick<EnvironmentConfig, 'name'>): string {
  const excluded = [
    resourceNameTag(`GET ${service.healthPath}`),
    resourceNameTag(`GET ${service.detailedHealthPath}`),
    `${PROBE_RESOURCE_PREFIX}_*`,
  ];
  return `{service:${service.id},env:${env.name},${excluded.map((r) => `!resource_name:${r}`).join(',')}}`;
}

/** The first word of the resource name the API gives a probe's root span: `probe POST /analyze`. */
export const PROBE_RESOURCE_PREFIX = 'probe';

const SLO_TIMEFRAMES = ['7d', '30d', '90d'] as const;
export type SloTimeframe = (typeof SLO_TIMEFRAMES)[number];

const TIMEFRAME_HOURS: Record<SloTimeframe, number> = { '7d': 168, '30d': 720, '90d': 2160 };

/** One target over one rolling timeframe, in percent. */
export interface SloObjective {
  readonly timeframe: SloTimeframe;
  /** Percent in (0, 100), e.g. 99.9. */
  readonly target: number;
  /** Percent above `target` at which the SLO shows a warning. @default undefined (no warning) */
  readonly warning?: number;
}

/** Good events over total events, both Datadog metric queries. */
export interface MetricSli {
  readonly kind: 'metric';
  readonly good: string;
  readonly total: string;
}

/** The share of time slices in which one metric query meets a threshold. */
export interface TimeSliceSli {
  readonly kind: 'time_slice';
  readonly query: string;
  readonly comparator: '<' | '<=' | '>' | '>=';
  readonly threshold: number;
  /** Size of one slice: Datadog accepts 60 or 300. */
  readonly intervalSeconds: 60 | 300;
}

export type Sli = MetricSli | TimeSliceSli;

/**
 * The same objective on the service's Prometheus metrics (user requests only, see
 * `userRequestSelector`): bad events are 5xx responses (`errors`, from the request
 * counter) or responses slower than a bucket boundary of the duration histogram (`slow`).
 */
export type PrometheusSli =
  | { readonly kind: 'errors' }
  | { readonly kind: 'slow'; readonly thresholdSeconds: number };

/** Alert when the error budget burns `burnRate` times too fast over both windows. */
export interface BurnRateAlertSpec {
  /** The SLO timeframe whose budget is measured: `over("<timeframe>")`. */
  readonly over: SloTimeframe;
  readonly burnRate: number;
  /** Duration from 1h to the timeframe, e.g. `1h`; Datadog renders those up to 48h. */
  readonly longWindow: string;
  /** Duration shorter than `longWindow`, e.g. `5m`. */
  readonly shortWindow: string;
  /** `critical` pages, `warning` opens a ticket (Slack), per catalog/routing.ts. */
  readonly severity: Severity;
}

export interface SloDefinition {
  /** Unique, kebab-case: `<service>-<indicator>`; keys construct ids. */
  readonly id: string;
  readonly serviceId: string;
  readonly team: string;
  readonly title: string;
  readonly description: string;
  readonly sli: Sli;
  /** The SLI on Prometheus, which Grafana's burn-rate rules read. @default undefined (Datadog only) */
  readonly prometheus?: PrometheusSli;
  /** The first objective is the SLO's primary timeframe. */
  readonly objectives: readonly SloObjective[];
  readonly burnRateAlerts: readonly BurnRateAlertSpec[];
  readonly runbookUrl: string;
}

/** The workbook's alerts on one timeframe of an SLO (see catalog/burn-rates.ts). */
export function recommendedBurnRateAlerts(over: SloTimeframe): BurnRateAlertSpec[] {
  return workbookBurnRateAlerts(over);
}

/** The highest burn rate an SLO can show: an error ratio of 100%. */
export function maxBurnRate(targetPercent: number): number {
  return 1 / (1 - targetPercent / 100);
}

/** Share of the timeframe's error budget an alert has consumed when it fires, e.g. 0.02. */
export function budgetConsumed(alert: BurnRateAlertSpec): number {
  return (alert.burnRate * durationMinutes(alert.longWindow)!) / (TIMEFRAME_HOURS[alert.over] * 60);
}

/** `burn_rate("<id>").over(...)...`: the query of a Datadog `slo alert` monitor. */
export function burnRateQuery(sloId: string, alert: BurnRateAlertSpec): string {
  return `burn_rate("${sloId}").over("${alert.over}").long_window("${alert.longWindow}")` +
    `.short_window("${alert.shortWindow}") > ${alert.burnRate}`;
}

const LONG_WINDOW_MIN = 60;
const FIX = 'edit the SLO in catalog/slos.ts';

/** Records every way an SLO would be rejected by Datadog, or could never alert. */
export function checkSlo(slo: SloDefinition, problems: Problems): void {
  const f = `slo "${slo.id}"`;
  problems.check(/^[a-z0-9][a-z0-9-]*[a-z0-9]$/.test(slo.id), `${f}.id`, slo.id, 'kebab-case letters and digits', FIX);
  problems.check(slo.objectives.length > 0, `${f}.objectives`, slo.objectives, 'at least one objective', FIX);

  const targets = new Map<SloTimeframe, number>();
  slo.objectives.forEach((o, i) => {
    const at = `${f}.objectives[${i}]`;
    problems.check((SLO_TIMEFRAMES as readonly string[]).includes(o.timeframe), `${at}.timeframe`, o.timeframe,
      `one of ${SLO_TIMEFRAMES.join(', ')}`, FIX);
    problems.check(!targets.has(o.timeframe), `${at}.timeframe`, o.timeframe,
      'a timeframe no other objective of this SLO uses', 'merge the two objectives');
    problems.check(o.target > 0 && o.target < 100, `${at}.target`, o.target,
      'a percentage strictly between 0 and 100, e.g. 99.9', FIX);
    if (o.warning !== undefined) {
      problems.check(o.warning > o.target && o.warning < 100, `${at}.warning`, o.warning,
        `a percentage above the target (${o.target}) and below 100`, FIX);
    }
    targets.set(o.timeframe, o.target);
  });

  if (slo.sli.kind === 'time_slice') {
    problems.check(slo.sli.intervalSeconds === 60 || slo.sli.intervalSeconds === 300, `${f}.sli.intervalSeconds`,
      slo.sli.intervalSeconds, '60 or 300 (the slice sizes Datadog offers)', FIX);
  }

  const seen = new Set<string>();
  slo.burnRateAlerts.forEach((a, i) => {
    const at = `${f}.burnRateAlerts[${i}]`;
    const target = targets.get(a.over);
    problems.check(target !== undefined, `${at}.over`, a.over,
      `a timeframe the SLO defines (${[...targets.keys()].join(', ')})`,
      'alert on a timeframe of the SLO, or add an objective for it');
    const long = durationMinutes(a.longWindow);
    const short = durationMinutes(a.shortWindow);
    const period = durationMinutes(a.over);
    const longMinutes = long ?? 0; // not a duration: under the 1h minimum
    problems.check(longMinutes >= LONG_WINDOW_MIN && (period === undefined || longMinutes <= period), `${at}.longWindow`,
      a.longWindow, `a duration from 1h to the timeframe (${a.over}), e.g. "6h" (Datadog renders those up to 48h)`, FIX);
    problems.check(short !== undefined && (long === undefined || short < long), `${at}.shortWindow`, a.shortWindow,
      `a duration shorter than the long window (${a.longWindow}), e.g. 1/12 of it`, FIX);
    if (target !== undefined) {
      const max = maxBurnRate(target);
      // The maximum as the message states it (rounded): float error makes 95%'s 19.999999999999982, not 20.
      problems.check(a.burnRate > 0 && a.burnRate <= round(max), `${at}.burnRate`,
        a.burnRate, `a burn rate above 0 and at most ${round(max)} (1 / (1 - ${target}%): a higher one needs an error ` +
        'ratio above 100% and Datadog refuses it)', 'lower the burn rate or raise the target');
    }
    const key = `${a.over}/${a.longWindow}`;
    problems.check(!seen.has(key), `${at}`, key, 'one alert per timeframe and long window',
      'remove the duplicate (its construct id would clash)');
    seen.add(key);
  });
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** The SLOs of one service in one environment. */
export function serviceSlos(service: ServiceDefinition, env: EnvironmentConfig): SloDefinition[] {
  const scope = userApmScope(service, env);
  const hits = `sum:${DATADOG_APM.hits}${scope}.as_count()`;
  const errors = `sum:${DATADOG_APM.errors}${scope}.as_count()`;
  const base = (indicator: string) => ({
    id: `${service.id}-${indicator}`,
    serviceId: service.id,
    team: service.team,
    runbookUrl: runbookUrl(service, env, `slo-${indicator}`),
  });
  return [
    {
      ...base('availability'),
      title: `${service.displayName} availability`,
      description: 'Share of users\' requests (probes excluded) that do not fail with a server error.',
      sli: { kind: 'metric', good: `${hits} - ${errors}`, total: hits },
      prometheus: { kind: 'errors' },
      objectives: [{ timeframe: '30d', target: 99.9, warning: 99.95 }],
      burnRateAlerts: recommendedBurnRateAlerts('30d'),
    },
    {
      ...base('latency'),
      title: `${service.displayName} latency`,
      // APM has no latency buckets to count requests under the target, so this counts
      // five-minute slices whose p95 meets it: the same signal as the p95 monitor.
      description: `Share of five-minute slices whose p95 duration of users' requests (probes excluded) is at most ${service.latencyTargetSeconds}s.`,
      sli: {
        kind: 'time_slice',
        query: `p95:${DATADOG_APM.latency}${scope}`,
        comparator: '<=',
        threshold: service.latencyTargetSeconds,
        intervalSeconds: 300,
      },
      // On Prometheus the histogram counts requests, not slices: 99% of them within the target.
      prometheus: { kind: 'slow', thresholdSeconds: service.latencyTargetSeconds },
      objectives: [{ timeframe: '30d', target: 99, warning: 99.5 }],
      burnRateAlerts: recommendedBurnRateAlerts('30d'),
    },
  ];
}

/** Checks SLOs and throws one ConfigError naming every offending SLO. */
export function validateSlos(slos: readonly SloDefinition[]): void {
  const problems = new Problems();
  const ids = new Set<string>();
  for (const slo of slos) {
    problems.check(!ids.has(slo.id), `slo "${slo.id}".id`, slo.id, 'an id no other SLO uses', FIX);
    ids.add(slo.id);
    checkSlo(slo, problems);
  }
  problems.throwIfAny();
}

/**
 * Records a Prometheus SLI the service's metrics cannot measure: a latency threshold
 * must be one of the histogram's bucket boundaries, or no series counts the requests under it.
 */
export function checkPrometheusSli(slo: SloDefinition, service: ServiceDefinition, problems: Problems): void {
  if (slo.prometheus?.kind !== 'slow') return;
  const buckets = requestDurationBuckets(service);
  const threshold = slo.prometheus.thresholdSeconds;
  problems.check(buckets.includes(threshold), `slo "${slo.id}".prometheus.thresholdSeconds`, threshold,
    `a bucket boundary of ${service.metricPrefix}_request_duration_seconds (${buckets.join(', ')}): the burn-rate rules ` +
    `count requests at or under le="${leLabel(threshold)}"`,
    `set the service's latencyTargetSeconds to a boundary, or add ${threshold} to requestDurationBuckets in catalog/services.ts ` +
    '(and to the API\'s Histogram buckets)');
}

/** Every SLO of every service in one environment, checked, with the Grafana burn-rate rules they render. */
export function buildSloCatalog(services: readonly ServiceDefinition[], env: EnvironmentConfig): SloDefinition[] {
  const slos = services.flatMap((s) => serviceSlos(s, env));
  validateSlos(slos);
  const problems = new Problems();
  for (const service of services) {
    const own = slos.filter((slo) => slo.serviceId === service.id);
    own.forEach((slo) => checkPrometheusSli(slo, service, problems));
    checkPrometheusBurnRateAlerts(prometheusBurnRateAlerts(own, service, env), problems);
  }
  problems.throwIfAny();
  return slos;
}
