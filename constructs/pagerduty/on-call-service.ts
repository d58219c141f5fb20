import { DataPagerdutyUser } from '@cdktf/provider-pagerduty/lib/data-pagerduty-user';
import { EscalationPolicy } from '@cdktf/provider-pagerduty/lib/escalation-policy';
import { Service } from '@cdktf/provider-pagerduty/lib/service';
import { ServiceIntegration } from '@cdktf/provider-pagerduty/lib/service-integration';
import { Construct } from 'constructs';
import { Problems } from '../../config/validate';

/** The tools that page through this service, each with its own Events API v2 integration. */
const PAGING_SOURCES = ['grafana', 'datadog', 'sentry'] as const;
export type PagingSource = (typeof PAGING_SOURCES)[number];

export interface OnCallServiceProps {
  /**
   * Service name shown in PagerDuty, e.g. `ESG Scraper API (production)`; it also names
   * the escalation policy, so it may not contain `\ / & < >` (PagerDuty rejects them there).
   */
  readonly serviceName: string;
  readonly description: string;
  /** E-mail addresses of PagerDuty users, escalated to in this order. */
  readonly responderEmails: readonly string[];
  /** Minutes before an unacknowledged incident escalates to the next responder. */
  readonly escalationDelayMinutes: number;
  /**
   * How often the escalation policy repeats when nobody acknowledges (PagerDuty allows 0 to 9).
   * @default 2
   */
  readonly numLoops?: number;
}

/**
 * A PagerDuty service with its escalation policy and one Events API v2
 * integration per paging source (Grafana, Datadog, Sentry).
 *
 * Urgency is severity-based: events with severity `critical` or `error` open
 * high-urgency incidents, `warning` and `info` low-urgency ones.
 */
export class OnCallService extends Construct {
  readonly service: Service;
  readonly escalationPolicy: EscalationPolicy;
  readonly integrations: Record<PagingSource, ServiceIntegration>;

  constructor(scope: Construct, id: string, props: OnCallServiceProps) {
    super(scope, id);
    const numLoops = props.numLoops ?? 2;
    // Config validation checks responders and delays; these two only the construct knows.
    const problems = new Problems();
    const f = this.node.path;
    problems.check(/^[^\\/&<>]+$/.test(props.serviceName) && props.serviceName.trim() === props.serviceName,
      `${f}: serviceName`, props.serviceName, 'a name without \\ / & < > or surrounding spaces (it names the escalation policy)',
      'rename the service');
    problems.check(Number.isInteger(numLoops) && numLoops >= 0 && numLoops <= 9, `${f}: numLoops`, numLoops, 'a whole number from 0 to 9',
      'pass another numLoops, or omit it for 2');
    problems.throwIfAny();

    const users = props.responderEmails.map((email, i) => new DataPagerdutyUser(this, `responder-${i}`, { email }));

    this.escalationPolicy = new EscalationPolicy(this, 'escalation-policy', {
      name: `${props.serviceName} on-call`,
      numLoops,
      rule: users.map((user) => ({
        escalationDelayInMinutes: props.escalationDelayMinutes,
        target: [{ type: 'user_reference', id: user.id }],
      })),
    });

    this.service = new Service(this, 'service', {
      name: props.serviceName,
      description: props.description,
      escalationPolicy: this.escalationPolicy.id,
      autoResolveTimeout: '14400',
      acknowledgementTimeout: '1800',
      incidentUrgencyRule: { type: 'constant', urgency: 'severity_based' },
    });

    const label: Record<PagingSource, string> = { grafana: 'Grafana', datadog: 'Datadog', sentry: 'Sentry' };
    this.integrations = Object.fromEntries(PAGING_SOURCES.map((source) => [source,
      new ServiceIntegration(this, `${source}-integration`, {
        name: label[source],
        service: this.service.id,
        type: 'events_api_v2_inbound_integration',
      })])) as Record<PagingSource, ServiceIntegration>;
  }
}
