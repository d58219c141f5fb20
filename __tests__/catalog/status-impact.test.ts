import { buildAlertCatalog } from '../../catalog/alerts';
import { SERVICES } from '../../catalog/services';
import { buildSloCatalog } from '../../catalog/slos';
import { formatStatusImpactTable, StatusImpactRow, statusImpactTable } from '../../catalog/status-impact';
import { ENVIRONMENTS } from '../../config/environments';
import { routingMermaid } from '../../review/mermaid';
import { statusImpactReadmeTable } from '../../review/readme-tables';
import { diffRoutes, Route, routesOf } from '../../review/routing-graph';
import { expectCurrent, readmeTable } from '../support/generated';
import { synthOf } from '../support/synth';

const envs = [ENVIRONMENTS.staging, ENVIRONMENTS.production];
const { production } = ENVIRONMENTS;
const rows = statusImpactTable(envs, buildAlertCatalog(SERVICES, production), buildSloCatalog(SERVICES, production), SERVICES);
const impacted = (env: string) => rows.filter((r) => r.impacts[env]);
const statusRoutes = (env: 'staging' | 'production') => routesOf(synthOf(env)).filter((r) => r.publicStatus !== undefined);

/** A vendor's alert name without the environment and severity it carries in the synthesized JSON. */
const bare = (route: Route) => route.alert.replace(/ \(production(, \w+)?\)/, '');
/** Whether a table entry names this synthesized alert. */
function names(row: StatusImpactRow, entry: string, route: Route): boolean {
  if (entry.startsWith('synthetic API tests')) return / (GET|POST) \//.test(route.alert);
  if (row.vendor === 'Sentry') return route.alert.includes(`: ${entry} (`);
  return bare(route) === entry || bare(route).startsWith(`${entry} over `);
}

describe('the public status impact table', () => {
  it('is in the README exactly as the routing function renders it', () => {
    expect(statusImpactReadmeTable()).toBe(formatStatusImpactTable(rows, envs));
    expectCurrent('README.md\'s status-impact table', () => expect(readmeTable('status-impact')).toBe(formatStatusImpactTable(rows, envs)));
  });

  it('agrees with the synthesized JSON: the same vendors and severities mark "ESG Scraper API" impacted in production', () => {
    const fromJson = new Set(statusRoutes('production').map((r) => `${r.source}:${r.severity}`));
    const fromTable = new Set(impacted('production').map((r) => `${r.vendor}:${r.severity}`));
    expect([...fromJson].sort()).toEqual([...fromTable].sort());
    expect([...fromTable].sort()).toEqual(['Datadog:critical', 'Grafana:critical', 'Sentry:critical']);
    expect(new Set(statusRoutes('production').map((r) => r.publicStatus))).toEqual(new Set(['ESG Scraper API']));
  });

  it('names every impacting alert of the JSON, and the JSON has an impacting route for every alert it names', () => {
    const routes = statusRoutes('production');
    for (const route of routes) {
      const row = impacted('production').find((r) => r.vendor === route.source && r.severity === route.severity);
      expect({ alert: route.alert, named: row?.alerts.some((entry) => names(row, entry, route)) }).toEqual({ alert: route.alert, named: true });
    }
    for (const row of impacted('production')) {
      for (const entry of row.alerts) {
        expect({ entry, found: routes.some((route) => route.source === row.vendor && names(row, entry, route)) }).toEqual({ entry, found: true });
      }
    }
    // Per service: in Grafana 2 catalog rules and 4 burn-rate pages; in Datadog the error-ratio composite, 4 burn-rate
    // pages, its health test and its APM-data monitor. Once: the seed's POST /analyze test, Grafana's health test and
    // the watchdog heartbeat in Datadog, and Sentry's 1. The seed alone: 6 + 10 + 1.
    expect(new Set(routes.map((r) => `${r.source}: ${r.alert}`)).size).toBe(SERVICES.length * (6 + 7) + 3 + 1);
  });

  it('marks the API-down checks and the critical error-ratio page as impacting "ESG Scraper API"', () => {
    const statusOf = (source: string, alert: string) =>
      routesOf(synthOf('production')).find((r) => r.source === source && r.alert === alert && r.publicStatus)?.publicStatus;
    expect(statusOf('Datadog', 'ESG Scraper API (production): GET /health/detailed')).toBe('ESG Scraper API');
    expect(statusOf('Grafana', 'ESG Scraper API: no metrics')).toBe('ESG Scraper API');
    expect(statusOf('Grafana', 'ESG Scraper API: 5xx error ratio high')).toBe('ESG Scraper API');
    expect(statusOf('Datadog', 'ESG Scraper API: 5xx error ratio high (production, critical)')).toBe('ESG Scraper API');
    // Warnings never page, so they never reach the status page.
    expect(routesOf(synthOf('production')).filter((r) => r.severity !== 'critical' && r.publicStatus)).toEqual([]);
  });

  it('impacts nothing in staging, in the table and in the JSON', () => {
    expect(impacted('staging')).toEqual([]);
    expect(statusRoutes('staging')).toEqual([]);
  });

  it('shows the status page on the routes of the Mermaid picture', () => {
    // The picture draws changes only (review/mermaid.ts): draw the pull request that makes pages reach the status page.
    const json = synthOf('production');
    const before = structuredClone(json);
    delete (before.resource as Record<string, unknown>).pagerduty_event_orchestration_service;
    const diff = diffRoutes('production', before, json);
    expect(diff.added).toHaveLength(statusRoutes('production').length);
    const edges = (arrow: string) => routingMermaid(diff).split('\n').filter((l) => l.includes(` ${arrow}|`));
    expect(edges('==>').length).toBeGreaterThan(0);
    expect(edges('==>').every((l) => l.includes('status page: ESG Scraper API · added'))).toBe(true);
    expect(edges('-.->').length).toBe(edges('==>').length);
    expect(edges('-.->').some((l) => l.includes('status page'))).toBe(false);
  });
});

describe('the status impact table from a catalog', () => {
  const errorRatio = buildAlertCatalog(SERVICES, production).find((a) => a.id === 'esg-scraper-api-error-ratio')!;

  it('lists an alert with a warning and a critical rule under both severities, and marks only the critical row impacting', () => {
    const twoLevels = { ...errorRatio, title: 'Two levels', thresholds: { warning: 0.01, critical: 0.05 }, datadog: undefined };
    const table = statusImpactTable(envs, [twoLevels], [], []);
    expect(table.filter((r) => r.vendor === 'Grafana')).toEqual([
      { vendor: 'Grafana', alerts: ['Two levels'], severity: 'critical', impacts: { staging: false, production: true } },
      { vendor: 'Grafana', alerts: ['Two levels'], severity: 'warning', impacts: { staging: false, production: false } },
    ]);
  });

  it('says for each environment that DigitalOcean\'s alerts impact nothing', () => {
    expect(rows.find((r) => r.vendor === 'DigitalOcean')).toEqual({
      vendor: 'DigitalOcean',
      alerts: ['App Platform, database and uptime-check alerts (e-mail and Slack only)'],
      impacts: { staging: false, production: false },
    });
  });
});

describe('the routing diff', () => {
  it('marks the routing changed when pages stop reaching the status page', () => {
    const before = synthOf('production');
    const after = structuredClone(before);
    delete (after.resource as Record<string, unknown>).pagerduty_event_orchestration_service;
    const diff = diffRoutes('production', before, after);
    expect(diff.removed).toHaveLength(statusRoutes('production').length);
    expect(diff.added.map((r) => r.publicStatus)).toEqual(diff.removed.map(() => undefined));
  });
});
