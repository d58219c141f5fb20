/**
 * Synthetic series for each catalog signal: what must fire and what must stay
 * silent. Values derive from the catalog's thresholds, so a changed threshold is
 * tested at its new value; the rules under test are the catalog's own
 * expressions (`alertingExpression`), the very strings Grafana evaluates.
 */
import { AlertDefinition, AlertRule, alertingExpression, rulesOf } from '../../catalog/alerts';
import { instanceMemoryBytes, ServiceDefinition } from '../../catalog/services';
import { EnvironmentConfig } from '../../config/types';
import { AlertCheck, InputSeries, PromAlertingRule, PromtoolCase } from '../support/promtool';

/** What a scenario builder gets: the rule under test and where its series come from. */
export interface ScenarioInputs {
  readonly rule: AlertRule;
  readonly service: ServiceDefinition;
  readonly env: EnvironmentConfig;
}

/** One behaviour: series, and whether the alert fires at the end or stays silent throughout. */
export interface Scenario {
  /** Says what holds, e.g. `fires above the threshold`. */
  readonly title: string;
  readonly series: readonly InputSeries[];
  readonly fires: boolean;
  /**
   * Minutes of series; the check runs at the end.
   * @default the signal's window + pendingFor + 3
   */
  readonly minutes?: number;
  /**
   * Extra checks at these minutes: no alert yet (e.g. before pendingFor has elapsed).
   * @default []
   */
  readonly silentAt?: readonly number[];
}

/** Minutes in a Prometheus duration such as `5m` or `1h30m`. */
export function minutesOf(duration: string): number {
  const units: Record<string, number> = { s: 1 / 60, m: 1, h: 60 };
  return [...duration.matchAll(/(\d+)([smh])/g)].reduce((sum, [, n, u]) => sum + Number(n) * units[u], 0);
}

/** The signal's name: the alert id without the service prefix. */
export function signalOf(alert: AlertDefinition): string {
  return alert.id.slice(alert.serviceId.length + 1);
}

const counter = (perMinute: number, minutes: number) => `0+${perMinute}x${minutes}`;
const gauge = (value: number, minutes: number) => `${value}x${minutes}`;

/**
 * Values 10% beyond the threshold on either side: one the comparison holds for, one it
 * does not. Close enough that a threshold moved by more than 10% fails a case.
 */
function breachingAndHealthy(rule: AlertRule): { breaching: number; healthy: number } {
  const t = rule.threshold;
  const above = rule.alert.unit === 'ratio' ? Math.min(t * 1.1, (t + 1) / 2) : t * 1.1;
  const below = t * 0.9;
  return rule.alert.comparison.startsWith('>') ? { breaching: above, healthy: below } : { breaching: below, healthy: above };
}

/**
 * A counter that grows by exactly `perFiveMinutes` whole requests in every
 * five-minute window (spread over the minutes), so that a guard's
 * `increase(...[5m])` sees that count exactly, not a float next to it.
 */
const wholeCounter = (perFiveMinutes: number, minutes: number) =>
  Array.from({ length: minutes + 1 }, (_, i) => Math.floor((i * perFiveMinutes) / 5)).join(' ');

interface SignalScenarios {
  /** Minutes the signal's range selectors need before it holds. */
  readonly window: number;
  readonly build: (inputs: ScenarioInputs, minutes: number) => Scenario[];
}

/** Scenarios per signal. Every catalog signal must have an entry (a test checks it). */
export const SCENARIOS: Record<string, SignalScenarios> = {
  'error-ratio': {
    window: 5,
    build: ({ rule, service }, n) => {
      const series = (status: string) => `${service.metricPrefix}_requests_total{job="${service.id}",status="${status}"}`;
      const requests = (status: string, perMinute: number): InputSeries => ({ series: series(status), values: counter(perMinute, n) });
      const traffic = (errorRatio: number, errorStatus = '503') =>
        [requests('200', 100 * (1 - errorRatio)), requests(errorStatus, 100 * errorRatio)];
      // About half of `count` requests in five minutes fail: far above any error-ratio threshold, so only the guard decides.
      const halfFailing = (count: number): InputSeries[] => [
        { series: series('200'), values: wholeCounter(Math.floor(count / 2), n) },
        { series: series('500'), values: wholeCounter(count - Math.floor(count / 2), n) },
      ];
      const { breaching, healthy } = breachingAndHealthy(rule);
      const minimum = service.minRequestsPerFiveMinutes;
      return [
        { title: 'fires above the threshold', series: traffic(breaching), fires: true, silentAt: [minutesOf(rule.alert.pendingFor) - 1] },
        { title: 'stays silent below the threshold', series: traffic(healthy), fires: false },
        { title: 'stays silent when 4xx, not 5xx, fail', series: traffic(0.5, '404'), fires: false },
        { title: 'stays silent without any 5xx series', series: [requests('200', 100)], fires: false },
        {
          title: 'traffic guard: stays silent on 1 failure out of 3 requests in 5 minutes (pages nobody)',
          series: [{ series: series('200'), values: wholeCounter(2, n) }, { series: series('500'), values: wholeCounter(1, n) }],
          fires: false,
        },
        { title: 'traffic guard: fires with exactly the minimum traffic', series: halfFailing(minimum), fires: true },
        { title: 'traffic guard: stays silent one request below the minimum', series: halfFailing(minimum - 1), fires: false },
      ];
    },
  },

  'latency-p95': {
    window: 5,
    build: ({ rule, service }, n) => {
      const t = rule.threshold;
      const bounds = [t / 4, t / 2, t, 2 * t, 4 * t];
      // Requests in five minutes whose duration falls in (previous bound, bound], as whole counts.
      const instance = (name: string, perFiveMinutes: Record<number, number>): InputSeries[] => {
        let cumulative = 0;
        const buckets = [...bounds, Infinity].map((le) => {
          cumulative += perFiveMinutes[le] ?? 0;
          return {
            series: `${service.metricPrefix}_request_duration_seconds_bucket{job="${service.id}",instance="${name}",le="${le === Infinity ? '+Inf' : le}"}`,
            values: wholeCounter(cumulative, n),
          };
        });
        return [...buckets,
          { series: `${service.metricPrefix}_requests_total{job="${service.id}",instance="${name}",status="200"}`, values: wholeCounter(cumulative, n) }];
      };
      const minimum = service.minRequestsPerFiveMinutes;
      return [
        {
          title: 'fires when most requests are slower than the target',
          series: instance('a', { [t / 2]: 50, [2 * t]: 450 }),
          fires: true,
          silentAt: [minutesOf(rule.alert.pendingFor) - 1],
        },
        { title: 'stays silent when requests are fast', series: instance('a', { [t / 2]: 500 }), fires: false },
        // 94% at most t, 6% in (t, 2t]: p95 = t + t·(95 − 94)/6, about 1.17 t.
        { title: 'fires when p95 is just above the target', series: instance('a', { [t]: 470, [2 * t]: 30 }), fires: true },
        // 96% in (t/2, t]: p95 = t/2 + (t/2)·95/96, about 0.99 t.
        { title: 'stays silent when p95 is just below the target', series: instance('a', { [t]: 480, [2 * t]: 20 }), fires: false },
        {
          title: 'sums buckets across instances: one slow, nearly idle instance does not page',
          series: [...instance('a', { [t / 2]: 5000 }), ...instance('b', { [4 * t]: 50 })],
          fires: false,
        },
        { title: 'traffic guard: stays silent on 3 slow requests in 5 minutes (pages nobody)', series: instance('a', { [4 * t]: 3 }), fires: false },
        { title: 'traffic guard: fires with exactly the minimum traffic, all slow', series: instance('a', { [4 * t]: minimum }), fires: true },
        {
          title: 'traffic guard: stays silent one request below the minimum, all slow',
          series: instance('a', { [4 * t]: minimum - 1 }),
          fires: false,
        },
      ];
    },
  },

  memory: {
    window: 0,
    build: ({ rule, service, env }, n) => {
      const bytes = instanceMemoryBytes(env);
      const rss = (instance: string, ratio: number): InputSeries => ({
        series: `process_resident_memory_bytes{job="${service.id}",instance="${instance}"}`,
        values: gauge(ratio * bytes, n),
      });
      const { breaching, healthy } = breachingAndHealthy(rule);
      return [
        {
          title: 'fires when one instance is above the threshold',
          series: [rss('a', breaching), rss('b', healthy)],
          fires: true,
          silentAt: [minutesOf(rule.alert.pendingFor) - 1],
        },
        { title: 'stays silent below the threshold', series: [rss('a', healthy), rss('b', healthy)], fires: false },
        { title: 'stays silent exactly at the threshold (strictly above fires)', series: [rss('a', rule.threshold)], fires: false },
      ];
    },
  },

  'metrics-absent': {
    window: 0,
    build: ({ rule, service }, n) => {
      const up = (instance: string, values: string): InputSeries => ({ series: `up{job="${service.id}",instance="${instance}"}`, values });
      // As many targets up as the threshold asks for (the catalog's is 1): enough to stay silent.
      const enough = Array.from({ length: Math.max(1, Math.ceil(rule.threshold)) }, (_, i) => `up-${i}`);
      const vanishAt = 10;
      const pending = minutesOf(rule.alert.pendingFor);
      return [
        { title: 'stays silent while enough targets are up', series: [...enough.map((i) => up(i, gauge(1, n))), up('down', gauge(0, n))], fires: false },
        { title: 'fires when every target is down', series: [up('a', gauge(0, n)), up('b', gauge(0, n))], fires: true, silentAt: [pending - 1] },
        {
          // The series end at minute 10; Prometheus still sees them for its 5-minute lookback.
          title: "fires when the job's series vanish",
          series: enough.map((i) => up(i, gauge(1, vanishAt))),
          fires: true,
          minutes: vanishAt + 5 + pending + 2,
          silentAt: [vanishAt + 5 + pending - 1],
        },
      ];
    },
  },

  'mongodb-pool': {
    window: 0,
    build: ({ rule, service }, n) => {
      const pool = (instance: string, used: number, max: number): InputSeries[] => [
        { series: `esg_mongodb_pool_connections{job="${service.id}",instance="${instance}"}`, values: gauge(used, n) },
        { series: `esg_mongodb_pool_max_connections{job="${service.id}",instance="${instance}"}`, values: gauge(max, n) },
      ];
      const max = 50;
      const t = rule.threshold;
      const { breaching, healthy } = breachingAndHealthy(rule);
      const scenarios: Scenario[] = [
        {
          title: 'fires when one instance is above the threshold',
          series: [...pool('a', breaching * max, max), ...pool('b', healthy * max, max)],
          fires: true,
          silentAt: [minutesOf(rule.alert.pendingFor) - 1],
        },
        { title: 'stays silent below the threshold', series: pool('a', healthy * max, max), fires: false },
        { title: 'stays silent when the pool size is unset (0)', series: pool('a', 5, 0), fires: false },
      ];
      // The boundary case only where the division is exact in floating point.
      if ((t * max) / max === t) {
        scenarios.push({
          title: `${rule.alert.comparison.includes('=') ? 'fires' : 'stays silent'} exactly at the threshold`,
          series: pool('a', t * max, max),
          fires: rule.alert.comparison.includes('='),
        });
      }
      return scenarios;
    },
  },

  'cache-hit-ratio': {
    window: 15,
    build: ({ rule, service }, n) => {
      const op = (operation: string, status: string, perMinute: number): InputSeries => ({
        series: `esg_cache_operations_total{job="${service.id}",operation="${operation}",status="${status}"}`,
        values: counter(perMinute, n),
      });
      const reads = (hitRatio: number) => [op('get', 'hit', 100 * hitRatio), op('get', 'miss', 100 * (1 - hitRatio))];
      const { breaching, healthy } = breachingAndHealthy(rule);
      return [
        { title: 'fires below the threshold', series: reads(breaching), fires: true, silentAt: [minutesOf(rule.alert.pendingFor) - 1] },
        { title: 'stays silent above the threshold', series: reads(healthy), fires: false },
        { title: 'fires on a total collapse, when no read has ever hit', series: [op('get', 'miss', 100)], fires: true },
        { title: 'counts reads only: writes do not mask a collapse', series: [...reads(breaching), op('set', 'hit', 1000)], fires: true },
        { title: 'guard: a few reads, all misses, notify nobody', series: [op('get', 'miss', 0.2)], fires: false },
      ];
    },
  },
};

/** The promtool rule name of one catalog rule. */
export function ruleName(rule: AlertRule): string {
  return `${rule.alert.id}-${rule.severity}`;
}

/** The alerting rules of a catalog, one per alert and severity, exactly as the catalog states them. */
export function promRules(alerts: readonly AlertDefinition[]): PromAlertingRule[] {
  return alerts.flatMap((alert) => rulesOf(alert).map((rule) => ({
    alert: ruleName(rule),
    expr: alertingExpression(rule),
    for: rule.alert.pendingFor,
    labels: { severity: rule.severity },
  })));
}

/**
 * A case's name: `<prefix> <service id> <signal> <severity>: <title>`. The service id
 * keeps two services' cases apart (promtool results are keyed by name).
 */
export function caseName(prefix: string, rule: AlertRule, title: string): string {
  return `${prefix} ${rule.alert.serviceId} ${signalOf(rule.alert)} ${rule.severity}: ${title}`;
}

/**
 * The promtool cases of one catalog rule. `seriesRule` chooses the series (default:
 * the rule itself); a mutation test passes the original rule here and evaluates a
 * broken one, to show the cases catch the break.
 */
export function casesOf(inputs: ScenarioInputs, ruleFile: string, prefix: string, seriesRule: AlertRule = inputs.rule): PromtoolCase[] {
  const signal = SCENARIOS[signalOf(inputs.rule.alert)];
  if (!signal) return [];
  const pending = minutesOf(inputs.rule.alert.pendingFor);
  const defaultMinutes = signal.window + pending + 3;
  return signal.build({ ...inputs, rule: seriesRule }, defaultMinutes + 5).map((scenario) => {
    const minutes = scenario.minutes ?? defaultMinutes;
    const alertname = ruleName(inputs.rule);
    const silent = (at: number): AlertCheck => ({ evalTime: `${at}m`, alertname, firing: [] });
    return {
      name: caseName(prefix, inputs.rule, scenario.title),
      ruleFile,
      series: scenario.series,
      checks: [
        ...(scenario.silentAt ?? []).filter((at) => at >= 0).map(silent), // none before a pending period of 0
        scenario.fires ? { evalTime: `${minutes}m`, alertname, firing: [{ severity: inputs.rule.severity }] } : silent(minutes),
      ],
    };
  });
}
