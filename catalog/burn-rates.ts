import type { Severity } from '../config/types';
import type { Problems } from '../config/validate';
import type { AlertDefinition } from './alerts';
import { MAX_GRAFANA_UID_LENGTH, serviceDashboardUid } from './grafana-uids';
import { describePromQLError } from './promql';
import { userRequestSelector } from './queries';
import type { ServiceDefinition } from './services';
import type { BurnRateAlertSpec, PrometheusSli, SloDefinition, SloTimeframe } from './slos';

/**
 * Multi-window, multi-burn-rate alerts (Google SRE workbook, "Alerting on SLOs"),
 * defined once: `workbookBurnRateAlerts` gives the list of {burn rate, long window,
 * short window, severity} that each SLO carries (catalog/slos.ts); the Datadog
 * renderer turns it into `slo alert` monitors and `prometheusBurnRateAlerts` into
 * Grafana rules on the raw Prometheus series (no recording rule in between, so
 * promtool evaluates exactly what Grafana does: `npm run detection`).
 */

/**
 * The workbook's steps for a 30-day SLO, as the share of the period's error budget
 * spent within the long window: 2% in 1h and 5% in 6h page; 10% in 24h or in 3d open
 * a ticket. The burn rate follows: share × period / long window (14.4, 6, 3, 1 for 30 days).
 */
const WORKBOOK_STEPS: readonly { budgetShare: number; longWindow: string; shortWindow: string; severity: Severity }[] = [
  { budgetShare: 0.02, longWindow: '1h', shortWindow: '5m', severity: 'critical' },
  { budgetShare: 0.05, longWindow: '6h', shortWindow: '30m', severity: 'critical' },
  { budgetShare: 0.1, longWindow: '24h', shortWindow: '2h', severity: 'warning' },
  { budgetShare: 0.1, longWindow: '3d', shortWindow: '6h', severity: 'warning' },
];

const DURATION = /^([1-9]\d*)([mhd])$/;
const UNIT_MINUTES: Record<string, number> = { m: 1, h: 60, d: 1440 };

/** Minutes in a duration such as `5m`, `6h` or `2d` (Datadog's and PromQL's notation); undefined when malformed. */
export function durationMinutes(duration: string): number | undefined {
  const match = DURATION.exec(duration);
  return match ? Number(match[1]) * UNIT_MINUTES[match[2]] : undefined;
}

/**
 * The workbook's burn-rate alerts on an SLO period, scaled by its formula: the burn
 * rate that spends the step's budget share within the long window. A step whose rate
 * would fall below 1 is left out: spending the budget no faster than the period
 * allows never exhausts it (a 7-day SLO keeps its two paging steps only).
 */
export function workbookBurnRateAlerts(over: SloTimeframe): BurnRateAlertSpec[] {
  const period = durationMinutes(over)!;
  return WORKBOOK_STEPS
    .map(({ budgetShare, ...step }) => ({ over, burnRate: round((budgetShare * period) / durationMinutes(step.longWindow)!), ...step }))
    .filter((alert) => alert.burnRate >= 1);
}

/** Datadog caps an `slo alert` monitor's long window at 48 hours. */
const DATADOG_LONG_WINDOW_MAX_MINUTES = 48 * 60;

/** The burn-rate alerts Datadog can evaluate: the 3-day ticket exists on the Prometheus side only. */
export function datadogBurnRateAlerts(slo: SloDefinition): BurnRateAlertSpec[] {
  return slo.burnRateAlerts.filter((a) => durationMinutes(a.longWindow)! <= DATADOG_LONG_WINDOW_MAX_MINUTES);
}

/**
 * The bucket boundaries prometheus_client gives a Histogram without `buckets=`;
 * `ServiceDefinition.requestDurationBuckets` defaults to these.
 */
export const PROMETHEUS_CLIENT_DEFAULT_BUCKETS: readonly number[] =
  [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

/** The service's request-duration bucket boundaries, in seconds. */
export function requestDurationBuckets(service: ServiceDefinition): readonly number[] {
  return service.requestDurationBuckets ?? PROMETHEUS_CLIENT_DEFAULT_BUCKETS;
}

/**
 * A bucket boundary as the `le` label value Python's prometheus_client writes (and
 * Prometheus 3 normalizes to): a float, `2.0` rather than `2`.
 */
export function leLabel(seconds: number): string {
  return Number.isInteger(seconds) ? `${seconds}.0` : String(seconds);
}

/** The ratio of bad to all user requests over a window, and the count of all of them. */
interface SliQueries {
  readonly badRatio: (window: string) => string;
  readonly total: (window: string) => string;
  /** What a bad event is, for notifications. */
  readonly bad: string;
}

function sliQueries(service: ServiceDefinition, sli: PrometheusSli): SliQueries {
  const users = userRequestSelector(service);
  if (sli.kind === 'errors') {
    const requests = `${service.metricPrefix}_requests_total`;
    return {
      // `or vector(0)`: with no 5xx series at all the ratio is 0, not "no data".
      badRatio: (w) => `(sum(rate(${requests}{${users},status=~"5.."}[${w}])) or vector(0)) / sum(rate(${requests}{${users}}[${w}]))`,
      total: (w) => `sum(increase(${requests}{${users}}[${w}]))`,
      bad: 'requests failing with a 5xx status',
    };
  }
  const buckets = `${service.metricPrefix}_request_duration_seconds_bucket`;
  const all = (w: string) => `sum(rate(${buckets}{${users},le="+Inf"}[${w}]))`;
  return {
    badRatio: (w) => `1 - sum(rate(${buckets}{${users},le="${leLabel(sli.thresholdSeconds)}"}[${w}])) / ${all(w)}`,
    total: (w) => `sum(increase(${buckets}{${users},le="+Inf"}[${w}]))`,
    bad: `requests slower than ${sli.thresholdSeconds}s`,
  };
}

/** The error budget: the share of bad events the target allows, e.g. 0.001 for 99.9%. */
export function errorBudget(targetPercent: number): number {
  return round(1 - targetPercent / 100);
}

/**
 * The fewest requests in the long window for which the ratio means something: as
 * many as it takes for one bad request alone to stay at or under the threshold
 * ratio. Below that, one failure at night would page; above, it takes two or more.
 */
export function minimumRequests(burnRate: number, budget: number): number {
  return Math.ceil(round(1 / (burnRate * budget)));
}

/** `<service>-errors-burn-1h`: short enough that `<id>-critical` fits Grafana's uid limit for 16-character service ids. */
export function burnRateAlertId(service: ServiceDefinition, sli: PrometheusSli, alert: BurnRateAlertSpec): string {
  return `${service.id}-${sli.kind}-burn-${alert.longWindow}`;
}

/**
 * One Grafana rule per burn-rate alert of each SLO with a Prometheus SLI, in the alert
 * catalog's shape (so AlertRuleGroup renders it like any other alert):
 * - signal: the burn rate over the long window (bad ratio / error budget);
 * - guard: the short window burns above the same rate too (the alert resets fast once
 *   the incident ends), and the long window holds enough user requests;
 * - threshold: the burn rate; `for` 0s, because the long window already filters blips.
 */
export function prometheusBurnRateAlerts(slos: readonly SloDefinition[], service: ServiceDefinition,
  env: { readonly grafana: { readonly publicUrl: string; readonly orgId: number } }): AlertDefinition[] {
  return slos.flatMap((slo) => {
    if (!slo.prometheus || slo.serviceId !== service.id) return [];
    const sli = slo.prometheus;
    const queries = sliQueries(service, sli);
    const panel = sli.kind === 'errors' ? 'errorRatio' : 'latency';
    const uid = serviceDashboardUid(service.id);
    return slo.burnRateAlerts.map((alert): AlertDefinition => {
      const objective = slo.objectives.find((o) => o.timeframe === alert.over)!;
      const budget = errorBudget(objective.target);
      const burn = (w: string) => `(${queries.badRatio(w)}) / ${budget}`;
      const days = round(durationMinutes(alert.over)! / 1440 / alert.burnRate);
      return {
        id: burnRateAlertId(service, sli, alert),
        serviceId: service.id,
        team: slo.team,
        title: `${slo.title}: error budget burning ${alert.burnRate}x over ${alert.longWindow} and ${alert.shortWindow}`,
        summary: `${slo.title} (${objective.target}% over ${alert.over}): ${queries.bad} burn the error budget ` +
          `${alert.burnRate} times too fast over both the last ${alert.longWindow} and ${alert.shortWindow}; ` +
          `at this pace the ${alert.over} budget is gone in ${days} days.`,
        signal: burn(alert.longWindow),
        guard: `(${burn(alert.shortWindow)} > ${alert.burnRate}) and on() ` +
          `(${queries.total(alert.longWindow)} >= ${minimumRequests(alert.burnRate, budget)})`,
        comparison: '>',
        thresholds: { [alert.severity]: alert.burnRate },
        unit: 'count',
        pendingFor: BURN_RATE_PENDING_FOR,
        noDataState: 'OK', // no user request burns no budget; `metrics-absent` catches a dead exporter
        execErrState: 'Error',
        runbookUrl: slo.runbookUrl,
        panel,
        dashboardUid: uid,
        // orgId: the same uid exists in each environment's organization.
        dashboardUrl: `${env.grafana.publicUrl}/d/${uid}?orgId=${env.grafana.orgId}`,
      };
    });
  });
}

/**
 * Pending period of every burn-rate rule: none. A two-minute blip of 10% errors moves
 * the 1-hour ratio by a third of a per mille, far below 14.4× a 99.9% budget; `npm run
 * detection` measures that it never pages, and that a total outage pages within 2 minutes.
 */
const BURN_RATE_PENDING_FOR = '0s';

/** Records burn-rate rules Grafana would reject: uids over its limit, PromQL that does not parse. */
export function checkPrometheusBurnRateAlerts(alerts: readonly AlertDefinition[], problems: Problems): void {
  for (const alert of alerts) {
    for (const severity of Object.keys(alert.thresholds)) {
      const uid = `${alert.id}-${severity}`;
      if (uid.length > MAX_GRAFANA_UID_LENGTH) {
        problems.add(`alert "${alert.id}" Grafana rule uid`, uid,
          `at most ${MAX_GRAFANA_UID_LENGTH} characters (Grafana's limit for uids); it has ${uid.length}`,
          'shorten the service id in catalog/services.ts');
      }
    }
    for (const [field, expression] of [['signal', alert.signal], ['guard', alert.guard!]] as const) {
      const error = describePromQLError(expression);
      if (error) problems.add(`alert "${alert.id}".${field}`, expression, `PromQL that parses (${error})`, 'correct catalog/burn-rates.ts');
    }
  }
}

function round(n: number): number {
  return Math.round(n * 1e9) / 1e9;
}
