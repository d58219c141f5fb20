import { SERVICES } from '../../catalog/services';
import { apmDataMonitorName, heartbeatMonitorName, selfWatchAlertIds, selfWatchRoutingRows } from '../../catalog/self-watch';
import { ENVIRONMENTS } from '../../config/environments';
import { EnvironmentConfig, ENVIRONMENT_NAMES } from '../../config/types';
import { routesOf } from '../../review/routing-graph';
import { synthOf } from '../support/synth';
import { escapeRegExp } from '../support/text';

/** The synthesized alert each row stands for, by the name the vendor shows. */
const SYNTHESIZED: Record<string, (env: string) => RegExp> = {
  'grafana-watchdog': () => /^Watchdog$/,
  'grafana-watchdog-heartbeat': (env) => new RegExp(`^Grafana alerting \\(${env}\\): watchdog heartbeat missing`),
  'grafana-health': (env) => new RegExp(`^Grafana \\(${env}\\): GET /api/health$`),
  ...Object.fromEntries(SERVICES.map((s) => [`${s.id}-apm-data`, (env: string) => new RegExp(`^${escapeRegExp(s.displayName)} \\(${env}\\): no APM data`)])),
};

/** A destination of the synthesized JSON (review/destinations.ts: where it arrives) as the routing table names it. */
function tableName(destination: string): string {
  if (destination.startsWith('PagerDuty ')) return 'PagerDuty';
  if (/^Webhook https:\/\/api\.[a-z0-9.]+\/api\/v1\/events$/.test(destination)) return 'Datadog events API (heartbeat)';
  return destination;
}

describe('routing of the alerts that watch the alert path', () => {
  it('pages on each in production, never in staging, and sends the watchdog to its heartbeat only', () => {
    const table = (env: 'staging' | 'production') =>
      selfWatchRoutingRows(ENVIRONMENTS[env], SERVICES).map((r) => [r.alertId, r.severity, r.destinations.join(' + '), r.mutedBy.join()]);
    expect(table('production')).toEqual([
      ['grafana-watchdog', 'none', 'Datadog events API (heartbeat)', ''],
      ['grafana-watchdog-heartbeat', 'critical', 'PagerDuty + Slack #alerts', ''],
      ['grafana-health', 'critical', 'PagerDuty + Slack #alerts', ''],
      ...SERVICES.map((s) => [`${s.id}-apm-data`, 'critical', 'PagerDuty + Slack #alerts', '']),
    ]);
    expect(table('production')).toContainEqual(['esg-scraper-api-apm-data', 'critical', 'PagerDuty + Slack #alerts', '']);
    expect(table('staging').map((r) => r[2])).toEqual(['Datadog events API (heartbeat)', 'Slack #alerts', 'Slack #alerts', ...SERVICES.map(() => 'Slack #alerts')]);
  });

  it.each(ENVIRONMENT_NAMES)('says what the synthesized JSON does (%s)', (env) => {
    const routes = routesOf(synthOf(env));
    const rows = selfWatchRoutingRows(ENVIRONMENTS[env], SERVICES);
    expect(rows).toHaveLength(3 + SERVICES.length);
    for (const row of rows) {
      const destinations = routes.filter((r) => SYNTHESIZED[row.alertId](env).test(r.alert)).map((r) => tableName(r.destination));
      expect({ alert: row.alertId, destinations: destinations.sort() }).toEqual({ alert: row.alertId, destinations: [...row.destinations].sort() });
    }
  });
});

describe('the alerts that watch the alert path', () => {
  it('names the Datadog monitors by what they watch, as critical', () => {
    expect(apmDataMonitorName('ESG Scraper API (production)')).toBe('ESG Scraper API (production): no APM data (critical)');
    expect(heartbeatMonitorName('Grafana alerting (staging)')).toBe('Grafana alerting (staging): watchdog heartbeat missing (critical)');
  });

  it('watches Grafana twice and each service\'s APM data', () => {
    const other = { ...SERVICES[0], id: 'esg-worker' };
    expect(selfWatchAlertIds([SERVICES[0], other])).toEqual(['grafana-watchdog-heartbeat', 'grafana-health', 'esg-scraper-api-apm-data', 'esg-worker-apm-data']);
  });

  it('marks the status page impacted by each page in production only, never by the watchdog, and mutes none in a maintenance window', () => {
    const windowed: EnvironmentConfig = { ...ENVIRONMENTS.production, maintenanceWindows: [{ ...ENVIRONMENTS.production.maintenanceWindows![0], severities: ['warning', 'info'] }] };
    const rows = (env: EnvironmentConfig) => selfWatchRoutingRows(env, SERVICES).map((r) => [r.environment, r.alertId, r.publicStatus, r.mutedBy.length]);
    expect(rows(windowed)).toEqual([
      ['production', 'grafana-watchdog', false, 0],
      ['production', 'grafana-watchdog-heartbeat', true, 0],
      ['production', 'grafana-health', true, 0],
      ...SERVICES.map((s) => ['production', `${s.id}-apm-data`, true, 0]),
    ]);
    expect(rows(ENVIRONMENTS.staging).map((r) => [r[0], r[2]])).toEqual([['staging', false], ['staging', false], ['staging', false], ...SERVICES.map(() => ['staging', false])]);
  });
});
