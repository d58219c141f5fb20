import { AlertDefinition, buildAlertCatalog, rulesOf } from '../../catalog/alerts';
import { ServiceDefinition } from '../../catalog/services';
import { buildSloCatalog, maxBurnRate } from '../../catalog/slos';
import { ENVIRONMENTS } from '../../config/environments';
import { ENVIRONMENT_NAMES } from '../../config/types';
import { apiChecks, datadogAppUrl, notificationHandles } from '../../stacks/datadog';
import { Estate, ESTATES, ONE_SERVICE, SEED_CONFIGS } from '../support/estates';
import { resourcesOf, synthOf } from '../support/synth';

const ENVS = ENVIRONMENT_NAMES;
type Env = (typeof ENVS)[number];
type Resource = Record<string, any>;

const PRIORITY = { critical: '1', warning: '3', info: '5' } as const;
/** Where Datadog runs synthetic tests for each DigitalOcean uptime region (Datadog's managed locations). */
const LOCATIONS: Record<string, string> = {
  us_east: 'aws:us-east-1', us_west: 'aws:us-west-2', eu_west: 'aws:eu-west-1', se_asia: 'aws:ap-southeast-1',
};
/** The comparison and number that end a monitor query. */
const QUERY_THRESHOLD = /\s(>=|<=|>|<)\s(-?\d+(?:\.\d+)?)$/;

const tag = (resource: Resource, key: string) =>
  (resource.tags as string[]).find((t) => t.startsWith(`${key}:`))?.slice(key.length + 1);

/** Lookups into one estate's synthesized Datadog resources and its catalogs. */
function datadogOf(estate: Estate) {
  const json = (env: Env) => synthOf(env, estate);
  const monitorsOf = (env: Env) => resourcesOf(json(env), 'datadog_monitor').map(([, m]) => m);
  const alertsOf = (env: Env) => buildAlertCatalog(estate.services, estate.configs[env]).filter((a) => a.datadog);
  const slosOf = (env: Env) => buildSloCatalog(estate.services, estate.configs[env]);
  const displayName = (service: ServiceDefinition, env: Env) => `${service.displayName} (${env})`;
  return {
    json,
    monitorsOf,
    alertsOf,
    slosOf,
    displayName,
    monitorOfAlert(env: Env, alert: AlertDefinition, severity: string): Resource {
      const found = monitorsOf(env).filter((m) => m.name === `${alert.title} (${env}, ${severity})`);
      expect(found).toHaveLength(1);
      return found[0];
    },
    named(env: Env, type: string, name: string): [string, Resource] {
      const found = resourcesOf(json(env), type).filter(([, r]) => r.name === name);
      expect(found).toHaveLength(1);
      return found[0];
    },
    /** `${datadog_dashboard_json.<name>.url}` of a service's APM dashboard. */
    dashboardRef(env: Env, service: ServiceDefinition): string {
      const found = resourcesOf(json(env), 'datadog_dashboard_json').filter(([, d]) => JSON.parse(d.dashboard).title === `${displayName(service, env)}: APM`);
      expect(found).toHaveLength(1);
      return `\${datadog_dashboard_json.${found[0][0]}.url}`;
    },
  };
}

describe.each(ESTATES)('Datadog ($name)', (estate) => {
  const { services, configs } = estate;
  const [primary] = services;
  const dd = datadogOf(estate);
  const serviceOf = (id: string | undefined) => services.find((s) => s.id === id);

  describe('resources', () => {
    it.each(ENVS)('are, per service, its SLOs, its synthetic tests and 1 dashboard; 1 token variable; a PagerDuty service object only where it pages (%s)', (env) => {
      const json = dd.json(env);
      const counts = Object.fromEntries(Object.entries(json.resource).filter(([type]) => type.startsWith('datadog_'))
        .map(([type, byName]) => [type, Object.keys(byName).length]));
      const slos = dd.slosOf(env);
      expect(counts).toEqual({
        datadog_service_level_objective: slos.length,
        datadog_synthetics_test: services.flatMap(apiChecks).length,
        datadog_synthetics_global_variable: services.some((s) => apiChecks(s).some((c) => c.authenticated)) ? 1 : 0,
        datadog_dashboard_json: services.length,
        datadog_monitor: dd.alertsOf(env).flatMap(rulesOf).length + slos.flatMap((s) => s.burnRateAlerts).length,
        ...(configs[env].pagesOnCall ? { datadog_integration_pagerduty_service_object: 1 } : {}),
      });
    });
  });

  describe('monitors', () => {
    it.each(ENVS)('renders one monitor per severity of each alert with a Datadog signal and one per burn-rate alert of each SLO (%s)', (env) => {
      const monitors = dd.monitorsOf(env);
      const expected = dd.alertsOf(env).flatMap(rulesOf).length;
      const burnRates = dd.slosOf(env).flatMap((s) => s.burnRateAlerts).length;
      expect(expected).toBeGreaterThan(0);
      expect(monitors.filter((m) => m.type === 'query alert')).toHaveLength(expected);
      expect(monitors.filter((m) => m.type === 'slo alert')).toHaveLength(burnRates);
      expect(monitors).toHaveLength(expected + burnRates);
    });

    it.each(ENVS)('keeps monitor_thresholds.critical equal to the number in every query (%s)', (env) => {
      for (const monitor of dd.monitorsOf(env)) {
        const match = QUERY_THRESHOLD.exec(monitor.query);
        expect({ query: monitor.query, parsed: match !== null }).toEqual({ query: monitor.query, parsed: true });
        expect(monitor.monitor_thresholds).toEqual({ critical: match![2] });
        expect(Number(monitor.monitor_thresholds.critical)).toBe(Number(match![2]));
      }
    });

    it.each(ENVS)('renders each query from the catalog, overrides applied: <timeAggregation>:<expression> <comparison> <threshold> (%s)', (env) => {
      for (const alert of dd.alertsOf(env)) {
        for (const rule of rulesOf(alert)) {
          expect(dd.monitorOfAlert(env, alert, rule.severity).query)
            .toBe(`${alert.datadog!.timeAggregation}:${alert.datadog!.expression} ${alert.comparison} ${rule.threshold}`);
        }
      }
    });

    it.each(ENVS)('states a missing-data policy on every monitor (%s)', (env) => {
      for (const monitor of dd.monitorsOf(env)) {
        if (monitor.type === 'slo alert') {
          expect({ name: monitor.name, notify_no_data: monitor.notify_no_data }).toEqual({ name: monitor.name, notify_no_data: false });
        } else {
          expect(['resolve', 'show_no_data', 'show_and_notify_no_data', 'default']).toContain(monitor.on_missing_data);
          expect(monitor.notify_no_data).toBeUndefined(); // conflicts with on_missing_data
        }
      }
    });

    it('treats missing APM data as the catalog does: no requests is not a failure', () => {
      for (const alert of dd.alertsOf('production')) {
        expect(alert.noDataState).toBe('OK');
        for (const rule of rulesOf(alert)) expect(dd.monitorOfAlert('production', alert, rule.severity).on_missing_data).toBe('resolve');
      }
    });

    it.each(ENVS)('gives every monitor a priority string from its severity and its own service\'s env, service and team tags (%s)', (env) => {
      const monitors = dd.monitorsOf(env);
      for (const monitor of monitors) {
        const severity = tag(monitor, 'severity') as keyof typeof PRIORITY;
        expect(monitor.priority).toBe(PRIORITY[severity]);
        const service = serviceOf(tag(monitor, 'service'));
        expect([monitor.name, tag(monitor, 'env'), tag(monitor, 'team')]).toEqual([monitor.name, env, service?.team]);
      }
      for (const service of services) expect(monitors.filter((m) => tag(m, 'service') === service.id).length).toBeGreaterThan(0);
    });

    it.each(ENVS)('links the runbook and its own service\'s Datadog dashboard from every monitor (%s)', (env) => {
      const appUrl = datadogAppUrl(configs[env].datadog.site);
      const dashboard = (serviceId: string) => `Dashboard: ${appUrl}${dd.dashboardRef(env, serviceOf(serviceId)!)}`;
      for (const alert of dd.alertsOf(env)) {
        for (const rule of rulesOf(alert)) {
          const { message } = dd.monitorOfAlert(env, alert, rule.severity);
          expect(message).toContain(alert.summary);
          expect(message).toContain(`Runbook: ${alert.runbookUrl}`);
          expect(message).toContain(dashboard(alert.serviceId));
        }
      }
      for (const monitor of dd.monitorsOf(env).filter((m) => m.type === 'slo alert')) {
        const service = tag(monitor, 'service')!;
        expect(monitor.message).toMatch(new RegExp(`Runbook: https://github\\.com/\\S+/${service}/slo-(availability|latency)\\.md`));
        expect(monitor.message).toContain(dashboard(service));
      }
    });
  });

  describe('the error-ratio traffic guard', () => {
    const cases = services.map((service) => {
      const alert = dd.alertsOf('production').find((a) => a.id === `${service.id}-error-ratio`)!;
      return { name: service.id, service, query: () => dd.monitorOfAlert('production', alert, 'critical').query, threshold: rulesOf(alert)[0].threshold };
    });
    const never = { sumThenClamp: false, clampThenSum: false };

    it.each(cases)('divides by the minimum traffic below it: floor(threshold × minimum) failures stay quiet, one more alerts when clamped after summing ($name)', ({ service, query, threshold }) => {
      const minimum = service.minRequestsPerFiveMinutes;
      const quiet = Math.floor(threshold * minimum);
      const hits = [minimum - 1, 0, 0, 0, 0]; // fewer requests than the minimum, all in one minute
      expect(quiet + 1).toBeLessThan(minimum);
      expect(errorRatioAlerts(query(), [quiet, 0, 0, 0, 0], hits)).toEqual(never);
      // Clamping each minute first divides by five minimums: quieter still, so only the other order must alert.
      expect(errorRatioAlerts(query(), [quiet + 1, 0, 0, 0, 0], hits).sumThenClamp).toBe(true);
    });

    it.each(cases)('alerts on twice its threshold at the minimum traffic a minute and stays quiet at 0.8 times it ($name)', ({ service, query, threshold }) => {
      const perMinute = service.minRequestsPerFiveMinutes;
      const minutes = (errors: number) => [errors, errors, errors, errors, errors];
      expect(errorRatioAlerts(query(), minutes(2 * threshold * perMinute), minutes(perMinute))).toEqual({ sumThenClamp: true, clampThenSum: true });
      expect(errorRatioAlerts(query(), minutes(0.8 * threshold * perMinute), minutes(perMinute))).toEqual(never);
    });
  });

  describe('routing', () => {
    it('pages nobody in staging: no @pagerduty handle anywhere and no PagerDuty service object', () => {
      const json = dd.json('staging');
      expect(JSON.stringify(json)).not.toContain('@pagerduty');
      expect(resourcesOf(json, 'datadog_integration_pagerduty_service_object')).toHaveLength(0);
      const handles = notificationHandles('critical', configs.staging).join(' ');
      for (const monitor of dd.monitorsOf('staging')) expect(monitor.message.endsWith(`\n\nNotify: ${handles}`)).toBe(true);
    });

    it('pages production critical alerts through one service object, named after the primary service, keyed by the Datadog PagerDuty integration', () => {
      const json = dd.json('production');
      const [[, serviceObject]] = resourcesOf(json, 'datadog_integration_pagerduty_service_object');
      const [datadogIntegration] = resourcesOf(json, 'pagerduty_service_integration').filter(([, i]) => i.name === 'Datadog');
      expect(serviceObject.service_key).toBe(`\${pagerduty_service_integration.${datadogIntegration[0]}.integration_key}`);
      expect(serviceObject.service_name).toBe(`${primary.id}-production`);
      const handles = JSON.stringify(json).match(/@pagerduty-[\w.-]+/g) ?? [];
      expect(new Set(handles)).toEqual(new Set([`@pagerduty-${serviceObject.service_name}`]));
    });

    it('sends production critical alerts to PagerDuty and #alerts, warnings to #alerts only, for every service', () => {
      const json = dd.json('production');
      const all = [...dd.monitorsOf('production'), ...resourcesOf(json, 'datadog_synthetics_test').map(([, t]) => t)];
      for (const resource of all) {
        const expected = tag(resource, 'severity') === 'critical'
          ? `Notify: @pagerduty-${primary.id}-production @slack-${configs.production.slack.alertsChannel.slice(1)}`
          : `Notify: @slack-${configs.production.slack.alertsChannel.slice(1)}`;
        expect({ name: resource.name, ending: resource.message.split('\n\n').pop() }).toEqual({ name: resource.name, ending: expected });
      }
      const rules = dd.alertsOf('production').flatMap(rulesOf);
      const burnRates = dd.slosOf('production').flatMap((s) => s.burnRateAlerts);
      const synthetics = services.flatMap(apiChecks).length; // every synthetic test is critical
      expect(all.filter((r) => tag(r, 'severity') === 'critical')).toHaveLength(
        rules.filter((r) => r.severity === 'critical').length + burnRates.filter((b) => b.severity === 'critical').length + synthetics);
      expect(all.filter((r) => tag(r, 'severity') === 'warning')).toHaveLength(
        rules.filter((r) => r.severity === 'warning').length + burnRates.filter((b) => b.severity === 'warning').length);
    });
  });

  describe('SLOs and burn-rate alerts', () => {
    it.each(ENVS)('declares every SLO of the catalog with its objectives and tags, and its burn-rate alerts (%s)', (env) => {
      for (const slo of dd.slosOf(env)) {
        const [name, resource] = dd.named(env, 'datadog_service_level_objective', `${slo.title} (${env})`);
        expect(resource.thresholds).toEqual(slo.objectives.map((o) => ({ timeframe: o.timeframe, target: o.target,
          ...(o.warning === undefined ? {} : { warning: o.warning }) })));
        expect(resource.tags).toEqual(expect.arrayContaining([`service:${slo.serviceId}`, `env:${env}`, `team:${slo.team}`]));
        const id = `\${datadog_service_level_objective.${name}.id}`;
        const alerts = dd.monitorsOf(env).filter((m) => m.type === 'slo alert' && m.query.includes(id));
        expect(alerts.map((m) => [m.monitor_thresholds.critical, tag(m, 'severity')]).sort())
          .toEqual(slo.burnRateAlerts.map((b) => [String(b.burnRate), b.severity]).sort());
      }
    });

    it.each(ENVS)('keeps every burn rate at or below 1 / (1 - target) of the SLO it names, over a timeframe it defines (%s)', (env) => {
      const slos = new Map(resourcesOf(dd.json(env), 'datadog_service_level_objective'));
      for (const monitor of dd.monitorsOf(env).filter((m) => m.type === 'slo alert')) {
        const [, name, over] = /^burn_rate\("\$\{datadog_service_level_objective\.([\w-]+)\.id\}"\)\.over\("(\w+)"\)/.exec(monitor.query)!;
        const objective = slos.get(name)!.thresholds.find((t: Resource) => t.timeframe === over);
        expect(objective).toBeDefined();
        expect(Number(monitor.monitor_thresholds.critical)).toBeLessThanOrEqual(maxBurnRate(objective.target));
      }
    });
  });

  describe('synthetic API tests', () => {
    it.each(ENVS)('check each service\'s detailed health path at its own URL every minute from the configured regions: 200, under its latency target, status "healthy" (%s)', (env) => {
      for (const service of services) {
        const [, test] = dd.named(env, 'datadog_synthetics_test', `${dd.displayName(service, env)}: GET ${service.detailedHealthPath}`);
        expect(test).toMatchObject({ type: 'api', subtype: 'http', status: 'live' });
        expect(test.request_definition).toEqual({ method: 'GET', url: `${service.baseUrls[env]}${service.detailedHealthPath}` });
        expect(test.locations).toEqual(configs[env].digitalocean.uptimeRegions.map((r) => LOCATIONS[r]));
        expect(test.options_list).toMatchObject({ tick_every: 60, monitor_priority: 1, min_location_failed: test.locations.length });
        expect(tag(test, 'service')).toBe(service.id);
        expect(test.assertion).toEqual([
          { type: 'statusCode', operator: 'is', target: '200' },
          { type: 'responseTime', operator: 'lessThan', target: String(service.latencyTargetSeconds * 1000) },
          { type: 'body', operator: 'validatesJSONPath', targetjsonpath: { jsonpath: '$.status', operator: 'is', targetvalue: 'healthy' } },
        ]);
      }
    });

    it.each(ENVS)('probe only their own service\'s URL: every test\'s URL starts with the base URL of the service it is tagged with (%s)', (env) => {
      const tests = resourcesOf(dd.json(env), 'datadog_synthetics_test').map(([, t]) => t);
      expect(tests).toHaveLength(services.flatMap(apiChecks).length);
      for (const test of tests) {
        const service = serviceOf(tag(test, 'service'))!;
        expect([test.name, test.request_definition.url.startsWith(`${service.baseUrls[env]}/`)]).toEqual([test.name, true]);
      }
    });

    it.each(ENVS)('sends nothing but a {{ global variable }} as a bearer token (%s)', (env) => {
      const authorizations = resourcesOf(dd.json(env), 'datadog_synthetics_test')
        .flatMap(([, t]) => Object.entries(t.request_headers ?? {}))
        .filter(([header]) => header.toLowerCase() === 'authorization')
        .map(([, value]) => value);
      expect(authorizations).toEqual(services.flatMap(apiChecks).filter((c) => c.authenticated)
        .map(() => `Bearer {{ ESG_MONITOR_TOKEN_${env.toUpperCase()} }}`));
      for (const [, variable] of resourcesOf(dd.json(env), 'datadog_synthetics_global_variable')) {
        expect(variable.value).toMatch(/^\$\{var\.[a-z_]+\}$/);
      }
    });
  });

  describe('the APM dashboards', () => {
    it.each(ENVS)('graph each monitored signal of their service with its catalog thresholds, and each of its SLOs (%s)', (env) => {
      const dashboards = resourcesOf(dd.json(env), 'datadog_dashboard_json').map(([, r]) => JSON.parse(r.dashboard));
      expect(dashboards).toHaveLength(services.length);
      for (const service of services) {
        const dashboard = dashboards.find((d) => d.title === `${dd.displayName(service, env)}: APM`);
        const definitions = dashboard.widgets.map((w: Resource) => w.definition);
        for (const alert of dd.alertsOf(env).filter((a) => a.serviceId === service.id)) {
          const panel = definitions.find((d: Resource) => d.requests?.[0].q === alert.datadog!.expression);
          expect(panel.markers.map((m: Resource) => m.value)).toEqual(rulesOf(alert).map((r) => `y = ${r.threshold}`));
        }
        const sloIds = resourcesOf(dd.json(env), 'datadog_service_level_objective')
          .filter(([, s]) => s.tags.includes(`service:${service.id}`))
          .map(([name]) => `\${datadog_service_level_objective.${name}.id}`);
        expect(sloIds).toHaveLength(dd.slosOf(env).filter((s) => s.serviceId === service.id).length);
        expect(definitions.filter((d: Resource) => d.type === 'slo').map((d: Resource) => d.slo_id).sort()).toEqual(sloIds.sort());
      }
    });

    it.each(ENVS)('lists the primary service\'s dashboard and SLOs in the stack outputs under plain names, every other service\'s under its id (%s)', (env) => {
      const outputs = dd.json(env).output ?? {};
      const appUrl = datadogAppUrl(configs[env].datadog.site);
      for (const service of services) {
        const stem = service === primary ? '' : `${service.id.replace(/-/g, '_')}_`;
        expect(outputs[`datadog_${stem}dashboard_url`].value).toBe(`${appUrl}${dd.dashboardRef(env, service)}`);
        for (const slo of dd.slosOf(env).filter((s) => s.serviceId === service.id)) {
          const [name] = dd.named(env, 'datadog_service_level_objective', `${slo.title} (${env})`);
          const what = slo.id.slice(service.id.length + 1).replace(/-/g, '_');
          expect(outputs[`datadog_${stem}slo_${what}_url`].value).toBe(`${appUrl}/slo?slo_id=\${datadog_service_level_objective.${name}.id}`);
        }
      }
    });
  });
});

/** The seed's own numbers for the seed's service, pinned on purpose: a change to them is a decision, not a refactoring. */
describe('Datadog: the seed\'s numbers for the seed\'s service (pinned)', () => {
  const dd = datadogOf(ONE_SERVICE);

  it('monitors three signals: error ratio (critical), p95 latency (warning) and memory (warning)', () => {
    expect(dd.alertsOf('production').flatMap(rulesOf).map((r) => [r.alert.id, r.severity])).toEqual([
      ['esg-scraper-api-error-ratio', 'critical'], ['esg-scraper-api-latency-p95', 'warning'], ['esg-scraper-api-memory', 'warning'],
    ]);
  });

  it('does not page on 1 failure out of 3 requests, and alerts on 10% failures at 20 requests a minute but not on 4%', () => {
    // The monitor query as the seed's thresholds render it (the stack renders the thresholds in force: see above).
    const alert = buildAlertCatalog(ONE_SERVICE.services, SEED_CONFIGS.production).find((a) => a.id === 'esg-scraper-api-error-ratio')!;
    const query = `${alert.datadog!.timeAggregation}:${alert.datadog!.expression} ${alert.comparison} ${alert.thresholds.critical}`;
    const never = { sumThenClamp: false, clampThenSum: false };
    expect(errorRatioAlerts(query, [1, 0, 0, 0, 0], [3, 0, 0, 0, 0])).toEqual(never);
    expect(errorRatioAlerts(query, [1, 0, 0, 0, 0], [1, 1, 1, 0, 0])).toEqual(never);
    expect(errorRatioAlerts(query, [2, 2, 2, 2, 2], [20, 20, 20, 20, 20])).toEqual({ sumThenClamp: true, clampThenSum: true });
    expect(errorRatioAlerts(query, [1, 1, 1, 1, 0], [20, 20, 20, 20, 20])).toEqual(never);
  });

  it('declares a 99.9%/30d metric availability SLO and a 99%/30d time-slice latency SLO', () => {
    const [, availability] = dd.named('production', 'datadog_service_level_objective', 'ESG Scraper API availability (production)');
    expect(availability).toMatchObject({ type: 'metric', timeframe: '30d', target_threshold: 99.9,
      thresholds: [{ timeframe: '30d', target: 99.9, warning: 99.95 }] });
    expect(availability.query.denominator).toBe('sum:trace.fastapi.request.hits{service:esg-scraper-api,env:production}.as_count()');
    const [, latency] = dd.named('production', 'datadog_service_level_objective', 'ESG Scraper API latency (production)');
    expect(latency).toMatchObject({ type: 'time_slice', timeframe: '30d', target_threshold: 99 });
    expect(latency.sli_specification.time_slice).toMatchObject({ comparator: '<=', threshold: 2, query_interval_seconds: 300 });
  });

  it('alerts on the 99.9% availability SLO at 14.4 (1h/5m) and 6 (6h/30m), paging, and 3 (24h/2h) as a ticket', () => {
    const [name] = dd.named('production', 'datadog_service_level_objective', 'ESG Scraper API availability (production)');
    const id = `\${datadog_service_level_objective.${name}.id}`;
    const alerts = dd.monitorsOf('production').filter((m) => m.type === 'slo alert' && m.query.includes(id))
      .map((m) => [m.query, m.monitor_thresholds.critical, m.priority, tag(m, 'severity')])
      .sort((a, b) => Number(b[1]) - Number(a[1]));
    expect(alerts).toEqual([
      [`burn_rate("${id}").over("30d").long_window("1h").short_window("5m") > 14.4`, '14.4', '1', 'critical'],
      [`burn_rate("${id}").over("30d").long_window("6h").short_window("30m") > 6`, '6', '1', 'critical'],
      [`burn_rate("${id}").over("30d").long_window("24h").short_window("2h") > 3`, '3', '3', 'warning'],
    ]);
  });

  it.each(ENVS)('checks GET https://…/health/detailed every minute from two locations, under 2 s (%s)', (env) => {
    const [, test] = dd.named(env, 'datadog_synthetics_test', `ESG Scraper API (${env}): GET /health/detailed`);
    expect(test.request_definition.url).toMatch(/^https:\/\/\S+\/health\/detailed$/);
    expect(test.locations).toEqual(['aws:us-east-1', 'aws:eu-west-1']);
    expect(test.options_list).toMatchObject({ tick_every: 60, min_location_failed: 2 });
    expect(test.assertion[1]).toEqual({ type: 'responseTime', operator: 'lessThan', target: '2000' });
  });

  it.each(ENVS)('posts the seed\'s analysis to /analyze every 5 minutes with a 30 s timeout and a secret bearer token (%s)', (env) => {
    const json = dd.json(env);
    const [, test] = dd.named(env, 'datadog_synthetics_test', `ESG Scraper API (${env}): POST /analyze`);
    const [[variableName, variable]] = resourcesOf(json, 'datadog_synthetics_global_variable');
    expect(variable).toMatchObject({ name: `ESG_MONITOR_TOKEN_${env.toUpperCase()}`, secure: true, value: '${var.synthetics_api_token}' });
    expect(json.variable?.synthetics_api_token).toMatchObject({ sensitive: true });
    expect(test.request_definition).toMatchObject({ method: 'POST', url: `${ONE_SERVICE.services[0].baseUrls[env]}/analyze`, timeout: 30,
      body_type: 'application/json' });
    expect(JSON.parse(test.request_definition.body)).toEqual({ text: 'Test ESG analysis', quick_mode: true });
    expect(test.request_headers).toEqual({ 'Content-Type': 'application/json', Authorization: `Bearer {{ ${variable.name} }}` });
    expect(test.config_variable).toEqual([
      { type: 'global', name: variable.name, id: `\${datadog_synthetics_global_variable.${variableName}.id}` }]);
    expect(test.options_list).toMatchObject({ tick_every: 300, monitor_priority: 1 });
    expect(test.assertion).toEqual([{ type: 'statusCode', operator: 'is', target: '200' }]);
  });
});

/**
 * Datadog's evaluation of `sum(last_5m):errors.as_count() / clamp_min(hits.as_count(), floor) > t` on per-minute
 * counts. A query with `.as_count()` and arithmetic takes Datadog's as_count path: each count is summed over the
 * window before the division (monitors/guide/as-count-in-monitor-evaluations). Where clamp_min applies on that path
 * is not documented, so both orders are evaluated.
 */
function errorRatioAlerts(query: string, errors: number[], hits: number[]): { sumThenClamp: boolean; clampThenSum: boolean } {
  const match = /^sum\(last_5m\):sum:\S+\.as_count\(\) \/ clamp_min\(sum:\S+\.as_count\(\), (\d+)\) > ([\d.]+)$/.exec(query);
  expect(match).not.toBeNull();
  const floor = Number(match![1]);
  const threshold = Number(match![2]);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return {
    sumThenClamp: sum(errors) / Math.max(sum(hits), floor) > threshold,
    // Per point, a minute without requests is NaN, which clamp_min also raises to the floor.
    clampThenSum: sum(errors) / sum(hits.map((h) => Math.max(h, floor))) > threshold,
  };
}

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

describe('datadogAppUrl', () => {
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
