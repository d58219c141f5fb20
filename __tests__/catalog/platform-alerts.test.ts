import {
  APP_COMPONENT_ALERTS, APP_LEVEL_ALERTS, DATABASE_ALERTS, DATABASE_ENGINES, healthPath, platformRecipients, SENTRY_ALERTS,
  SENTRY_PRIORITY, SYNTHETICS_SEVERITY, UPTIME_ENDPOINTS, uptimeAlerts,
} from '../../catalog/platform-alerts';
import { destinationsFor } from '../../catalog/routing';
import { ESG_SCRAPER_API, ServiceDefinition } from '../../catalog/services';
import { ENVIRONMENTS } from '../../config/environments';

/** How a summary names each window and period (so a summary cannot drift from the value it describes). */
const IN_WORDS: Record<string, string> = {
  FIVE_MINUTES: 'five minutes', TEN_MINUTES: 'ten minutes', '2m': 'two minutes', '5m': 'five minutes',
};

describe('App Platform alerts', () => {
  it('watches CPU, memory and restarts of the API component, each rule once (App Platform matches destinations by rule)', () => {
    const rules = APP_COMPONENT_ALERTS.map((a) => a.rule);
    expect([...rules].sort()).toEqual(['CPU_UTILIZATION', 'MEM_UTILIZATION', 'RESTART_COUNT']);
    expect(new Set(rules).size).toBe(rules.length);
  });

  it.each(APP_COMPONENT_ALERTS.map((a) => [a.rule, a] as const))('alerts on %s rising, with a summary naming its value and window', (_rule, alert) => {
    expect(alert.operator).toBe('GREATER_THAN');
    expect(alert.summary).toContain(String(alert.value));
    expect(alert.summary).toContain(IN_WORDS[alert.window]);
  });

  it('alerts on a failed deployment and a failed domain, not on successes', () => {
    expect(APP_LEVEL_ALERTS.map((a) => a.rule)).toEqual(['DEPLOYMENT_FAILED', 'DOMAIN_FAILED']);
    expect(APP_LEVEL_ALERTS.map((a) => a.summary)).toEqual([expect.stringMatching(/deployment failed/), expect.stringMatching(/domain failed/)]);
  });
});

describe('managed database alerts', () => {
  it('watches CPU, memory and disk of each cluster, each alert type under its own kebab-case id', () => {
    expect(DATABASE_ALERTS.map((a) => a.id)).toEqual(['cpu', 'memory', 'disk']);
    for (const alert of DATABASE_ALERTS) {
      expect(alert.type).toMatch(new RegExp(`^v1/dbaas/alerts/${alert.id}(_utilization)?_alerts$`));
    }
  });

  it.each(DATABASE_ALERTS.map((a) => [a.id, a] as const))('alerts on %s above a percentage for five minutes, named in its summary', (_id, alert) => {
    expect(alert.compare).toBe('GreaterThan');
    expect(alert.window).toBe('5m');
    expect(alert.summary).toContain(`above ${alert.value}%`);
  });

  it('covers both clusters the config names', () => {
    expect([...DATABASE_ENGINES].sort()).toEqual(Object.keys(ENVIRONMENTS.production.digitalocean.databases).sort());
  });
});

describe('uptime alerts', () => {
  const slow: ServiceDefinition = { ...ESG_SCRAPER_API, latencyTargetSeconds: 1.5, healthPath: '/live', detailedHealthPath: '/ready' };

  it('checks the liveness and the detailed health path of a service', () => {
    expect(UPTIME_ENDPOINTS.map((e) => healthPath(slow, e))).toEqual(['/live', '/ready']);
  });

  it('alerts on the liveness check when it is down from every region, slower than the latency target, or its certificate expires', () => {
    expect(uptimeAlerts(slow, 'health').map(({ id, type, comparison, threshold, period }) => ({ id, type, comparison, threshold, period })))
      .toEqual([
        // down_global: down from every region, not one region's network trouble.
        { id: 'down', type: 'down_global', comparison: 'greater_than', threshold: undefined, period: '2m' },
        // The service's own latency target, in milliseconds.
        { id: 'latency', type: 'latency', comparison: 'greater_than', threshold: 1500, period: '5m' },
        { id: 'ssl-expiry', type: 'ssl_expiry', comparison: 'less_than', threshold: 14, period: '1h' },
      ]);
  });

  it('alerts on the detailed health check only when it is down', () => {
    expect(uptimeAlerts(slow, 'detailed-health')).toEqual([uptimeAlerts(slow, 'health')[0]]);
  });

  it('states each threshold and period in its summary', () => {
    const [down, latency, ssl] = uptimeAlerts(slow, 'health');
    expect(down.summary).toBe('unreachable from every region for two minutes');
    expect(latency.summary).toBe(`slower than 1500 ms for ${IN_WORDS[latency.period]}`);
    expect(ssl.summary).toBe('TLS certificate expires in less than 14 days');
  });
});

describe('recipients of DigitalOcean alerts', () => {
  it('are the team\'s e-mail addresses and the Slack alerts channel, never the monitoring channel', () => {
    const env = { ...ENVIRONMENTS.production, alertEmails: ['a@example.com', 'b@example.com'],
      slack: { alertsChannel: '#pages', monitoringChannel: '#noise' } };
    expect(platformRecipients(env, 'https://hooks.slack.com/x')).toEqual({
      emails: ['a@example.com', 'b@example.com'],
      slack: { channel: '#pages', url: 'https://hooks.slack.com/x' },
    });
  });
});

describe('Sentry and synthetic alerts', () => {
  it('pages on an error spike and only notifies on a new issue', () => {
    expect(destinationsFor(SENTRY_ALERTS.errorSpike.severity, ENVIRONMENTS.production)).toContain('pagerduty');
    expect(destinationsFor(SENTRY_ALERTS.newIssue.severity, ENVIRONMENTS.production)).not.toContain('pagerduty');
  });

  it('gives the error spike Sentry\'s high priority (75), a warning the medium one (50)', () => {
    expect(SENTRY_PRIORITY[SENTRY_ALERTS.errorSpike.severity]).toBe(75);
    expect(SENTRY_PRIORITY.warning).toBe(50);
  });

  it('pages when a synthetic test fails: users cannot reach the API', () => {
    expect(destinationsFor(SYNTHETICS_SEVERITY, ENVIRONMENTS.production)).toContain('pagerduty');
  });
});
