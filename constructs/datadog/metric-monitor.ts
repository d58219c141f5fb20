import { Monitor } from '@cdktf/provider-datadog/lib/monitor';
import { Construct } from 'constructs';
import { Comparison } from '../../catalog/alerts';
import { Severity } from '../../config/types';
import { Problems } from '../../config/validate';

/** Datadog priorities are strings "1" (P1, highest) to "5"; anything else silently becomes 0. */
export const MONITOR_PRIORITY: Readonly<Record<Severity, string>> = { critical: '1', warning: '3', info: '5' };

/** What a metric monitor shows when its query returns nothing (Datadog's `on_missing_data`). */
export type OnMissingData = 'show_no_data' | 'show_and_notify_no_data' | 'resolve' | 'default';

const TIME_AGGREGATION = /^(avg|sum|min|max|percentile)\(last_([1-9]\d*)([mhdw])\)$/;

export interface MetricMonitorProps {
  /** Monitor name shown in Datadog and in notifications. */
  readonly name: string;
  /** Time aggregation and window, e.g. `sum(last_5m)`; `min` means "at all times" for `>`. */
  readonly timeAggregation: string;
  /** Metric expression without time aggregation or comparison, e.g. `p95:trace.fastapi.request{service:x}`. */
  readonly expression: string;
  readonly comparison: Comparison;
  /** Critical threshold: written once, into both the query and `monitor_thresholds.critical`. */
  readonly threshold: number;
  readonly severity: Severity;
  /**
   * Explicit on every monitor: Datadog's default differs between count and gauge queries.
   * `{ notifyAfterMinutes }` notifies when the metric has reported nothing for that long
   * (`notify_no_data` with `no_data_timeframe`; Datadog advises at least twice the window).
   */
  readonly onMissingData: OnMissingData | { readonly notifyAfterMinutes: number };
  /** Body of the notification, including its `@handles`. */
  readonly message: string;
  readonly tags: readonly string[];
  /**
   * Whether a window must be full of points before it is evaluated.
   * @default false (APM and runtime metrics are sparse at low traffic; a full-window rule skips those windows)
   */
  readonly requireFullWindow?: boolean;
}

/**
 * A Datadog `query alert` monitor on a metric expression. The critical threshold is
 * rendered from one number into both places Datadog compares ("Alert threshold (X)
 * does not match that used in the query (Y)" is otherwise an apply-time failure).
 */
export class MetricMonitor extends Construct {
  /** The name it has in Datadog, by which `adopt.datadog` names it. */
  readonly name: string;
  readonly monitor: Monitor;
  readonly query: string;

  constructor(scope: Construct, id: string, props: MetricMonitorProps) {
    super(scope, id);
    this.name = props.name;
    const problems = new Problems();
    const field = (name: string) => `monitor "${props.name}".${name}`;
    problems.check(TIME_AGGREGATION.test(props.timeAggregation), field('timeAggregation'), props.timeAggregation,
      'avg|sum|min|max|percentile(last_<n><m|h|d|w>), e.g. "sum(last_5m)"', 'edit the datadog signal in catalog/alerts.ts');
    problems.check(!props.expression.includes('.as_count()') || props.timeAggregation.startsWith('sum('),
      field('timeAggregation'), props.timeAggregation,
      'sum(last_<window>) for an expression with .as_count() (Datadog rejects other aggregations of counts)',
      'edit the datadog signal in catalog/alerts.ts');
    // String(1e-7) is "1e-7", which Datadog's query parser does not read as the same number.
    problems.check(Number.isFinite(props.threshold) && !/e/i.test(String(props.threshold)), field('threshold'),
      Number.isFinite(props.threshold) ? props.threshold : String(props.threshold), // JSON shows NaN as null
      'a finite number Datadog can read as a decimal', 'edit the thresholds in catalog/alerts.ts');
    problems.throwIfAny();

    const threshold = String(props.threshold);
    this.query = `${props.timeAggregation}:${props.expression} ${props.comparison} ${threshold}`;
    this.monitor = new Monitor(this, 'monitor', {
      name: props.name,
      type: 'query alert',
      query: this.query,
      message: props.message,
      monitorThresholds: { critical: threshold },
      priority: MONITOR_PRIORITY[props.severity],
      ...(typeof props.onMissingData === 'string'
        ? { onMissingData: props.onMissingData }
        : { notifyNoData: true, noDataTimeframe: props.onMissingData.notifyAfterMinutes }),
      requireFullWindow: props.requireFullWindow ?? false,
      tags: [...props.tags],
    });
  }
}
