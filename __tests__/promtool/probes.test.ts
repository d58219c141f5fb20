/**
 * Probes are not users, proved on Prometheus itself: the catalog's own error-ratio
 * signal, traffic guard and p95 latency (the strings Grafana evaluates) over series that mix users'
 * requests with health checks, uptime checks and synthetic tests, labelled as the
 * metrics contract says (catalog/services.ts: `endpoint` is the route template, `probe`
 * "true" for a request with a probe's User-Agent). The same cases run on copies of the
 * expressions that count the whole job, as the stack did before, and must fail there.
 */
import { AlertDefinition, alertingExpression, buildAlertCatalog, rulesOf } from '../../catalog/alerts';
import { jobSelector, userRequestSelector } from '../../catalog/queries';
import { ESG_SCRAPER_API, SERVICES } from '../../catalog/services';
import { ENVIRONMENTS } from '../../config/environments';
import { InputSeries, PromAlertingRule, PromtoolCase, PromtoolResult, runPromtool } from '../support/promtool';

const service = ESG_SCRAPER_API;
const catalog = buildAlertCatalog(SERVICES, ENVIRONMENTS.production);
const errorRatio = catalog.find((a) => a.id === `${service.id}-error-ratio`)!;
const latency = catalog.find((a) => a.id === `${service.id}-latency-p95`)!;
const MINUTES = 30;

/** A counter rising by `perMinute` requests every minute. */
function requests(endpoint: string, status: string, perMinute: number, probe: 'true' | 'false' = 'false'): InputSeries {
  return {
    series: `${service.metricPrefix}_requests_total{job="${service.id}",instance="a",endpoint="${endpoint}",probe="${probe}",status="${status}"}`,
    values: `0+${perMinute}x${MINUTES}`,
  };
}

/** Health checks, uptime checks and the synthetic POST /analyze, all failing. */
const failingProbes = [
  requests(service.healthPath, '503', 60),
  requests(service.detailedHealthPath, '503', 30),
  requests('/analyze', '500', 5, 'true'),
];
/** The same probes, all succeeding. */
const succeedingProbes = [
  requests(service.healthPath, '200', 600),
  requests(service.detailedHealthPath, '200', 300),
  requests('/analyze', '200', 50, 'true'),
];

/**
 * Requests in one histogram series: `count` per minute, all in the bucket just above
 * `seconds`, with the matching request counter.
 */
function timed(endpoint: string, seconds: number, count: number, probe: 'true' | 'false' = 'false'): InputSeries[] {
  const t = service.latencyTargetSeconds;
  const labels = `job="${service.id}",instance="a",endpoint="${endpoint}",probe="${probe}"`;
  return [...[t / 2, t, 2 * t, 4 * t].map((le) => ({
    series: `${service.metricPrefix}_request_duration_seconds_bucket{${labels},le="${le}"}`,
    values: `0+${seconds <= le ? count : 0}x${MINUTES}`,
  })), { series: `${service.metricPrefix}_request_duration_seconds_bucket{${labels},le="+Inf"}`, values: `0+${count}x${MINUTES}` },
  requests(endpoint, '200', count, probe)];
}

/** Rules that fire exactly when a claim holds, built from one version of the catalog's expressions. */
function claimRules(alert: AlertDefinition, p95: AlertDefinition): PromAlertingRule[] {
  const rule = (name: string, expr: string): PromAlertingRule => ({ alert: name, expr, for: '0m', labels: {} });
  return [
    rule('UserErrorRatioIsZero', `(${alert.signal}) == 0`),
    rule('UserErrorRatioIsOneTenth', `(${alert.signal}) == 0.1`),
    rule('TrafficGuardHolds', alert.guard!),
    rule('ErrorRatioAlertFires', alertingExpression(rulesOf(alert)[0])),
    rule('LatencyAlertFires', alertingExpression(rulesOf(p95)[0])),
  ];
}

interface Claim {
  readonly title: string;
  readonly series: readonly InputSeries[];
  /** Alert names of `claimRules` that fire at the end; the others must not. */
  readonly firing: readonly string[];
}

const CLAIMS: Claim[] = [
  {
    title: 'failing probes leave the user error ratio at 0 and page nobody',
    series: [requests('/analyze', '200', 100), ...failingProbes],
    firing: ['UserErrorRatioIsZero', 'TrafficGuardHolds'],
  },
  {
    title: 'at 10% user errors, successful probes beside them leave the ratio at exactly 0.1',
    series: [requests('/analyze', '200', 90), requests('/analyze', '500', 10), ...succeedingProbes],
    firing: ['UserErrorRatioIsOneTenth', 'TrafficGuardHolds', 'ErrorRatioAlertFires'],
  },
  {
    title: 'probes alone, however many, never satisfy the traffic guard',
    series: [...succeedingProbes, ...failingProbes],
    firing: [],
  },
  {
    title: 'fast probes beside slow users leave p95 at the users\' and the latency alert fires',
    series: [...timed('/analyze', 3 * service.latencyTargetSeconds, 10),
      ...timed(service.healthPath, 0.01, 600), ...timed('/analyze', 0.01, 100, 'true')],
    firing: ['UserErrorRatioIsZero', 'TrafficGuardHolds', 'LatencyAlertFires'],
  },
];

const RULE_NAMES = ['UserErrorRatioIsZero', 'UserErrorRatioIsOneTenth', 'TrafficGuardHolds', 'ErrorRatioAlertFires', 'LatencyAlertFires'];

/** An alert as it would be if it counted the whole job, probes included. */
const wholeJob = (alert: AlertDefinition): AlertDefinition => ({
  ...alert,
  signal: alert.signal.split(userRequestSelector(service)).join(jobSelector(service)),
  guard: alert.guard!.split(userRequestSelector(service)).join(jobSelector(service)),
});

function casesFor(ruleFile: string): PromtoolCase[] {
  return CLAIMS.map((claim) => ({
    name: `${ruleFile}: ${claim.title}`,
    ruleFile,
    series: claim.series,
    checks: RULE_NAMES.map((alertname) => ({
      evalTime: `${MINUTES}m`,
      alertname,
      // One alert without labels (each rule aggregates to a single sample), or none.
      firing: claim.firing.includes(alertname) ? [{}] : [],
    })),
  }));
}

let results: Map<string, PromtoolResult>;

beforeAll(() => {
  results = runPromtool({
    ruleFiles: { catalog: claimRules(errorRatio, latency), 'whole job': claimRules(wholeJob(errorRatio), wholeJob(latency)) },
    cases: [...casesFor('catalog'), ...casesFor('whole job')],
  });
});

describe('probes are not users (promtool, the catalog\'s own error ratio and guard)', () => {
  it('builds the signals and the guards on the user selector', () => {
    for (const alert of [errorRatio, latency]) {
      expect(alert.signal).toContain(userRequestSelector(service));
      expect(alert.guard).toContain(userRequestSelector(service));
      expect(wholeJob(alert).signal).not.toContain('endpoint');
    }
  });

  it.each(CLAIMS.map((c) => c.title))('%s', (title) => {
    const result = results.get(`catalog: ${title}`)!;
    expect({ title, passed: result.passed, output: result.output }).toEqual({ title, passed: true, output: 'SUCCESS' });
  });

  it.each(CLAIMS.map((c) => c.title))('fails when the whole job counts: %s', (title) => {
    const result = results.get(`whole job: ${title}`)!;
    expect({ title, passed: result.passed }).toEqual({ title, passed: false });
  });
});
