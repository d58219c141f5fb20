import * as bargauge from '@grafana/grafana-foundation-sdk/bargauge';
import * as common from '@grafana/grafana-foundation-sdk/common';
import * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import * as prometheus from '@grafana/grafana-foundation-sdk/prometheus';
import * as units from '@grafana/grafana-foundation-sdk/units';
import { AlertDefinition, alertId, SERVICE_PANEL_IDS, ServicePanel } from '../catalog/alerts';
import { prometheusDataSourceUid, serviceDashboardUid } from '../catalog/grafana-uids';
import { jobSelector, latencyQuantile, memoryRatioByInstance, mongodbPoolRatioByInstance, upByInstance, userRequestSelector } from '../catalog/queries';
import { instanceMemoryBytes, ServiceDefinition } from '../catalog/services';
import { EnvironmentConfig } from '../config/types';
import { DATA_SOURCE_TYPES } from '../constructs/grafana/data-sources';
import { PanelSpec, PromTarget, promTargets, timeseriesPanel, TimeseriesOptions, withSpec } from './panels';

/**
 * "<Service>: Service" — one dashboard per service, built from the service
 * definition and the environment's alert catalog. Where an alert watches a panel,
 * the panel plots the alert's own `signal` and draws its thresholds, so the
 * dashboard shows exactly what the alert evaluates.
 */

export interface ServiceDashboardInput {
  readonly service: ServiceDefinition;
  readonly env: EnvironmentConfig;
  /** The environment's alert catalog, thresholds overridden (`ctx.alerts`). */
  readonly alerts: readonly AlertDefinition[];
}

/** Where each panel sits: the same in every environment. Grid is 24 columns wide. */
export const SERVICE_LAYOUT: Readonly<Record<ServicePanel, dashboard.GridPos>> = {
  requestRate: { x: 0, y: 0, w: 8, h: 8 },
  errorRatio: { x: 8, y: 0, w: 8, h: 8 },
  latency: { x: 16, y: 0, w: 8, h: 8 },
  scrapeHealth: { x: 0, y: 8, w: 8, h: 8 },
  memory: { x: 8, y: 8, w: 8, h: 8 },
  mongodbPool: { x: 16, y: 8, w: 8, h: 8 },
  cacheHitRatio: { x: 0, y: 16, w: 8, h: 8 },
  analysesByFramework: { x: 8, y: 16, w: 8, h: 8 },
  analysesByTier: { x: 16, y: 16, w: 8, h: 8 },
  metricsExtracted: { x: 0, y: 24, w: 24, h: 8 },
};

/** Buckets of `esg_metrics_extracted_count` as the API declares them (seed), for the panel's description. */
const METRICS_EXTRACTED_BUCKETS = [0, 5, 10, 20, 50, 100, 200] as const;

export function serviceDashboard({ service, env, alerts }: ServiceDashboardInput): dashboard.Dashboard {
  const job = jobSelector(service);
  const datasource: dashboard.DataSourceRef = { type: DATA_SOURCE_TYPES.prometheus, uid: prometheusDataSourceUid(env) };
  const spec = (panel: ServicePanel, title: string, unit: string, description: string): PanelSpec =>
    ({ id: SERVICE_PANEL_IDS[panel], title, unit, description, gridPos: SERVICE_LAYOUT[panel], datasource });
  const watching = (panel: ServicePanel) => alerts.filter((a) => a.serviceId === service.id && a.panel === panel);
  /**
   * The signal of the catalog alert `<service id>-<signalName>`, which the panel plots so that
   * its threshold line and its curve are one query. Picked by name: a panel may carry more
   * alerts than the one it plots (a p99 alert beside the p95 one draws its line too).
   */
  const signalOf = (panel: ServicePanel, signalName: string): string => {
    const id = alertId(service, signalName);
    const alert = watching(panel).find((a) => a.id === id);
    if (!alert) {
      throw new Error(`Service dashboard of "${service.id}": panel "${panel}" plots the signal of alert "${id}", but the ` +
        `catalog has no such alert on that panel (it has: ${watching(panel).map((a) => a.id).join(', ') || 'none'}). ` +
        `Fix: keep signal "${signalName}" in catalog/alerts.ts with panel "${panel}", or plot another query in dashboards/service.ts.`);
    }
    return alert.signal;
  };
  const memoryBytes = instanceMemoryBytes(env);

  const builder = new dashboard.DashboardBuilder(`${service.displayName}: Service`)
    .uid(serviceDashboardUid(service.id))
    .description(`Traffic, errors, latency, resources and usage of ${service.displayName} (Prometheus job "${service.id}").`)
    .tags(['esg-scraper', 'service', service.id])
    .readonly() // managed by Terraform: edits in the UI would be overwritten on the next apply
    .tooltip(dashboard.DashboardCursorSync.Crosshair)
    .time({ from: 'now-6h', to: 'now' })
    .refresh('1m');

  /** A time-series panel: it draws the thresholds of every alert that links to it, whichever signal that is. */
  const series = (panel: ServicePanel, title: string, unit: string, description: string,
    targets: readonly PromTarget[], options: Omit<TimeseriesOptions, 'alerts'> = {}) =>
    builder.withPanel(timeseriesPanel(spec(panel, title, unit, description), targets, { ...options, alerts: watching(panel) }));
  const bars = watching('metricsExtracted');
  if (bars.length > 0) {
    throw new Error(`Service dashboard of "${service.id}": alert "${bars[0].id}" links to panel "metricsExtracted", a bar gauge ` +
      'of histogram buckets that cannot draw a threshold. Fix: link it to a time-series panel in catalog/alerts.ts');
  }

  series('requestRate', 'Request rate by status', units.RequestsPerSecond,
    'Users\' requests per second over all instances (probes excluded), stacked by HTTP status code (5-minute rate).',
    [{ expr: `sum by (status) (rate(${service.metricPrefix}_requests_total{${userRequestSelector(service)}}[5m]))`, legend: '{{status}}' }],
    { stacked: true, min: 0 });

  series('errorRatio', '5xx error ratio', units.PercentUnit,
    'Share of requests answered with a 5xx status, over all instances (5-minute rates); 0 when no request failed.',
    [{ expr: signalOf('errorRatio', 'error-ratio'), legend: '5xx ratio' }],
    { min: 0 });

  series('latency', 'Latency p50 / p95 / p99', units.Seconds,
    'Request duration quantiles over all instances, from the summed histogram buckets (5-minute rates).',
    [
      { expr: latencyQuantile(service, 0.5), legend: 'p50' },
      { expr: signalOf('latency', 'latency-p95'), legend: 'p95' },
      { expr: latencyQuantile(service, 0.99), legend: 'p99' },
    ],
    { min: 0 });

  series('scrapeHealth', 'Scrape health', units.Short,
    'Whether Prometheus reaches each instance (1 up, 0 down), and how many instances are up in total.',
    [
      { expr: upByInstance(service), legend: '{{instance}}' },
      { expr: signalOf('scrapeHealth', 'metrics-absent'), legend: 'instances up' },
    ],
    { min: 0 });

  series('memory', 'Memory used', units.PercentUnit,
    `Resident memory of each instance as a share of its ${env.digitalocean.app.instanceSizeSlug} instance's ` +
    `${memoryBytes / 2 ** 30} GiB, and the highest instance, which the alert watches.`,
    [
      { expr: memoryRatioByInstance(service, memoryBytes), legend: '{{instance}}' },
      { expr: signalOf('memory', 'memory'), legend: 'highest instance' },
    ],
    { min: 0, max: 1 });

  if (service.exports.mongodbPool) {
    series('mongodbPool', 'MongoDB connection pool used', units.PercentUnit,
      'Open MongoDB connections as a share of the pool size, per instance and for the fullest instance.',
      [
        { expr: mongodbPoolRatioByInstance(service), legend: '{{instance}}' },
        { expr: signalOf('mongodbPool', 'mongodb-pool'), legend: 'fullest instance' },
      ],
      { min: 0, max: 1 });
  }

  if (service.exports.cache) {
    series('cacheHitRatio', 'Cache hit ratio', units.PercentUnit,
      'Share of cache reads (operation "get") that hit, over all instances (15-minute rates). ' +
      'Writes ("set") are not reads and are left out of both sides of the ratio.',
      [{ expr: signalOf('cacheHitRatio', 'cache-hit-ratio'), legend: 'hit ratio' }],
      { min: 0, max: 1 });
  }

  if (service.exports.businessMetrics) {
    const analyses = (by: string): PromTarget =>
      ({ expr: `sum by (${by}) (rate(esg_analysis_by_framework_total{${job}}[5m])) * 60`, legend: `{{${by}}}` });
    series('analysesByFramework', 'Analyses by framework', units.OpsPerMinute,
      'Analyses per minute over all instances, by reporting framework (an analysis of several frameworks counts once per framework).',
      [analyses('framework')], { stacked: true, min: 0 });
    series('analysesByTier', 'Analyses by user tier', units.OpsPerMinute,
      'Framework analyses per minute over all instances, by the subscription tier of the requesting user.',
      [analyses('user_tier')], { stacked: true, min: 0 });
    builder.withPanel(metricsExtractedPanel(
      spec('metricsExtracted', 'Metrics extracted per analysis', units.Short,
        'How many analyses in the selected time range extracted how many ESG metrics: one bar per histogram bucket ' +
        `(upper bounds ${METRICS_EXTRACTED_BUCKETS.join(', ')}, +Inf), each counting the analyses above the previous bound ` +
        'and up to its own.'),
      job));
  }

  return builder.build();
}

/** The histogram as bars: `heatmap` format makes Grafana turn cumulative `le` buckets into per-bucket counts. */
function metricsExtractedPanel(spec: PanelSpec, job: string): bargauge.PanelBuilder {
  return withSpec(new bargauge.PanelBuilder(), spec, promTargets(spec.datasource, [{
    expr: `sum by (le) (increase(esg_metrics_extracted_count_bucket{${job}}[$__range]))`,
    legend: '{{le}}',
    instant: true,
    format: prometheus.PromQueryFormat.Heatmap,
  }]))
    .orientation(common.VizOrientation.Vertical)
    .displayMode(common.BarGaugeDisplayMode.Basic)
    .reduceOptions(new common.ReduceDataOptionsBuilder().calcs(['lastNotNull']).values(false))
    .min(0);
}
