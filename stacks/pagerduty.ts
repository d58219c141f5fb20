import { PagerdutyProvider } from '@cdktf/provider-pagerduty/lib/provider';
import { Construct } from 'constructs';
import { isUsed, STATUS_IMPACT_EVENT_SEVERITIES } from '../catalog/routing';
import { baseUrl, ServiceDefinition } from '../catalog/services';
import { EnvironmentConfig } from '../config/types';
import { IncidentPriority } from '../constructs/pagerduty/incident-priority';
import { OnCallService } from '../constructs/pagerduty/on-call-service';
import { StatusPageServices } from '../constructs/pagerduty/status-page-services';
import { adopt, IMPORT_ID } from './adoption';
import { displayName, Links } from './context';

export interface PagerdutyResult {
  /** Undefined where nothing pages: such an environment declares no PagerDuty object at all. */
  readonly onCall?: OnCallService;
  readonly links: Links;
}

/**
 * PagerDuty, only where some severity routes to it (catalog/routing.ts): the on-call
 * service with its rotation, escalation policy and integrations, and, where the config
 * has a status page, the business services it shows and the P1 priority that makes
 * pages mark them impacted. Elsewhere (staging)
 * nothing is declared, not even the provider, so no PagerDuty token is needed there.
 */
export function renderPagerduty(stack: Construct, env: EnvironmentConfig, services: readonly ServiceDefinition[]): PagerdutyResult {
  if (!isUsed('pagerduty', env)) return { links: {} };
  const pd = env.pagerduty;
  if (pd === undefined) {
    // Validation refuses this (config/validate.ts); a hand-made config may still get here.
    throw new Error(`${env.name}.pagerduty: got nothing; expected an on-call rotation, because critical alerts page. ` +
      'Fix: add a pagerduty section in config/environments.ts');
  }
  new PagerdutyProvider(stack, 'pagerduty');

  const primary = services[0];
  const onCall = new OnCallService(stack, 'on-call', {
    serviceName: displayName({ env }, primary),
    description: `Pages for ${primary.displayName} in ${env.name}: Grafana, Datadog and Sentry alerts.`,
    rotation: pd.rotation,
    escalationDelayMinutes: pd.escalationDelayMinutes,
    secondLine: pd.secondLine,
    numLoops: pd.numLoops,
  });
  const links: Links = { pagerduty_service_url: onCall.service.htmlUrl };
  const adopted = env.adopt?.pagerduty;
  adopt(onCall.service, adopted?.serviceId && IMPORT_ID.pagerduty(adopted.serviceId));
  adopt(onCall.escalationPolicy, adopted?.escalationPolicyId && IMPORT_ID.pagerduty(adopted.escalationPolicyId));
  adopt(onCall.schedule.schedule, adopted?.scheduleId && IMPORT_ID.pagerduty(adopted.scheduleId));

  const page = pd.statusPage;
  if (page !== undefined) {
    new IncidentPriority(stack, 'incident-priority', {
      serviceId: onCall.service.id,
      severities: STATUS_IMPACT_EVENT_SEVERITIES,
    });
    const status = new StatusPageServices(stack, 'status-page', {
      name: page.businessServiceName,
      description: `What users of ${page.url} see: impacted while a P1 incident is open on ${onCall.service.name}. ` +
        'Managed by Terraform (monitoring stack).',
      pointOfContact: page.pointOfContact,
      components: services.map((service) => ({
        key: service.id,
        name: `${service.displayName} (${service.id})`,
        description: `${service.displayName} at ${baseUrl(service, env)}.`,
      })),
      technicalServiceId: onCall.service.id,
    });
    adopt(status.product, adopted?.businessServiceId && IMPORT_ID.pagerduty(adopted.businessServiceId));
    links.pagerduty_business_service_url = status.product.htmlUrl;
  }
  return { onCall, links };
}
