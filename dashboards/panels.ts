import * as cog from '@grafana/grafana-foundation-sdk/cog';
import * as common from '@grafana/grafana-foundation-sdk/common';
import * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import * as prometheus from '@grafana/grafana-foundation-sdk/prometheus';
import * as timeseries from '@grafana/grafana-foundation-sdk/timeseries';
import { AlertDefinition, formatThreshold, rulesOf } from '../catalog/alerts';
import { Severity } from '../config/types';

/**
 * Panel factories shared by the dashboards: every panel gets an id, a title, a
 * description, a unit and a fixed position from its dashboard's layout table, so
 * the JSON is stable from one synth to the next and across environments.
 */

/** What every panel declares, whatever its visualization. */
export interface PanelSpec {
  /** Stable panel id: alerts and bookmarks link to `?viewPanel=<id>`. */
  readonly id: number;
  readonly title: string;
  readonly description: string;
  /** A Grafana unit id, e.g. `percentunit`, `s`, `reqps` (see `@grafana/grafana-foundation-sdk/units`). */
  readonly unit: string;
  readonly gridPos: dashboard.GridPos;
  readonly datasource: dashboard.DataSourceRef;
}

/** The builder methods every panel type of the SDK has; lets one helper fill them in. */
interface CommonPanelBuilder<T> {
  id(id: number): T;
  title(title: string): T;
  description(description: string): T;
  unit(unit: string): T;
  gridPos(gridPos: dashboard.GridPos): T;
  datasource(datasource: dashboard.DataSourceRef): T;
  targets(targets: cog.Builder<cog.Dataquery>[]): T;
}

/** Applies the common fields to any SDK panel builder. */
export function withSpec<T extends CommonPanelBuilder<T>>(
  builder: T,
  spec: PanelSpec,
  targets: cog.Builder<cog.Dataquery>[],
): T {
  return builder
    .id(spec.id)
    .title(spec.title)
    .description(spec.description)
    .unit(spec.unit)
    // A copy: the dashboard builder writes auto-layout coordinates into the object it gets.
    .gridPos({ ...spec.gridPos })
    .datasource(spec.datasource)
    .targets(targets);
}

/** One PromQL query of a panel. */
export interface PromTarget {
  readonly expr: string;
  /** Series name template, e.g. `{{instance}}` or a fixed label. */
  readonly legend: string;
  /**
   * Evaluate once at the end of the range instead of as a time series.
   * @default false
   */
  readonly instant?: boolean;
  /**
   * How Grafana shapes the result; `heatmap` turns cumulative histogram buckets into per-bucket counts.
   * @default time series
   */
  readonly format?: prometheus.PromQueryFormat;
}

/** PromQL targets with refIds A, B, C… in the given order. */
export function promTargets(datasource: dashboard.DataSourceRef, targets: readonly PromTarget[]): prometheus.DataqueryBuilder[] {
  return targets.map((t, i) => {
    const query = new prometheus.DataqueryBuilder()
      .refId(String.fromCharCode(65 + i))
      .datasource(datasource)
      .editorMode(prometheus.QueryEditorMode.Code)
      .expr(t.expr)
      .legendFormat(t.legend);
    if (t.instant) query.instant();
    else query.range();
    if (t.format) query.format(t.format);
    return query;
  });
}

/** How a SQL data source shapes rows: `time_series` needs a `time` column sorted ascending. */
export type SqlFormat = 'time_series' | 'table';

/** The query model of Grafana's SQL data sources (PostgreSQL, MySQL, MSSQL) in code mode. */
export interface SqlDataquery extends cog.Dataquery {
  refId: string;
  datasource?: dashboard.DataSourceRef;
  rawSql: string;
  format: SqlFormat;
  /** Code mode: Grafana runs `rawSql` as written instead of rebuilding it from the visual editor. */
  rawQuery: true;
  editorMode: 'code';
}

/**
 * Builds a raw SQL query. The Foundation SDK ships query builders for Prometheus and
 * other plugins but none for PostgreSQL, so this fills the same `cog.Builder` role.
 */
class SqlQueryBuilder implements cog.Builder<cog.Dataquery> {
  private readonly internal: SqlDataquery = {
    refId: 'A',
    rawSql: '',
    format: 'table',
    rawQuery: true,
    editorMode: 'code',
    _implementsDataqueryVariant: () => undefined,
  };

  build(): SqlDataquery {
    return this.internal;
  }

  refId(refId: string): this {
    this.internal.refId = refId;
    return this;
  }

  datasource(datasource: dashboard.DataSourceRef): this {
    this.internal.datasource = datasource;
    return this;
  }

  rawSql(rawSql: string): this {
    this.internal.rawSql = rawSql;
    return this;
  }

  format(format: SqlFormat): this {
    this.internal.format = format;
    return this;
  }
}

/** A single SQL target with refId A. */
export function sqlTarget(datasource: dashboard.DataSourceRef, rawSql: string, format: SqlFormat): SqlQueryBuilder {
  return new SqlQueryBuilder().refId('A').datasource(datasource).format(format).rawSql(rawSql);
}

const SEVERITY_COLORS: Record<Severity, string> = { critical: 'red', warning: 'orange', info: 'blue' };
const OK_COLOR = 'green';

/**
 * Threshold steps that colour a panel the way its alerts judge it. Grafana colours a
 * value with the last step at or below it, so for alerts that fire *above* a value
 * the steps rise from green; for alerts that fire *below*, they rise *to* green.
 */
export function thresholdSteps(alerts: readonly AlertDefinition[]): dashboard.Threshold[] {
  const rules = alerts.flatMap(rulesOf).sort((a, b) => a.threshold - b.threshold);
  if (rules.length === 0) return [{ value: null, color: OK_COLOR }];
  const above = rules.filter((r) => r.alert.comparison.startsWith('>'));
  if (above.length === rules.length) {
    return [{ value: null, color: OK_COLOR }, ...rules.map((r) => ({ value: r.threshold, color: SEVERITY_COLORS[r.severity] }))];
  }
  if (above.length === 0) {
    return [
      { value: null, color: SEVERITY_COLORS[rules[0].severity] },
      ...rules.map((r, i) => ({ value: r.threshold, color: i + 1 < rules.length ? SEVERITY_COLORS[rules[i + 1].severity] : OK_COLOR })),
    ];
  }
  throw new Error(`Alerts ${alerts.map((a) => a.id).join(', ')} watch one panel from opposite directions; ` +
    'a panel can show thresholds of one direction only. Fix: move one of them to another panel in catalog/alerts.ts');
}

/** One sentence per alert rule drawn on a panel, for its description. */
function describeAlerts(alerts: readonly AlertDefinition[]): string {
  return alerts.flatMap(rulesOf)
    .map((r) => ` Alert "${r.alert.title}" (${r.severity}) fires when it is ${r.alert.comparison} ${formatThreshold(r.alert.unit, r.threshold)} for ${r.alert.pendingFor}.`)
    .join('');
}

/** Options of a time-series panel beyond the common spec. */
export interface TimeseriesOptions {
  /**
   * Alerts watching this panel's signal: their thresholds are drawn as dashed lines.
   * @default [] (no threshold lines)
   */
  readonly alerts?: readonly AlertDefinition[];
  /**
   * Stack the series (for parts of a whole, e.g. requests by status).
   * @default false
   */
  readonly stacked?: boolean;
  /** @default automatic */
  readonly min?: number;
  /** @default automatic */
  readonly max?: number;
}

/** A time-series panel of PromQL targets. */
export function timeseriesPanel(spec: PanelSpec, targets: readonly PromTarget[], options: TimeseriesOptions = {}): timeseries.PanelBuilder {
  const alerts = options.alerts ?? [];
  const panel = withSpec(new timeseries.PanelBuilder(), { ...spec, description: spec.description + describeAlerts(alerts) },
    promTargets(spec.datasource, targets))
    .legend(new common.VizLegendOptionsBuilder()
      .showLegend(true)
      .displayMode(common.LegendDisplayMode.List)
      .placement(common.LegendPlacement.Bottom))
    .tooltip(new common.VizTooltipOptionsBuilder().mode(common.TooltipDisplayMode.Multi).sort(common.SortOrder.Descending))
    .thresholds(new dashboard.ThresholdsConfigBuilder().mode(dashboard.ThresholdsMode.Absolute).steps(thresholdSteps(alerts)));
  if (alerts.length > 0) {
    panel.thresholdsStyle(new common.GraphThresholdsStyleConfigBuilder().mode(common.GraphThresholdsStyleMode.Dashed));
  }
  if (options.stacked) {
    panel.stacking(new common.StackingConfigBuilder().mode(common.StackingMode.Normal)).fillOpacity(30);
  }
  if (options.min !== undefined) panel.min(options.min);
  if (options.max !== undefined) panel.max(options.max);
  return panel;
}
