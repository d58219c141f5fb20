/**
 * Datadog for the seed's service on the real configuration: what makes it see real
 * users (probes excluded, the traffic guard judged over the window, a composite that
 * pages) and what makes missing telemetry an alert. Pinned to the seed's numbers; the
 * estate-wide checks are in datadog.test.ts.
 */
import { buildAlertCatalog, rulesOf } from '../../catalog/alerts';
import { ESG_SCRAPER_API, SERVICES, SYNTHETICS_USER_AGENT } from '../../catalog/services';
import { buildSloCatalog } from '../../catalog/slos';
import { ENVIRONMENTS } from '../../config/environments';
import { COMPOSITE_PART_TAG } from '../../catalog/datadog-tags';
import { isSeedAlert } from '../support/estates';
import { resourcesOf, synthOf } from '../support/synth';

const ENVS = ['staging', 'production'] as const;
type Env = (typeof ENVS)[number];

const monitorsOf = (env: Env) => resourcesOf(synthOf(env), 'datadog_monitor').map(([, m]) => m);
/** The seed's monitors and Grafana's (by their `service:` tag), whatever other services the catalog holds. */
const SEED_TAGS = [`service:${ESG_SCRAPER_API.id}`, 'service:grafana'];
const seedMonitorsOf = (env: Env) => monitorsOf(env).filter((m) => SEED_TAGS.some((t) => (m.tags as string[]).includes(t)));
/** Users' requests of the service in production: probes excluded. */
const USER_SCOPE = '{service:esg-scraper-api,env:production,!resource_name:get_/health,!resource_name:get_/health/detailed,!resource_name:probe_*}';
const alertsOf = (env: Env) => buildAlertCatalog(SERVICES, ENVIRONMENTS[env]).filter((a) => a.datadog);
/** Every Datadog alert of the seed's service: the seed's own and any the catalog has added since. */
const serviceAlertsOf = (env: Env) => alertsOf(env).filter((a) => a.serviceId === ESG_SCRAPER_API.id);

describe('Datadog monitors', () => {
  it.each(ENVS)('renders each severity of an alert with a Datadog signal, a guarded one as a composite, and three burn-rate alerts per SLO (%s)', (env) => {
    const monitors = seedMonitorsOf(env);
    const rules = serviceAlertsOf(env).flatMap(rulesOf);
    expect(rules.filter((r) => isSeedAlert(r.alert.id)).map((r) => `${r.alert.id} ${r.severity}`)).toEqual(
      ['esg-scraper-api-error-ratio critical', 'esg-scraper-api-latency-p95 warning']);
    const byType = (type: string) => monitors.filter((m) => m.type === type);
    const names = (type: string) => byType(type).map((m) => m.name).sort();
    // The seed's: error ratio as condition and traffic; p95 latency; the APM data monitor.
    expect(names('query alert')).toEqual(expect.arrayContaining([
      'ESG Scraper API (' + env + '): no APM data (critical)',
      `ESG Scraper API: 5xx error ratio high (${env}, critical): condition`,
      `ESG Scraper API: 5xx error ratio high (${env}, critical): enough traffic`,
      `ESG Scraper API: p95 latency above target (${env}, warning)`,
    ]));
    // Every rule: one monitor, or a condition and a traffic guard under a composite.
    const nameOf = (r: (typeof rules)[number]) => `${r.alert.title} (${env}, ${r.severity})`;
    const guarded = rules.filter((r) => r.alert.datadog!.guard);
    expect(names('query alert')).toEqual([
      `ESG Scraper API (${env}): no APM data (critical)`,
      ...rules.flatMap((r) => (r.alert.datadog!.guard ? [`${nameOf(r)}: condition`, `${nameOf(r)}: enough traffic`] : [nameOf(r)])),
    ].sort());
    expect(names('composite')).toEqual(guarded.map(nameOf).sort());
    expect(guarded.map((r) => r.alert.id)).toContain('esg-scraper-api-error-ratio');
    const slos = buildSloCatalog([ESG_SCRAPER_API], ENVIRONMENTS[env]).length;
    expect(byType('slo alert')).toHaveLength(slos * 3);
    expect(byType('event-v2 alert')).toHaveLength(1);
    expect(monitors).toHaveLength(1 + rules.length + 2 * guarded.length + slos * 3 + 1);
  });

  it.each(ENVS)('watches no runtime.python.* metric: ddtrace sends those over DogStatsD (UDP), which cannot reach the Agent (%s)', (env) => {
    const queries = monitorsOf(env).map((m) => m.query).join('\n');
    expect(queries).not.toMatch(/runtime\./);
    const dashboard = resourcesOf(synthOf(env), 'datadog_dashboard_json')[0][1].dashboard;
    expect(dashboard).not.toMatch(/runtime\./);
  });

  it('pages on the error ratio only through a composite of the condition and the traffic guard, over the same window', () => {
    const monitors = resourcesOf(synthOf('production'), 'datadog_monitor').filter(([, m]) => (m.tags as string[]).includes(SEED_TAGS[0]));
    const [[compositeName, composite], ...others] = monitors.filter(([, m]) => m.type === 'composite');
    expect(others).toEqual([]);
    const ref = (suffix: string) => {
      const [[name]] = monitors.filter(([, m]) => m.name === `${composite.name}: ${suffix}`);
      return `\${datadog_monitor.${name}.id}`;
    };
    expect(compositeName).toMatch(/^datadog-composite-esg-scraper-api-error-ratio-critical/);
    expect(composite.query).toBe(`${ref('condition')} && ${ref('enough traffic')}`);
    expect(composite.message).toMatch(/\n\nNotify: @pagerduty-esg-scraper-api-production @slack-alerts$/);
    expect(composite.priority).toBe('1');
    const parts = monitors.filter(([, m]) => (m.tags as string[]).includes(COMPOSITE_PART_TAG)).map(([, m]) => m);
    expect(parts).toHaveLength(2);
    for (const part of parts) {
      expect(part.query.startsWith('sum(last_5m):')).toBe(true);
      expect(part.query).toContain(USER_SCOPE);
      expect(part.message).not.toContain('@');
    }
  });

  it('treats no user requests as nothing to judge, but missing APM data as an outage of the Agent or tracer', () => {
    for (const alert of alertsOf('production')) {
      expect(alert.noDataState).toBe('OK');
    }
    for (const monitor of monitorsOf('production').filter((m) => m.type === 'query alert' && m.query.includes('!resource_name'))) {
      expect({ name: monitor.name, on_missing_data: monitor.on_missing_data }).toEqual({ name: monitor.name, on_missing_data: 'resolve' });
    }
    // Every request counts here, probes included: the synthetic tests call the API every minute.
    const [apm] = monitorsOf('production').filter((m) => m.name === 'ESG Scraper API (production): no APM data (critical)');
    expect(apm.query).toBe('sum(last_10m):sum:trace.fastapi.request.hits{service:esg-scraper-api,env:production}.as_count() < 1');
    expect(apm).toMatchObject({ notify_no_data: true, no_data_timeframe: 20, priority: '1' });
    expect(apm.message).toMatch(/\n\nNotify: @pagerduty-esg-scraper-api-production @slack-alerts$/);
    expect(Math.min(...resourcesOf(synthOf('production'), 'datadog_synthetics_test')
      .filter(([, t]) => t.request_definition.url.startsWith(ESG_SCRAPER_API.baseUrls.production))
      .map(([, t]) => t.options_list.tick_every))).toBeLessThanOrEqual(60);
  });

});


/**
 * Datadog's evaluation of the error-ratio composite on per-minute counts: the condition
 * `sum(last_5m):errors.as_count() / hits.as_count() > t` takes Datadog's as_count path, each count summed
 * over the window before the division (monitors/guide/as-count-in-monitor-evaluations), and the guard
 * `sum(last_5m):hits.as_count() >= floor` judges the window's total; the composite alerts when both do.
 */
const errorRatioPart = (suffix: string) => monitorsOf('production')
  .find((m) => m.name === `ESG Scraper API: 5xx error ratio high (production, critical): ${suffix}`)!.query;
/** The threshold of production's synthesized condition monitor. */
const errorRatioThreshold = () => Number(/ > ([\d.]+)$/.exec(errorRatioPart('condition'))![1]);

function errorRatioAlerts(errors: number[], hits: number[]): boolean {
  const part = errorRatioPart;
  const condition = /^sum\(last_5m\):sum:\S+\.as_count\(\) \/ sum:\S+\.as_count\(\) > ([\d.]+)$/.exec(part('condition'));
  const guard = /^sum\(last_5m\):sum:\S+\.as_count\(\) >= (\d+)$/.exec(part('enough traffic'));
  expect([condition, guard]).toEqual([expect.anything(), expect.anything()]);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return sum(errors) / sum(hits) > Number(condition![1]) && sum(hits) >= Number(guard![1]);
}

describe('the error-ratio traffic guard', () => {
  it('does not alert on 1 failure out of 3 requests, whether they come in one minute or several', () => {
    expect(errorRatioAlerts([1, 0, 0, 0, 0], [3, 0, 0, 0, 0])).toBe(false);
    expect(errorRatioAlerts([1, 0, 0, 0, 0], [1, 1, 1, 0, 0])).toBe(false);
  });

  it('judges the window\'s total: 20 requests spread thinly over five minutes are enough traffic', () => {
    // A per-point clamp_min(hits, 20) would divide by 100 here and report 4%, under the 5% threshold.
    expect(errorRatioAlerts([2, 0, 0, 0, 0], [4, 4, 4, 4, 4])).toBe(true);
    expect(errorRatioAlerts([2, 0, 0, 0, 0], [4, 4, 4, 4, 3])).toBe(false); // 19 requests: too few to judge
  });

  it('alerts on twice the threshold at 20 requests a minute and stays quiet under it (10% and 4% for the seed\'s 5%)', () => {
    // 100 requests in the window: n errors are n%. Whatever production's threshold, within 1%.
    const errorsOf = (percent: number) => [Math.round(percent), 0, 0, 0, 0];
    const threshold = errorRatioThreshold() * 100;
    expect(errorRatioAlerts(errorsOf(Math.min(2 * threshold, 100)), [20, 20, 20, 20, 20])).toBe(true);
    expect(errorRatioAlerts(errorsOf(Math.ceil(threshold) - 1), [20, 20, 20, 20, 20])).toBe(false);
  });
});


describe('synthetic API tests', () => {
  it.each(ENVS)('marks every request as a probe: a User-Agent the service lists in probeUserAgents, or one of its health routes (%s)', (env) => {
    const tests = resourcesOf(synthOf(env), 'datadog_synthetics_test').map(([, t]) => t);
    // The seed's two (GET /health/detailed, POST /analyze), Grafana's, and each further service's health test.
    expect(tests).toHaveLength(3 + (SERVICES.length - 1));
    for (const test of tests) {
      const agent: string = test.request_headers['User-Agent'];
      expect(agent).toBe(SYNTHETICS_USER_AGENT);
      const service = SERVICES.find((s) => (test.tags as string[]).includes(`service:${s.id}`));
      if (!service) {
        expect(test.tags).toContain('service:grafana'); // Grafana is not a catalog service and counts no users
        continue;
      }
      const path = new URL(test.request_definition.url).pathname;
      const excluded = [service.healthPath, service.detailedHealthPath].includes(path)
        || (service.probeUserAgents ?? []).some((prefix) => agent.startsWith(prefix));
      expect({ test: test.name, excludedFromUsers: excluded }).toEqual({ test: test.name, excludedFromUsers: true });
    }
    const seedTests = tests.filter((t) => (t.tags as string[]).includes(SEED_TAGS[0]));
    expect(seedTests).toHaveLength(2);
    for (const test of seedTests) expect((ESG_SCRAPER_API.probeUserAgents ?? []).some((p) => test.request_headers['User-Agent'].startsWith(p))).toBe(true);
  });

});
