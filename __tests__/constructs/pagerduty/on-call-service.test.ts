import { dataOf, resourcesOf, synthOf } from '../../support/synth';

describe('OnCallService (PagerDuty)', () => {
  it.each(['staging', 'production'] as const)('declares one service per environment with severity-based urgency (%s)', (env) => {
    const services = resourcesOf(synthOf(env), 'pagerduty_service');
    expect(services).toHaveLength(1);
    const [, service] = services[0];
    expect(service.name).toBe(`ESG Scraper API (${env})`);
    expect(service.incident_urgency_rule).toEqual({ type: 'constant', urgency: 'severity_based' });
    expect(service.escalation_policy).toMatch(/^\$\{pagerduty_escalation_policy\.[\w-]+\.id\}$/);
  });

  it('escalates through the configured responders, looked up by e-mail', () => {
    const json = synthOf('production');
    const users = dataOf(json, 'pagerduty_user');
    expect(users.map(([, u]) => u.email)).toEqual(['oncall@blueprintbuddy.io', 'platform-lead@blueprintbuddy.io']);
    const [[, policy]] = resourcesOf(json, 'pagerduty_escalation_policy');
    expect(policy.name).not.toMatch(/[\\/&<>]/); // characters PagerDuty rejects in policy names
    expect(policy.rule.map((r: any) => r.target[0])).toEqual(
      users.map(([name]) => ({ type: 'user_reference', id: `\${data.pagerduty_user.${name}.id}` })));
    expect(policy.rule.every((r: any) => r.escalation_delay_in_minutes === 15)).toBe(true);
  });

  it('gives Grafana, Datadog and Sentry each an Events API v2 integration', () => {
    const integrations = resourcesOf(synthOf('production'), 'pagerduty_service_integration');
    expect(integrations.map(([, i]) => i.name).sort()).toEqual(['Datadog', 'Grafana', 'Sentry']);
    for (const [, integration] of integrations) {
      expect(integration.type).toBe('events_api_v2_inbound_integration');
      expect(integration.vendor).toBeUndefined(); // type and vendor conflict
      expect(integration.integration_key).toBeUndefined(); // read-only: read it, never set it
    }
  });
});
