import { DataPagerdutySchedule } from '@cdktf/provider-pagerduty/lib/data-pagerduty-schedule';
import { DataPagerdutyUser } from '@cdktf/provider-pagerduty/lib/data-pagerduty-user';
import { EscalationPolicy } from '@cdktf/provider-pagerduty/lib/escalation-policy';
import { Service } from '@cdktf/provider-pagerduty/lib/service';
import { ServiceIntegration } from '@cdktf/provider-pagerduty/lib/service-integration';
import { Construct } from 'constructs';
import { SecondLine } from '../../config/types';
import { Problems } from '../../config/validate';
import { OnCallSchedule, OnCallScheduleProps } from './on-call-schedule';

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
  /** The rotation the first escalation rule pages (a PagerDuty schedule). */
  readonly rotation: {
    /** E-mail addresses of PagerDuty users, in rotation order. */
    readonly responderEmails: readonly string[];
  } & Omit<OnCallScheduleProps, 'name' | 'userIds'>;
  /** Minutes the on-call responder has to acknowledge before the page escalates. */
  readonly escalationDelayMinutes: number;
  /**
   * Paged after `escalationDelayMinutes` when the on-call responder has not acknowledged:
   * users (all at once) or an existing schedule by name (validated: exactly one of the two).
   * @default undefined (no second line)
   */
  readonly secondLine?: SecondLine;
  /**
   * How often the escalation policy repeats when nobody acknowledges (PagerDuty allows 0 to 9).
   * @default 2
   */
  readonly numLoops?: number;
}

/**
 * A PagerDuty service with its on-call schedule, its escalation policy and one
 * Events API v2 integration per paging source (Grafana, Datadog, Sentry).
 *
 * The escalation policy pages whoever the schedule has on call; unacknowledged after
 * `escalationDelayMinutes`, the second line; then it repeats `numLoops` times.
 *
 * Urgency is severity-based: events with severity `critical` or `error` open
 * high-urgency incidents, `warning` and `info` low-urgency ones.
 */
export class OnCallService extends Construct {
  readonly service: Service;
  readonly schedule: OnCallSchedule;
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

    // One lookup per person, even when the rotation and the second line both name them.
    const users = new Map<string, DataPagerdutyUser>();
    const userId = (email: string) => {
      if (!users.has(email)) users.set(email, new DataPagerdutyUser(this, `responder-${users.size}`, { email }));
      return users.get(email)!.id;
    };

    const { responderEmails, ...rotation } = props.rotation;
    this.schedule = new OnCallSchedule(this, 'schedule', {
      name: `${props.serviceName} rotation`,
      userIds: responderEmails.map(userId),
      ...rotation,
    });

    const second = props.secondLine;
    const secondLineTargets = second?.scheduleName !== undefined
      ? [{ type: 'schedule_reference', id: new DataPagerdutySchedule(this, 'second-line-schedule', { name: second.scheduleName }).id }]
      : (second?.responderEmails ?? []).map((email) => ({ type: 'user_reference', id: userId(email) }));

    this.escalationPolicy = new EscalationPolicy(this, 'escalation-policy', {
      name: `${props.serviceName} on-call`,
      numLoops,
      rule: [
        {
          escalationDelayInMinutes: props.escalationDelayMinutes,
          target: [{ type: 'schedule_reference', id: this.schedule.schedule.id }],
        },
        ...(second === undefined ? [] : [{ escalationDelayInMinutes: second.escalationDelayMinutes, target: secondLineTargets }]),
      ],
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
