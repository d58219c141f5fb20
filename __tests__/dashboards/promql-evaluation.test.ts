import { SERVICE_PANEL_IDS } from '../../catalog/alerts';
import { buildAlertCatalog } from '../../catalog/alerts';
import { ESG_SCRAPER_API, SERVICES } from '../../catalog/services';
import { ENVIRONMENTS } from '../../config/environments';
import { BUSINESS_PANEL_IDS, businessDashboard } from '../../dashboards/business';
import { serviceDashboard } from '../../dashboards/service';
import { InputSeries, PromAlertingRule, PromtoolCase, runPromtool } from '../support/promtool';
import { promqlOf, withGrafanaVariables } from './dashboard-queries';

/**
 * Evaluates the dashboards' PromQL on Prometheus itself (`promtool test rules`) over
 * synthetic series with two instances, several label values and unrelated series
 * that must not leak in. Each query check becomes alerting rules that fire only for
 * series holding the expected value: one rule per expected value (the firing label
 * sets must be exactly the expected series) and one that fires if there are more or
 * fewer series than expected.
 *
 * Checks marked `broken` run a deliberately wrong query (the seed's, mostly) on the
 * same series and must FAIL: proof that these checks can tell right from wrong.
 */

const env = ENVIRONMENTS.production;
const service = ESG_SCRAPER_API;
const alerts = buildAlertCatalog(SERVICES, env);
const serviceModel = serviceDashboard({ service, env, alerts });
const businessModel = businessDashboard({ env, services: SERVICES });
const panel = (name: keyof typeof SERVICE_PANEL_IDS, refId = 'A') => promqlOf(serviceModel, SERVICE_PANEL_IDS[name], refId);

// Series of the seed's service, named from its definition (job and metric prefix).
const JOB = `job="${service.id}"`;
const PREFIX = service.metricPrefix;
const GIB = 2 ** 30;

/** A counter rising by `perMinute` every minute for two hours, or a constant gauge. */
const counter = (labels: string, perMinute: number): InputSeries => ({ series: `${labels}`, values: `0+${perMinute}x120` });
const gauge = (labels: string, value: number): InputSeries => ({ series: `${labels}`, values: `${value}x120` });

interface Sample {
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

interface QueryCheck {
  readonly name: string;
  readonly expr: string;
  readonly series: readonly InputSeries[];
  readonly expected: readonly Sample[];
  /** @default '90m' */
  readonly evalTime?: string;
  /** A deliberately wrong query: the check must fail. @default false */
  readonly broken?: boolean;
}

// ---- synthetic series -------------------------------------------------------------------

const requests: InputSeries[] = [
  counter(`${PREFIX}_requests_total{${JOB},instance="i1",status="200"}`, 60),
  counter(`${PREFIX}_requests_total{${JOB},instance="i2",status="200"}`, 30),
  counter(`${PREFIX}_requests_total{${JOB},instance="i1",status="404"}`, 12),
  counter(`${PREFIX}_requests_total{${JOB},instance="i1",status="500"}`, 6),
  counter(`${PREFIX}_requests_total{${JOB},instance="i2",status="503"}`, 12),
  // Another job's traffic must not count.
  counter(`${PREFIX}_requests_total{job="other",instance="x",status="500"}`, 600),
];
const requestsWithout5xx = requests.filter((s) => !/status="5/.test(s.series) || s.series.includes('job="other"'));

// Per minute, cumulative by `le`. i1 is fast, i2 slow; together 200 requests a minute:
// ≤0.1s 50, ≤0.5s 90, ≤1s 120, ≤2s 160, ≤5s 200. p50 = 0.5 + 0.5·10/30, p95 = 2 + 3·30/40, p99 = 2 + 3·38/40.
const LATENCY_BUCKETS: Record<string, [number, number]> = {
  '0.1': [50, 0], '0.5': [90, 0], '1.0': [100, 20], '2.0': [100, 60], '5.0': [100, 100], '+Inf': [100, 100],
};
const latency: InputSeries[] = Object.entries(LATENCY_BUCKETS).flatMap(([le, [i1, i2]]) => [
  counter(`${PREFIX}_request_duration_seconds_bucket{${JOB},instance="i1",le="${le}"}`, i1),
  counter(`${PREFIX}_request_duration_seconds_bucket{${JOB},instance="i2",le="${le}"}`, i2),
]);

// 30 hits and 10 misses a minute over two instances, and writes that are no reads.
const cache: InputSeries[] = [
  counter(`esg_cache_operations_total{${JOB},instance="i1",operation="get",status="hit"}`, 20),
  counter(`esg_cache_operations_total{${JOB},instance="i2",operation="get",status="hit"}`, 10),
  counter(`esg_cache_operations_total{${JOB},instance="i1",operation="get",status="miss"}`, 6),
  counter(`esg_cache_operations_total{${JOB},instance="i2",operation="get",status="miss"}`, 4),
  counter(`esg_cache_operations_total{${JOB},instance="i1",operation="set",status="success"}`, 50),
  counter(`esg_cache_operations_total{${JOB},instance="i2",operation="set",status="hit"}`, 25),
];

const memory: InputSeries[] = [
  gauge(`process_resident_memory_bytes{${JOB},instance="i1"}`, 0.5 * GIB),
  gauge(`process_resident_memory_bytes{${JOB},instance="i2"}`, 1.5 * GIB),
  gauge('process_resident_memory_bytes{job="other",instance="x"}', 1.9 * GIB),
];

const pool: InputSeries[] = [
  gauge(`esg_mongodb_pool_connections{${JOB},instance="i1"}`, 20),
  gauge(`esg_mongodb_pool_max_connections{${JOB},instance="i1"}`, 50),
  gauge(`esg_mongodb_pool_connections{${JOB},instance="i2"}`, 45),
  gauge(`esg_mongodb_pool_max_connections{${JOB},instance="i2"}`, 50),
  // Starting up: no pool yet. Left out, not drawn as an infinite ratio.
  gauge(`esg_mongodb_pool_connections{${JOB},instance="i3"}`, 0),
  gauge(`esg_mongodb_pool_max_connections{${JOB},instance="i3"}`, 0),
];

const analyses: InputSeries[] = [
  counter(`esg_analysis_by_framework_total{${JOB},instance="i1",framework="CSRD",user_tier="starter"}`, 6),
  counter(`esg_analysis_by_framework_total{${JOB},instance="i1",framework="GRI",user_tier="growth"}`, 3),
  counter(`esg_analysis_by_framework_total{${JOB},instance="i2",framework="CSRD",user_tier="growth"}`, 12),
  counter(`esg_analysis_by_framework_total{${JOB},instance="i2",framework="SASB",user_tier="enterprise"}`, 2),
];

// Per minute, cumulative, with the Python client's `le` labels (buckets 0, 5, 10, 20, 50, 100, 200).
const EXTRACTED_BUCKETS: Record<string, [number, number]> = {
  '0.0': [1, 0], '5.0': [3, 0], '10.0': [5, 1], '20.0': [8, 2], '50.0': [9, 4], '100.0': [10, 5], '200.0': [10, 5], '+Inf': [10, 6],
};
const extracted: InputSeries[] = Object.entries(EXTRACTED_BUCKETS).flatMap(([le, [i1, i2]]) => [
  counter(`esg_metrics_extracted_count_bucket{${JOB},instance="i1",le="${le}"}`, i1),
  counter(`esg_metrics_extracted_count_bucket{${JOB},instance="i2",le="${le}"}`, i2),
]);

const up: InputSeries[] = [gauge(`up{${JOB},instance="i1"}`, 1), gauge(`up{${JOB},instance="i2"}`, 0)];

// Every instance reports the same business figures.
const business: InputSeries[] = ['i1', 'i2'].flatMap((instance) => [
  gauge(`esg_subscription_revenue_usd{${JOB},instance="${instance}",tier="starter"}`, 147),
  gauge(`esg_subscription_revenue_usd{${JOB},instance="${instance}",tier="enterprise"}`, 999),
  gauge(`esg_tier_cost_estimate_usd{${JOB},instance="${instance}",tier="starter"}`, 40),
  gauge(`esg_tier_cost_estimate_usd{${JOB},instance="${instance}",tier="enterprise"}`, 310),
]);

// ---- checks ------------------------------------------------------------------------------

const one = (value: number): Sample[] => [{ labels: {}, value }];
const seedCacheQuery = "rate(esg_cache_operations_total{status='hit'}[5m]) / rate(esg_cache_operations_total{operation='get'}[5m])";

const CHECKS: QueryCheck[] = [
  {
    name: 'request rate: by status over instances, other jobs excluded',
    expr: panel('requestRate'), series: requests,
    expected: [{ labels: { status: '200' }, value: 1.5 }, { labels: { status: '404' }, value: 0.2 },
      { labels: { status: '500' }, value: 0.1 }, { labels: { status: '503' }, value: 0.2 }],
  },
  { name: 'error ratio: 5xx over all requests of two instances', expr: panel('errorRatio'), series: requests, expected: one(0.3 / 2) },
  { name: 'error ratio: 0, not empty, without any 5xx', expr: panel('errorRatio'), series: requestsWithout5xx, expected: one(0) },
  {
    name: 'error ratio: the seed query (5xx rate per series) is no ratio', broken: true,
    expr: `rate(${PREFIX}_requests_total{status=~'5..'}[5m])`, series: requests, expected: one(0.15),
  },
  { name: 'latency p50 from buckets summed by le', expr: panel('latency', 'A'), series: latency, expected: one(0.5 + 0.5 * 10 / 30) },
  { name: 'latency p95 from buckets summed by le', expr: panel('latency', 'B'), series: latency, expected: one(2 + 3 * 30 / 40) },
  { name: 'latency p99 from buckets summed by le', expr: panel('latency', 'C'), series: latency, expected: one(2 + 3 * 38 / 40) },
  {
    name: 'latency p95: the seed query (no sum by le) gives one quantile per instance', broken: true,
    expr: `histogram_quantile(0.95, rate(${PREFIX}_request_duration_seconds_bucket[5m]))`, series: latency, expected: one(4.25),
  },
  { name: 'cache hit ratio: 30 hits and 10 misses a minute is 0.75, whatever writes run', expr: panel('cacheHitRatio'), series: cache, expected: one(0.75) },
  { name: 'cache hit ratio: the seed query matches each hit series with itself', broken: true, expr: seedCacheQuery, series: cache, expected: one(0.75) },
  {
    name: 'memory: each instance as a share of 2 GiB', expr: panel('memory', 'A'), series: memory,
    expected: [{ labels: { job: service.id, instance: 'i1' }, value: 0.25 }, { labels: { job: service.id, instance: 'i2' }, value: 0.75 }],
  },
  { name: 'memory: the highest instance', expr: panel('memory', 'B'), series: memory, expected: one(0.75) },
  {
    name: 'MongoDB pool: each instance with a pool', expr: panel('mongodbPool', 'A'), series: pool,
    expected: [{ labels: { job: service.id, instance: 'i1' }, value: 0.4 }, { labels: { job: service.id, instance: 'i2' }, value: 0.9 }],
  },
  { name: 'MongoDB pool: the fullest instance', expr: panel('mongodbPool', 'B'), series: pool, expected: one(0.9) },
  {
    name: 'analyses per minute by framework', expr: panel('analysesByFramework'), series: analyses,
    expected: [{ labels: { framework: 'CSRD' }, value: 18 }, { labels: { framework: 'GRI' }, value: 3 }, { labels: { framework: 'SASB' }, value: 2 }],
  },
  {
    name: 'analyses per minute by user tier', expr: panel('analysesByTier'), series: analyses,
    expected: [{ labels: { user_tier: 'starter' }, value: 6 }, { labels: { user_tier: 'growth' }, value: 15 }, { labels: { user_tier: 'enterprise' }, value: 2 }],
  },
  {
    name: 'metrics extracted: cumulative bucket counts over the range (1h)',
    expr: withGrafanaVariables(panel('metricsExtracted'), { range: '1h' }), series: extracted,
    expected: Object.entries(EXTRACTED_BUCKETS).map(([le, [i1, i2]]) => ({ labels: { le }, value: 60 * (i1 + i2) })),
  },
  {
    name: 'scrape health: each instance', expr: panel('scrapeHealth', 'A'), series: up,
    expected: [{ labels: { job: service.id, instance: 'i1' }, value: 1 }, { labels: { job: service.id, instance: 'i2' }, value: 0 }],
  },
  { name: 'scrape health: instances up', expr: panel('scrapeHealth', 'B'), series: up, expected: one(1) },
  { name: 'scrape health: 0, not empty, when no target exists', expr: panel('scrapeHealth', 'B'), series: [gauge('up{job="other"}', 1)], expected: one(0) },
  {
    name: 'revenue by tier: the same gauge on two instances counts once',
    expr: promqlOf(businessModel, BUSINESS_PANEL_IDS.revenueByTier), series: business,
    expected: [{ labels: { tier: 'starter' }, value: 147 }, { labels: { tier: 'enterprise' }, value: 999 }],
  },
  {
    name: 'cost estimate by tier: the same gauge on two instances counts once',
    expr: promqlOf(businessModel, BUSINESS_PANEL_IDS.costByTier), series: business,
    expected: [{ labels: { tier: 'starter' }, value: 40 }, { labels: { tier: 'enterprise' }, value: 310 }],
  },
  {
    name: 'revenue by tier: summing the gauges doubles them', broken: true,
    expr: 'sum by (tier) (esg_subscription_revenue_usd)', series: business,
    expected: [{ labels: { tier: 'starter' }, value: 147 }, { labels: { tier: 'enterprise' }, value: 999 }],
  },
];

/** The rules and promtool case that check one query's result at `evalTime`. */
function toPromtool(check: QueryCheck, key: string): { rules: PromAlertingRule[]; testCase: PromtoolCase } {
  const evalTime = check.evalTime ?? '90m';
  const values = [...new Set(check.expected.map((s) => s.value))];
  const rules: PromAlertingRule[] = [
    ...values.map((value, i) => ({
      alert: `Value${i}`,
      expr: `abs((${check.expr}) - ${value}) <= ${1e-9 * Math.max(1, Math.abs(value))}`,
      for: '0m',
      labels: {},
    })),
    { alert: 'SeriesCount', expr: `count(${check.expr}) != ${check.expected.length}`, for: '0m', labels: {} },
  ];
  return {
    rules,
    testCase: {
      name: check.name,
      ruleFile: key,
      series: check.series,
      checks: [
        ...values.map((value, i) => ({
          evalTime,
          alertname: `Value${i}`,
          firing: check.expected.filter((s) => s.value === value).map((s) => s.labels),
        })),
        { evalTime, alertname: 'SeriesCount', firing: [] },
      ],
    },
  };
}

const prepared = CHECKS.map((check, i) => toPromtool(check, `check-${i}`));
let results: ReturnType<typeof runPromtool>;

beforeAll(() => {
  results = runPromtool({
    ruleFiles: Object.fromEntries(prepared.map((p) => [p.testCase.ruleFile, p.rules])),
    cases: prepared.map((p) => p.testCase),
  });
});

describe('dashboard PromQL evaluated by promtool', () => {
  it.each(CHECKS.filter((c) => !c.broken).map((c) => [c.name]))('%s', (name) => {
    const result = results.get(name);
    expect(result?.output).toBe('SUCCESS');
    expect(result?.passed).toBe(true);
  });

  it.each(CHECKS.filter((c) => c.broken).map((c) => [c.name]))('fails when %s', (name) => {
    expect(results.get(name)?.passed).toBe(false);
  });

  it('plots the alert signals on their panels', () => {
    const signal = (id: string) => alerts.find((a) => a.id === `${service.id}-${id}`)?.signal;
    expect(panel('errorRatio')).toBe(signal('error-ratio'));
    expect(panel('latency', 'B')).toBe(signal('latency-p95'));
    expect(panel('cacheHitRatio')).toBe(signal('cache-hit-ratio'));
    expect(panel('memory', 'B')).toBe(signal('memory'));
    expect(panel('mongodbPool', 'B')).toBe(signal('mongodb-pool'));
    expect(panel('scrapeHealth', 'B')).toBe(signal('metrics-absent'));
  });
});
