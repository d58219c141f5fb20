import { Testing } from 'cdktf';
import { ConfigError } from '../../../config/validate';
import { IncidentPriority } from '../../../constructs/pagerduty/incident-priority';
import { StatusPageServices, StatusPageServicesProps } from '../../../constructs/pagerduty/status-page-services';
import { SERVICES } from '../../../catalog/services';
import { dataOf, resourcesOf, synthOf } from '../../support/synth';

const ref = (type: string, name: string) => `\${${type}.${name}.id}`;

describe('StatusPageServices and IncidentPriority (PagerDuty), in production', () => {
  const json = synthOf('production');
  const [[serviceName]] = resourcesOf(json, 'pagerduty_service');
  const technical = { id: ref('pagerduty_service', serviceName), type: 'service' };

  it('declares "ESG Scraper API" and one business service per catalog service', () => {
    const services = resourcesOf(json, 'pagerduty_business_service');
    expect(services.map(([, s]) => s.name).sort()).toEqual(['ESG Scraper API', ...SERVICES.map((s) => `${s.displayName} (${s.id})`)].sort());
    expect(services.map(([, s]) => s.name)).toContain('ESG Scraper API (esg-scraper-api)');
    for (const [, s] of services) expect(s.point_of_contact).toBe('Platform team (platform-lead@blueprintbuddy.io)');
  });

  it('makes the product and each component depend on the technical service that Grafana, Datadog and Sentry page through, and the product on each component', () => {
    const byName = Object.fromEntries(resourcesOf(json, 'pagerduty_business_service').map(([n, s]) => [s.name, ref('pagerduty_business_service', n)]));
    const edges = resourcesOf(json, 'pagerduty_service_dependency').map(([, d]) => {
      expect(d.dependency).toHaveLength(1);
      return [d.dependency[0].dependent_service, d.dependency[0].supporting_service];
    });
    const product = { id: byName['ESG Scraper API'], type: 'business_service' };
    const components = SERVICES.map((s) => ({ id: byName[`${s.displayName} (${s.id})`], type: 'business_service' }));
    expect(components.every((c) => c.id !== undefined)).toBe(true);
    expect(edges).toHaveLength(1 + 2 * SERVICES.length);
    expect(edges).toEqual(expect.arrayContaining([[[product], [technical]],
      ...components.flatMap((component) => [[[component], [technical]], [[product], [component]]])]));
    // Every integration the three tools page through belongs to that one service.
    const integrations = resourcesOf(json, 'pagerduty_service_integration');
    expect(integrations.map(([, i]) => i.service)).toEqual(integrations.map(() => technical.id));
  });

  it('gives the service\'s high-urgency events priority P1, which meets any business-service priority threshold', () => {
    const orchestrations = resourcesOf(json, 'pagerduty_event_orchestration_service');
    expect(orchestrations).toHaveLength(1);
    const [[, orchestration]] = orchestrations;
    expect(orchestration.service).toBe(technical.id);
    expect(orchestration.enable_event_orchestration_for_service).toBe(true);
    const [[priorityName, priority]] = dataOf(json, 'pagerduty_priority');
    expect(priority.name).toBe('P1');
    expect(orchestration.set).toEqual([{
      id: 'start',
      rule: [{
        label: expect.any(String),
        condition: [{ expression: "event.severity matches 'critical' or event.severity matches 'error'" }],
        actions: { priority: `\${data.pagerduty_priority.${priorityName}.id}` },
      }],
    }]);
    // The provider requires catch_all; empty actions leave other events as they are.
    expect(orchestration.catch_all).toEqual({ actions: {} });
  });

  it('outputs the business service\'s URL with the other links', () => {
    const [[name]] = resourcesOf(json, 'pagerduty_business_service').filter(([, s]) => s.name === 'ESG Scraper API');
    expect(json.output?.pagerduty_business_service_url.value).toBe(`\${pagerduty_business_service.${name}.html_url}`);
  });

  it('declares none of them in staging', () => {
    const staging = synthOf('staging');
    for (const type of ['pagerduty_business_service', 'pagerduty_service_dependency', 'pagerduty_event_orchestration_service', 'pagerduty_schedule']) {
      expect(resourcesOf(staging, type)).toEqual([]);
    }
    expect(staging.output?.pagerduty_business_service_url).toBeUndefined();
  });
});

describe('StatusPageServices', () => {
  const props: StatusPageServicesProps = {
    name: 'API', description: 'd', pointOfContact: 'me', technicalServiceId: 'P123',
    components: [{ key: 'api', name: 'API', description: 'd' }],
  };

  it('fails when a component would have the product\'s name, which PagerDuty refuses', () => {
    const synth = () => Testing.synthScope((scope) => { new StatusPageServices(scope, 'status-page', props); });
    expect(synth).toThrow(ConfigError);
    expect(synth).toThrow('status-page: business service names: got ["API","API"]; expected names that differ ' +
      '(PagerDuty requires unique business service names; "API" is repeated). Fix: change pagerduty.statusPage.businessServiceName');
  });
});

describe('IncidentPriority', () => {
  it('takes another priority by name and lists only the severities given', () => {
    const json = JSON.parse(Testing.synthScope((scope) => {
      new IncidentPriority(scope, 'priority', { serviceId: 'P123', severities: ['critical'], priorityName: 'P2' });
    }));
    expect(Object.values(json.data.pagerduty_priority).map((p: any) => p.name)).toEqual(['P2']);
    const [orchestration] = Object.values(json.resource.pagerduty_event_orchestration_service) as any[];
    expect(orchestration.set[0].rule[0].condition).toEqual([{ expression: "event.severity matches 'critical'" }]);
  });
});
