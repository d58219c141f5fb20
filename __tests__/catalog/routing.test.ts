import { buildSync } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { buildAlertCatalog } from '../../catalog/alerts';
import {
  DESTINATIONS, destinationsFor, formatRoutingTable, impactsPublicStatus, isUsed, muteTimingsFor, notificationRoutes, routingTable,
} from '../../catalog/routing';
import { selfWatchRoutingRows } from '../../catalog/self-watch';
import { ESG_SCRAPER_API, SERVICES } from '../../catalog/services';
import { ENVIRONMENTS } from '../../config/environments';
import { EnvironmentConfig, SEVERITIES } from '../../config/types';
import { isSeedAlert } from '../support/estates';
import { childEnv, underMutantRun } from '../support/mutation';
import { ROOT } from '../support/paths';

const { staging, production } = ENVIRONMENTS;
/** The routing of the seed's six alerts (selected by id, whatever else the catalog holds), by signal. */
const seedCatalog = (env: EnvironmentConfig) => buildAlertCatalog(SERVICES, env).filter((a) => isSeedAlert(a.id));
const tableOf = (env: EnvironmentConfig) => routingTable(env, seedCatalog(env))
  .map((r) => [r.alertId.replace(`${ESG_SCRAPER_API.id}-`, ''), r.severity, r.destinations.join(' + ')]);
/** Where each severity goes, for every alert of every service. */
const BY_SEVERITY: Record<'staging' | 'production', Record<string, string>> = {
  production: { critical: 'PagerDuty + Slack #alerts', warning: 'Slack #alerts', info: 'Slack #monitoring' },
  staging: { critical: 'Slack #alerts', warning: 'Slack #alerts', info: 'Slack #monitoring' },
};

describe('routing by severity and environment', () => {
  it('routes production critical to PagerDuty and Slack #alerts, warning to #alerts, info to #monitoring', () => {
    expect(tableOf(production)).toEqual([
      ['error-ratio', 'critical', 'PagerDuty + Slack #alerts'],
      ['latency-p95', 'warning', 'Slack #alerts'],
      ['memory', 'warning', 'Slack #alerts'],
      ['metrics-absent', 'critical', 'PagerDuty + Slack #alerts'],
      ['mongodb-pool', 'warning', 'Slack #alerts'],
      ['cache-hit-ratio', 'info', 'Slack #monitoring'],
    ]);
  });

  it('never pages from staging: critical and warning go to Slack #alerts', () => {
    expect(tableOf(staging)).toEqual([
      ['error-ratio', 'critical', 'Slack #alerts'],
      ['latency-p95', 'warning', 'Slack #alerts'],
      ['memory', 'warning', 'Slack #alerts'],
      ['metrics-absent', 'critical', 'Slack #alerts'],
      ['mongodb-pool', 'warning', 'Slack #alerts'],
      ['cache-hit-ratio', 'info', 'Slack #monitoring'],
    ]);
    expect(isUsed('pagerduty', staging)).toBe(false);
    expect(DESTINATIONS.filter((d) => isUsed(d, production))).toEqual(['pagerduty', 'slack-alerts', 'slack-monitoring']);
  });

  it.each(['staging', 'production'] as const)('routes every alert of every service by its severity alone (%s)', (name) => {
    const rows = routingTable(ENVIRONMENTS[name], buildAlertCatalog(SERVICES, ENVIRONMENTS[name]));
    for (const service of SERVICES) expect(rows.filter((r) => r.alertId.startsWith(`${service.id}-`)).length).toBeGreaterThanOrEqual(4);
    for (const r of rows) {
      expect({ alert: r.alertId, destinations: r.destinations.join(' + ') }).toEqual({ alert: r.alertId, destinations: BY_SEVERITY[name][r.severity] });
    }
  });

  it('pages first, then continues to Slack, in the policy routes', () => {
    expect(notificationRoutes(production).map((r) => [r.severity, r.destination, r.continue])).toEqual([
      ['critical', 'pagerduty', true],
      ['critical', 'slack-alerts', false],
      ['warning', 'slack-alerts', false],
      ['info', 'slack-monitoring', false],
    ]);
    expect(destinationsFor('critical', { pagesOnCall: false })).toEqual(['slack-alerts']);
  });

  it('mutes warning and info during maintenance windows, and never critical', () => {
    expect(notificationRoutes(production).map((r) => [r.severity, r.muteTimings])).toEqual([
      ['critical', []], ['critical', []], ['warning', ['weekly-maintenance']], ['info', ['weekly-maintenance']],
    ]);
    const window = { ...production.maintenanceWindows![0], severities: ['critical'] as any };
    expect(muteTimingsFor('critical', { maintenanceWindows: [window] })).toEqual([]);
    expect(notificationRoutes(staging).every((r) => r.muteTimings.length === 0)).toBe(true);
  });

  it('marks the public status impacted by the pages of production only: staging has no status page and never pages', () => {
    expect(SEVERITIES.filter((s) => impactsPublicStatus(s, production))).toEqual(['critical']);
    expect(SEVERITIES.filter((s) => impactsPublicStatus(s, staging))).toEqual([]);
    // Paging alone is not enough: without a status page nothing is impacted.
    const noPage = { ...production, pagerduty: { ...production.pagerduty!, statusPage: undefined } };
    expect(SEVERITIES.filter((s) => impactsPublicStatus(s, noPage))).toEqual([]);
    const rows = routingTable(production, buildAlertCatalog(SERVICES, production));
    expect(rows.filter((r) => r.publicStatus).map((r) => r.alertId).filter((id) => id.startsWith(`${ESG_SCRAPER_API.id}-`)))
      .toEqual(['esg-scraper-api-error-ratio', 'esg-scraper-api-metrics-absent']);
    // For every service: exactly its critical alerts.
    expect(rows.filter((r) => r.publicStatus)).toEqual(rows.filter((r) => r.severity === 'critical'));
    expect(routingTable(staging, buildAlertCatalog(SERVICES, staging)).filter((r) => r.publicStatus)).toEqual([]);
  });

  it('prints the routing table as aligned text (the seed\'s alerts)', () => {
    const text = formatRoutingTable(routingTable(production, seedCatalog(production)));
    expect(text.split('\n').slice(0, 3)).toEqual([
      'ENVIRONMENT  ALERT                            SEVERITY  DESTINATIONS              MUTED BY            PUBLIC STATUS',
      'production   esg-scraper-api-error-ratio      critical  PagerDuty, Slack #alerts  -                   impacted',
      'production   esg-scraper-api-latency-p95      warning   Slack #alerts             weekly-maintenance  -',
    ]);
  });

  it('is what `npm run routing` prints, for every environment', () => {
    const outfile = join(ROOT, '.build', 'test-routing', 'routing.js');
    // Under `npm run mutate` the first, unmutated run built it (the bundle reads the active mutant at run time).
    if (!underMutantRun()) {
      buildSync({
        absWorkingDir: ROOT, entryPoints: ['scripts/routing.ts'], outfile, bundle: true, packages: 'external',
        platform: 'node', format: 'cjs', logLevel: 'warning',
      });
    }
    const run = spawnSync(process.execPath, [outfile], { encoding: 'utf8', env: childEnv({ PATH: process.env.PATH ?? '' }) });
    expect(run.stderr).toBe('');
    const expected = formatRoutingTable(['staging', 'production'].flatMap((name) => {
      const env = ENVIRONMENTS[name as 'staging' | 'production'];
      return [...routingTable(env, buildAlertCatalog(SERVICES, env)), ...selfWatchRoutingRows(env, SERVICES)];
    }));
    const [routing, statusTable] = run.stdout.split('\n\nAlerts that mark the public status page impacted');
    expect(routing).toBe(expected);
    // A header, then every catalog rule and the alerts that watch the alert path, in each environment:
    // each service's own, and the 4 of the alert path (one of them per service).
    const rowsOf = (env: EnvironmentConfig) => buildAlertCatalog(SERVICES, env).length + selfWatchRoutingRows(env, SERVICES).length;
    expect(routing.split('\n')).toHaveLength(1 + rowsOf(staging) + rowsOf(production));
    expect(selfWatchRoutingRows(production, [ESG_SCRAPER_API])).toHaveLength(4);
    const seedRows = buildAlertCatalog([ESG_SCRAPER_API], production).length + 1;
    expect(seedRows).toBeGreaterThanOrEqual(6 + 1);
    expect(routing.split('\n').filter((l) => l.includes(ESG_SCRAPER_API.id))).toHaveLength(2 * seedRows);
    expect(routing.split('\n').filter((l) => l.startsWith('staging') && l.includes('PagerDuty'))).toEqual([]);
    expect(statusTable).toContain('| vendor | alerts | severity | staging | production |'); // the README's table (status-impact.test.ts)
  });
});

describe('maintenance windows by severity', () => {
  const window = (name: string, severities: ('warning' | 'info')[]) =>
    ({ ...production.maintenanceWindows![0], name, severities });

  it('does not mute warnings with a window for info alerts only (nor info with a warning-only one)', () => {
    const env = { maintenanceWindows: [window('info-only', ['info']), window('warning-only', ['warning'])] };
    expect(muteTimingsFor('warning', env)).toEqual(['warning-only']);
    expect(muteTimingsFor('info', env)).toEqual(['info-only']);
    expect(muteTimingsFor('critical', env)).toEqual([]);
  });

  it('mutes nothing in an environment without maintenance windows', () => {
    expect(muteTimingsFor('warning', { maintenanceWindows: undefined })).toEqual([]);
  });

  it('lists the windows that mute each row of the table, "-" when none', () => {
    const env = { ...production, maintenanceWindows: [window('night', ['warning']), window('weekend', ['warning', 'info'])] };
    const rows = routingTable(env, buildAlertCatalog(SERVICES, env));
    expect(rows.filter((r) => r.severity === 'warning').every((r) => r.mutedBy.join() === 'night,weekend')).toBe(true);
    // Info: the cache hit ratio of each service that exports cache metrics, the seed's among them.
    const info = rows.filter((r) => r.severity === 'info');
    expect(info.map((r) => r.alertId)).toEqual(SERVICES.filter((s) => s.exports.cache).map((s) => `${s.id}-cache-hit-ratio`));
    expect(info.map((r) => r.alertId)).toContain('esg-scraper-api-cache-hit-ratio');
    expect(info.map((r) => r.mutedBy)).toEqual(info.map(() => ['weekend']));
    const lines = formatRoutingTable(rows).split('\n');
    // MUTED BY, then PUBLIC STATUS (issue 15): a critical page impacts production's status page, a warning does not.
    expect(lines.find((l) => l.includes('latency-p95'))).toMatch(/Slack #alerts\s+night, weekend\s+-$/);
    expect(lines.find((l) => l.includes('error-ratio'))).toMatch(/PagerDuty, Slack #alerts\s+-\s+impacted$/);
  });
});

describe('Slack channels', () => {
  it('names each Slack destination by its channel in the environment', () => {
    const env = { ...staging, slack: { alertsChannel: '#staging-alerts', monitoringChannel: '#staging-monitoring' } };
    const rows = routingTable(env, buildAlertCatalog(SERVICES, env));
    expect([...new Set(rows.map((r) => `${r.severity}: ${r.destinations.join(', ')}`))]).toEqual([
      'critical: Slack #staging-alerts', 'warning: Slack #staging-alerts', 'info: Slack #staging-monitoring',
    ]);
  });
});
