import { AlertDefinition } from '../catalog/alerts';
import { ServiceDefinition } from '../catalog/services';
import { SloDefinition } from '../catalog/slos';
import { EnvironmentConfig } from '../config/types';
import { OnCallService } from '../constructs/pagerduty/on-call-service';
import { SecretVariables } from './variables';

/** What every vendor renderer receives: validated config, the catalogs, secrets and PagerDuty (where it pages). */
export interface StackContext {
  readonly env: EnvironmentConfig;
  readonly services: readonly ServiceDefinition[];
  readonly alerts: readonly AlertDefinition[];
  readonly slos: readonly SloDefinition[];
  readonly secrets: SecretVariables;
  /** PagerDuty, where something pages (`isUsed('pagerduty', env)`); undefined elsewhere. */
  readonly onCall?: OnCallService;
}

/**
 * The environment's PagerDuty service, for a renderer that routes a severity to
 * PagerDuty; only environments that page have one.
 */
export function onCallOf(ctx: Pick<StackContext, 'env' | 'onCall'>): OnCallService {
  if (!ctx.onCall) {
    throw new Error(`${ctx.env.name}: an alert routes to PagerDuty, but this environment declares no PagerDuty service. ` +
      'Fix: route to PagerDuty only where destinationsFor() says so (catalog/routing.ts), and give that environment a pagerduty section');
  }
  return ctx.onCall;
}

/** A link that `cdktf output <env>` prints: output name to URL. */
export type Links = Record<string, string>;

/** A readable, stable prefix for names in vendors' UIs, e.g. `ESG Scraper API (staging)`. */
export function displayName(ctx: Pick<StackContext, 'env'>, service: ServiceDefinition): string {
  return `${service.displayName} (${ctx.env.name})`;
}

/**
 * The output name of a link about one service: `<vendor>_<what>_url` for the stack's
 * primary (first) service, which names the on-call service; `<vendor>_<service>_<what>_url` for any other.
 */
export function serviceLinkName(ctx: Pick<StackContext, 'services'>, vendor: string, service: ServiceDefinition, what: string): string {
  const stem = service === ctx.services[0] ? '' : `${service.id.replace(/-/g, '_')}_`;
  return `${vendor}_${stem}${what}_url`;
}
