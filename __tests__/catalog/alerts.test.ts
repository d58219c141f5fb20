import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AlertDefinition, alertingExpression, AlertUnit, buildAlertCatalog, checkAlert, Comparison, describeThresholds, formatThreshold, guardedQuery,
  knownAlertIds, listSeverities, rulesOf, SERVICE_PANEL_IDS,
} from '../../catalog/alerts';
import { MAX_GRAFANA_UID_LENGTH, ruleUid } from '../../catalog/grafana-uids';
import { ESG_SCRAPER_API, INSTANCE_MEMORY_BYTES, ServiceDefinition, SERVICES } from '../../catalog/services';
import { ENVIRONMENTS } from '../../config/environments';
import { EnvironmentConfig, ENVIRONMENT_NAMES } from '../../config/types';
import { ConfigError, Problems } from '../../config/validate';
import { serviceDashboard } from '../../dashboards/service';
import { synthesize } from '../../stacks/app';
import { isSeedAlert, SEED_CONFIGS } from '../support/estates';
import { escapeRegExp } from '../support/text';

/** Users' requests of the ESG Scraper API: the health routes and requests marked as probes excluded. */
const USERS = 'job="esg-scraper-api",endpoint!~"/health|/health/detailed",probe!="true"';

const catalogs = ENVIRONMENT_NAMES.map((name) => [name, buildAlertCatalog(SERVICES, ENVIRONMENTS[name])] as const);
const production = buildAlertCatalog(SERVICES, ENVIRONMENTS.production);
/**
 * Most cases below are unit tests on the seed's service (ESG_SCRAPER_API): its exact
 * PromQL and Datadog text are pinned on purpose, with ids and numbers from its definition.
 */
const byId = (signal: string) => production.find((a) => a.id === `${ESG_SCRAPER_API.id}-${signal}`)!;
/** The seed's alert by signal with the catalog's own thresholds: the numbers tests pin, whatever the overrides. */
const seedById = (signal: string) => buildAlertCatalog(SERVICES, SEED_CONFIGS.production).find((a) => a.id === `${ESG_SCRAPER_API.id}-${signal}`)!;
/** The catalog's service of an alert. */
const serviceOf = (alert: { serviceId: string }) => SERVICES.find((s) => s.id === alert.serviceId)!;

/** The problems a catalog build reports, or [] when it succeeds. */
function problemsOf(services: readonly ServiceDefinition[], env: EnvironmentConfig): string[] {
  try {
    buildAlertCatalog(services, env);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return [...(error as ConfigError).problems];
  }
}

/** A service that exports every optional signal, so its rules are all the catalog has. */
const everySignal: ServiceDefinition = { ...ESG_SCRAPER_API, exports: { cache: true, mongodbPool: true, businessMetrics: true } };
const rulesOfEverySignal = buildAlertCatalog([everySignal], ENVIRONMENTS.production).flatMap(rulesOf);
/** The longest `-<signal>-<severity>` a rule uid appends to its service id (24 for the seed's "-metrics-absent-critical"). */
const LONGEST_SUFFIX = Math.max(...rulesOfEverySignal.map((r) => ruleUid(r).length - r.alert.serviceId.length));
const LONGEST_SERVICE_ID = MAX_GRAFANA_UID_LENGTH - LONGEST_SUFFIX;
/** A kebab-case service id of exactly this many characters. */
const serviceIdOfLength = (length: number) => `svc-${'x'.repeat(length - 4)}`;
const UID_FIX = 'shorten the service id in catalog/services.ts, or the name of a new signal in catalog/alerts.ts ' +
  "(an existing rule's uid must not change: it is the rule's identity in Grafana)";

describe('alert catalog', () => {
  it('declares the six alerts of the seed, each with its severity, comparison and threshold (pinned: the seed\'s numbers, before overrides)', () => {
    const table = buildAlertCatalog(SERVICES, SEED_CONFIGS.production).filter((a) => isSeedAlert(a.id))
      .map((a) => [a.id, a.comparison, a.thresholds, a.pendingFor]);
    expect(table).toEqual([
      ['esg-scraper-api-error-ratio', '>', { critical: 0.05 }, '0s'],
      ['esg-scraper-api-latency-p95', '>', { warning: ESG_SCRAPER_API.latencyTargetSeconds }, '10m'],
      ['esg-scraper-api-memory', '>', { warning: 0.85 }, '10m'],
      ['esg-scraper-api-metrics-absent', '<', { critical: 1 }, '3m'],
      ['esg-scraper-api-mongodb-pool', '>=', { warning: 0.9 }, '5m'],
      ['esg-scraper-api-cache-hit-ratio', '<', { info: 0.5 }, '15m'],
    ]);
  });

  it.each(catalogs)('gives every %s alert a runbook URL, an owner, a dashboard link and explicit no-data and error states', (name, alerts) => {
    const dashboards = new Map(SERVICES.map((s) => [s.id, serviceDashboard({ service: s, env: ENVIRONMENTS[name], alerts })]));
    for (const a of alerts) {
      expect([a.id, a.runbookUrl]).toEqual([a.id, `https://github.com/blueprintbuddy/esg-scraper/blob/main/docs/runbooks/${a.serviceId}/${a.id.slice(a.serviceId.length + 1)}.md`]);
      const service = SERVICES.find((s) => s.id === a.serviceId)!;
      expect([a.id, a.team]).toEqual([a.id, service.team]);
      // The values grafana_rule_group accepts (provider v4.45.1).
      expect(['OK', 'NoData', 'KeepLast', 'Alerting']).toContain(a.noDataState);
      expect(['OK', 'Error', 'KeepLast', 'Alerting']).toContain(a.execErrState);
      // The dashboard the Grafana renderer builds for this service, not a uid computed the same way here.
      expect(a.dashboardUid).toBe(dashboards.get(a.serviceId)!.uid);
      // orgId: the link opens the environment's own organization.
      expect(a.dashboardUrl).toBe(`${ENVIRONMENTS[name].grafana.publicUrl}/d/${a.dashboardUid}?orgId=${ENVIRONMENTS[name].grafana.orgId}&viewPanel=${SERVICE_PANEL_IDS[a.panel]}`);
      expect(a.summary.length).toBeGreaterThan(10);
    }
  });

  it('pages nobody for no data except when the exporter is gone, for every service', () => {
    const alerting = production.filter((a) => a.noDataState === 'Alerting').map((a) => a.id);
    expect(alerting).toEqual(SERVICES.map((s) => `${s.id}-metrics-absent`));
    expect(alerting).toContain(byId('metrics-absent').id);
    expect(byId('metrics-absent').execErrState).toBe('Alerting');
    expect(byId('cache-hit-ratio').execErrState).toBe('OK');
  });

  it('guards the error ratio and the p95 latency with the minimum traffic', () => {
    const { metricPrefix, minRequestsPerFiveMinutes } = ESG_SCRAPER_API;
    const guard = `sum(increase(${metricPrefix}_requests_total{${USERS}}[5m])) >= ${minRequestsPerFiveMinutes}`;
    expect(byId('error-ratio').guard).toBe(guard);
    expect(byId('latency-p95').guard).toBe(guard);
    expect(guardedQuery(byId('error-ratio'))).toBe(`(${byId('error-ratio').signal}) and on() (${guard})`);
    expect(byId('memory').guard).toBeUndefined();
  });

  it('computes p95 from the histogram summed across instances by bucket', () => {
    expect(byId('latency-p95').signal).toBe(
      `histogram_quantile(0.95, sum by (le) (rate(esg_api_request_duration_seconds_bucket{${USERS}}[5m])))`);
  });

  it('divides memory by the instance size of the environment, then takes the fullest instance', () => {
    expect(buildAlertCatalog(SERVICES, ENVIRONMENTS.staging).find((a) => a.id.endsWith('-memory'))!.signal)
      .toBe('max(process_resident_memory_bytes{job="esg-scraper-api"} / 1073741824)');
    expect(byId('memory').signal).toBe('max(process_resident_memory_bytes{job="esg-scraper-api"} / 2147483648)');
  });

  it('states the Datadog equivalents on the APM metrics of the service in the environment', () => {
    const scope = '{service:esg-scraper-api,env:production,!resource_name:get_/health,!resource_name:get_/health/detailed,!resource_name:probe_*}';
    // The window's ratio; the traffic guard is a second condition on the window's total (a composite in Datadog).
    expect(byId('error-ratio').datadog).toEqual({
      timeAggregation: 'sum(last_5m)',
      expression: `sum:trace.fastapi.request.errors${scope}.as_count() / sum:trace.fastapi.request.hits${scope}.as_count()`,
      guard: { expression: `sum:trace.fastapi.request.hits${scope}.as_count()`, comparison: '>=', threshold: 20 },
    });
    expect(byId('error-ratio').datadog!.expression).not.toContain('clamp_min');
    // No memory monitor: runtime.python.* would come over DogStatsD (UDP), which App Platform's internal ports do not carry.
    expect(byId('memory').datadog).toBeUndefined();
    expect(production.filter((a) => isSeedAlert(a.id) && a.datadog).map((a) => a.id))
      .toEqual(['esg-scraper-api-error-ratio', 'esg-scraper-api-latency-p95']);
    // Every service gets those two, each on its own APM service tag.
    const withDatadog = production.filter((a) => a.datadog).map((a) => a.id);
    for (const s of SERVICES) expect(withDatadog).toEqual(expect.arrayContaining([`${s.id}-error-ratio`, `${s.id}-latency-p95`]));
    for (const alert of production.filter((a) => a.datadog)) expect(alert.datadog!.expression).toContain(`{service:${alert.serviceId},env:production,`);
  });

  it('states each rule as one PromQL comparison with its threshold', () => {
    const pool = byId('mongodb-pool');
    expect(rulesOf(pool).map(alertingExpression)).toEqual([`(${pool.signal}) >= ${pool.thresholds.warning}`]);
  });

  it('derives the summary from the threshold in force', () => {
    const env = { ...ENVIRONMENTS.production, thresholdOverrides: { 'esg-scraper-api-error-ratio': { critical: 0.1 } } };
    const alert = buildAlertCatalog(SERVICES, env).find((a) => a.id === 'esg-scraper-api-error-ratio')!;
    expect(alert.thresholds).toEqual({ critical: 0.1 });
    expect(alert.summary).toBe('More than 10% of requests fail with a 5xx status.');
  });

  /** A service that exports none of the optional signals. */
  const worker: ServiceDefinition = {
    ...ESG_SCRAPER_API, id: 'esg-worker', displayName: 'ESG Worker', metricPrefix: 'esg_worker',
    exports: { cache: false, mongodbPool: false, businessMetrics: false },
  };
  /** An alert id without its service's prefix. */
  const signalOf = (alert: { id: string; serviceId: string }) => alert.id.slice(alert.serviceId.length + 1);

  it('monitors a second service by adding one definition: the signals every service has, none of those it does not export', () => {
    const alerts = buildAlertCatalog([...SERVICES, worker], ENVIRONMENTS.production);
    const signals = alerts.filter((a) => a.serviceId === 'esg-worker').map(signalOf);
    expect(signals).toEqual(expect.arrayContaining(['error-ratio', 'latency-p95', 'memory', 'metrics-absent']));
    expect(signals.filter((s) => s === 'cache-hit-ratio' || s === 'mongodb-pool')).toEqual([]);
    // Each of them one the seed's service (which exports everything) has too, in the same order.
    const seedSignals = alerts.filter((a) => a.serviceId === ESG_SCRAPER_API.id).map(signalOf);
    expect(seedSignals.filter((s) => signals.includes(s))).toEqual(signals);
    expect(alerts.find((a) => a.id === 'esg-worker-error-ratio')!.signal).toContain('esg_worker_requests_total{job="esg-worker"');
  });

  it('knows exactly the alert ids that thresholds may override: those of signals the services export', () => {
    expect(knownAlertIds(SERVICES)).toEqual(new Set(production.map((a) => a.id)));
    const ids = [...knownAlertIds([worker])];
    expect(ids).toEqual(buildAlertCatalog([worker], ENVIRONMENTS.production).map((a) => a.id));
    expect(ids).toEqual(expect.arrayContaining(['esg-worker-error-ratio', 'esg-worker-metrics-absent']));
    expect(ids.filter((id) => id.endsWith('-cache-hit-ratio') || id.endsWith('-mongodb-pool'))).toEqual([]);
  });

  it('fails when a PromQL expression does not parse, naming the environment, the alert and the field', () => {
    const broken: ServiceDefinition = { ...ESG_SCRAPER_API, metricPrefix: 'esg_api{' };
    const problems = problemsOf([broken], ENVIRONMENTS.production);
    expect(problems).toEqual(expect.arrayContaining([
      expect.stringMatching(/^production: alert "esg-scraper-api-error-ratio"\.signal: got ".*esg_api\{_requests_total.*"; expected PromQL that parses \(PromQL does not parse at column \d+, near "\{job=.*" \(and 3 more errors\)\)\. Fix: correct the expression in catalog\/alerts\.ts$/),
      expect.stringMatching(/^production: alert "esg-scraper-api-error-ratio"\.guard: got .*; expected PromQL that parses/),
      expect.stringMatching(/^production: alert "esg-scraper-api-latency-p95"\.condition \(warning\): got .*; expected PromQL that parses/),
    ]));
    expect(problems.every((p) => p.includes('Fix: '))).toBe(true);
  });

  it('fails when a PromQL expression does not parse, before synth writes anything', () => {
    const outdir = join(mkdtempSync(join(tmpdir(), 'alerts-')), 'out');
    expect(() => synthesize({ outdir, services: [{ ...ESG_SCRAPER_API, id: 'esg-scraper-api', metricPrefix: 'esg api' }] }))
      .toThrow(/alert "esg-scraper-api-error-ratio"\.signal: got .*; expected PromQL that parses/);
    expect(existsSync(outdir)).toBe(false);
  });

  it('fails when a threshold is outside what the signal can reach', () => {
    const env = { ...ENVIRONMENTS.production, thresholdOverrides: { 'esg-scraper-api-memory': { warning: 1.5 } } };
    expect(problemsOf(SERVICES, env)).toEqual([
      'production: alert "esg-scraper-api-memory".thresholds.warning: got 1.5; expected a ratio from 0 to 1 (5% is 0.05) ' +
        'that the signal can cross with ">". Fix: edit thresholdOverrides in config/environments.ts, or edit the catalog in catalog/alerts.ts',
    ]);
  });

  it.each([
    ['a ratio alert that fires above 100%', 'esg-scraper-api-error-ratio', { critical: 1 }],
    ['a ratio alert that fires below 0%', 'esg-scraper-api-cache-hit-ratio', { info: 0 }],
    ['a count alert that fires below 0 targets', 'esg-scraper-api-metrics-absent', { critical: 0 }],
    ['a threshold that is not a number', 'esg-scraper-api-latency-p95', { warning: Number.NaN }],
  ])('fails when a threshold could never fire: %s', (_what, id, override) => {
    const env = { ...ENVIRONMENTS.production, thresholdOverrides: { [id]: override } };
    expect(problemsOf(SERVICES, env)).toEqual([expect.stringMatching(new RegExp(`^production: alert "${id}"\\.thresholds\\.\\w+: got `))]);
  });

  it('accepts a rule uid of exactly 40 characters: the longest service id the catalog\'s signals leave room for', () => {
    expect(problemsOf([{ ...everySignal, id: serviceIdOfLength(LONGEST_SERVICE_ID) }], ENVIRONMENTS.production)).toEqual([]);
  });

  it('accepts the boundary a signal can still reach: a pool at 100% is ">= 1"', () => {
    const env = { ...ENVIRONMENTS.production, thresholdOverrides: { 'esg-scraper-api-mongodb-pool': { warning: 1 } } };
    expect(problemsOf(SERVICES, env)).toEqual([]);
  });

  it('fails when an override names a severity the alert does not have', () => {
    const env = { ...ENVIRONMENTS.production, thresholdOverrides: { 'esg-scraper-api-memory': { critical: 0.95 } } };
    expect(problemsOf(SERVICES, env)).toEqual([
      'production.thresholdOverrides.esg-scraper-api-memory.critical: got "critical"; expected a severity the alert has (warning). ' +
        'Fix: edit thresholdOverrides in config/environments.ts',
    ]);
  });

  it('fails when the instance size has no known memory', () => {
    const env = { ...ENVIRONMENTS.production, digitalocean: { ...ENVIRONMENTS.production.digitalocean,
      app: { ...ENVIRONMENTS.production.digitalocean.app, instanceSizeSlug: 'apps-x-huge' } } };
    expect(problemsOf(SERVICES, env)[0]).toMatch(/^production\.digitalocean\.app\.instanceSizeSlug: got "apps-x-huge"; expected one of /);
  });

  it('fails when a Grafana rule uid would exceed the 40 characters Grafana allows, naming only the rules too long', () => {
    // One character more than the longest suffix leaves room for: only the rules with that suffix are too long.
    const id = serviceIdOfLength(LONGEST_SERVICE_ID + 1);
    const tooLong = rulesOfEverySignal.filter((r) => ruleUid(r).length - r.alert.serviceId.length === LONGEST_SUFFIX);
    expect(tooLong.length).toBeGreaterThan(0);
    expect(tooLong.length).toBeLessThan(rulesOfEverySignal.length);
    expect(problemsOf([{ ...everySignal, id }], ENVIRONMENTS.production)).toEqual(tooLong.map((r) => {
      const alertId = `${id}-${signalOf(r.alert)}`;
      return `production: alert "${alertId}" Grafana rule uid: got "${alertId}-${r.severity}"; ` +
        `expected at most 40 characters (Grafana's limit for uids); it has 41. Fix: ${UID_FIX}`;
    }));
  });

  it.each([
    ['id', { id: 'ESG_API' }, /^service "ESG_API"\.id: got "ESG_API"; expected kebab-case/],
    ['metricPrefix', { metricPrefix: '9api' }, /^service "esg-scraper-api"\.metricPrefix: got "9api"; expected the start of a Prometheus metric name/],
    ['healthPath', { healthPath: 'health' }, /^service "esg-scraper-api"\.healthPath: got "health"; expected a URL path starting with "\/"/],
    ['probeUserAgents', { probeUserAgents: [' Datadog'] }, /^service "esg-scraper-api"\.probeUserAgents\[0\]: got " Datadog"; expected a User-Agent prefix without leading or trailing spaces\. Fix: edit the service in catalog\/services\.ts$/],
    ['probeUserAgents', { probeUserAgents: [''] }, /^service "esg-scraper-api"\.probeUserAgents\[0\]: got ""; expected a User-Agent prefix/],
    ['latencyTargetSeconds', { latencyTargetSeconds: 0 }, /^service "esg-scraper-api"\.latencyTargetSeconds: got 0; expected a number of seconds above 0/],
    ['minRequestsPerFiveMinutes', { minRequestsPerFiveMinutes: 2.5 }, /^service "esg-scraper-api"\.minRequestsPerFiveMinutes: got 2\.5; expected a whole number/],
  ])('fails when a service %s is unusable, naming the service and the field', (_field, change, message) => {
    expect(problemsOf([{ ...ESG_SCRAPER_API, ...change }], ENVIRONMENTS.production)).toEqual(
      expect.arrayContaining([expect.stringMatching(message)]));
  });

  it('fails when two services share an id, or when there is none', () => {
    expect(problemsOf([ESG_SCRAPER_API, ESG_SCRAPER_API], ENVIRONMENTS.production)).toEqual(expect.arrayContaining([
      'service "esg-scraper-api".id: got "esg-scraper-api"; expected an id no other service uses. Fix: edit the service in catalog/services.ts',
    ]));
    expect(problemsOf([], ENVIRONMENTS.production)).toEqual([
      'services: got []; expected at least one service. Fix: add one to SERVICES in catalog/services.ts',
    ]);
  });
});

describe('checks on one alert', () => {
  /** The problems checkAlert records for one alert of the production catalog (the seed's, by signal), changed. */
  function alertProblems(alert: string | AlertDefinition, change: Record<string, unknown>): string[] {
    const problems = new Problems();
    checkAlert({ ...(typeof alert === 'string' ? byId(alert) : alert), ...change }, ENVIRONMENTS.production, problems);
    try {
      problems.throwIfAny();
      return [];
    } catch (error) {
      return [...(error as ConfigError).problems];
    }
  }

  it('fails when an alert whose Datadog monitor sums would keep its last state on no data (Datadog reads a missing sum as 0)', () => {
    expect(byId('error-ratio').datadog?.timeAggregation).toMatch(/^sum\(/);
    expect(alertProblems('error-ratio', { noDataState: 'KeepLast' })).toEqual([
      'production: alert "esg-scraper-api-error-ratio".noDataState: got "KeepLast"; expected OK, NoData or Alerting for an ' +
        'alert whose Datadog monitor sums. Fix: edit the catalog in catalog/alerts.ts',
    ]);
  });

  it('accepts KeepLast for an alert whose Datadog monitor does not sum, or that has none', () => {
    expect(byId('latency-p95').datadog?.timeAggregation).toMatch(/^percentile\(/);
    expect(alertProblems('latency-p95', { noDataState: 'KeepLast' })).toEqual([]);
    expect(alertProblems('error-ratio', { noDataState: 'KeepLast', datadog: undefined })).toEqual([]);
  });

  it('accepts every alert of the catalog as it is', () => {
    for (const alert of production) expect({ id: alert.id, problems: alertProblems(alert, {}) }).toEqual({ id: alert.id, problems: [] });
    expect(production.length).toBeGreaterThanOrEqual(SERVICES.length * 4); // every service has at least its four unconditional alerts
  });

  // "0s" is the one zero the catalog accepts (burn-rate rules pend 0s); "0m" and "00s" stay refused.
  it.each(['5', '0m', '00s', 'm', '5m ', ' 5m', 'x5m', '1d', '05m'])('fails when the pending duration is %j, not a Prometheus duration', (pendingFor) => {
    expect(alertProblems('error-ratio', { pendingFor })).toEqual([
      `production: alert "esg-scraper-api-error-ratio".pendingFor: got ${JSON.stringify(pendingFor)}; expected a Prometheus ` +
        'duration such as "0s", "5m" or "1h30m". Fix: edit the catalog in catalog/alerts.ts',
    ]);
  });

  it('accepts compound pending durations and "0s"', () => {
    expect(alertProblems('error-ratio', { pendingFor: '1h30m' })).toEqual([]);
    expect(alertProblems('error-ratio', { pendingFor: '0s' })).toEqual([]);
  });
});

describe('thresholds a signal can cross', () => {
  /** The problems checkAlert records for an alert of the given unit, comparison and threshold. */
  function thresholdProblems(unit: AlertUnit, comparison: Comparison, threshold: number): string[] {
    const problems = new Problems();
    checkAlert({ ...byId('memory'), unit, comparison, thresholds: { warning: threshold } }, ENVIRONMENTS.production, problems);
    try {
      problems.throwIfAny();
      return [];
    } catch (error) {
      return [...(error as ConfigError).problems];
    }
  }

  // A strict comparison at a bound never holds; the inclusive one at the same bound does.
  it.each<[AlertUnit, Comparison, number]>([
    ['ratio', '>', 0], ['ratio', '>', 0.999], ['ratio', '>=', 1], ['ratio', '<', 1], ['ratio', '<', 0.001], ['ratio', '<=', 0],
    ['ratio', '>=', 0], ['ratio', '<=', 1],
    ['seconds', '>', 299], ['seconds', '>=', 300], ['seconds', '<=', 0], ['seconds', '<', 300],
    ['count', '<', 1], ['count', '<=', 0], ['count', '>', 0], ['count', '>=', Number.MAX_SAFE_INTEGER],
  ])('accepts a %s signal compared "%s" %d', (unit, comparison, threshold) => {
    expect(thresholdProblems(unit, comparison, threshold)).toEqual([]);
  });

  it.each<[AlertUnit, Comparison, number, string]>([
    ['ratio', '>', 1, 'a ratio from 0 to 1 (5% is 0.05)'],
    ['ratio', '<', 0, 'a ratio from 0 to 1 (5% is 0.05)'],
    ['ratio', '>=', 1.01, 'a ratio from 0 to 1 (5% is 0.05)'],
    ['ratio', '<=', -0.01, 'a ratio from 0 to 1 (5% is 0.05)'],
    ['ratio', '<', 1.5, 'a ratio from 0 to 1 (5% is 0.05)'],
    ['ratio', '>', -0.5, 'a ratio from 0 to 1 (5% is 0.05)'],
    ['seconds', '>', 300, 'seconds from 0 to 300'],
    ['seconds', '>=', 301, 'seconds from 0 to 300'],
    ['seconds', '<', 0, 'seconds from 0 to 300'],
    ['count', '<', 0, 'a count of 0 or more'],
    ['count', '>', Number.POSITIVE_INFINITY, 'a count of 0 or more'],
    ['count', '<=', Number.NaN, 'a count of 0 or more'],
  ])('fails when a %s signal is compared "%s" %d, a threshold it can never cross', (unit, comparison, threshold, bounds) => {
    expect(thresholdProblems(unit, comparison, threshold)).toEqual([
      `production: alert "esg-scraper-api-memory".thresholds.warning: got ${threshold}; ` +
        `expected ${bounds} that the signal can cross with "${comparison}". ` +
        'Fix: edit thresholdOverrides in config/environments.ts, or edit the catalog in catalog/alerts.ts',
    ]);
  });
});

describe('thresholds as notifications state them', () => {
  it.each<[AlertUnit, number, string]>([
    ['ratio', 0.05, '5%'], ['ratio', 0.07, '7%'], ['ratio', 0.001, '0.1%'], ['ratio', 0.123456789, '12.3457%'],
    ['seconds', 2, '2s'], ['seconds', 0.5, '0.5s'], ['count', 1, '1'], ['count', 20, '20'],
  ])('writes a %s of %d as %s', (unit, value, text) => {
    expect(formatThreshold(unit, value)).toBe(text);
  });

  it('names the severity of each threshold when an alert has several, most severe first', () => {
    expect(describeThresholds({ info: 0.2, warning: 0.1, critical: 0.3 }, 'ratio')).toBe('30% (critical), 10% (warning), 20% (info)');
    expect(describeThresholds({ warning: 5 }, 'seconds')).toBe('5s');
  });

  it('lists the severities an override may name, most severe first, as its error states them', () => {
    expect(listSeverities({ info: 0.2, critical: 0.3 })).toBe('critical, info');
    expect(listSeverities({ warning: 5 })).toBe('warning');
  });

  it.each([
    ['latency-p95', 'The 95th percentile of request duration is above 2s.'],
    ['metrics-absent', 'Fewer than 1 scrape target of the API is up: the API is down, or its exporter is.'],
    ['cache-hit-ratio', 'Fewer than 50% of cache reads hit.'],
    ['mongodb-pool', 'An instance uses 90% or more of its MongoDB connection pool.'],
    ['memory', 'An instance uses more than 85% of its memory.'],
  ])('states the %s threshold in its summary (pinned: the seed\'s numbers, before overrides)', (signal, summary) => {
    expect(seedById(signal).summary).toBe(summary);
  });

  it('renders one rule per severity with a threshold, most severe first', () => {
    const alert = { ...byId('memory'), thresholds: { info: 0.5, critical: 0.95, warning: 0.85 } };
    expect(rulesOf(alert).map((r) => [r.severity, r.threshold])).toEqual([['critical', 0.95], ['warning', 0.85], ['info', 0.5]]);
    expect(rulesOf({ ...alert, thresholds: { warning: 0 } }).map((r) => r.severity)).toEqual(['warning']);
  });

  it('titles every alert with the service it watches', () => {
    for (const alert of production) expect(alert.title).toMatch(new RegExp(`^${escapeRegExp(serviceOf(alert).displayName)}: \\w.{8,}$`));
    expect(byId('error-ratio').title).toBe('ESG Scraper API: 5xx error ratio high');
  });
});

describe('the catalog as a whole', () => {
  it('fails when two alerts would share an id, naming the alert and the fix', () => {
    expect(problemsOf([ESG_SCRAPER_API, ESG_SCRAPER_API], ENVIRONMENTS.production)).toEqual(expect.arrayContaining([
      'production: alert "esg-scraper-api-error-ratio".id: got "esg-scraper-api-error-ratio"; expected an id no other alert uses. ' +
        'Fix: rename one of the services in catalog/services.ts',
    ]));
  });

  it('fails when the instance size has no known memory, listing the known sizes and the fix', () => {
    const env = { ...ENVIRONMENTS.production, digitalocean: { ...ENVIRONMENTS.production.digitalocean,
      app: { ...ENVIRONMENTS.production.digitalocean.app, instanceSizeSlug: 'apps-x-huge' } } };
    expect(problemsOf(SERVICES, env)).toEqual([
      `production.digitalocean.app.instanceSizeSlug: got "apps-x-huge"; expected one of ${Object.keys(INSTANCE_MEMORY_BYTES).join(', ')}. ` +
        'Fix: edit config/environments.ts, or add the size to INSTANCE_MEMORY_BYTES in catalog/services.ts',
    ]);
  });

  it('lists the severities an alert has when an override names another', () => {
    const env = { ...ENVIRONMENTS.production, thresholdOverrides: { 'esg-scraper-api-latency-p95': { info: 5 } } };
    expect(problemsOf(SERVICES, env)).toEqual([expect.stringContaining('expected a severity the alert has (warning)')]);
  });
});

describe('links to the service dashboard', () => {
  it('opens, for every alert, its service\'s dashboard at the panel that plots the metric its signal reads', () => {
    for (const alert of production) {
      const dashboard = serviceDashboard({ service: serviceOf(alert), env: ENVIRONMENTS.production, alerts: production });
      const panelId = Number(new URL(alert.dashboardUrl).searchParams.get('viewPanel'));
      const panel = (dashboard.panels as { id: number; targets?: unknown }[]).find((p) => p.id === panelId);
      const metric = /([a-z_]+)\{/.exec(alert.signal)![1];
      expect(new URL(alert.dashboardUrl).pathname).toBe(`/grafana/d/${dashboard.uid}`);
      expect({ id: alert.id, plotsMetric: JSON.stringify(panel?.targets ?? []).includes(`${metric}{`) }).toEqual({ id: alert.id, plotsMetric: true });
    }
  });
});
