import { checkMermaid } from '../../bench/comment-scale';
import { routingPicture as draw } from '../../review/mermaid';
import { diffRoutes, RoutingDiff, routesOf } from '../../review/routing-graph';
import { synthOf } from '../support/synth';
import { MERMAID_TIMEOUT } from './fixtures';

/**
 * One destination per place notifications arrive, whichever vendor sends them:
 * the identity is read from the stack, so renaming the PagerDuty service renames
 * it for every vendor at once.
 */

/** Every picture these tests draw, checked by Mermaid's parser at the end. */
const drawn: string[] = [];
function routingPicture(diff: RoutingDiff) {
  const picture = draw(diff);
  drawn.push(picture.text);
  return picture;
}

describe('destinations of the real production stack', () => {
  const routes = routesOf(synthOf('production'));

  it('has exactly the three places production notifies, plus the DigitalOcean e-mail and the watchdog\'s heartbeat', () => {
    expect([...new Set(routes.map((r) => r.destination))].sort()).toEqual([
      'E-mail alerts@blueprintbuddy.io',
      'PagerDuty ESG Scraper API (production)',
      'Slack #alerts',
      'Slack #monitoring',
      'Webhook https://api.datadoghq.com/api/v1/events',
    ]);
    // The always-firing watchdog is the only alert sent to Datadog's events API (Datadog's heartbeat monitor reads it).
    const heartbeat = routes.filter((r) => r.destination.startsWith('Webhook '));
    expect(heartbeat.map((r) => `${r.source}: ${r.alert}`)).toEqual(['Grafana: Watchdog']);
  });

  it('maps every vendor\'s name for the alerts channel to Slack #alerts', () => {
    const vias = [...new Set(routes.filter((r) => r.destination === 'Slack #alerts').map((r) => `${r.source}: ${r.via}`))].sort();
    expect(vias).toEqual([
      'Datadog: @slack-alerts',
      'DigitalOcean: Slack webhook',
      'Grafana: contact point esg-scraper-production-slack-alerts',
      'Sentry: slack action',
    ]);
  });

  it('maps Grafana\'s, Datadog\'s and Sentry\'s PagerDuty routes to the PagerDuty service they page', () => {
    const vias = [...new Set(routes.filter((r) => r.destination.startsWith('PagerDuty')).map((r) => `${r.source}: ${r.via}`))].sort();
    expect(vias).toEqual([
      'Datadog: @pagerduty-esg-scraper-api-production',
      'Grafana: contact point esg-scraper-production-pagerduty',
      'Sentry: pagerduty action',
    ]);
  });

  it('follows the references, not the vendors\' names: a renamed PagerDuty service is renamed for every vendor', () => {
    const stack = structuredClone(synthOf('production'));
    const [service] = Object.values(stack.resource.pagerduty_service);
    service.name = 'Platform on-call';
    const paging = routesOf(stack).filter((r) => r.via.includes('pagerduty'));
    expect(new Set(paging.map((r) => r.source))).toEqual(new Set(['Grafana', 'Datadog', 'Sentry']));
    expect(new Set(paging.map((r) => r.destination))).toEqual(new Set(['PagerDuty Platform on-call']));
  });

  it('draws one node for Slack #alerts when several vendors\' routes to it change', () => {
    const after = structuredClone(synthOf('production'));
    for (const test of Object.values(after.resource.datadog_synthetics_test)) test.message = String(test.message).replace('@slack-alerts', '');
    for (const alert of Object.values(after.resource.digitalocean_monitor_alert)) delete alert.alerts.slack;
    const [policy] = Object.values(after.resource.grafana_notification_policy);
    const warning = policy.policy.find((p: Record<string, any>) => p.matcher.some((m: Record<string, string>) => m.value === 'warning'));
    warning.contact_point = policy.policy.find((p: Record<string, any>) => String(p.contact_point).includes('slack-monitoring')).contact_point;

    const diff = diffRoutes('production', synthOf('production'), after);
    expect(new Set(diff.removed.map((r) => r.source))).toEqual(new Set(['Datadog', 'DigitalOcean', 'Grafana']));
    expect(diff.removed.every((r) => r.destination === 'Slack #alerts')).toBe(true);
    const picture = routingPicture(diff).text;
    expect(picture.match(/\(\["Slack #alerts"\]\)/g)).toHaveLength(1);
    expect(picture.match(/\(\["[^"]*"\]\)/g)).toEqual(['(["Slack #monitoring"])', '(["Slack #alerts"])']);
  });
});

describe('routing diff', () => {
  it('shows a mute-timing change as one changed route per alert, labelled with what changed', () => {
    const after = structuredClone(synthOf('production'));
    const [policy] = Object.values(after.resource.grafana_notification_policy);
    const info = policy.policy.find((p: Record<string, any>) => p.matcher.some((m: Record<string, string>) => m.value === 'info'));
    delete info.mute_timings;

    const diff = diffRoutes('production', synthOf('production'), after);
    const infoAlerts = routesOf(synthOf('production')).filter((r) => r.source === 'Grafana' && r.severity === 'info');
    expect(infoAlerts.length).toBeGreaterThan(0);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.changed).toHaveLength(infoAlerts.length);
    expect(diff.changed.every((c) => c.what === 'muted: weekly-maintenance → not muted' && c.after.mutedBy === undefined)).toBe(true);
    const links = routingPicture(diff).text.split('\n').filter((l) => l.includes('|"'));
    expect(links).toEqual([expect.stringMatching(/^ {2}a0 -->\|"info · muted: weekly-maintenance → not muted"\| d0$/)]);
  });
});

describe('pictures', () => {
  it('are accepted by Mermaid\'s own parser', () => {
    expect(drawn).toHaveLength(2);
    expect(checkMermaid(drawn).results.map((r) => r.ok)).toEqual([true, true]);
  }, MERMAID_TIMEOUT);
});
