import { prometheusBurnRateAlerts } from '../../catalog/burn-rates';
import { buildSloCatalog } from '../../catalog/slos';
import { buildAlertCatalog, rulesOf } from '../../catalog/alerts';
import { healthPath, UPTIME_ENDPOINTS } from '../../catalog/platform-alerts';
import { ENVIRONMENT_NAMES } from '../../config/types';
import { apiChecks } from '../../stacks/datadog';
import { ONE_SERVICE, REPORTS_API, TWO_SERVICE } from '../support/estates';
import { resourcesOf, synthOf } from '../support/synth';

/**
 * A second service is one more ServiceDefinition. The stack-level suites (stacks/*,
 * the Grafana construct suites, promtool) run on this estate as on the real one (see
 * support/estates.ts); this file checks the fixture is a real test of ownership, and
 * that what a service owns reaches its own resources and no other service's.
 */
// The primary (first) service of the real catalog, and the fixture's added one, however many the catalog holds.
const [first] = TWO_SERVICE.services;
const second = REPORTS_API;
const ownerOf = (url: string) => TWO_SERVICE.services.filter((s) => ENVIRONMENT_NAMES.some((env) => url.startsWith(`${s.baseUrls[env]}/`)));

describe('the two-service estate', () => {
  it('adds to the real services one that owns a different URL in every environment, prefix, health paths and thresholds', () => {
    expect(TWO_SERVICE.services).toEqual([...ONE_SERVICE.services, second]);
    for (const env of ENVIRONMENT_NAMES) expect(new URL(second.baseUrls[env]).host).not.toBe(new URL(first.baseUrls[env]).host);
    expect(second.metricPrefix).not.toBe(first.metricPrefix);
    expect([second.healthPath, second.detailedHealthPath]).not.toEqual([first.healthPath, first.detailedHealthPath]);
    expect(second.latencyTargetSeconds).not.toBe(first.latencyTargetSeconds);
    expect(second.minRequestsPerFiveMinutes).not.toBe(first.minRequestsPerFiveMinutes);
    // Through thresholdOverrides, the same alert differs between the two services.
    const production = buildAlertCatalog(TWO_SERVICE.services, TWO_SERVICE.configs.production);
    const threshold = (serviceId: string) => production.find((a) => a.id === `${serviceId}-error-ratio`)!.thresholds.critical;
    expect(threshold(second.id)).not.toBe(threshold(first.id));
  });

  it.each(ENVIRONMENT_NAMES)('gives each service two uptime checks of its own health paths at its own URL, and none at another\'s (%s)', (env) => {
    const targets = resourcesOf(synthOf(env, TWO_SERVICE), 'digitalocean_uptime_check').map(([, c]) => c.target as string);
    expect(targets).toHaveLength(TWO_SERVICE.services.length * UPTIME_ENDPOINTS.length);
    for (const service of TWO_SERVICE.services) {
      const own = targets.filter((t) => t.startsWith(`${service.baseUrls[env]}/`));
      expect(own.sort()).toEqual(UPTIME_ENDPOINTS.map((e) => `${service.baseUrls[env]}${healthPath(service, e)}`).sort());
    }
    for (const target of targets) expect([target, ownerOf(target).length]).toEqual([target, 1]);
  });

  it.each(ENVIRONMENT_NAMES)('gives each service its synthetic tests at its own URL, tagged with its id (%s)', (env) => {
    const tests = resourcesOf(synthOf(env, TWO_SERVICE), 'datadog_synthetics_test').map(([, t]) => t);
    for (const service of TWO_SERVICE.services) {
      const own = tests.filter((t) => t.tags.includes(`service:${service.id}`));
      expect(own.map((t) => t.request_definition.url).sort())
        .toEqual(apiChecks(service).map((c) => `${service.baseUrls[env]}${c.path}`).sort());
      expect(own.map((t) => t.request_definition.url)).toContain(`${service.baseUrls[env]}${service.detailedHealthPath}`);
    }
    // and one more, of Grafana's own health, tagged service:grafana
    expect(tests.filter((t) => t.tags.includes('service:grafana'))).toHaveLength(1);
    expect(tests).toHaveLength(TWO_SERVICE.services.flatMap(apiChecks).length + 1);
  });

  it.each(ENVIRONMENT_NAMES)('runs the primary service on the App Platform app with its own health path; the second is monitored only (%s)', (env) => {
    const [[, app]] = resourcesOf(synthOf(env, TWO_SERVICE), 'digitalocean_app');
    // The primary service and the Datadog Agent beside it (no health check of its own); no component for the second service.
    expect(app.spec.service.map((s: any) => [s.name, s.health_check?.http_path])).toEqual([[first.id, first.healthPath], ['datadog-agent', undefined]]);
    // The same app as the one-service estate's: adding a service does not redeploy the running one.
    expect(app).toEqual(resourcesOf(synthOf(env, ONE_SERVICE), 'digitalocean_app')[0][1]);
  });

  it.each(ENVIRONMENT_NAMES)('queries each service\'s own metrics in its own rule group, with its thresholds in force (%s)', (env) => {
    const groups = resourcesOf(synthOf(env, TWO_SERVICE), 'grafana_rule_group').map(([, g]) => g);
    const config = TWO_SERVICE.configs[env];
    // The catalog's rules, then each service's SLO burn-rate rules (stacks/grafana.ts).
    const slos = buildSloCatalog(TWO_SERVICE.services, config);
    const catalog = [...buildAlertCatalog(TWO_SERVICE.services, config),
      ...TWO_SERVICE.services.flatMap((s) => prometheusBurnRateAlerts(slos, s, config))].flatMap(rulesOf);
    for (const service of TWO_SERVICE.services) {
      const [group] = groups.filter((g) => g.name === service.id);
      const other = TWO_SERVICE.services.find((s) => s !== service)!;
      for (const rule of group.rule) {
        const { expr } = JSON.parse(rule.data[0].model);
        expect([rule.uid, expr.includes(`job="${service.id}"`), expr.includes(`job="${other.id}"`)]).toEqual([rule.uid, true, false]);
        if (expr.includes('_requests_total')) expect(expr).toContain(`${service.metricPrefix}_requests_total`);
        const { threshold } = catalog.find((r) => `${r.alert.id}-${r.severity}` === rule.uid)!;
        const condition = JSON.parse(rule.data[2].model);
        expect(condition.type === 'threshold' ? condition.conditions[0].evaluator.params : [Number(condition.expression.split(' ').pop())])
          .toEqual([threshold]);
      }
      expect(group.rule).toHaveLength(catalog.filter((r) => r.alert.serviceId === service.id).length);
    }
  });
});
