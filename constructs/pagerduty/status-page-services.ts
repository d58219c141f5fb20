import { BusinessService } from '@cdktf/provider-pagerduty/lib/business-service';
import { ServiceDependency } from '@cdktf/provider-pagerduty/lib/service-dependency';
import { Construct } from 'constructs';
import { ConfigError } from '../../config/validate';

/** One business service under the product: a component of the status page. */
export interface StatusComponent {
  /** Stable, kebab-case: part of the construct id (and so of the Terraform address). */
  readonly key: string;
  /** Name on the status page; unique in the PagerDuty account. */
  readonly name: string;
  readonly description: string;
}

export interface StatusPageServicesProps {
  /** The business service users see, e.g. `ESG Scraper API`. */
  readonly name: string;
  readonly description: string;
  /** Owner, as PagerDuty shows it (free text). */
  readonly pointOfContact: string;
  /** One business service per monitored service. */
  readonly components: readonly StatusComponent[];
  /** The technical PagerDuty service (`pagerduty_service.id`) that Grafana, Datadog and Sentry page through. */
  readonly technicalServiceId: string;
}

/**
 * The business services a PagerDuty status page shows (`pagerduty_business_service`),
 * and what they depend on (`pagerduty_service_dependency`).
 *
 * A business service shows as impacted while one of its supporting services has an
 * active incident that impacts it (support.pagerduty.com/docs/status-dashboard: a
 * business service is "impacted" when an active incident is open on a supporting
 * service, automatically or by hand). Which incidents count is an account setting: the
 * API's "priority threshold for a Business Service to be considered impacted by an
 * Incident" (developer.pagerduty.com/api-reference, GET/PUT
 * /business_services/priority_thresholds): an incident whose priority meets or exceeds
 * the account's global threshold impacts every business service that depends on its
 * service, and with no threshold set any incident that has a priority does. Priorities
 * must be enabled on the account (support.pagerduty.com/docs/internal-status-page, step 3).
 * So the paging incidents get P1 from the service's orchestration (incident-priority.ts),
 * and the product and each component depend on the technical service directly.
 *
 * The product also depends on each component: an incident set by hand on a component
 * then shows on the product too (the API: impact on a business service propagates to the
 * services it supports).
 */
export class StatusPageServices extends Construct {
  readonly product: BusinessService;
  readonly components: Readonly<Record<string, BusinessService>>;
  readonly dependencies: readonly ServiceDependency[];

  constructor(scope: Construct, id: string, props: StatusPageServicesProps) {
    super(scope, id);
    const names = [props.name, ...props.components.map((c) => c.name)];
    const repeated = names.filter((n, i) => names.indexOf(n) !== i);
    if (repeated.length > 0) {
      throw new ConfigError([`${this.node.path}: business service names: got ${JSON.stringify(names)}; expected names ` +
        `that differ (PagerDuty requires unique business service names; ${JSON.stringify(repeated[0])} is repeated). ` +
        'Fix: change pagerduty.statusPage.businessServiceName in config/environments.ts, or the service\'s displayName']);
    }

    this.product = new BusinessService(this, 'product', {
      name: props.name,
      description: props.description,
      pointOfContact: props.pointOfContact,
    });
    this.components = Object.fromEntries(props.components.map((c) => [c.key, new BusinessService(this, `component-${c.key}`, {
      name: c.name,
      description: c.description,
      pointOfContact: props.pointOfContact,
    })]));

    const technical = { id: props.technicalServiceId, type: 'service' };
    const business = (service: BusinessService) => ({ id: service.id, type: 'business_service' });
    this.dependencies = [
      new ServiceDependency(this, 'product-on-call-service', {
        dependency: [{ dependentService: [business(this.product)], supportingService: [technical] }],
      }),
      ...props.components.flatMap((c) => [
        new ServiceDependency(this, `component-${c.key}-on-call-service`, {
          dependency: [{ dependentService: [business(this.components[c.key])], supportingService: [technical] }],
        }),
        new ServiceDependency(this, `product-component-${c.key}`, {
          dependency: [{ dependentService: [business(this.product)], supportingService: [business(this.components[c.key])] }],
        }),
      ]),
    ];
  }
}
