import { App, Testing } from 'cdktf';
import { buildAlertCatalog, guardedQuery } from '../../catalog/alerts';
import {
  datadogBurnRateAlerts, errorBudget, leLabel, minimumRequests, prometheusBurnRateAlerts, workbookBurnRateAlerts,
} from '../../catalog/burn-rates';
import { userRequestSelector } from '../../catalog/queries';
import { ESG_SCRAPER_API, ServiceDefinition, SERVICES } from '../../catalog/services';
import { buildSloCatalog, SloDefinition } from '../../catalog/slos';
import { ENVIRONMENTS } from '../../config/environments';
import { ConfigError } from '../../config/validate';
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
    const group = Object.values(json.resource.grafana_rule_group)[0] as { rule: { uid: string; data: { model: string }[] }[] };
    const grafana = group.rule.filter((r) => r.uid.includes('-errors-burn-'))
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
