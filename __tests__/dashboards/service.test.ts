import { AlertDefinition, buildAlertCatalog, rulesOf, SERVICE_PANEL_IDS, ServicePanel } from '../../catalog/alerts';
import { promqlSyntaxErrors } from '../../catalog/promql';
import { ESG_SCRAPER_API, SERVICES } from '../../catalog/services';
import { ENVIRONMENTS } from '../../config/environments';
import { EnvironmentConfig } from '../../config/types';
import { thresholdSteps } from '../../dashboards/panels';
import { latencyQuantile } from '../../catalog/queries';
import { SERVICE_LAYOUT, serviceDashboard } from '../../dashboards/service';
import { isSeedAlert, SEED_CONFIGS } from '../support/estates';
import { queriesOf, withGrafanaVariables } from './dashboard-queries';

const build = (env: EnvironmentConfig, service = ESG_SCRAPER_API) =>
  serviceDashboard({ service, env, alerts: buildAlertCatalog(SERVICES, env) });
const production = build(ENVIRONMENTS.production);
const panelsOf = (model = production) => (model.panels ?? []) as any[];
const panelOf = (name: ServicePanel, model = production) => panelsOf(model).find((p) => p.id === SERVICE_PANEL_IDS[name]);

describe('service dashboard model', () => {
  it('is titled after the service, with a stable uid, tags, a 6-hour default range and read-only', () => {
    expect(production).toMatchObject({
      title: 'ESG Scraper API: Service',
      uid: 'esg-scraper-api-service',
      tags: ['esg-scraper', 'service', 'esg-scraper-api'],
      time: { from: 'now-6h', to: 'now' },
      editable: false,
    });
  });

  it('has every panel that alerts link to, at its catalog id, each with a unit, a description and its fixed position', () => {
    const panels = panelsOf();
    expect(panels.map((p) => p.id).sort((a, b) => a - b)).toEqual(Object.values(SERVICE_PANEL_IDS).sort((a, b) => a - b));
    for (const [name, id] of Object.entries(SERVICE_PANEL_IDS) as [ServicePanel, number][]) {
      const panel = panels.find((p) => p.id === id);
      expect(panel.gridPos).toEqual(SERVICE_LAYOUT[name]);
      expect(panel.fieldConfig.defaults.unit).toMatch(/^\w+$/);
      expect(panel.description.length).toBeGreaterThan(30);
    }
  });

  it('lays panels out on the 24-column grid without overlaps', () => {
    const boxes = Object.values(SERVICE_LAYOUT);
    for (const [i, a] of boxes.entries()) {
      expect(a.x + a.w).toBeLessThanOrEqual(24);
      for (const b of boxes.slice(i + 1)) {
        const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
        expect(overlap).toBe(false);
      }
    }
  });

  it('has the same layout in every environment; only data-source uids and the instance size differ', () => {
    const shape = (model: typeof production) => panelsOf(model).map((p) => [p.id, p.type, p.title, p.gridPos, p.fieldConfig.defaults.unit]);
    expect(shape(build(ENVIRONMENTS.staging))).toEqual(shape(production));
    expect(queriesOf(build(ENVIRONMENTS.staging)).every((q) => (q.query.datasource as any).uid === 'prometheus-staging')).toBe(true);
    expect(queriesOf(production).every((q) => (q.query.datasource as any).uid === 'prometheus-production')).toBe(true);
  });

  it('has PromQL targets that all parse, in code mode', () => {
    const queries = queriesOf(production);
    expect(queries.length).toBeGreaterThanOrEqual(15);
    for (const q of queries) {
      expect(q.datasourceType).toBe('prometheus');
      expect({ panel: q.panelTitle, refId: q.refId, errors: promqlSyntaxErrors(withGrafanaVariables(String(q.query.expr))) })
        .toEqual({ panel: q.panelTitle, refId: q.refId, errors: [] });
    }
  });

  it('fails to parse when a query is broken on purpose (the check is not vacuous)', () => {
    const expr = String(queriesOf(production)[0].query.expr);
    expect(promqlSyntaxErrors(expr.replace('sum by (status)', 'sum by (status'))).not.toEqual([]);
  });

  it('computes p50 and p99 the same way as the p95 the alert watches', () => {
    const p95 = buildAlertCatalog(SERVICES, ENVIRONMENTS.production).find((a) => a.id === 'esg-scraper-api-latency-p95');
    expect(latencyQuantile(ESG_SCRAPER_API, 0.95)).toBe(p95?.signal);
    expect(panelOf('latency').targets.map((t: any) => t.legendFormat)).toEqual(['p50', 'p95', 'p99']);
  });

  it.each(SERVICES.map((s) => [s.id, s] as const))("draws each alert's threshold from the catalog on the panel the alert links to (%s)", (_, service) => {
    const alerts = buildAlertCatalog(SERVICES, ENVIRONMENTS.production).filter((a) => a.serviceId === service.id);
    const model = build(ENVIRONMENTS.production, service);
    const alerted = [...new Set(alerts.map((a) => a.panel))];
    // The four every service has, and the panels of the signals it exports.
    expect(alerted).toEqual(expect.arrayContaining(['errorRatio', 'latency', 'memory', 'scrapeHealth']));
    if (service.id === ESG_SCRAPER_API.id) {
      expect(alerted).toEqual(expect.arrayContaining(['cacheHitRatio', 'errorRatio', 'latency', 'memory', 'mongodbPool', 'scrapeHealth']));
    }
    for (const name of alerted) {
      const steps = panelOf(name, model).fieldConfig.defaults.thresholds.steps;
      const thresholds = alerts.filter((a) => a.panel === name).flatMap(rulesOf).map((r) => r.threshold);
      expect(steps.map((s: any) => s.value).filter((v: any) => v !== null)).toEqual(thresholds);
      expect(panelOf(name, model).fieldConfig.defaults.custom.thresholdsStyle).toEqual({ mode: 'dashed' });
    }
    // Panels without alerts draw no threshold lines (the request rate, on the seed's catalog). A service
    // that does not export a signal has no panel for it (mongodbPool, cacheHitRatio): nothing to check there.
    const quiet = (Object.keys(SERVICE_PANEL_IDS) as ServicePanel[]).filter((name) => !alerted.includes(name) && panelOf(name, model));
    expect(quiet).toContain('requestRate');
    for (const name of quiet) expect([name, panelOf(name, model).fieldConfig.defaults.custom?.thresholdsStyle]).toEqual([name, undefined]);
  });

  it('draws the threshold of an alert on any time-series panel, the request rate too', () => {
    const catalog = buildAlertCatalog(SERVICES, ENVIRONMENTS.production);
    const traffic: AlertDefinition = {
      ...catalog.find((a) => a.id === 'esg-scraper-api-metrics-absent')!,
      id: 'esg-scraper-api-traffic-low', panel: 'requestRate', thresholds: { warning: 0.2 },
    };
    // The catalog's own alerts on the panel, if any, left out: the panel shows exactly this one.
    const others = catalog.filter((a) => a.panel !== 'requestRate');
    const model = serviceDashboard({ service: ESG_SCRAPER_API, env: ENVIRONMENTS.production, alerts: [...others, traffic] });
    expect(panelOf('requestRate', model).fieldConfig.defaults.thresholds.steps.map((s: any) => s.value)).toEqual([null, 0.2]);
    expect(panelOf('requestRate', model).fieldConfig.defaults.custom.thresholdsStyle).toEqual({ mode: 'dashed' });
    expect(panelOf('requestRate', model).description).toContain('(warning) fires when it is < 0.2 for 3m.');
  });

  it('fails when an alert links to the bar gauge of extracted metrics, which cannot draw a threshold', () => {
    const catalog = buildAlertCatalog(SERVICES, ENVIRONMENTS.production);
    const bars: AlertDefinition = { ...catalog[0], id: 'esg-scraper-api-extraction', panel: 'metricsExtracted' };
    expect(() => serviceDashboard({ service: ESG_SCRAPER_API, env: ENVIRONMENTS.production, alerts: [...catalog, bars] })).toThrow(
      'Service dashboard of "esg-scraper-api": alert "esg-scraper-api-extraction" links to panel "metricsExtracted", a bar gauge ' +
      'of histogram buckets that cannot draw a threshold. Fix: link it to a time-series panel in catalog/alerts.ts');
  });

  it('colours the seed\'s thresholds: 5% errors, 2 s p95, 85% memory, 90% pool, 50% cache hits, 1 instance up (pinned: the seed\'s numbers, before overrides)', () => {
    const env = SEED_CONFIGS.production;
    const seed = serviceDashboard({ service: ESG_SCRAPER_API, env, alerts: buildAlertCatalog(SERVICES, env).filter((a) => isSeedAlert(a.id)) });
    const steps = (name: ServicePanel) => panelOf(name, seed).fieldConfig.defaults.thresholds.steps;
    expect(steps('errorRatio')).toEqual([{ value: null, color: 'green' }, { value: 0.05, color: 'red' }]);
    expect(steps('latency')).toEqual([{ value: null, color: 'green' }, { value: 2, color: 'orange' }]);
    expect(steps('memory')[1]).toEqual({ value: 0.85, color: 'orange' });
    expect(steps('mongodbPool')[1]).toEqual({ value: 0.9, color: 'orange' });
    // Alerts that fire below a value colour everything under it.
    expect(steps('cacheHitRatio')).toEqual([{ value: null, color: 'blue' }, { value: 0.5, color: 'green' }]);
    expect(steps('scrapeHealth')).toEqual([{ value: null, color: 'red' }, { value: 1, color: 'green' }]);
  });

  it('follows threshold overrides of the environment', () => {
    const env: EnvironmentConfig = { ...ENVIRONMENTS.production, thresholdOverrides: { 'esg-scraper-api-error-ratio': { critical: 0.02 } } };
    const steps = panelOf('errorRatio', build(env)).fieldConfig.defaults.thresholds.steps;
    expect(steps).toEqual([{ value: null, color: 'green' }, { value: 0.02, color: 'red' }]);
    expect(panelOf('errorRatio', build(env)).description).toContain('> 2%');
  });

  it('leaves out the panels of signals a service does not export', () => {
    const bare = { ...ESG_SCRAPER_API, id: 'bare-api', exports: { cache: false, mongodbPool: false, businessMetrics: false } };
    const model = serviceDashboard({ service: bare, env: ENVIRONMENTS.production, alerts: buildAlertCatalog([bare], ENVIRONMENTS.production) });
    expect(panelsOf(model).map((p) => p.id).sort((a, b) => a - b)).toEqual([1, 2, 3, 5, 10]);
    expect(model.uid).toBe('bare-api-service');
  });

  it('fails when a panel that plots an alert signal has no alert in the catalog', () => {
    expect(() => serviceDashboard({ service: ESG_SCRAPER_API, env: ENVIRONMENTS.production, alerts: [] }))
      .toThrow('panel "errorRatio" plots the signal of alert "esg-scraper-api-error-ratio", but the catalog has no such alert on ' +
        'that panel (it has: none). Fix: keep signal "error-ratio" in catalog/alerts.ts with panel "errorRatio", or plot another query ' +
        'in dashboards/service.ts.');
  });
});

describe('thresholdSteps', () => {
  const alert = (comparison: AlertDefinition['comparison'], thresholds: AlertDefinition['thresholds']) =>
    ({ id: `a-${comparison}`, comparison, thresholds, unit: 'ratio' } as AlertDefinition);

  it('rises from green for alerts that fire above, and to green for alerts that fire below', () => {
    expect(thresholdSteps([alert('>', { warning: 0.8, critical: 0.9 })]))
      .toEqual([{ value: null, color: 'green' }, { value: 0.8, color: 'orange' }, { value: 0.9, color: 'red' }]);
    expect(thresholdSteps([alert('<', { critical: 0.2, warning: 0.5 })]))
      .toEqual([{ value: null, color: 'red' }, { value: 0.2, color: 'orange' }, { value: 0.5, color: 'green' }]);
    expect(thresholdSteps([])).toEqual([{ value: null, color: 'green' }]);
  });

  it('fails when alerts on one panel fire in opposite directions', () => {
    expect(() => thresholdSteps([alert('>', { warning: 0.9 }), alert('<', { info: 0.1 })]))
      .toThrow('Alerts a->, a-< watch one panel from opposite directions');
  });
});
