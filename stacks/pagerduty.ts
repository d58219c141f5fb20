import { PagerdutyProvider } from '@cdktf/provider-pagerduty/lib/provider';
import { Construct } from 'constructs';
import { isUsed } from '../catalog/routing';
import { ServiceDefinition } from '../catalog/services';
import { EnvironmentConfig } from '../config/types';
import { OnCallService } from '../constructs/pagerduty/on-call-service';
import { displayName, Links } from './context';

export interface PagerdutyResult {
  /** Undefined where nothing pages: such an environment declares no PagerDuty object at all. */
  readonly onCall?: OnCallService;
  readonly links: Links;
}

/**
 * PagerDuty, only where some severity routes to it (catalog/routing.ts): the on-call
 * service with its rotation, escalation policy and integrations. Elsewhere (staging)
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
  return { onCall, links: { pagerduty_service_url: onCall.service.htmlUrl } };
}
