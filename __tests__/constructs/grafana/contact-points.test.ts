import { Testing } from 'cdktf';
import { ENVIRONMENTS } from '../../../config/environments';
import { AlertContactPoints } from '../../../constructs/grafana/contact-points';
import { resourcesOf, synthOf } from '../../support/synth';

const contactPointsOf = (env: 'staging' | 'production') =>
  Object.fromEntries(resourcesOf(synthOf(env), 'grafana_contact_point').map(([, c]) => [c.name, c]));

describe('AlertContactPoints (grafana_contact_point)', () => {
  it('declares PagerDuty, both Slack channels and the watchdog heartbeat in production', () => {
    expect(Object.keys(contactPointsOf('production')).sort()).toEqual([
      'esg-scraper-production-pagerduty', 'esg-scraper-production-slack-alerts', 'esg-scraper-production-slack-monitoring',
      'esg-scraper-production-watchdog-heartbeat']);
  });

  it('takes the PagerDuty integration key by reference from the Grafana integration of the PagerDuty service', () => {
    const json = synthOf('production');
    const [integration] = resourcesOf(json, 'pagerduty_service_integration').filter(([, i]) => i.name === 'Grafana');
    const pagerduty = contactPointsOf('production')['esg-scraper-production-pagerduty'];
    expect(pagerduty.pagerduty).toHaveLength(1);
    expect(pagerduty.pagerduty[0].integration_key).toBe(`\${pagerduty_service_integration.${integration[0]}.integration_key}`);
    // Our severity label is a PagerDuty severity; the service's severity-based urgency does the rest.
    expect(pagerduty.pagerduty[0].severity).toBe('{{ or .CommonLabels.severity "critical" }}');
    expect(pagerduty.slack).toBeUndefined();
  });

  it.each(['staging', 'production'] as const)('posts to Slack through sensitive webhook variables, naming the channel (%s)', (env) => {
    const json = synthOf(env);
    const points = contactPointsOf(env);
    expect(points[`esg-scraper-${env}-slack-alerts`].slack).toEqual([expect.objectContaining({
      url: '${var.slack_webhook_alerts}', recipient: ENVIRONMENTS[env].slack.alertsChannel })]);
    expect(points[`esg-scraper-${env}-slack-monitoring`].slack).toEqual([expect.objectContaining({
      url: '${var.slack_webhook_monitoring}', recipient: ENVIRONMENTS[env].slack.monitoringChannel })]);
    expect(json.variable?.slack_webhook_alerts?.sensitive).toBe(true);
    expect(json.variable?.slack_webhook_monitoring?.sensitive).toBe(true);
    expect(JSON.stringify(json)).not.toMatch(/hooks\.slack\.com/);
  });

  it('declares no PagerDuty contact point in staging, and no Grafana resource there references PagerDuty', () => {
    expect(Object.keys(contactPointsOf('staging')).sort()).toEqual([
      'esg-scraper-staging-slack-alerts', 'esg-scraper-staging-slack-monitoring', 'esg-scraper-staging-watchdog-heartbeat']);
    const grafana = Object.entries(synthOf('staging').resource).filter(([type]) => type.startsWith('grafana_'));
    expect(JSON.stringify(grafana)).not.toMatch(/pagerduty/i);
  });

  it('fails when a policy asks for a contact point that was not declared', () => {
    expect(() => Testing.synthScope((scope) => {
      const points = new AlertContactPoints(scope, 'points', {
        namePrefix: 'x', receivers: { 'slack-alerts': { type: 'slack', webhookUrl: 'u', channel: '#a' } },
      });
      points.nameOf('pagerduty');
    })).toThrow('No contact point "pagerduty"; declared: slack-alerts. Fix: add a receiver for it in stacks/grafana.ts');
  });
});
