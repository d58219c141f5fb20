import * as common from '@grafana/grafana-foundation-sdk/common';
import * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import * as table from '@grafana/grafana-foundation-sdk/table';
import * as timeseries from '@grafana/grafana-foundation-sdk/timeseries';
import * as units from '@grafana/grafana-foundation-sdk/units';
import { BUSINESS_DASHBOARD_UID, postgresDataSourceUid, prometheusDataSourceUid } from '../catalog/grafana-uids';
import { ServiceDefinition } from '../catalog/services';
import { EnvironmentConfig } from '../config/types';
import { DATA_SOURCE_TYPES } from '../constructs/grafana/data-sources';
import { PanelSpec, sqlTarget, timeseriesPanel, withSpec } from './panels';

/**
 * "ESG Scraper: Business" — users, revenue and framework usage from the analytics
 * database (PostgreSQL), and revenue and cost estimates by tier from the services'
 * Prometheus gauges. DigitalOcean has no billing-alert API, so the cost gauges are
 * where this stack shows cost by tier.
 */

export interface BusinessDashboardInput {
  readonly env: EnvironmentConfig;
  /** Services whose `exports.businessMetrics` gauges feed the revenue and cost panels. */
  readonly services: readonly ServiceDefinition[];
}

/** Monthly list price of each paid tier, in USD; any other tier counts as 0. */
export const SUBSCRIPTION_PRICES_USD: Readonly<Record<string, number>> = { starter: 49, growth: 199, enterprise: 999 };

export const BUSINESS_PANEL_IDS = {
  dailyActiveUsers: 1,
  mrrByTier: 2,
  frameworkUsage: 3,
  revenueByTier: 4,
  costByTier: 5,
} as const;
export type BusinessPanel = keyof typeof BUSINESS_PANEL_IDS;

export const BUSINESS_LAYOUT: Readonly<Record<BusinessPanel, dashboard.GridPos>> = {
  dailyActiveUsers: { x: 0, y: 0, w: 12, h: 8 },
  mrrByTier: { x: 12, y: 0, w: 12, h: 8 },
  revenueByTier: { x: 0, y: 8, w: 12, h: 8 },
  costByTier: { x: 12, y: 8, w: 12, h: 8 },
  frameworkUsage: { x: 0, y: 16, w: 24, h: 8 },
};

/**
 * The SQL of the PostgreSQL panels. Grafana expands the `$__` macros before the
 * database sees the query: `$__timeFilter(c)` becomes `c BETWEEN '<from>' AND '<to>'`
 * (the dashboard's time range, UTC) and `$__timeGroupAlias(c, 1d, 0)` a UTC-day bucket
 * named "time", with empty days filled with 0.
 */
const BUSINESS_SQL: Readonly<Record<'dailyActiveUsers' | 'mrrByTier' | 'frameworkUsage', string>> = {
  // Time series must come sorted by time.
  dailyActiveUsers: [
    'SELECT',
    '  $__timeGroupAlias(created_at, 1d, 0),',
    '  COUNT(DISTINCT user_id) AS dau',
    'FROM user_activity',
    'WHERE $__timeFilter(created_at)',
    'GROUP BY 1',
    'ORDER BY 1',
  ].join('\n'),
  // Current subscriptions: the time range does not apply.
  mrrByTier: [
    'SELECT',
    '  tier,',
    '  COUNT(*) AS customers,',
    `  SUM(CASE tier ${Object.entries(SUBSCRIPTION_PRICES_USD).map(([tier, usd]) => `WHEN '${tier}' THEN ${usd}`).join(' ')} ELSE 0 END) AS mrr`,
    'FROM users',
    "WHERE tier <> 'free'",
    'GROUP BY tier',
    'ORDER BY mrr DESC, tier',
  ].join('\n'),
  frameworkUsage: [
    'SELECT',
    '  framework,',
    '  COUNT(*) AS usage_count,',
    '  AVG(coverage_percentage) AS avg_coverage',
    'FROM framework_compliance',
    'WHERE $__timeFilter(created_at)',
    'GROUP BY framework',
    'ORDER BY usage_count DESC, framework',
  ].join('\n'),
};

/** `job="a"` or `job=~"a|b"`: the scrape jobs of the services that export business gauges. */
function jobMatcher(services: readonly ServiceDefinition[]): string | undefined {
  const jobs = services.filter((s) => s.exports.businessMetrics).map((s) => s.id);
  if (jobs.length === 0) return undefined;
  return jobs.length === 1 ? `job="${jobs[0]}"` : `job=~"${jobs.join('|')}"`;
}

export function businessDashboard({ env, services }: BusinessDashboardInput): dashboard.Dashboard {
  const postgres: dashboard.DataSourceRef = { type: DATA_SOURCE_TYPES.postgres, uid: postgresDataSourceUid(env) };
  const prom: dashboard.DataSourceRef = { type: DATA_SOURCE_TYPES.prometheus, uid: prometheusDataSourceUid(env) };
  const spec = (panel: BusinessPanel, datasource: dashboard.DataSourceRef, title: string, unit: string, description: string): PanelSpec =>
    ({ id: BUSINESS_PANEL_IDS[panel], title, unit, description, gridPos: BUSINESS_LAYOUT[panel], datasource });

  const builder = new dashboard.DashboardBuilder('ESG Scraper: Business')
    .uid(BUSINESS_DASHBOARD_UID)
    .description('Users, subscriptions, framework usage, and revenue and cost estimates by tier.')
    .tags(['esg-scraper', 'business'])
    .readonly()
    .time({ from: 'now-30d', to: 'now' })
    .refresh('1h');

  const dau = spec('dailyActiveUsers', postgres, 'Daily active users', units.Short,
    'Distinct users with any activity per UTC day (user_activity), over the selected time range.');
  builder.withPanel(withSpec(new timeseries.PanelBuilder(), dau, [sqlTarget(postgres, BUSINESS_SQL.dailyActiveUsers, 'time_series')])
    .drawStyle(common.GraphDrawStyle.Bars)
    .fillOpacity(60)
    .min(0)
    .decimals(0));

  const mrr = spec('mrrByTier', postgres, 'MRR by tier', units.Short,
    `Paying customers and monthly recurring revenue per tier at list price (${Object.entries(SUBSCRIPTION_PRICES_USD)
      .map(([tier, usd]) => `${tier} $${usd}`).join(', ')}), from current subscriptions; the time range does not apply.`);
  builder.withPanel(withSpec(new table.PanelBuilder(), mrr, [sqlTarget(postgres, BUSINESS_SQL.mrrByTier, 'table')])
    .overrideByName('mrr', [{ id: 'unit', value: units.Dollars }, { id: 'displayName', value: 'MRR' }])
    .overrideByName('customers', [{ id: 'displayName', value: 'Customers' }]));

  const usage = spec('frameworkUsage', postgres, 'Framework usage and average coverage', units.Short,
    'Compliance checks per framework in the selected time range, and their average coverage of the framework (%).');
  builder.withPanel(withSpec(new table.PanelBuilder(), usage, [sqlTarget(postgres, BUSINESS_SQL.frameworkUsage, 'table')])
    .overrideByName('usage_count', [{ id: 'displayName', value: 'Checks' }])
    .overrideByName('avg_coverage', [
      { id: 'unit', value: units.Percent },
      { id: 'decimals', value: 1 },
      { id: 'displayName', value: 'Average coverage' },
    ]));

  const job = jobMatcher(services);
  if (job) {
    // Every instance exports the same figures (computed from the shared database), so
    // take the max per tier: a sum would multiply them by the number of instances.
    builder.withPanel(timeseriesPanel(
      spec('revenueByTier', prom, 'Subscription revenue by tier', units.Dollars,
        'Monthly recurring revenue per tier as the API reports it (gauge esg_subscription_revenue_usd).'),
      [{ expr: `max by (tier) (esg_subscription_revenue_usd{${job}})`, legend: '{{tier}}' }], { min: 0 }));
    builder.withPanel(timeseriesPanel(
      spec('costByTier', prom, 'Cost estimate by tier', units.Dollars,
        'Estimated infrastructure cost attributed to each tier from its usage (gauge esg_tier_cost_estimate_usd, updated hourly).'),
      [{ expr: `max by (tier) (esg_tier_cost_estimate_usd{${job}})`, legend: '{{tier}}' }], { min: 0 }));
  }

  return builder.build();
}
