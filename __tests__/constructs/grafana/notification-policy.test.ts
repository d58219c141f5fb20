import { buildAlertCatalog, rulesOf } from '../../../catalog/alerts';
import { prometheusBurnRateAlerts } from '../../../catalog/burn-rates';
import { buildSloCatalog } from '../../../catalog/slos';
import { destinationsFor } from '../../../catalog/routing';
import { SERVICES } from '../../../catalog/services';
import { ENVIRONMENTS } from '../../../config/environments';
import { resourcesOf, synthOf, TerraformJson } from '../../support/synth';

type Labels = Record<string, string>;

/** Grafana's routing: children in order, first match stops unless it continues; no match falls back to the root. */
function contactPointsReached(policy: any, labels: Labels): string[] {
  const matches = (m: { label: string; match: string; value: string }) => {
    const actual = labels[m.label] ?? '';
    switch (m.match) {
      case '=': return actual === m.value;
      case '!=': return actual !== m.value;
      case '=~': return new RegExp(`^(?:${m.value})$`).test(actual);
      default: return !new RegExp(`^(?:${m.value})$`).test(actual);
    }
  };
  const reached: string[] = [];
  for (const child of policy.policy ?? []) {
    if (!(child.matcher ?? []).every(matches)) continue;
    reached.push(child.contact_point);
    if (!child.continue) break;
  }
  return reached.length > 0 ? reached : [policy.contact_point];
}

/** `${grafana_contact_point.<id>.name}` → the contact point's body. */
function resolveContactPoint(json: TerraformJson, ref: string): Record<string, any> {
  const [, id] = /^\$\{grafana_contact_point\.([\w-]+)\.name\}$/.exec(ref) ?? [];
  expect(json.resource.grafana_contact_point[id]).toBeDefined();
  return json.resource.grafana_contact_point[id];
}

const destinationOf = (contactPoint: Record<string, any>) => contactPoint.name.replace(/^esg-scraper-\w+-/, '');

describe('AlertNotificationPolicy (grafana_notification_policy)', () => {
  it.each(['staging', 'production'] as const)('declares exactly one policy tree, in the environment\'s own organization (%s)', (env) => {
    const json = synthOf(env);
    expect(resourcesOf(json, 'grafana_notification_policy')).toHaveLength(1);
    expect((json.provider.grafana[0] as any).org_id).toBe(ENVIRONMENTS[env].grafana.orgId);
  });

  it('gives the two environments different Grafana organizations, so their trees never replace each other', () => {
    expect(ENVIRONMENTS.staging.grafana.orgId).not.toBe(ENVIRONMENTS.production.grafana.orgId);
  });

  it.each(['staging', 'production'] as const)('routes every rule by its labels to exactly the destinations of its severity (%s)', (envName) => {
    const json = synthOf(envName);
    const env = ENVIRONMENTS[envName];
    const [[, policy]] = resourcesOf(json, 'grafana_notification_policy');
    const [[, group]] = resourcesOf(json, 'grafana_rule_group');
    const burnRates = prometheusBurnRateAlerts(buildSloCatalog(SERVICES, env), SERVICES[0], env);
    const rules = [...buildAlertCatalog(SERVICES, env), ...burnRates].flatMap(rulesOf);
    expect(group.rule).toHaveLength(rules.length);
    for (const rule of group.rule) {
      const reached = contactPointsReached(policy, { alertname: rule.name, ...rule.labels }).map((ref) => destinationOf(resolveContactPoint(json, ref)));
      expect([rule.uid, reached]).toEqual([rule.uid, destinationsFor(rule.labels.severity, env)]);
    }
  });

  it('pages on every critical production alert, by reference to the PagerDuty integration', () => {
    const json = synthOf('production');
    const [[, policy]] = resourcesOf(json, 'grafana_notification_policy');
    const [[, group]] = resourcesOf(json, 'grafana_rule_group');
    const critical = group.rule.filter((r: any) => r.labels.severity === 'critical');
    expect(critical.map((r: any) => r.uid)).toEqual(['esg-scraper-api-error-ratio-critical', 'esg-scraper-api-metrics-absent-critical',
      'esg-scraper-api-errors-burn-1h-critical', 'esg-scraper-api-errors-burn-6h-critical',
      'esg-scraper-api-slow-burn-1h-critical', 'esg-scraper-api-slow-burn-6h-critical']);
    for (const rule of critical) {
      const keys = contactPointsReached(policy, rule.labels).map((ref) => resolveContactPoint(json, ref))
        .flatMap((c) => (c.pagerduty ?? []).map((p: any) => p.integration_key));
      expect(keys).toEqual([expect.stringMatching(/^\$\{pagerduty_service_integration\.[\w-]+\.integration_key\}$/)]);
    }
  });

  it('sends alerts without a known severity to Slack #alerts rather than nowhere', () => {
    const json = synthOf('production');
    const [[, policy]] = resourcesOf(json, 'grafana_notification_policy');
    expect(contactPointsReached(policy, { alertname: 'hand-made' }).map((ref) => resolveContactPoint(json, ref).name))
      .toEqual(['esg-scraper-production-slack-alerts']);
    expect(policy.group_by).toEqual(['grafana_folder', 'alertname', 'severity']);
  });

  it('matches on severity and environment in every route', () => {
    for (const env of ['staging', 'production'] as const) {
      const [[, policy]] = resourcesOf(synthOf(env), 'grafana_notification_policy');
      for (const route of policy.policy) {
        expect(route.matcher.map((m: any) => [m.label, m.match])).toEqual([['severity', '='], ['environment', '=']]);
        expect(route.matcher[1].value).toBe(env);
      }
    }
  });
});
