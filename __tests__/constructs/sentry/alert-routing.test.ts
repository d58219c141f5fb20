import { Testing } from 'cdktf';
import { Construct } from 'constructs';
import { SentryAlertRouting, SentryAlertRoutingProps } from '../../../constructs/sentry/alert-routing';
import { Alert } from '../../../providers/sentry/alert';

const SLACK_ONLY: SentryAlertRoutingProps = {
  organization: 'acme',
  slackIntegrationName: 'Acme Workspace',
  slackChannels: { 'slack-alerts': '#alerts', 'slack-monitoring': '#monitoring' },
};

function synth(fn: (scope: Construct) => void): any {
  return JSON.parse(Testing.synthScope(fn));
}

describe('SentryAlertRouting', () => {
  it('maps Slack destinations to their channels through the Slack integration found by name', () => {
    const json = synth((scope) => {
      const routing = new SentryAlertRouting(scope, 'routing', SLACK_ONLY);
      new Alert(scope, 'alert', {
        organization: 'acme', name: 'a', monitorIds: ['1'], frequencyMinutes: 30,
        actionFilters: [{ logicType: 'all', actions: routing.actionsFor(['slack-monitoring', 'slack-alerts']) }],
      });
    });
    const lookups = Object.entries(json.data.sentry_organization_integration) as [string, any][];
    expect(lookups).toHaveLength(1);
    const [name, lookup] = lookups[0];
    expect(lookup).toMatchObject({ organization: 'acme', provider_key: 'slack', name: 'Acme Workspace' });
    const id = `\${data.sentry_organization_integration.${name}.id}`;
    const [alert] = Object.values(json.resource.sentry_alert) as any[];
    expect(alert.action_filters[0].actions).toEqual([
      { slack: { integration_id: id, channel_name: '#monitoring' } },
      { slack: { integration_id: id, channel_name: '#alerts' } },
    ]);
    expect(json.resource.sentry_integration_pagerduty).toBeUndefined();
  });

  it('registers the PagerDuty service on the PagerDuty integration found by name, with the key given', () => {
    const json = synth((scope) => {
      const routing = new SentryAlertRouting(scope, 'routing', {
        ...SLACK_ONLY,
        pagerduty: { integrationName: 'acme-pd', serviceName: 'API', integrationKey: 'KEY-REF', severity: 'error' },
      });
      new Alert(scope, 'alert', {
        organization: 'acme', name: 'a', monitorIds: ['1'], frequencyMinutes: 5,
        actionFilters: [{ logicType: 'all', actions: routing.actionsFor(['pagerduty']) }],
      });
    });
    const lookups = Object.values(json.data.sentry_organization_integration) as any[];
    expect(lookups.map((l) => [l.provider_key, l.name]).sort()).toEqual([['pagerduty', 'acme-pd'], ['slack', 'Acme Workspace']]);
    const services = Object.values(json.resource.sentry_integration_pagerduty) as any[];
    expect(services).toHaveLength(1);
    expect(services[0]).toMatchObject({ organization: 'acme', service: 'API', integration_key: 'KEY-REF' });
    expect(services[0].integration_id).toMatch(/^\$\{data\.sentry_organization_integration\.[\w-]+\.id\}$/);
    const [pdName] = Object.keys(json.resource.sentry_integration_pagerduty);
    const [alert] = Object.values(json.resource.sentry_alert) as any[];
    expect(alert.action_filters[0].actions).toEqual([{
      pagerduty: {
        integration_id: `\${sentry_integration_pagerduty.${pdName}.integration_id}`,
        service_id: `\${sentry_integration_pagerduty.${pdName}.id}`,
        service_name: `\${sentry_integration_pagerduty.${pdName}.service}`,
        severity: 'error',
      },
    }]);
  });

  it('fails when a pagerduty destination is asked for where nothing pages', () => {
    expect(() => synth((scope) => {
      new SentryAlertRouting(scope, 'routing', SLACK_ONLY).actionsFor(['pagerduty', 'slack-alerts']);
    })).toThrow(/got a "pagerduty" destination but no pagerduty props.*Fix: pass `pagerduty`/);
  });
});
