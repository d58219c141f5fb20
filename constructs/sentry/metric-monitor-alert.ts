import { Construct } from 'constructs';
import { Alert, AlertActionFiltersActions } from '../../providers/sentry/alert';
import { MetricMonitor } from '../../providers/sentry/metric-monitor';

export interface MetricMonitorAlertProps {
  /** Organization slug. */
  readonly organization: string;
  /** Project slug, by reference. */
  readonly project: string;
  /** Monitor and alert name. */
  readonly name: string;
  /** Shown on the issue the monitor opens. */
  readonly description: string;
  /**
   * Aggregate over the window.
   * @default 'count()'
   */
  readonly aggregate?: string;
  /**
   * Dataset the aggregate runs on.
   * @default 'events'
   */
  readonly dataset?: string;
  /**
   * Event types counted. The default is what Sentry's own "errors" metric counts: exceptions
   * (`error`) and messages such as `logger.error(...)` records (`default`).
   * @default ['error', 'default']
   */
  readonly eventTypes?: readonly string[];
  /** Aggregation window, in seconds. */
  readonly windowSeconds: number;
  /** The monitor opens an issue when the aggregate is above this, and resolves it at or below. */
  readonly threshold: number;
  /** Priority of the opened issue (Sentry's DetectorPriorityLevel: 75 high, 50 medium). */
  readonly priority: number;
  /** Internal id of the team assigned the opened issue. */
  readonly ownerTeamId: string;
  /** At most one notification per issue in this many minutes (0, 5, 10, 30, 60, 180, 720 or 1440). */
  readonly frequencyMinutes: number;
  /** What to do, from SentryAlertRouting.actionsFor(). */
  readonly actions: readonly AlertActionFiltersActions[];
}

/**
 * A threshold `sentry_metric_monitor` and the `sentry_alert` that acts on its
 * issues: the current replacement of the deprecated `sentry_metric_alert`.
 *
 * The alert has no trigger conditions (any activity on the monitor's issue) and one
 * action filter, built the way Sentry migrates a metric alert's trigger: act when
 * the issue's priority reaches the monitor's priority, and again when it drops
 * back below it, so the destination also hears about the recovery.
 */
export class MetricMonitorAlert extends Construct {
  readonly monitor: MetricMonitor;
  readonly alert: Alert;

  constructor(scope: Construct, id: string, props: MetricMonitorAlertProps) {
    super(scope, id);
    this.monitor = new MetricMonitor(this, 'monitor', {
      organization: props.organization,
      project: props.project,
      name: props.name,
      description: props.description,
      aggregate: props.aggregate ?? 'count()',
      dataset: props.dataset ?? 'events',
      eventTypes: [...(props.eventTypes ?? ['error', 'default'])],
      timeWindowSeconds: props.windowSeconds,
      owner: { teamId: props.ownerTeamId },
      issueDetection: { type: 'static' },
      conditionGroup: {
        conditions: [
          { type: 'gt', comparison: props.threshold, conditionResult: props.priority },
          { type: 'lte', comparison: props.threshold, conditionResult: 0 },
        ],
      },
    });
    this.alert = new Alert(this, 'alert', {
      organization: props.organization,
      name: props.name,
      monitorIds: [this.monitor.id],
      frequencyMinutes: props.frequencyMinutes,
      triggerConditions: [],
      actionFilters: [{
        logicType: 'any',
        conditions: [
          { issuePriorityGreaterOrEqual: { comparison: props.priority } },
          { issuePriorityDeescalating: { comparison: props.priority } },
        ],
        actions: [...props.actions],
      }],
    });
  }
}
