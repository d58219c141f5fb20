import { Testing } from 'cdktf';
import { SERVICES } from '../../../catalog/services';
import { ENVIRONMENTS } from '../../../config/environments';
import { ConfigError } from '../../../config/validate';
import { OnCallService, OnCallServiceProps } from '../../../constructs/pagerduty/on-call-service';
import { dataOf, resourcesOf, synthOf } from '../../support/synth';

const props: OnCallServiceProps = {
  serviceName: 'API (test)', description: 'd', responderEmails: ['a@example.com'], escalationDelayMinutes: 10,
};
const synthWith = (change: Partial<OnCallServiceProps>) =>
  JSON.parse(Testing.synthScope((scope) => { new OnCallService(scope, 'on-call', { ...props, ...change }); }));

describe('OnCallService (PagerDuty)', () => {
  it.each(['staging', 'production'] as const)('declares one service per environment, named after the primary service, with severity-based urgency (%s)', (env) => {
    const services = resourcesOf(synthOf(env), 'pagerduty_service');
    expect(services).toHaveLength(1);
    const [, service] = services[0];
    expect(service.name).toBe(`${SERVICES[0].displayName} (${env})`);
    expect(service.incident_urgency_rule).toEqual({ type: 'constant', urgency: 'severity_based' });
    expect(service.escalation_policy).toMatch(/^\$\{pagerduty_escalation_policy\.[\w-]+\.id\}$/);
    // Seconds as strings, as the provider takes them (a non-numeric one fails at apply).
    expect([service.auto_resolve_timeout, service.acknowledgement_timeout]).toEqual(['14400', '1800']);
  });

  it('escalates through the configured responders, looked up by e-mail', () => {
    const json = synthOf('production');
    const users = dataOf(json, 'pagerduty_user');
    expect(users.map(([, u]) => u.email)).toEqual(ENVIRONMENTS.production.pagerduty.responderEmails);
    const [[, policy]] = resourcesOf(json, 'pagerduty_escalation_policy');
    expect(policy.name).not.toMatch(/[\\/&<>]/); // characters PagerDuty rejects in policy names
    expect(policy.rule.map((r: any) => r.target[0])).toEqual(
      users.map(([name]) => ({ type: 'user_reference', id: `\${data.pagerduty_user.${name}.id}` })));
    expect(policy.rule.map((r: any) => r.escalation_delay_in_minutes)).toEqual(
      users.map(() => ENVIRONMENTS.production.pagerduty.escalationDelayMinutes));
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

  it('repeats the escalation policy twice unless told otherwise', () => {
    const policies = (json: any) => Object.values(json.resource.pagerduty_escalation_policy) as any[];
    expect(policies(synthWith({})).map((p) => p.num_loops)).toEqual([2]);
    expect(policies(synthWith({ numLoops: 0 })).map((p) => p.num_loops)).toEqual([0]);
  });

  it.each([
    ['an ampersand', 'Ops & Infra'],
    ['a slash', 'API / staging'],
    ['a trailing space', 'API '],
  ])('fails when the service name contains %s, which PagerDuty rejects in the escalation policy name', (_what, serviceName) => {
    expect(() => synthWith({ serviceName })).toThrow(ConfigError);
    expect(() => synthWith({ serviceName })).toThrow(`on-call: serviceName: got ${JSON.stringify(serviceName)}; expected a name without`);
  });

  it('fails when numLoops is outside the 0 to 9 PagerDuty allows', () => {
    expect(() => synthWith({ numLoops: 10 }))
      .toThrow('on-call: numLoops: got 10; expected a whole number from 0 to 9. Fix: pass another numLoops, or omit it for 2');
  });
});
