import { promqlSyntaxErrors } from '../../catalog/promql';
import { ESG_SCRAPER_API, SERVICES } from '../../catalog/services';
import { ENVIRONMENTS } from '../../config/environments';
import { BUSINESS_LAYOUT, BUSINESS_PANEL_IDS, businessDashboard, SUBSCRIPTION_PRICES_USD } from '../../dashboards/business';
import { promqlOf, queriesOf } from './dashboard-queries';

const production = businessDashboard({ env: ENVIRONMENTS.production, services: SERVICES });
const panels = (production.panels ?? []) as any[];

describe('business dashboard model', () => {
  it('has a stable uid, tags and a 30-day default range', () => {
    expect(production).toMatchObject({
      title: 'ESG Scraper: Business',
      uid: 'esg-business',
      tags: ['esg-scraper', 'business'],
      time: { from: 'now-30d', to: 'now' },
    });
  });

  it('has every panel at its id and fixed position, each with a unit and a description', () => {
    expect(panels.map((p) => p.id).sort()).toEqual(Object.values(BUSINESS_PANEL_IDS).sort());
    for (const [name, id] of Object.entries(BUSINESS_PANEL_IDS) as [keyof typeof BUSINESS_PANEL_IDS, number][]) {
      const panel = panels.find((p) => p.id === id);
      expect(panel.gridPos).toEqual(BUSINESS_LAYOUT[name]);
      expect(panel.fieldConfig.defaults.unit).toMatch(/^\w+$/);
      expect(panel.description.length).toBeGreaterThan(30);
    }
  });

  it("prices the tiers as the seed does and shows MRR and revenue in dollars", () => {
    expect(SUBSCRIPTION_PRICES_USD).toEqual({ starter: 49, growth: 199, enterprise: 999 });
    const mrr = panels.find((p) => p.id === BUSINESS_PANEL_IDS.mrrByTier);
    expect(mrr.fieldConfig.overrides).toContainEqual({
      matcher: { id: 'byName', options: 'mrr' },
      properties: [{ id: 'unit', value: 'currencyUSD' }, { id: 'displayName', value: 'MRR' }],
    });
    for (const id of [BUSINESS_PANEL_IDS.revenueByTier, BUSINESS_PANEL_IDS.costByTier]) {
      expect(panels.find((p) => p.id === id).fieldConfig.defaults.unit).toBe('currencyUSD');
    }
  });

  it('reads the SQL panels from PostgreSQL and the gauges from Prometheus, with parsing PromQL', () => {
    const byType = (type: string) => queriesOf(production).filter((q) => q.datasourceType === type).map((q) => q.panelId).sort();
    expect(byType('grafana-postgresql-datasource')).toEqual([1, 2, 3]);
    expect(byType('prometheus')).toEqual([4, 5]);
    for (const id of [BUSINESS_PANEL_IDS.revenueByTier, BUSINESS_PANEL_IDS.costByTier]) {
      expect(promqlSyntaxErrors(promqlOf(production, id))).toEqual([]);
    }
    const seedOnly = businessDashboard({ env: ENVIRONMENTS.production, services: [ESG_SCRAPER_API] });
    expect(promqlOf(seedOnly, BUSINESS_PANEL_IDS.costByTier)).toBe('max by (tier) (esg_tier_cost_estimate_usd{job="esg-scraper-api"})');
    // The real catalog: every service that exports business metrics, in one selector.
    const jobs = SERVICES.filter((s) => s.exports.businessMetrics).map((s) => s.id);
    expect(promqlOf(production, BUSINESS_PANEL_IDS.costByTier))
      .toBe(`max by (tier) (esg_tier_cost_estimate_usd{${jobs.length === 1 ? `job="${jobs[0]}"` : `job=~"${jobs.join('|')}"`}})`);
  });

  it('selects the gauges of every service that exports business metrics, and drops the panels when none does', () => {
    const other = { ...ESG_SCRAPER_API, id: 'esg-worker' };
    expect(promqlOf(businessDashboard({ env: ENVIRONMENTS.production, services: [ESG_SCRAPER_API, other] }), BUSINESS_PANEL_IDS.revenueByTier))
      .toBe('max by (tier) (esg_subscription_revenue_usd{job=~"esg-scraper-api|esg-worker"})');
    const none = businessDashboard({ env: ENVIRONMENTS.production, services: [{ ...ESG_SCRAPER_API, exports: { cache: true, mongodbPool: true, businessMetrics: false } }] });
    expect((none.panels ?? []).map((p: any) => p.id).sort()).toEqual([1, 2, 3]);
  });
});
