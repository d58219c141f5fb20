import { AlertDefinition, buildAlertCatalog, rulesOf } from '../../catalog/alerts';
import { ESG_SCRAPER_API, SERVICES, SYNTHETICS_USER_AGENT } from '../../catalog/services';
import { buildSloCatalog, maxBurnRate } from '../../catalog/slos';
import { ENVIRONMENTS } from '../../config/environments';
import { COMPOSITE_PART_TAG } from '../../catalog/datadog-tags';
import { datadogAppUrl, notificationHandles } from '../../stacks/datadog';
import { resourcesOf, synthOf } from '../support/synth';

const ENVS = ['staging', 'production'] as const;
type Env = (typeof ENVS)[number];
type Resource = Record<string, any>;

const PRIORITY = { critical: '1', warning: '3', info: '5' } as const;
/** The comparison and number that end a monitor query. */
const QUERY_THRESHOLD = /\s(>=|<=|>|<)\s(-?\d+(?:\.\d+)?)$/;

const monitorsOf = (env: Env) => resourcesOf(synthOf(env), 'datadog_monitor').map(([, m]) => m);
/** Monitors that notify: all but the parts of a composite, which notify through it. */
const notifyingMonitorsOf = (env: Env) => monitorsOf(env).filter((m) => !(m.tags as string[]).includes(COMPOSITE_PART_TAG));
/** Users' requests of the service in production: probes excluded. */
const USER_SCOPE = '{service:esg-scraper-api,env:production,!resource_name:get_/health,!resource_name:get_/health/detailed,!resource_name:probe_*}';
const tag = (resource: Resource, key: string) =>
  (resource.tags as string[]).find((t) => t.startsWith(`${key}:`))?.slice(key.length + 1);
const alertsOf = (env: Env) => buildAlertCatalog(SERVICES, ENVIRONMENTS[env]).filter((a) => a.datadog);

/** `${<type>.<name>.<attribute>}` of the only resource of a type. */
function refOf(env: Env, type: string, attribute: string): string {
  const resources = resourcesOf(synthOf(env), type);
  expect(resources).toHaveLength(1);
  return `\${${type}.${resources[0][0]}.${attribute}}`;
}

function monitorOfAlert(env: Env, alert: AlertDefinition, severity: string): Resource {
  const found = monitorsOf(env).filter((m) => m.name === `${alert.title} (${env}, ${severity})`);
  expect(found).toHaveLength(1);
  return found[0];
}

function sloNamed(env: Env, name: string): [string, Resource] {
  const found = resourcesOf(synthOf(env), 'datadog_service_level_objective').filter(([, s]) => s.name === name);
  expect(found).toHaveLength(1);
  return found[0];
}

function syntheticNamed(env: Env, name: string): Resource {
  const found = resourcesOf(synthOf(env), 'datadog_synthetics_test').filter(([, t]) => t.name === name);
  expect(found).toHaveLength(1);
  return found[0][1];
}

describe('Datadog resources', () => {
  it.each(ENVS)('are, per service, 2 SLOs, 2 synthetic tests, 1 token variable and 1 dashboard, then Grafana\'s health test; a PagerDuty service object only where it pages (%s)', (env) => {
    const json = synthOf(env);
    const counts = Object.fromEntries(Object.entries(json.resource).filter(([type]) => type.startsWith('datadog_'))
      .map(([type, byName]) => [type, Object.keys(byName).length]));
    expect(counts).toEqual({
      datadog_service_level_objective: 2,
      datadog_synthetics_test: 2 + 1,
      datadog_synthetics_global_variable: 1,
      datadog_dashboard_json: 1,
      // error ratio (condition, traffic, composite), p95 latency, APM data, 2 SLOs x 3 burn rates, the watchdog heartbeat
      datadog_monitor: 3 + 1 + 1 + 2 * 3 + 1,
      ...(ENVIRONMENTS[env].pagesOnCall ? { datadog_integration_pagerduty_service_object: 1 } : {}),
    });
  });
});

describe('Datadog monitors', () => {
  it.each(ENVS)('renders each severity of an alert with a Datadog signal, a guarded one as a composite, and three burn-rate alerts per SLO (%s)', (env) => {
    const monitors = monitorsOf(env);
    const rules = alertsOf(env).flatMap(rulesOf);
    expect(rules.map((r) => `${r.alert.id} ${r.severity}`)).toEqual(
      ['esg-scraper-api-error-ratio critical', 'esg-scraper-api-latency-p95 warning']);
    const byType = (type: string) => monitors.filter((m) => m.type === type);
    // error ratio: condition and traffic; p95 latency; the APM data monitor
    expect(byType('query alert').map((m) => m.name).sort()).toEqual([
      'ESG Scraper API (' + env + '): no APM data (critical)',
      `ESG Scraper API: 5xx error ratio high (${env}, critical): condition`,
      `ESG Scraper API: 5xx error ratio high (${env}, critical): enough traffic`,
      `ESG Scraper API: p95 latency above target (${env}, warning)`,
    ]);
    expect(byType('composite').map((m) => m.name)).toEqual([`ESG Scraper API: 5xx error ratio high (${env}, critical)`]);
    expect(byType('slo alert')).toHaveLength(buildSloCatalog(SERVICES, ENVIRONMENTS[env]).length * 3);
    expect(byType('event-v2 alert')).toHaveLength(1);
    expect(monitors).toHaveLength(4 + 1 + 6 + 1);
  });

  it.each(ENVS)('watches no runtime.python.* metric: ddtrace sends those over DogStatsD (UDP), which cannot reach the Agent (%s)', (env) => {
    const queries = monitorsOf(env).map((m) => m.query).join('\n');
    expect(queries).not.toMatch(/runtime\./);
    const dashboard = resourcesOf(synthOf(env), 'datadog_dashboard_json')[0][1].dashboard;
    expect(dashboard).not.toMatch(/runtime\./);
  });

  it.each(ENVS)('keeps monitor_thresholds.critical equal to the number in every query (%s)', (env) => {
    for (const monitor of monitorsOf(env).filter((m) => m.type !== 'composite')) {
      const match = QUERY_THRESHOLD.exec(monitor.query);
      expect({ query: monitor.query, parsed: match !== null }).toEqual({ query: monitor.query, parsed: true });
      expect(monitor.monitor_thresholds).toEqual({ critical: match![2] });
      expect(Number(monitor.monitor_thresholds.critical)).toBe(Number(match![2]));
    }
  });

  it.each(ENVS)('renders each query from the catalog: <timeAggregation>:<expression> <comparison> <threshold> (%s)', (env) => {
    for (const alert of alertsOf(env)) {
      const signal = alert.datadog!;
      for (const rule of rulesOf(alert)) {
        const query = `${signal.timeAggregation}:${signal.expression} ${alert.comparison} ${rule.threshold}`;
        if (!signal.guard) {
          expect(monitorOfAlert(env, alert, rule.severity).query).toBe(query);
          continue;
        }
        const named = (suffix: string) => monitorsOf(env).filter((m) => m.name === `${alert.title} (${env}, ${rule.severity}): ${suffix}`);
        expect(named('condition').map((m) => m.query)).toEqual([query]);
        expect(named('enough traffic').map((m) => m.query)).toEqual(
          [`${signal.timeAggregation}:${signal.guard.expression} ${signal.guard.comparison} ${signal.guard.threshold}`]);
      }
    }
  });

  it('pages on the error ratio only through a composite of the condition and the traffic guard, over the same window', () => {
    const monitors = resourcesOf(synthOf('production'), 'datadog_monitor');
    const [[compositeName, composite]] = monitors.filter(([, m]) => m.type === 'composite');
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

  it.each(ENVS)('states a missing-data policy on every monitor (%s)', (env) => {
    for (const monitor of monitorsOf(env)) {
      if (monitor.type === 'composite') {
        expect([monitor.on_missing_data, monitor.notify_no_data]).toEqual([undefined, undefined]); // follows its parts
      } else if (monitor.notify_no_data === true) {
        expect(monitor.on_missing_data).toBeUndefined(); // conflicts with notify_no_data
        expect(monitor.no_data_timeframe).toBeGreaterThan(0);
      } else if (monitor.type === 'slo alert') {
        expect({ name: monitor.name, notify_no_data: monitor.notify_no_data }).toEqual({ name: monitor.name, notify_no_data: false });
      } else {
        expect(['resolve', 'show_no_data', 'show_and_notify_no_data', 'default']).toContain(monitor.on_missing_data);
        expect(monitor.notify_no_data).toBeUndefined(); // conflicts with on_missing_data
      }
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

  it.each(ENVS)('gives every monitor a priority string from its severity and env, service, team and severity tags (%s)', (env) => {
    for (const monitor of monitorsOf(env)) {
      const severity = tag(monitor, 'severity') as keyof typeof PRIORITY;
      expect(monitor.priority).toBe(PRIORITY[severity]);
      if (tag(monitor, 'service') === 'grafana') continue; // the watchdog heartbeat watches Grafana, not the API
      expect([tag(monitor, 'env'), tag(monitor, 'service'), tag(monitor, 'team')]).toEqual([env, 'esg-scraper-api', 'platform']);
    }
  });

  it.each(ENVS)('links the runbook and the service\'s Datadog dashboard from every monitor (%s)', (env) => {
    const dashboard = `Dashboard: https://app.datadoghq.com${refOf(env, 'datadog_dashboard_json', 'url')}`;
    for (const alert of alertsOf(env)) {
      for (const rule of rulesOf(alert)) {
        const { message } = monitorOfAlert(env, alert, rule.severity);
        expect(message).toContain(alert.summary);
        expect(message).toContain(`Runbook: ${alert.runbookUrl}`);
        expect(message).toContain(dashboard);
      }
    }
    for (const monitor of monitorsOf(env).filter((m) => m.type === 'slo alert')) {
      expect(monitor.message).toMatch(/Runbook: https:\/\/github\.com\/\S+\/slo-(availability|latency)\.md/);
      expect(monitor.message).toContain(dashboard);
    }
  });
});

/**
 * Datadog's evaluation of the error-ratio composite on per-minute counts: the condition
 * `sum(last_5m):errors.as_count() / hits.as_count() > t` takes Datadog's as_count path, each count summed
 * over the window before the division (monitors/guide/as-count-in-monitor-evaluations), and the guard
 * `sum(last_5m):hits.as_count() >= floor` judges the window's total; the composite alerts when both do.
 */
function errorRatioAlerts(errors: number[], hits: number[]): boolean {
  const monitors = monitorsOf('production');
  const part = (suffix: string) => monitors.find((m) => m.name === `ESG Scraper API: 5xx error ratio high (production, critical): ${suffix}`)!.query;
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

  it('alerts on 10% failures at 20 requests a minute and stays quiet at 4%', () => {
    expect(errorRatioAlerts([2, 2, 2, 2, 2], [20, 20, 20, 20, 20])).toBe(true);
    expect(errorRatioAlerts([1, 1, 1, 1, 0], [20, 20, 20, 20, 20])).toBe(false);
  });
});

describe('routing', () => {
  it('pages nobody in staging: no @pagerduty handle anywhere and no PagerDuty service object', () => {
    const json = synthOf('staging');
    expect(JSON.stringify(json)).not.toContain('@pagerduty');
    expect(resourcesOf(json, 'datadog_integration_pagerduty_service_object')).toHaveLength(0);
    for (const monitor of notifyingMonitorsOf('staging')) expect(monitor.message).toMatch(/\n\nNotify: @slack-alerts$/);
  });

  it('pages production critical alerts through a service object keyed by the Datadog PagerDuty integration', () => {
    const json = synthOf('production');
    const [[, serviceObject]] = resourcesOf(json, 'datadog_integration_pagerduty_service_object');
    const [datadogIntegration] = resourcesOf(json, 'pagerduty_service_integration').filter(([, i]) => i.name === 'Datadog');
    expect(serviceObject.service_key).toBe(`\${pagerduty_service_integration.${datadogIntegration[0]}.integration_key}`);
    expect(serviceObject.service_name).toBe('esg-scraper-api-production');
    const handles = JSON.stringify(json).match(/@pagerduty-[\w.-]+/g) ?? [];
    expect(new Set(handles)).toEqual(new Set([`@pagerduty-${serviceObject.service_name}`]));
  });

  it('sends production critical alerts to PagerDuty and #alerts, warnings to #alerts only', () => {
    const all = [...notifyingMonitorsOf('production'), ...resourcesOf(synthOf('production'), 'datadog_synthetics_test').map(([, t]) => t)];
    for (const resource of all) {
      const expected = tag(resource, 'severity') === 'critical'
        ? 'Notify: @pagerduty-esg-scraper-api-production @slack-alerts'
        : 'Notify: @slack-alerts';
      expect({ name: resource.name, ending: resource.message.split('\n\n').pop() }).toEqual({ name: resource.name, ending: expected });
    }
    // critical: error-ratio composite, APM data, 4 burn-rate pages, watchdog heartbeat, 3 synthetic tests
    expect(all.filter((r) => tag(r, 'severity') === 'critical')).toHaveLength(1 + 1 + 4 + 1 + 3);
    // warning: p95 latency, 2 burn-rate tickets
    expect(all.filter((r) => tag(r, 'severity') === 'warning')).toHaveLength(1 + 2);
  });
});

describe('notificationHandles', () => {
  it('turns each severity\'s destinations into Slack handles where nothing pages', () => {
    expect((['critical', 'warning', 'info'] as const).map((s) => notificationHandles(s, ENVIRONMENTS.staging)))
      .toEqual([['@slack-alerts'], ['@slack-alerts'], ['@slack-monitoring']]);
  });

  it('fails when a severity pages but no PagerDuty service object is given', () => {
    expect(() => notificationHandles('critical', ENVIRONMENTS.production))
      .toThrow('production: critical alerts page, but no Datadog PagerDuty service object was passed. Fix:');
  });
});

describe('SLOs and burn-rate alerts', () => {
  it('declares a 99.9%/30d metric availability SLO and a 99%/30d time-slice latency SLO', () => {
    const [, availability] = sloNamed('production', 'ESG Scraper API availability (production)');
    expect(availability).toMatchObject({ type: 'metric', timeframe: '30d', target_threshold: 99.9,
      thresholds: [{ timeframe: '30d', target: 99.9, warning: 99.95 }] });
    expect(availability.query.denominator).toBe(`sum:trace.fastapi.request.hits${USER_SCOPE}.as_count()`);
    expect(availability.query.numerator).toBe(
      `sum:trace.fastapi.request.hits${USER_SCOPE}.as_count() - sum:trace.fastapi.request.errors${USER_SCOPE}.as_count()`);
    const [, latency] = sloNamed('production', 'ESG Scraper API latency (production)');
    expect(latency).toMatchObject({ type: 'time_slice', timeframe: '30d', target_threshold: 99 });
    expect(latency.sli_specification.time_slice).toMatchObject({ comparator: '<=', threshold: 2, query_interval_seconds: 300 });
  });

  it('alerts on the 99.9% availability SLO at 14.4 (1h/5m) and 6 (6h/30m), paging, and 3 (24h/2h) as a ticket', () => {
    const [name] = sloNamed('production', 'ESG Scraper API availability (production)');
    const id = `\${datadog_service_level_objective.${name}.id}`;
    const alerts = monitorsOf('production').filter((m) => m.type === 'slo alert' && m.query.includes(id))
      .map((m) => [m.query, m.monitor_thresholds.critical, m.priority, tag(m, 'severity')])
      .sort((a, b) => Number(b[1]) - Number(a[1]));
    expect(alerts).toEqual([
      [`burn_rate("${id}").over("30d").long_window("1h").short_window("5m") > 14.4`, '14.4', '1', 'critical'],
      [`burn_rate("${id}").over("30d").long_window("6h").short_window("30m") > 6`, '6', '1', 'critical'],
      [`burn_rate("${id}").over("30d").long_window("24h").short_window("2h") > 3`, '3', '3', 'warning'],
    ]);
  });

  it.each(ENVS)('keeps every burn rate at or below 1 / (1 - target) of the SLO it names, over a timeframe it defines (%s)', (env) => {
    const slos = new Map(resourcesOf(synthOf(env), 'datadog_service_level_objective'));
    for (const monitor of monitorsOf(env).filter((m) => m.type === 'slo alert')) {
      const [, name, over] = /^burn_rate\("\$\{datadog_service_level_objective\.([\w-]+)\.id\}"\)\.over\("(\w+)"\)/.exec(monitor.query)!;
      const objective = slos.get(name)!.thresholds.find((t: Resource) => t.timeframe === over);
      expect(objective).toBeDefined();
      expect(Number(monitor.monitor_thresholds.critical)).toBeLessThanOrEqual(maxBurnRate(objective.target));
    }
  });
});

describe('synthetic API tests', () => {
  it.each(ENVS)('checks GET /health/detailed every minute from two locations: 200, under 2 s, status "healthy" (%s)', (env) => {
    const test = syntheticNamed(env, `ESG Scraper API (${env}): GET /health/detailed`);
    expect(test).toMatchObject({ type: 'api', subtype: 'http', status: 'live' });
    expect(test.request_definition).toEqual({ method: 'GET', url: `${ESG_SCRAPER_API.baseUrls[env]}/health/detailed` });
    expect(test.locations).toEqual(['aws:us-east-1', 'aws:eu-west-1']);
    expect(test.options_list).toMatchObject({ tick_every: 60, monitor_priority: 1, min_location_failed: 2 });
    expect(test.assertion).toEqual([
      { type: 'statusCode', operator: 'is', target: '200' },
      { type: 'responseTime', operator: 'lessThan', target: '2000' },
      { type: 'body', operator: 'validatesJSONPath', targetjsonpath: { jsonpath: '$.status', operator: 'is', targetvalue: 'healthy' } },
    ]);
  });

  it.each(ENVS)('posts the seed\'s analysis to /analyze every 5 minutes with a 30 s timeout and a secret bearer token (%s)', (env) => {
    const test = syntheticNamed(env, `ESG Scraper API (${env}): POST /analyze`);
    const [[variableName, variable]] = resourcesOf(synthOf(env), 'datadog_synthetics_global_variable');
    expect(variable).toMatchObject({ name: `ESG_MONITOR_TOKEN_${env.toUpperCase()}`, secure: true, value: '${var.synthetics_api_token}' });
    expect(synthOf(env).variable?.synthetics_api_token).toMatchObject({ sensitive: true });
    expect(test.request_definition).toMatchObject({ method: 'POST', url: `${ESG_SCRAPER_API.baseUrls[env]}/analyze`, timeout: 30,
      body_type: 'application/json' });
    expect(JSON.parse(test.request_definition.body)).toEqual({ text: 'Test ESG analysis', quick_mode: true });
    expect(test.request_headers).toEqual({
      'Content-Type': 'application/json', 'User-Agent': SYNTHETICS_USER_AGENT, Authorization: `Bearer {{ ${variable.name} }}` });
    expect(test.config_variable).toEqual([
      { type: 'global', name: variable.name, id: `\${datadog_synthetics_global_variable.${variableName}.id}` }]);
    expect(test.options_list).toMatchObject({ tick_every: 300, monitor_priority: 1 });
    expect(test.assertion).toEqual([{ type: 'statusCode', operator: 'is', target: '200' }]);
  });

  it.each(ENVS)('marks every request as a probe: a User-Agent the service lists in probeUserAgents (%s)', (env) => {
    const tests = resourcesOf(synthOf(env), 'datadog_synthetics_test').map(([, t]) => t);
    expect(tests).toHaveLength(3);
    for (const test of tests) {
      const agent: string = test.request_headers['User-Agent'];
      expect((ESG_SCRAPER_API.probeUserAgents ?? []).some((prefix) => agent.startsWith(prefix))).toBe(true);
    }
  });

  it.each(ENVS)('sends nothing but a {{ global variable }} as a bearer token (%s)', (env) => {
    const authorizations = resourcesOf(synthOf(env), 'datadog_synthetics_test')
      .flatMap(([, t]) => Object.entries(t.request_headers ?? {}))
      .filter(([header]) => header.toLowerCase() === 'authorization')
      .map(([, value]) => value);
    expect(authorizations).toEqual([`Bearer {{ ESG_MONITOR_TOKEN_${env.toUpperCase()} }}`]);
    for (const [, variable] of resourcesOf(synthOf(env), 'datadog_synthetics_global_variable')) {
      expect(variable.value).toMatch(/^\$\{var\.[a-z_]+\}$/);
    }
  });
});

describe('the Datadog APM dashboard', () => {
  it.each(ENVS)('graphs each monitored signal with its catalog thresholds, and each SLO (%s)', (env) => {
    const [[, resource]] = resourcesOf(synthOf(env), 'datadog_dashboard_json');
    const dashboard = JSON.parse(resource.dashboard);
    const definitions = dashboard.widgets.map((w: Resource) => w.definition);
    for (const alert of alertsOf(env)) {
      const panel = definitions.find((d: Resource) => d.requests?.[0].q === alert.datadog!.expression);
      expect(panel.markers.map((m: Resource) => m.value)).toEqual(rulesOf(alert).map((r) => `y = ${r.threshold}`));
    }
    const sloIds = resourcesOf(synthOf(env), 'datadog_service_level_objective').map(([name]) => `\${datadog_service_level_objective.${name}.id}`);
    expect(definitions.filter((d: Resource) => d.type === 'slo').map((d: Resource) => d.slo_id).sort()).toEqual(sloIds.sort());
  });

  it.each(ENVS)('lists the dashboard and the SLOs in the stack outputs (%s)', (env) => {
    const outputs = synthOf(env).output ?? {};
    expect(outputs.datadog_dashboard_url.value).toBe(`https://app.datadoghq.com${refOf(env, 'datadog_dashboard_json', 'url')}`);
    const [availability] = sloNamed(env, `ESG Scraper API availability (${env})`);
    expect(outputs.datadog_slo_availability_url.value)
      .toBe(`https://app.datadoghq.com/slo?slo_id=\${datadog_service_level_objective.${availability}.id}`);
    expect(outputs.datadog_slo_latency_url).toBeDefined();
  });

  it.each([
    ['datadoghq.com', 'https://app.datadoghq.com'],
    ['datadoghq.eu', 'https://app.datadoghq.eu'],
    ['us3.datadoghq.com', 'https://us3.datadoghq.com'],
    ['us5.datadoghq.com', 'https://us5.datadoghq.com'],
    ['ap1.datadoghq.com', 'https://ap1.datadoghq.com'],
    ['ddog-gov.com', 'https://app.ddog-gov.com'],
  ])('links %s dashboards at %s', (site, url) => {
    expect(datadogAppUrl(site)).toBe(url);
  });
});
