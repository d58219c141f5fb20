import { App, Testing } from 'cdktf';
import { buildAlertCatalog, guardedQuery } from '../../catalog/alerts';
import {
  checkPrometheusBurnRateAlerts, datadogBurnRateAlerts, errorBudget, leLabel, minimumRequests, prometheusBurnRateAlerts,
  requestDurationBuckets, workbookBurnRateAlerts,
} from '../../catalog/burn-rates';
import { userRequestSelector } from '../../catalog/queries';
import { ESG_SCRAPER_API, ServiceDefinition, SERVICES } from '../../catalog/services';
import { buildSloCatalog, SloDefinition } from '../../catalog/slos';
import { ENVIRONMENTS } from '../../config/environments';
import { ConfigError, Problems } from '../../config/validate';
import { MonitoringStack } from '../../stacks/monitoring-stack';

const production = ENVIRONMENTS.production;
const slos = buildSloCatalog(SERVICES, production);
const availability = slos.find((s) => s.id === 'esg-scraper-api-availability')!;

describe('burn rates from the workbook', () => {
  it('scales the 30-day steps by share × period / long window: 7 days keeps only the rates of 1 or more', () => {
    expect(workbookBurnRateAlerts('7d').map((a) => [a.burnRate, a.longWindow, a.shortWindow, a.severity])).toEqual([
      [3.36, '1h', '5m', 'critical'],
      [1.4, '6h', '30m', 'critical'],
    ]);
    expect(workbookBurnRateAlerts('90d').map((a) => a.burnRate)).toEqual([43.2, 18, 9, 3]);
  });

  it('leaves the 3-day ticket out of Datadog, whose long window ends at 48h', () => {
    expect(availability.burnRateAlerts.map((a) => a.longWindow)).toEqual(['1h', '6h', '24h', '3d']);
    expect(datadogBurnRateAlerts(availability).map((a) => a.longWindow)).toEqual(['1h', '6h', '24h']);
  });

  it('writes bucket boundaries as prometheus_client does', () => {
    expect([2, 0.25, 10, 0.005].map(leLabel)).toEqual(['2.0', '0.25', '10.0', '0.005']);
  });

  it('guards each window with as many requests as it takes for one bad request alone to stay at or under the threshold', () => {
    expect(minimumRequests(14.4, errorBudget(99.9))).toBe(70); // 1 / 70 = 1.43% <= 1.44%
    expect(minimumRequests(6, errorBudget(99.9))).toBe(167);
    expect(minimumRequests(1, errorBudget(99.9))).toBe(1000);
    expect(minimumRequests(14.4, errorBudget(99))).toBe(7);
    // One failure in 69 requests would breach 14.4 x 0.1%, in 70 it does not.
    expect(1 / 69).toBeGreaterThan(14.4 * 0.001);
    expect(1 / 70).toBeLessThanOrEqual(14.4 * 0.001);
  });
});

describe('Grafana burn-rate rules', () => {
  const alerts = prometheusBurnRateAlerts(slos, ESG_SCRAPER_API, production);

  it('renders one rule per burn-rate alert of the availability and latency SLOs, severities from the SLO', () => {
    expect(alerts.map((a) => [a.id, a.thresholds])).toEqual([
      ['esg-scraper-api-errors-burn-1h', { critical: 14.4 }],
      ['esg-scraper-api-errors-burn-6h', { critical: 6 }],
      ['esg-scraper-api-errors-burn-24h', { warning: 3 }],
      ['esg-scraper-api-errors-burn-3d', { warning: 1 }],
      ['esg-scraper-api-slow-burn-1h', { critical: 14.4 }],
      ['esg-scraper-api-slow-burn-6h', { critical: 6 }],
      ['esg-scraper-api-slow-burn-24h', { warning: 3 }],
      ['esg-scraper-api-slow-burn-3d', { warning: 1 }],
    ]);
  });

  it('states the 1h availability rule on the raw request counter: long window, short window, traffic guard', () => {
    const [fast] = alerts;
    const requests = `esg_api_requests_total{${userRequestSelector(ESG_SCRAPER_API)}`;
    const ratio = (w: string) => `(sum(rate(${requests},status=~"5.."}[${w}])) or vector(0)) / sum(rate(${requests}}[${w}]))`;
    expect(guardedQuery(fast)).toBe(
      `((${ratio('1h')}) / 0.001) and on() (((${ratio('5m')}) / 0.001 > 14.4) and on() (sum(increase(${requests}}[1h])) >= 70))`);
    expect([fast.comparison, fast.pendingFor, fast.noDataState]).toEqual(['>', '0s', 'OK']);
  });

  it('counts slow requests at the latency target\'s bucket, against the +Inf bucket', () => {
    const slow = alerts.find((a) => a.id === 'esg-scraper-api-slow-burn-1h')!;
    const buckets = `esg_api_request_duration_seconds_bucket{${userRequestSelector(ESG_SCRAPER_API)}`;
    expect(slow.signal).toBe(
      `(1 - sum(rate(${buckets},le="2.0"}[1h])) / sum(rate(${buckets},le="+Inf"}[1h]))) / 0.01`);
    expect(slow.guard).toContain(`sum(increase(${buckets},le="+Inf"}[1h])) >= 7`);
  });

  it('fails when the latency target is not a bucket boundary, naming the SLO, the buckets and the fix', () => {
    const service: ServiceDefinition = { ...ESG_SCRAPER_API, latencyTargetSeconds: 1.5 };
    let error: unknown;
    try {
      buildSloCatalog([service], production);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('slo "esg-scraper-api-latency".prometheus.thresholdSeconds: got 1.5; expected a bucket boundary of ' +
      'esg_api_request_duration_seconds (0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10)');
    expect(message).toContain('add 1.5 to requestDurationBuckets in catalog/services.ts');
  });

  it('fails when a rule uid would exceed Grafana\'s 40 characters', () => {
    const service: ServiceDefinition = { ...ESG_SCRAPER_API, id: 'a-service-id-of-20ch' };
    expect(() => buildSloCatalog([service], production))
      .toThrow('alert "a-service-id-of-20ch-errors-burn-1h" Grafana rule uid: got "a-service-id-of-20ch-errors-burn-1h-critical"');
  });

  it('accepts a 16-character service id (the README\'s limit)', () => {
    expect(() => buildSloCatalog([{ ...ESG_SCRAPER_API, id: 'sixteen-chars-id' }], production)).not.toThrow();
  });
});

describe('one SLO definition, both vendors', () => {
  /** Synthesizes production with the given SLOs; the Grafana burn-rate rules and the Datadog SLO resources. */
  function render(withSlos: SloDefinition[]) {
    const app = new App();
    const stack = new MonitoringStack(app, { env: production, services: SERVICES, alerts: buildAlertCatalog(SERVICES, production), slos: withSlos });
    const json = JSON.parse(Testing.synth(stack)) as { resource: Record<string, Record<string, any>> };
    // The seed's rules only: another service's SLOs are not the ones changed here.
    const rules = Object.values(json.resource.grafana_rule_group).flatMap((g) => g.rule as { uid: string; data: { model: string }[] }[]);
    const grafana = rules.filter((r) => r.uid.startsWith(`${ESG_SCRAPER_API.id}-errors-burn-`))
      .map((r) => [r.uid, JSON.parse(r.data[0].model).expr as string]);
    const monitors = Object.values(json.resource.datadog_monitor).filter((m) => m.type === 'slo alert')
      .filter((m) => m.tags.includes('slo:esg-scraper-api-availability'));
    const slo = Object.values(json.resource.datadog_service_level_objective)
      .find((s) => s.name.startsWith('ESG Scraper API availability'))!;
    return { grafana, monitors, slo };
  }
  const withAvailability = (change: Partial<SloDefinition>) => slos.map((s) => (s === availability ? { ...s, ...change } : s));

  it('changes the Grafana thresholds and the Datadog SLO and alerts when the target changes', () => {
    const before = render(slos);
    const after = render(withAvailability({ objectives: [{ timeframe: '30d', target: 99.5 }] }));
    expect(before.grafana.map(([, expr]) => expr.includes(') / 0.001')).every(Boolean)).toBe(true);
    expect(after.grafana.map(([, expr]) => expr.includes(') / 0.005')).every(Boolean)).toBe(true);
    expect(after.grafana).toHaveLength(4);
    // 1h: one failure alone must stay under 14.4 x 0.5%: 14 requests instead of 70.
    expect(after.grafana[0][1]).toContain('[1h])) >= 14)');
    expect(before.slo.thresholds.map((t: { target: number }) => t.target)).toEqual([99.9]);
    expect(after.slo.thresholds.map((t: { target: number }) => t.target)).toEqual([99.5]);
    expect(after.monitors).toHaveLength(3);
    for (const m of after.monitors) expect(m.message).toContain('(99.5% over 30d)');
  });

  it('changes the rules of both vendors when the list of burn-rate alerts changes', () => {
    const fastOnly = availability.burnRateAlerts.filter((a) => a.longWindow === '1h').map((a) => ({ ...a, burnRate: 10 }));
    const after = render(withAvailability({ burnRateAlerts: fastOnly }));
    expect(after.grafana.map(([uid]) => uid)).toEqual(['esg-scraper-api-errors-burn-1h-critical']);
    expect(after.grafana[0][1]).toContain('/ 0.001 > 10)');
    expect(after.monitors.map((m) => m.query)).toEqual([expect.stringMatching(/long_window\("1h"\)\.short_window\("5m"\) > 10$/)]);
  });
});

describe('burn-rate rules at their edges', () => {
  const alerts = prometheusBurnRateAlerts(slos, ESG_SCRAPER_API, production);
  const latency = slos.find((s) => s.id === 'esg-scraper-api-latency')!;

  it('keeps a 48-hour long window for Datadog and leaves out a longer one', () => {
    const withWindows = (...windows: string[]) => ({ ...availability, burnRateAlerts: windows.map((longWindow) => ({ ...availability.burnRateAlerts[0], longWindow })) });
    expect(datadogBurnRateAlerts(withWindows('47h', '48h', '49h', '2d', '3d')).map((a) => a.longWindow)).toEqual(['47h', '48h', '2d']);
  });

  it('reads prometheus_client\'s default buckets for a service that declares none', () => {
    const defaults = { ...ESG_SCRAPER_API, requestDurationBuckets: undefined };
    expect(requestDurationBuckets(defaults)).toEqual([0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10]);
    expect(() => buildSloCatalog([{ ...defaults, latencyTargetSeconds: 2.5 }], production)).not.toThrow();
    expect(() => buildSloCatalog([{ ...defaults, latencyTargetSeconds: 2 }], production)).toThrow('got 2; expected a bucket boundary');
  });

  it('measures each rule against the objective of its own timeframe when the SLO has several', () => {
    // 7d first: a rule over 30d that took the first objective would divide by 0.01, not 0.001.
    const twoTimeframes = { ...availability, objectives: [{ timeframe: '7d' as const, target: 99 }, ...availability.objectives] };
    const [fast] = prometheusBurnRateAlerts([twoTimeframes], ESG_SCRAPER_API, production);
    expect(fast.signal).toMatch(/\) \/ 0\.001$/);
    expect(fast.summary).toContain('(99.9% over 30d)');
  });

  it('computes the error budget as the share the target leaves', () => {
    expect([99.9, 99, 95, 99.95].map(errorBudget)).toEqual([0.001, 0.01, 0.05, 0.0005]);
  });

  it('titles and summarizes each rule with its rates, windows, target and the days until the budget is gone', () => {
    const [, sixHours] = alerts;
    expect(sixHours.title).toBe('ESG Scraper API availability: error budget burning 6x over 6h and 30m');
    expect(sixHours.summary).toBe('ESG Scraper API availability (99.9% over 30d): requests failing with a 5xx status burn the error ' +
      'budget 6 times too fast over both the last 6h and 30m; at this pace the 30d budget is gone in 5 days.');
    const slow = alerts.find((a) => a.id === 'esg-scraper-api-slow-burn-1h')!;
    expect(slow.summary).toBe('ESG Scraper API latency (99% over 30d): requests slower than 2s burn the error budget 14.4 times too ' +
      'fast over both the last 1h and 5m; at this pace the 30d budget is gone in 2.083333333 days.');
  });

  it('links each rule to the service dashboard\'s panel of its SLI, in the environment\'s organization', () => {
    const staging = prometheusBurnRateAlerts(buildSloCatalog(SERVICES, ENVIRONMENTS.staging), ESG_SCRAPER_API, ENVIRONMENTS.staging);
    expect(new Set(staging.map((a) => `${a.id.includes('-errors-') ? 'errors' : 'slow'} ${a.panel} ${a.dashboardUrl}`))).toEqual(new Set([
      'errors errorRatio https://monitoring.blueprintbuddy.io/grafana/d/esg-scraper-api-service?orgId=2',
      'slow latency https://monitoring.blueprintbuddy.io/grafana/d/esg-scraper-api-service?orgId=2',
    ]));
    expect(staging.every((a) => a.dashboardUid === 'esg-scraper-api-service')).toBe(true);
  });

  it('owns, routes and treats missing data like the SLO: the team, the runbook, a count, OK on no data, Error on a failing query', () => {
    for (const a of alerts) {
      const slo = a.id.includes('-errors-') ? availability : latency;
      expect([a.serviceId, a.team, a.runbookUrl, a.unit, a.noDataState, a.execErrState])
        .toEqual([ESG_SCRAPER_API.id, slo.team, slo.runbookUrl, 'count', 'OK', 'Error']);
    }
  });

  it('renders no rule for an SLO without a Prometheus SLI, nor for another service\'s SLO', () => {
    const datadogOnly = { ...availability, prometheus: undefined };
    expect(prometheusBurnRateAlerts([datadogOnly], ESG_SCRAPER_API, production)).toEqual([]);
    expect(prometheusBurnRateAlerts(slos, { ...ESG_SCRAPER_API, id: 'billing' }, production)).toEqual([]);
  });

  it('fails when a burn-rate expression does not parse, naming the rule, the field and the file to correct', () => {
    const problems = new Problems();
    checkPrometheusBurnRateAlerts([{ ...alerts[0], signal: 'sum(', guard: 'up' }, { ...alerts[1], guard: 'rate(x[5m]' }], problems);
    expect(() => problems.throwIfAny()).toThrow(ConfigError);
    let messages: readonly string[] = [];
    try {
      problems.throwIfAny();
    } catch (e) {
      messages = (e as ConfigError).problems;
    }
    expect(messages).toEqual([
      expect.stringMatching(/^alert "esg-scraper-api-errors-burn-1h"\.signal: got "sum\("; expected PromQL that parses \(.+\)\. Fix: correct catalog\/burn-rates\.ts$/),
      expect.stringMatching(/^alert "esg-scraper-api-errors-burn-6h"\.guard: got "rate\(x\[5m\]"; expected PromQL that parses/),
    ]);
  });

  it('fails when a rule uid would exceed 40 characters, naming its length and the fix', () => {
    const problems = new Problems();
    checkPrometheusBurnRateAlerts([{ ...alerts[0], id: 'x'.repeat(32) }], problems);
    expect(() => problems.throwIfAny()).toThrow(`alert "${'x'.repeat(32)}" Grafana rule uid: got "${'x'.repeat(32)}-critical"; ` +
      "expected at most 40 characters (Grafana's limit for uids); it has 41. Fix: shorten the service id in catalog/services.ts");
  });
});
