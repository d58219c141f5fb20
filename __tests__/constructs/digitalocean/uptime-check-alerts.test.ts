import { Testing } from 'cdktf';
import { uptimeAlerts } from '../../../catalog/platform-alerts';
import { ESG_SCRAPER_API } from '../../../catalog/services';
import { UptimeCheckAlerts } from '../../../constructs/digitalocean/uptime-check-alerts';

describe('UptimeCheckAlerts (DigitalOcean)', () => {
  it('checks the target over https from the regions given, with one alert each to e-mail and Slack', () => {
    const json = JSON.parse(Testing.synthScope((scope) => {
      new UptimeCheckAlerts(scope, 'up', {
        name: 'API /livez', target: 'https://api.example.com/livez', regions: ['us_west', 'se_asia'],
        alerts: uptimeAlerts({ ...ESG_SCRAPER_API, latencyTargetSeconds: 0.5 }, 'health'),
        recipients: { emails: ['ops@example.com'], slack: { channel: '#ops', url: 'https://hooks.example.com/x' } },
      });
    }));
    const checks = Object.entries(json.resource.digitalocean_uptime_check) as [string, any][];
    expect(checks).toEqual([[expect.any(String), {
      name: 'API /livez', target: 'https://api.example.com/livez', type: 'https', regions: ['us_west', 'se_asia'], enabled: true,
    }]]);
    const alerts = Object.values(json.resource.digitalocean_uptime_alert) as any[];
    expect(alerts.map((a) => [a.type, a.threshold]).sort()).toEqual([['down_global', undefined], ['latency', 500], ['ssl_expiry', 14]]);
    for (const alert of alerts) {
      expect(alert.check_id).toBe(`\${digitalocean_uptime_check.${checks[0][0]}.id}`);
      expect(alert.name.startsWith('API /livez: ')).toBe(true);
      expect(alert.notifications).toEqual([{ email: ['ops@example.com'], slack: [{ channel: '#ops', url: 'https://hooks.example.com/x' }] }]);
    }
  });
});
