import { DashboardJson } from '@cdktf/provider-datadog/lib/dashboard-json';
import { Construct } from 'constructs';
import { SloTimeframe } from '../../catalog/slos';
import { Severity } from '../../config/types';

/** A horizontal line at an alert threshold, coloured by the alert's severity. */
export interface ThresholdMarker {
  readonly value: number;
  readonly severity: Severity;
}

export interface TimeseriesPanel {
  readonly title: string;
  /** Datadog metric queries, one line each. */
  readonly queries: readonly string[];
  /** @default [] */
  readonly markers?: readonly ThresholdMarker[];
}

export interface SloPanel {
  readonly title: string;
  /** The SLO's id, usually a reference. */
  readonly sloId: string;
  readonly timeframes: readonly SloTimeframe[];
}

export interface ApmDashboardProps {
  readonly title: string;
  readonly description: string;
  readonly timeseries: readonly TimeseriesPanel[];
  /** @default [] */
  readonly slos?: readonly SloPanel[];
}

const MARKER_STYLE: Record<Severity, string> = { critical: 'error dashed', warning: 'warning dashed', info: 'info dashed' };

/**
 * A Datadog dashboard (ordered layout) of timeseries with threshold lines and SLO
 * status panels, declared as the JSON the dashboard API takes.
 */
export class ApmDashboard extends Construct {
  readonly dashboard: DashboardJson;

  constructor(scope: Construct, id: string, props: ApmDashboardProps) {
    super(scope, id);
    const widgets = [
      ...props.timeseries.map((panel) => ({
        definition: {
          type: 'timeseries',
          title: panel.title,
          show_legend: true,
          requests: panel.queries.map((q) => ({ q, display_type: 'line' })),
          markers: (panel.markers ?? []).map((m) => ({
            value: `y = ${m.value}`,
            display_type: MARKER_STYLE[m.severity],
            label: `${m.severity} threshold`,
          })),
        },
      })),
      ...(props.slos ?? []).map((panel) => ({
        definition: {
          type: 'slo',
          title: panel.title,
          slo_id: panel.sloId,
          view_type: 'detail',
          view_mode: 'overall',
          time_windows: [...panel.timeframes],
          show_error_budget: true,
        },
      })),
    ];
    this.dashboard = new DashboardJson(this, 'dashboard', {
      dashboard: JSON.stringify({
        title: props.title,
        description: props.description,
        layout_type: 'ordered',
        widgets,
      }),
    });
  }

  /** The dashboard's path on the Datadog app, e.g. `/dashboard/abc-def-ghi/title`: prefix the app URL. */
  get path(): string {
    return this.dashboard.url;
  }
}
