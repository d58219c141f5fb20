import { buildAlertCatalog, rulesOf } from '../../../catalog/alerts';
import { destinationsFor } from '../../../catalog/routing';
import { ENVIRONMENTS } from '../../../config/environments';
import { ENVIRONMENT_NAMES } from '../../../config/types';
import { ESTATES } from '../../support/estates';
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

  describe.each(ESTATES)('in the $name', (estate) => {
    /** Every rule of every service's group. */
    const rulesIn = (json: TerraformJson) => resourcesOf(json, 'grafana_rule_group').flatMap(([, g]) => g.rule);

    it.each(ENVIRONMENT_NAMES)('routes every rule by its labels to exactly the destinations of its severity (%s)', (envName) => {
      const json = synthOf(envName, estate);
      const env = estate.configs[envName];
      const [[, policy]] = resourcesOf(json, 'grafana_notification_policy');
      const rules = rulesIn(json);
      expect(rules).toHaveLength(buildAlertCatalog(estate.services, env).flatMap(rulesOf).length);
      for (const rule of rules) {
        const reached = contactPointsReached(policy, { alertname: rule.name, ...rule.labels }).map((ref) => destinationOf(resolveContactPoint(json, ref)));
        expect([rule.uid, reached]).toEqual([rule.uid, destinationsFor(rule.labels.severity, env)]);
      }
    });

    it('pages on every critical production alert of every service, by reference to the PagerDuty integration', () => {
      const json = synthOf('production', estate);
      const [[, policy]] = resourcesOf(json, 'grafana_notification_policy');
      const critical = rulesIn(json).filter((r: any) => r.labels.severity === 'critical');
      expect(critical.map((r: any) => r.uid).sort()).toEqual(buildAlertCatalog(estate.services, estate.configs.production).flatMap(rulesOf)
        .filter((r) => r.severity === 'critical').map((r) => `${r.alert.id}-${r.severity}`).sort());
      for (const rule of critical) {
        const keys = contactPointsReached(policy, rule.labels).map((ref) => resolveContactPoint(json, ref))
          .flatMap((c) => (c.pagerduty ?? []).map((p: any) => p.integration_key));
        expect(keys).toEqual([expect.stringMatching(/^\$\{pagerduty_service_integration\.[\w-]+\.integration_key\}$/)]);
      }
    });
  });

  it('pages on the seed\'s two critical alerts in production: the 5xx error ratio and absent metrics (pinned)', () => {
    const json = synthOf('production');
    const [[, group]] = resourcesOf(json, 'grafana_rule_group');
    const critical = group.rule.filter((r: any) => r.labels.severity === 'critical');
    expect(critical.map((r: any) => r.uid)).toEqual(['esg-scraper-api-error-ratio-critical', 'esg-scraper-api-metrics-absent-critical']);
  });

  it('sends alerts without a known severity to Slack #alerts rather than nowhere', () => {
    const json = synthOf('production');
    const [[, policy]] = resourcesOf(json, 'grafana_notification_policy');
    expect(contactPointsReached(policy, { alertname: 'hand-made' }).map((ref) => resolveContactPoint(json, ref).name))
      .toEqual(['esg-scraper-production-slack-alerts']);
    expect(policy.group_by).toEqual(['grafana_folder', 'alertname', 'severity']);
  });

  it('routes the watchdog first, to its heartbeat only, repeating every 5 minutes and never muted', () => {
    for (const env of ['staging', 'production'] as const) {
      const json = synthOf(env);
      const [[, policy]] = resourcesOf(json, 'grafana_notification_policy');
      const [first] = policy.policy;
      expect(first.matcher).toEqual([{ label: 'heartbeat', match: '=', value: 'grafana-watchdog' }]);
      expect(first).toMatchObject({ continue: false, group_wait: '0s', group_interval: '1m', repeat_interval: '5m' });
      expect(first.mute_timings).toBeUndefined();
      expect(resolveContactPoint(json, first.contact_point).name).toBe(`esg-scraper-${env}-watchdog-heartbeat`);
      expect(contactPointsReached(policy, { heartbeat: 'grafana-watchdog', environment: env })
        .map((ref) => resolveContactPoint(json, ref).name)).toEqual([`esg-scraper-${env}-watchdog-heartbeat`]);
    }
  });

  it('matches on severity and environment in every route after the watchdog\'s', () => {
    for (const env of ['staging', 'production'] as const) {
      const [[, policy]] = resourcesOf(synthOf(env), 'grafana_notification_policy');
      for (const route of policy.policy.slice(1)) {
        expect(route.matcher.map((m: any) => [m.label, m.match])).toEqual([['severity', '='], ['environment', '=']]);
        expect(route.matcher[1].value).toBe(env);
      }
    }
  });
});
