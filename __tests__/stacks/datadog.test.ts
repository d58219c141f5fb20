import { datadogBurnRateAlerts } from '../../catalog/burn-rates';
import { AlertDefinition, buildAlertCatalog, rulesOf } from '../../catalog/alerts';
import { COMPOSITE_PART_TAG } from '../../catalog/datadog-tags';
import { SYNTHETICS_SEVERITY } from '../../catalog/platform-alerts';
import { destinationsFor, slackChannel } from '../../catalog/routing';
import { SELF_WATCH_SEVERITY } from '../../catalog/self-watch';
import { ServiceDefinition, SYNTHETICS_USER_AGENT } from '../../catalog/services';
import { apmScope, buildSloCatalog, maxBurnRate } from '../../catalog/slos';
import { ENVIRONMENTS } from '../../config/environments';
import { ENVIRONMENT_NAMES, Severity } from '../../config/types';
import { apiChecks, datadogAppUrl, notificationHandles } from '../../stacks/datadog';
import { Estate, ESTATES, isSeedAlert, ONE_SERVICE, SEED_CONFIGS } from '../support/estates';
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
/** A part of a composite monitor: it notifies nobody, the composite does. */
const isPart = (monitor: Resource) => (monitor.tags as string[]).includes(COMPOSITE_PART_TAG);
/** The `service` tag of what watches Grafana (the watchdog's heartbeat and Grafana's health test), not a catalog service. */
const GRAFANA = 'grafana';
/** Grafana's own health endpoint, which a synthetic test checks. */
const GRAFANA_HEALTH_PATH = '/api/health';

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
    /** The monitor that notifies for one severity of an alert: the composite when the alert has a traffic guard. */
    monitorOfAlert(env: Env, alert: AlertDefinition, severity: string): Resource {
      const found = monitorsOf(env).filter((m) => m.name === `${alert.title} (${env}, ${severity})`);
      expect(found).toHaveLength(1);
      return found[0];
    },
    /** A part of a guarded alert's composite: `condition` or `enough traffic`. */
    partOfAlert(env: Env, alert: AlertDefinition, severity: string, part: 'condition' | 'enough traffic'): [string, Resource] {
      const found = resourcesOf(json(env), 'datadog_monitor').filter(([, m]) => m.name === `${alert.title} (${env}, ${severity}): ${part}`);
      expect(found).toHaveLength(1);
      return found[0];
    },
    /** The "no APM data" monitor of a service. */
    apmDataMonitorOf(env: Env, service: ServiceDefinition): Resource {
      const found = monitorsOf(env).filter((m) => m.name === `${displayName(service, env)}: no APM data (${SELF_WATCH_SEVERITY})`);
      expect(found).toHaveLength(1);
      return found[0];
    },
    named(env: Env, type: string, name: string): [string, Resource] {
      const found = resourcesOf(json(env), type).filter(([, r]) => r.name === name);
      expect(found).toHaveLength(1);
      return found[0];
    },
    /** The `@handles` a severity reaches in an environment (catalog/routing.ts), PagerDuty through the primary service's object. */
    handlesOf(env: Env, severity: Severity): string {
      return destinationsFor(severity, estate.configs[env]).map((d) => (d === 'pagerduty'
        ? `@pagerduty-${estate.services[0].id}-${env}` : `@slack-${slackChannel(d, estate.configs[env]).slice(1)}`)).join(' ');
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

  /** Monitors an alert's rules render: one per severity, three (condition, traffic guard, composite) when guarded. */
  const monitorsPerRule = (alert: AlertDefinition) => (alert.datadog!.guard ? 3 : 1);
  const guardedRules = (env: Env) => dd.alertsOf(env).filter((a) => a.datadog!.guard).flatMap(rulesOf);

  describe('resources', () => {
    it.each(ENVS)('are, per service, its SLOs, its synthetic tests and 1 dashboard, then Grafana\'s health test; 1 token variable; a PagerDuty service object only where it pages (%s)', (env) => {
      const json = dd.json(env);
      const counts = Object.fromEntries(Object.entries(json.resource).filter(([type]) => type.startsWith('datadog_'))
        .map(([type, byName]) => [type, Object.keys(byName).length]));
      const slos = dd.slosOf(env);
      expect(counts).toEqual({
        datadog_service_level_objective: slos.length,
        datadog_synthetics_test: services.flatMap(apiChecks).length + 1,
        datadog_synthetics_global_variable: services.some((s) => apiChecks(s).some((c) => c.authenticated)) ? 1 : 0,
        datadog_dashboard_json: services.length,
        // the alerts' monitors, one APM-data monitor per service, the burn-rate alerts, the watchdog heartbeat
        datadog_monitor: dd.alertsOf(env).flatMap((a) => rulesOf(a).map(() => monitorsPerRule(a))).reduce((a, b) => a + b, 0) +
          services.length + slos.flatMap(datadogBurnRateAlerts).length + 1,
        ...(configs[env].pagesOnCall ? { datadog_integration_pagerduty_service_object: 1 } : {}),
      });
    });
  });

  describe('monitors', () => {
    it.each(ENVS)('renders one monitor per severity of each alert with a Datadog signal (a composite of two parts when guarded), one APM-data monitor per service, one per burn-rate alert of each SLO and one heartbeat (%s)', (env) => {
      const monitors = dd.monitorsOf(env);
      const rules = dd.alertsOf(env).flatMap(rulesOf);
      const guarded = guardedRules(env).length;
      const burnRates = dd.slosOf(env).flatMap(datadogBurnRateAlerts).length;
      expect(rules.length).toBeGreaterThan(0);
      expect(guarded).toBeGreaterThan(0);
      const byType = (type: string) => monitors.filter((m) => m.type === type);
      // unguarded rules, two parts per guarded rule, one APM-data monitor per service
      expect(byType('query alert')).toHaveLength(rules.length - guarded + 2 * guarded + services.length);
      expect(byType('composite')).toHaveLength(guarded);
      expect(byType('slo alert')).toHaveLength(burnRates);
      expect(byType('event-v2 alert')).toHaveLength(1);
      expect(monitors.filter(isPart)).toHaveLength(2 * guarded);
      expect(monitors).toHaveLength(rules.length + 2 * guarded + services.length + burnRates + 1);
    });

    it.each(ENVS)('watches no runtime.python.* metric: ddtrace sends those over DogStatsD (UDP), which cannot reach the Agent (%s)', (env) => {
      expect(dd.monitorsOf(env).map((m) => m.query).join('\n')).not.toMatch(/runtime\./);
      for (const [, dashboard] of resourcesOf(dd.json(env), 'datadog_dashboard_json')) expect(dashboard.dashboard).not.toMatch(/runtime\./);
    });

    it.each(ENVS)('keeps monitor_thresholds.critical equal to the number in every query; a composite has none, its parts do (%s)', (env) => {
      const monitors = dd.monitorsOf(env);
      for (const monitor of monitors.filter((m) => m.type !== 'composite')) {
        const match = QUERY_THRESHOLD.exec(monitor.query);
        expect({ query: monitor.query, parsed: match !== null }).toEqual({ query: monitor.query, parsed: true });
        expect(monitor.monitor_thresholds).toEqual({ critical: match![2] });
        expect(Number(monitor.monitor_thresholds.critical)).toBe(Number(match![2]));
      }
      const composites = monitors.filter((m) => m.type === 'composite');
      expect(composites).toHaveLength(guardedRules(env).length);
      for (const composite of composites) expect(composite.monitor_thresholds).toBeUndefined();
    });

    it.each(ENVS)('renders each query from the catalog, overrides applied: <timeAggregation>:<expression> <comparison> <threshold>, a guarded one as condition && traffic guard (%s)', (env) => {
      for (const alert of dd.alertsOf(env)) {
        const signal = alert.datadog!;
        for (const rule of rulesOf(alert)) {
          const query = `${signal.timeAggregation}:${signal.expression} ${alert.comparison} ${rule.threshold}`;
          const monitor = dd.monitorOfAlert(env, alert, rule.severity);
          if (!signal.guard) {
            expect([monitor.type, monitor.query]).toEqual(['query alert', query]);
            continue;
          }
          const [conditionName, condition] = dd.partOfAlert(env, alert, rule.severity, 'condition');
          const [guardName, guard] = dd.partOfAlert(env, alert, rule.severity, 'enough traffic');
          expect(condition.query).toBe(query);
          // The guard judges the same window's total of requests.
          expect(guard.query).toBe(`${signal.timeAggregation}:${signal.guard.expression} ${signal.guard.comparison} ${signal.guard.threshold}`);
          expect([monitor.type, monitor.query])
            .toEqual(['composite', `\${datadog_monitor.${conditionName}.id} && \${datadog_monitor.${guardName}.id}`]);
          expect([isPart(condition), isPart(guard), isPart(monitor)]).toEqual([true, true, false]);
        }
      }
    });

    it.each(ENVS)('states a missing-data policy on every monitor but composites, which follow their parts (%s)', (env) => {
      const monitors = dd.monitorsOf(env);
      for (const monitor of monitors) {
        if (monitor.type === 'composite') {
          expect([monitor.name, monitor.on_missing_data, monitor.notify_no_data]).toEqual([monitor.name, undefined, undefined]);
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
      // Only the APM-data monitors notify on missing data.
      expect(monitors.filter((m) => m.notify_no_data === true).map((m) => m.name).sort())
        .toEqual(services.map((s) => dd.apmDataMonitorOf(env, s).name).sort());
    });

    it('treats no user requests as the catalog does (not a failure), but no APM data at all as an outage of the Agent or tracer', () => {
      for (const alert of dd.alertsOf('production')) {
        expect(alert.noDataState).toBe('OK');
        for (const rule of rulesOf(alert)) {
          const judged = alert.datadog!.guard
            ? (['condition', 'enough traffic'] as const).map((part) => dd.partOfAlert('production', alert, rule.severity, part)[1])
            : [dd.monitorOfAlert('production', alert, rule.severity)];
          for (const monitor of judged) expect([monitor.name, monitor.on_missing_data]).toEqual([monitor.name, 'resolve']);
        }
      }
      const synthetics = resourcesOf(dd.json('production'), 'datadog_synthetics_test').map(([, t]) => t);
      for (const service of services) {
        const monitor = dd.apmDataMonitorOf('production', service);
        // Every request counts, probes included: the service's own synthetic tests keep the window from being empty.
        const [, minutes] = /^sum\(last_(\d+)m\):/.exec(monitor.query) ?? [];
        expect(monitor.query).toBe(`sum(last_${minutes}m):sum:trace.fastapi.request.hits${apmScope(service, configs.production)}.as_count() < 1`);
        expect(monitor).toMatchObject({ type: 'query alert', notify_no_data: true, priority: PRIORITY[SELF_WATCH_SEVERITY] });
        expect(monitor.no_data_timeframe).toBe(2 * Number(minutes)); // Datadog advises twice the window
        expect(tag(monitor, 'service')).toBe(service.id);
        const ticks = synthetics.filter((t) => tag(t, 'service') === service.id).map((t) => t.options_list.tick_every);
        expect(ticks.length).toBeGreaterThan(0);
        expect(Math.min(...ticks)).toBeLessThan(Number(minutes) * 60);
      }
    });

    it.each(ENVS)('gives every monitor a priority string from its severity and its own service\'s env, service and team tags; only the watchdog heartbeat is Grafana\'s (%s)', (env) => {
      const monitors = dd.monitorsOf(env);
      for (const monitor of monitors) {
        const severity = tag(monitor, 'severity') as keyof typeof PRIORITY;
        expect(monitor.priority).toBe(PRIORITY[severity]);
        if (tag(monitor, 'service') === GRAFANA) continue; // checked below
        const service = serviceOf(tag(monitor, 'service'));
        expect([monitor.name, service === undefined, tag(monitor, 'env'), tag(monitor, 'team')]).toEqual([monitor.name, false, env, service?.team]);
      }
      const grafana = monitors.filter((m) => tag(m, 'service') === GRAFANA);
      expect(grafana.map((m) => [m.type, tag(m, 'env'), tag(m, 'severity')])).toEqual([['event-v2 alert', env, SELF_WATCH_SEVERITY]]);
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
      const [rule] = rulesOf(alert);
      const part = (name: 'condition' | 'enough traffic') => () => dd.partOfAlert('production', alert, rule.severity, name)[1].query;
      return { name: service.id, service, alert, condition: part('condition'), guard: part('enough traffic'), threshold: rule.threshold };
    });
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    /** `total` requests spread as evenly as whole requests go over five minutes. */
    const spread = (total: number) => [0, 1, 2, 3, 4].map((i) => Math.floor(total / 5) + (i < total % 5 ? 1 : 0));

    it.each(cases)('guards on the service\'s own minimum of requests in five minutes, from the catalog ($name)', ({ service, alert }) => {
      expect(alert.datadog!.guard).toEqual({ expression: expect.any(String), comparison: '>=', threshold: service.minRequestsPerFiveMinutes });
    });

    it.each(cases)('stays quiet below the minimum however many requests fail, in one minute or spread ($name)', ({ service, condition, guard }) => {
      const below = service.minRequestsPerFiveMinutes - 1;
      expect(errorRatioAlerts(condition(), guard(), [below, 0, 0, 0, 0], [below, 0, 0, 0, 0])).toBe(false);
      expect(errorRatioAlerts(condition(), guard(), spread(below), spread(below))).toBe(false);
    });

    it.each(cases)('judges the window\'s total: the minimum spread thinly over five minutes is enough, floor(threshold × minimum) failures stay quiet and one more alerts ($name)', ({ service, condition, guard, threshold }) => {
      const minimum = service.minRequestsPerFiveMinutes;
      const quiet = Math.floor(threshold * minimum);
      const errors = [quiet + 1, 0, 0, 0, 0];
      expect(quiet + 1).toBeLessThanOrEqual(Math.ceil(minimum / 5)); // the failures fit in the first minute's requests
      expect(sum(spread(minimum))).toBe(minimum);
      expect(errorRatioAlerts(condition(), guard(), [quiet, 0, 0, 0, 0], spread(minimum))).toBe(false);
      // A per-point clamp_min(hits, minimum) would divide by five minimums here and stay quiet.
      expect(errorRatioAlerts(condition(), guard(), errors, spread(minimum))).toBe(true);
      // One request fewer in the window: too little traffic to judge, whatever the ratio.
      expect(errorRatioAlerts(condition(), guard(), errors, spread(minimum - 1))).toBe(false);
    });

    it.each(cases)('alerts on twice its threshold at the minimum traffic a minute and stays quiet at 0.8 times it ($name)', ({ service, condition, guard, threshold }) => {
      const perMinute = service.minRequestsPerFiveMinutes;
      const minutes = (errors: number) => [errors, errors, errors, errors, errors];
      expect(errorRatioAlerts(condition(), guard(), minutes(2 * threshold * perMinute), minutes(perMinute))).toBe(true);
      expect(errorRatioAlerts(condition(), guard(), minutes(0.8 * threshold * perMinute), minutes(perMinute))).toBe(false);
    });
  });

  describe('routing', () => {
    it('pages nobody in staging: no @pagerduty handle anywhere and no PagerDuty service object', () => {
      const json = dd.json('staging');
      expect(JSON.stringify(json)).not.toContain('@pagerduty');
      expect(resourcesOf(json, 'datadog_integration_pagerduty_service_object')).toHaveLength(0);
      const monitors = dd.monitorsOf('staging');
      for (const monitor of monitors.filter((m) => !isPart(m))) {
        const handles = notificationHandles(tag(monitor, 'severity') as Severity, configs.staging).join(' ');
        expect([monitor.name, monitor.message.endsWith(`\n\nNotify: ${handles}`)]).toEqual([monitor.name, true]);
      }
      // The parts of a composite notify nobody: the composite does.
      expect(monitors.filter(isPart)).toHaveLength(2 * guardedRules('staging').length);
      for (const part of monitors.filter(isPart)) expect([part.name, part.message.includes('@')]).toEqual([part.name, false]);
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

    it('sends production critical alerts to PagerDuty and #alerts, warnings to #alerts only, for every service and for what watches the alert path', () => {
      const json = dd.json('production');
      const parts = dd.monitorsOf('production').filter(isPart);
      const all = [...dd.monitorsOf('production').filter((m) => !isPart(m)), ...resourcesOf(json, 'datadog_synthetics_test').map(([, t]) => t)];
      for (const resource of all) {
        const expected = tag(resource, 'severity') === 'critical'
          ? `Notify: @pagerduty-${primary.id}-production @slack-${configs.production.slack.alertsChannel.slice(1)}`
          : `Notify: @slack-${configs.production.slack.alertsChannel.slice(1)}`;
        expect({ name: resource.name, ending: resource.message.split('\n\n').pop() }).toEqual({ name: resource.name, ending: expected });
      }
      // A guarded rule notifies once, through its composite; its parts carry no handle.
      expect(parts).toHaveLength(2 * guardedRules('production').length);
      for (const part of parts) expect([part.name, part.message.includes('@')]).toEqual([part.name, false]);
      const rules = dd.alertsOf('production').flatMap(rulesOf);
      const burnRates = dd.slosOf('production').flatMap(datadogBurnRateAlerts);
      const synthetics = services.flatMap(apiChecks).length;
      // The alert path watching itself: an APM-data monitor per service, the watchdog heartbeat, Grafana's health test.
      const selfWatch = services.length + 1 + 1;
      const expected = (severity: Severity) => rules.filter((r) => r.severity === severity).length +
        burnRates.filter((b) => b.severity === severity).length +
        (severity === SYNTHETICS_SEVERITY ? synthetics : 0) + (severity === SELF_WATCH_SEVERITY ? selfWatch : 0);
      expect(all.filter((r) => tag(r, 'severity') === 'critical')).toHaveLength(expected('critical'));
      expect(all.filter((r) => tag(r, 'severity') === 'warning')).toHaveLength(expected('warning'));
      expect(all).toHaveLength(expected('critical') + expected('warning') + expected('info'));
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
          .toEqual(datadogBurnRateAlerts(slo).map((b) => [String(b.burnRate), b.severity]).sort());
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

    it.each(ENVS)('probe only their own service\'s URL: every test\'s URL starts with the base URL of the service it is tagged with, Grafana\'s with Grafana\'s (%s)', (env) => {
      const tests = resourcesOf(dd.json(env), 'datadog_synthetics_test').map(([, t]) => t);
      expect(tests).toHaveLength(services.flatMap(apiChecks).length + 1);
      for (const test of tests.filter((t) => tag(t, 'service') !== GRAFANA)) {
        const service = serviceOf(tag(test, 'service'));
        expect([test.name, service !== undefined, test.request_definition.url.startsWith(`${service?.baseUrls[env]}/`)])
          .toEqual([test.name, true, true]);
      }
      expect(tests.filter((t) => tag(t, 'service') === GRAFANA).map((t) => t.request_definition.url))
        .toEqual([`${configs[env].grafana.publicUrl}${GRAFANA_HEALTH_PATH}`]);
    });

    it.each(ENVS)('check Grafana\'s health every minute from the configured regions: 200 and its database "ok", routed like the alert path it watches (%s)', (env) => {
      const [, test] = dd.named(env, 'datadog_synthetics_test', `Grafana (${env}): GET ${GRAFANA_HEALTH_PATH}`);
      expect(test).toMatchObject({ type: 'api', subtype: 'http', status: 'live' });
      expect(test.request_definition).toEqual({ method: 'GET', url: `${configs[env].grafana.publicUrl}${GRAFANA_HEALTH_PATH}` });
      expect(test.locations).toEqual(configs[env].digitalocean.uptimeRegions.map((r) => LOCATIONS[r]));
      expect(test.options_list).toMatchObject({ tick_every: 60, min_location_failed: test.locations.length });
      expect([tag(test, 'service'), tag(test, 'env'), tag(test, 'severity')]).toEqual([GRAFANA, env, SELF_WATCH_SEVERITY]);
      expect(test.assertion).toEqual([
        { type: 'statusCode', operator: 'is', target: '200' },
        { type: 'body', operator: 'validatesJSONPath', targetjsonpath: { jsonpath: '$.database', operator: 'is', targetvalue: 'ok' } },
      ]);
      expect(test.message.split('\n\n').pop()).toBe(`Notify: ${dd.handlesOf(env, SELF_WATCH_SEVERITY)}`);
    });

    it.each(ENVS)('send the probe User-Agent, which every service a test calls beyond its health paths lists as a probe (%s)', (env) => {
      const tests = resourcesOf(dd.json(env), 'datadog_synthetics_test').map(([, t]) => t);
      expect(tests.map((t) => [t.name, t.request_headers?.['User-Agent']])).toEqual(tests.map((t) => [t.name, SYNTHETICS_USER_AGENT]));
      for (const service of services) {
        const healthUrls = [service.healthPath, service.detailedHealthPath].map((p) => `${service.baseUrls[env]}${p}`);
        const beyondHealth = tests.filter((t) => tag(t, 'service') === service.id && !healthUrls.includes(t.request_definition.url));
        expect(beyondHealth).toHaveLength(apiChecks(service).filter((c) => c.path !== service.healthPath && c.path !== service.detailedHealthPath).length);
        if (beyondHealth.length === 0) continue; // health paths are never users' requests, whatever the User-Agent
        expect([service.id, (service.probeUserAgents ?? []).some((prefix) => SYNTHETICS_USER_AGENT.startsWith(prefix))]).toEqual([service.id, true]);
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

  it('monitors two signals: error ratio (critical) and p95 latency (warning); memory has no Datadog monitor (DogStatsD cannot reach the Agent)', () => {
    expect(dd.alertsOf('production').filter((a) => isSeedAlert(a.id)).flatMap(rulesOf).map((r) => [r.alert.id, r.severity])).toEqual([
      ['esg-scraper-api-error-ratio', 'critical'], ['esg-scraper-api-latency-p95', 'warning'],
    ]);
    const memory = buildAlertCatalog(ONE_SERVICE.services, SEED_CONFIGS.production).filter((a) => a.id === 'esg-scraper-api-memory');
    expect(memory.map((a) => [a.id, a.datadog])).toEqual([['esg-scraper-api-memory', undefined]]); // Grafana still watches it
  });

  it('does not page on 1 failure out of 3 requests, and alerts on 10% failures at 20 requests a minute but not on 4%', () => {
    // The composite's parts as the seed's thresholds render them (the stack renders the thresholds in force: see above).
    const alert = buildAlertCatalog(ONE_SERVICE.services, SEED_CONFIGS.production).find((a) => a.id === 'esg-scraper-api-error-ratio')!;
    const { timeAggregation, expression, guard } = alert.datadog!;
    const condition = `${timeAggregation}:${expression} ${alert.comparison} ${alert.thresholds.critical}`;
    const traffic = `${timeAggregation}:${guard!.expression} ${guard!.comparison} ${guard!.threshold}`;
    expect([alert.thresholds.critical, guard!.threshold]).toEqual([0.05, 20]);
    expect(errorRatioAlerts(condition, traffic, [1, 0, 0, 0, 0], [3, 0, 0, 0, 0])).toBe(false);
    expect(errorRatioAlerts(condition, traffic, [1, 0, 0, 0, 0], [1, 1, 1, 0, 0])).toBe(false);
    expect(errorRatioAlerts(condition, traffic, [2, 2, 2, 2, 2], [20, 20, 20, 20, 20])).toBe(true);
    expect(errorRatioAlerts(condition, traffic, [1, 1, 1, 1, 0], [20, 20, 20, 20, 20])).toBe(false);
  });

  it('declares a 99.9%/30d metric availability SLO and a 99%/30d time-slice latency SLO', () => {
    const [, availability] = dd.named('production', 'datadog_service_level_objective', 'ESG Scraper API availability (production)');
    expect(availability).toMatchObject({ type: 'metric', timeframe: '30d', target_threshold: 99.9,
      thresholds: [{ timeframe: '30d', target: 99.9, warning: 99.95 }] });
    // Users' requests only: the health routes and the probes' renamed spans are left out.
    const users = '{service:esg-scraper-api,env:production,!resource_name:get_/health,!resource_name:get_/health/detailed,!resource_name:probe_*}';
    expect(availability.query.denominator).toBe(`sum:trace.fastapi.request.hits${users}.as_count()`);
    expect(availability.query.numerator).toBe(
      `sum:trace.fastapi.request.hits${users}.as_count() - sum:trace.fastapi.request.errors${users}.as_count()`);
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
    expect(test.request_headers).toEqual({
      'Content-Type': 'application/json', 'User-Agent': SYNTHETICS_USER_AGENT, Authorization: `Bearer {{ ${variable.name} }}` });
    expect(test.config_variable).toEqual([
      { type: 'global', name: variable.name, id: `\${datadog_synthetics_global_variable.${variableName}.id}` }]);
    expect(test.options_list).toMatchObject({ tick_every: 300, monitor_priority: 1 });
    expect(test.assertion).toEqual([{ type: 'statusCode', operator: 'is', target: '200' }]);
  });
});

/**
 * Datadog's evaluation of the error-ratio composite on per-minute counts: the condition
 * `sum(last_5m):errors.as_count() / hits.as_count() > t` takes Datadog's as_count path, each count summed
 * over the window before the division (monitors/guide/as-count-in-monitor-evaluations), and the guard
 * `sum(last_5m):hits.as_count() >= floor` judges the window's total; the composite alerts when both do.
 */
function errorRatioAlerts(conditionQuery: string, guardQuery: string, errors: number[], hits: number[]): boolean {
  const condition = /^sum\(last_5m\):sum:\S+\.as_count\(\) \/ sum:\S+\.as_count\(\) > ([\d.]+)$/.exec(conditionQuery);
  const guard = /^sum\(last_5m\):sum:\S+\.as_count\(\) >= (\d+)$/.exec(guardQuery);
  expect([conditionQuery, condition !== null, guardQuery, guard !== null]).toEqual([conditionQuery, true, guardQuery, true]);
  expect(errors.every((e, i) => e <= hits[i])).toBe(true); // a failure is a request
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return sum(hits) > 0 && sum(errors) / sum(hits) > Number(condition![1]) && sum(hits) >= Number(guard![1]);
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
