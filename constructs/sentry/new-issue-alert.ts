import { Construct } from 'constructs';
import { Alert, AlertActionFiltersActions } from '../../providers/sentry/alert';
import { DataSentryProjectErrorMonitor } from '../../providers/sentry/data-sentry-project-error-monitor';

export interface NewIssueAlertProps {
  /** Organization slug. */
  readonly organization: string;
  /** Project slug, by reference to the project, so the monitor is read only after the project exists. */
  readonly project: string;
  readonly name: string;
  /** At most one notification per issue in this many minutes (0, 5, 10, 30, 60, 180, 720 or 1440). */
  readonly frequencyMinutes: number;
  /** What to do, from SentryAlertRouting.actionsFor(). */
  readonly actions: readonly AlertActionFiltersActions[];
}

/**
 * Notifies when the project sees a new error issue: a `sentry_alert` on the
 * project's default error monitor, triggered by the issue's first event.
 *
 * Why the error monitor and not the issue-stream monitor: the issue stream also
 * carries the issues that the project's own metric monitors open (the error-spike
 * alert), which are routed by their own alert; hooking "new issue" to the stream
 * would announce every spike a second time. The error monitor sees exactly the
 * issues grouped from the SDK's error events.
 */
export class NewIssueAlert extends Construct {
  readonly monitor: DataSentryProjectErrorMonitor;
  readonly alert: Alert;

  constructor(scope: Construct, id: string, props: NewIssueAlertProps) {
    super(scope, id);
    this.monitor = new DataSentryProjectErrorMonitor(this, 'error-monitor', {
      organization: props.organization,
      project: props.project,
    });
    this.alert = new Alert(this, 'alert', {
      organization: props.organization,
      name: props.name,
      monitorIds: [this.monitor.id],
      frequencyMinutes: props.frequencyMinutes,
      triggerConditions: [{ firstSeenEvent: {} }],
      actionFilters: [{ logicType: 'all', actions: [...props.actions] }],
    });
  }
}
