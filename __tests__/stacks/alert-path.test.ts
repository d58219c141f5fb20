/**
 * The alert path watches itself, across vendors, read from the synthesized JSON:
 * Grafana's always-firing watchdog reaches only its own contact point, which posts a
 * tagged event to Datadog's events API; a Datadog event monitor pages when those
 * events stop; a Datadog synthetic test pages when Grafana's health endpoint fails; and
 * in production "the API is down" reaches PagerDuty.
 */
import { SERVICES } from '../../catalog/services';
import { ENVIRONMENTS } from '../../config/environments';
import { ENVIRONMENT_NAMES } from '../../config/types';
import { routesOf } from '../../review/routing-graph';
import { resourcesOf, synthOf } from '../support/synth';

type Env = (typeof ENVIRONMENT_NAMES)[number];
type Resource = Record<string, any>;

function only(env: Env, type: string, where: (r: Resource) => boolean): [string, Resource] {
  const found = resourcesOf(synthOf(env), type).filter(([, r]) => where(r));
  expect(found.map(([name]) => name)).toHaveLength(1);
  return found[0];
}

/** What the Grafana policy tree's first matching route is for these labels (the watchdog's route has no `continue`). */
function firstRoute(policy: Resource, labels: Record<string, string>): Resource {
  return policy.policy.find((route: Resource) => route.matcher.every((m: Resource) => m.match === '=' && labels[m.label] === m.value));
}

describe('the watchdog, end to end', () => {
  it.each(ENVIRONMENT_NAMES)('fires always in Grafana, routes to its webhook, posts tagged events that a Datadog monitor counts (%s)', (env) => {
    const config = ENVIRONMENTS[env];
    // 1. The rule: vector(1), firing even when Prometheus fails or returns nothing.
    const [, group] = only(env, 'grafana_rule_group', (g) => g.name === 'watchdog');
    expect(group.rule).toHaveLength(1);
    const [rule] = group.rule;
    const query = JSON.parse(rule.data.find((d: Resource) => d.ref_id === 'A').model);
    expect(query.expr).toBe('vector(1)');
    expect([rule.no_data_state, rule.exec_err_state, rule.for]).toEqual(['Alerting', 'Alerting', '0s']);
    expect(rule.labels).toEqual({ heartbeat: 'grafana-watchdog', environment: env });

    // 2. The route: first in the tree, to the heartbeat contact point only, repeating every 5 minutes.
    const [, policy] = only(env, 'grafana_notification_policy', () => true);
    const route = firstRoute(policy, rule.labels);
    expect(route).toBe(policy.policy[0]);
    expect(route).toMatchObject({ continue: false, repeat_interval: '5m' });
    const [contactPointName, contactPoint] = only(env, 'grafana_contact_point', (c) => c.webhook !== undefined);
    expect(route.contact_point).toBe(`\${grafana_contact_point.${contactPointName}.name}`);

    // 3. The webhook: Datadog's events API, key from a sensitive variable in the DD-API-KEY header.
    const [webhook] = contactPoint.webhook;
    expect(webhook.url).toBe(`https://api.${config.datadog.site}/api/v1/events`);
    expect(webhook.headers).toEqual({ 'DD-API-KEY': '${var.datadog_logs_api_key}' });
    expect(synthOf(env).variable?.datadog_logs_api_key).toMatchObject({ sensitive: true });
    const event = JSON.parse(webhook.payload.template);
    expect(event).toMatchObject({ title: expect.any(String), text: expect.any(String) }); // the events API requires both
    expect(event.tags).toEqual(['heartbeat:grafana-watchdog', `env:${env}`]);

    // 4. The Datadog monitor counts exactly those events and alerts when fewer than 1 arrived in 15 minutes.
    const [, heartbeat] = only(env, 'datadog_monitor', (m) => m.type === 'event-v2 alert');
    expect(heartbeat.query).toBe(`events("${event.tags.join(' ')}").rollup("count").last("15m") < 1`);
    expect(heartbeat.monitor_thresholds).toEqual({ critical: '1' });
    // At least three heartbeats fit in the monitor's window: one lost request does not page.
    const windowMinutes = Number(/\.last\("(\d+)m"\)/.exec(heartbeat.query)![1]);
    const repeatMinutes = Number(/^(\d+)m$/.exec(route.repeat_interval)![1]);
    expect(windowMinutes / repeatMinutes).toBeGreaterThanOrEqual(3);
    expect(heartbeat.message).toMatch(config.pagesOnCall
      ? /\n\nNotify: @pagerduty-esg-scraper-api-production @slack-alerts$/
      : /\n\nNotify: @slack-alerts$/);
  });

  it.each(ENVIRONMENT_NAMES)('shows the path in the routing picture: Watchdog to the heartbeat, heartbeat monitor to its handles (%s)', (env) => {
    const routes = routesOf(synthOf(env));
    // Each route names where it arrives (review/destinations.ts) and how the vendor names it (`via`).
    expect(routes.filter((r) => r.alert === 'Watchdog').map((r) => [r.source, r.destination, r.via]))
      .toEqual([['Grafana', 'Webhook https://api.datadoghq.com/api/v1/events', `contact point esg-scraper-${env}-watchdog-heartbeat`]]);
    const heartbeat = routes.filter((r) => r.alert.startsWith(`Grafana alerting (${env}): watchdog heartbeat missing`));
    expect(heartbeat.map((r) => [r.destination, r.via]).sort()).toEqual(env === 'production'
      ? [['PagerDuty ESG Scraper API (production)', '@pagerduty-esg-scraper-api-production'], ['Slack #alerts', '@slack-alerts']]
      : [['Slack #alerts', '@slack-alerts']]);
  });
});

describe('Grafana itself, checked from outside', () => {
  it.each(ENVIRONMENT_NAMES)('is probed by a Datadog synthetic test of /api/health every minute that pages when it fails (%s)', (env) => {
    const config = ENVIRONMENTS[env];
    const [, test] = only(env, 'datadog_synthetics_test', (t) => t.request_definition.url.endsWith('/api/health'));
    expect(test.request_definition).toEqual({ method: 'GET', url: `${config.grafana.publicUrl}/api/health` });
    expect(test.assertion).toEqual([
      { type: 'statusCode', operator: 'is', target: '200' },
      { type: 'body', operator: 'validatesJSONPath', targetjsonpath: { jsonpath: '$.database', operator: 'is', targetvalue: 'ok' } },
    ]);
    expect(test.options_list).toMatchObject({ tick_every: 60, monitor_priority: 1 });
    expect(test.tags).toContain('severity:critical');
    expect(test.message).toMatch(config.pagesOnCall
      ? /\n\nNotify: @pagerduty-esg-scraper-api-production @slack-alerts$/
      : /\n\nNotify: @slack-alerts$/);
  });
});

describe('"the API is down" in production', () => {
  it('reaches PagerDuty from Datadog (synthetic test, APM data) and from Grafana (no metrics)', () => {
    const routes = routesOf(synthOf('production')).filter((r) => /pagerduty/i.test(r.destination));
    const paging = (pattern: RegExp) => routes.filter((r) => pattern.test(r.alert)).map((r) => r.source);
    expect(paging(/^ESG Scraper API \(production\): GET \/health\/detailed$/)).toEqual(['Datadog']);
    expect(paging(/^ESG Scraper API \(production\): no APM data/)).toEqual(['Datadog']);
    expect(paging(/no APM data/)).toEqual(SERVICES.map(() => 'Datadog')); // every service's own
    expect(paging(/^ESG Scraper API: no metrics$/)).toEqual(['Grafana']);
  });
});
