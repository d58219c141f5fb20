import { Testing } from 'cdktf';
import { ConfigError } from '../../../config/validate';
import { OnCallService, OnCallServiceProps } from '../../../constructs/pagerduty/on-call-service';
import { dataOf, resourcesOf, synthOf } from '../../support/synth';

const props: OnCallServiceProps = {
  serviceName: 'API (test)',
  description: 'd',
  rotation: { responderEmails: ['a@example.com', 'b@example.com'], length: 'daily', handoffTime: '09:30', timeZone: 'America/New_York', startDate: '2026-03-02' },
  escalationDelayMinutes: 10,
};
const synthWith = (change: Partial<OnCallServiceProps>) =>
  JSON.parse(Testing.synthScope((scope) => { new OnCallService(scope, 'on-call', { ...props, ...change }); }));

describe('OnCallService (PagerDuty)', () => {
  it('declares one service in production, with severity-based urgency', () => {
    const services = resourcesOf(synthOf('production'), 'pagerduty_service');
    expect(services).toHaveLength(1);
    const [, service] = services[0];
    expect(service.name).toBe('ESG Scraper API (production)');
    expect(service.incident_urgency_rule).toEqual({ type: 'constant', urgency: 'severity_based' });
    expect(service.escalation_policy).toMatch(/^\$\{pagerduty_escalation_policy\.[\w-]+\.id\}$/);
    // Seconds as strings, as the provider takes them (a non-numeric one fails at apply).
    expect([service.auto_resolve_timeout, service.acknowledgement_timeout]).toEqual(['14400', '1800']);
  });

  it('declares nothing of PagerDuty in staging, which never pages: no resource, data source, provider or link', () => {
    const json = synthOf('staging');
    const pagerdutyTypes = [...Object.keys(json.resource), ...Object.keys(json.data ?? {})].filter((t) => t.includes('pagerduty'));
    expect(pagerdutyTypes).toEqual([]);
    expect(Object.keys(json.provider)).not.toContain('pagerduty');
    expect(Object.keys(json.terraform.required_providers)).not.toContain('pagerduty');
    expect(Object.keys(json.output ?? {}).filter((o) => o.startsWith('pagerduty'))).toEqual([]);
    // Nor what depends on PagerDuty in the other vendors.
    const grafanaPagerduty = resourcesOf(json, 'grafana_contact_point').filter(([, c]) => c.pagerduty !== undefined);
    expect(grafanaPagerduty).toEqual([]);
    expect(JSON.stringify(json)).not.toMatch(/@pagerduty-/);
    // Sentry looks up no PagerDuty integration (types named pagerduty, like its service registration, are caught above).
    expect(dataOf(json, 'sentry_organization_integration').filter(([, d]) => d.provider_key === 'pagerduty')).toEqual([]);
    // The check above is not vacuous: production has each of them.
    const production = synthOf('production');
    for (const type of ['pagerduty_service', 'sentry_integration_pagerduty', 'datadog_integration_pagerduty_service_object']) {
      expect(resourcesOf(production, type)).toHaveLength(1);
    }
    expect(dataOf(production, 'sentry_organization_integration').filter(([, d]) => d.provider_key === 'pagerduty')).toHaveLength(1);
  });

  it('pages the rotation first, then the second line after the delay, repeating num_loops times (production)', () => {
    const json = synthOf('production');
    const users = dataOf(json, 'pagerduty_user');
    // One lookup per person, though the lead is both in the rotation and the second line.
    expect(users.map(([, u]) => u.email)).toEqual(['oncall@blueprintbuddy.io', 'platform-lead@blueprintbuddy.io']);
    const schedules = resourcesOf(json, 'pagerduty_schedule');
    expect(schedules).toHaveLength(1);
    const [[scheduleName, schedule]] = schedules;
    expect(schedule.time_zone).toBe('Europe/Berlin');
    expect(schedule.layer).toHaveLength(1);
    expect(schedule.layer[0]).toMatchObject({
      // Weekly turns, handing over at 10:00 Berlin time (UTC+1 in January) on the configured Monday.
      rotation_turn_length_seconds: 7 * 24 * 3600,
      start: '2026-01-05T10:00:00+01:00',
      rotation_virtual_start: '2026-01-05T10:00:00+01:00',
      users: users.map(([name]) => `\${data.pagerduty_user.${name}.id}`),
    });

    const policies = resourcesOf(json, 'pagerduty_escalation_policy');
    expect(policies).toHaveLength(1);
    const [[, policy]] = policies;
    expect(policy.name).not.toMatch(/[\\/&<>]/); // characters PagerDuty rejects in policy names
    expect(policy.num_loops).toBe(2);
    expect(policy.rule).toEqual([
      { escalation_delay_in_minutes: 15, target: [{ type: 'schedule_reference', id: `\${pagerduty_schedule.${scheduleName}.id}` }] },
      { escalation_delay_in_minutes: 15, target: [{ type: 'user_reference', id: `\${data.pagerduty_user.${users[1][0]}.id}` }] },
    ]);
  });

  it('turns a daily rotation into turns of days, at the handoff time in the zone', () => {
    const [schedule] = Object.values(synthWith({ rotation: { ...props.rotation, turnLength: 3 } }).resource.pagerduty_schedule) as any[];
    // 2 March 2026 is before the US switch to daylight saving time (8 March): UTC-5.
    expect(schedule.layer[0]).toMatchObject({ rotation_turn_length_seconds: 3 * 86400, start: '2026-03-02T09:30:00-05:00' });
    const [summer] = Object.values(synthWith({ rotation: { ...props.rotation, startDate: '2026-07-01' } }).resource.pagerduty_schedule) as any[];
    expect(summer.layer[0].start).toBe('2026-07-01T09:30:00-04:00');
  });

  it('escalates from the rotation alone when there is no second line, or to a schedule looked up by name', () => {
    const policyOf = (json: any) => Object.values(json.resource.pagerduty_escalation_policy)[0] as any;
    expect(policyOf(synthWith({})).rule).toHaveLength(1);
    const json = synthWith({ secondLine: { scheduleName: 'Platform leads', escalationDelayMinutes: 20 } });
    const [[name, lookup]] = Object.entries(json.data.pagerduty_schedule) as [string, any][];
    expect(lookup.name).toBe('Platform leads');
    expect(policyOf(json).rule[1]).toEqual({ escalation_delay_in_minutes: 20, target: [{ type: 'schedule_reference', id: `\${data.pagerduty_schedule.${name}.id}` }] });
  });

  it('fails when the first handoff falls in the hour that daylight saving time skips', () => {
    expect(() => synthWith({ rotation: { ...props.rotation, startDate: '2026-03-08', handoffTime: '02:30' } }))
      .toThrow('handoff 2026-03-08 02:30 does not exist in America/New_York (the clocks skip it for daylight saving time); ' +
        'expected a local time that exists. Fix: choose another startDate or handoffTime in config/environments.ts');
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
