import { DataPagerdutyPriority } from '@cdktf/provider-pagerduty/lib/data-pagerduty-priority';
import { EventOrchestrationService } from '@cdktf/provider-pagerduty/lib/event-orchestration-service';
import { Construct } from 'constructs';

/** The severities of PagerDuty's Events API v2 (support.pagerduty.com/docs/dynamic-notifications). */
export type PagerdutyEventSeverity = 'critical' | 'error' | 'warning' | 'info';

export interface IncidentPriorityProps {
  /** The technical service (`pagerduty_service.id`) whose events get a priority. */
  readonly serviceId: string;
  /** Events of these severities get `priorityName`; all others are left as they are. */
  readonly severities: readonly PagerdutyEventSeverity[];
  /**
   * The account's priority, looked up by name (priorities must be enabled on the account).
   * @default 'P1' (the highest: it meets any business-service priority threshold)
   */
  readonly priorityName?: string;
}

/**
 * A service orchestration (`pagerduty_event_orchestration_service`) that gives events of
 * the listed severities a priority, so that their incidents mark the business services
 * depending on the service as impacted (see status-page-services.ts). Events API v2
 * carries no priority of its own; the orchestration is PagerDuty's documented way to set
 * one (the provider's pagerduty_event_orchestration_service docs: "All critical alerts
 * should be treated as P1 incident", `event.severity matches 'critical'`). Service event
 * rules, the older way, are end-of-life.
 *
 * It turns Event Orchestration on for the service (`enable_event_orchestration_for_service`);
 * this stack declares no service event rules that it would replace.
 */
export class IncidentPriority extends Construct {
  readonly orchestration: EventOrchestrationService;
  readonly priority: DataPagerdutyPriority;
  /** The rule's condition, in PagerDuty Condition Language. */
  readonly condition: string;

  constructor(scope: Construct, id: string, props: IncidentPriorityProps) {
    super(scope, id);
    const priorityName = props.priorityName ?? 'P1';
    this.priority = new DataPagerdutyPriority(this, 'priority', { name: priorityName });
    this.condition = props.severities.map((s) => `event.severity matches '${s}'`).join(' or ');
    this.orchestration = new EventOrchestrationService(this, 'orchestration', {
      service: props.serviceId,
      enableEventOrchestrationForService: true,
      set: [{
        id: 'start',
        rule: [{
          label: `${props.severities.join(' and ')} events are ${priorityName}: they mark the status page impacted`,
          condition: [{ expression: this.condition }],
          actions: { priority: this.priority.id },
        }],
      }],
      catchAll: { actions: {} },
    });
  }
}
