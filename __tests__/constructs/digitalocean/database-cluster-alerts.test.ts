import { Testing } from 'cdktf';
import { DATABASE_ALERTS } from '../../../catalog/platform-alerts';
import { DatabaseClusterAlerts } from '../../../constructs/digitalocean/database-cluster-alerts';

describe('DatabaseClusterAlerts (DigitalOcean)', () => {
  it('looks the cluster up by name and aims one policy per alert at its id', () => {
    const json = JSON.parse(Testing.synthScope((scope) => {
      new DatabaseClusterAlerts(scope, 'pg', {
        clusterName: 'pg-qa', label: 'PostgreSQL pg-qa', alerts: DATABASE_ALERTS.slice(0, 2),
        recipients: { emails: ['ops@example.com'], slack: { channel: '#ops', url: 'https://hooks.example.com/x' } },
      });
    }));
    const clusters = Object.entries(json.data.digitalocean_database_cluster) as [string, any][];
    expect(clusters).toEqual([[expect.any(String), expect.objectContaining({ name: 'pg-qa' })]]);
    const policies = Object.values(json.resource.digitalocean_monitor_alert) as any[];
    expect(policies).toHaveLength(2);
    for (const policy of policies) {
      const alert = DATABASE_ALERTS.find((a) => a.type === policy.type)!;
      expect(policy).toEqual(expect.objectContaining({
        description: `PostgreSQL pg-qa: ${alert.summary}`,
        compare: alert.compare, value: alert.value, window: alert.window, enabled: true,
        entities: [`\${data.digitalocean_database_cluster.${clusters[0][0]}.id}`],
        alerts: { email: ['ops@example.com'], slack: [{ channel: '#ops', url: 'https://hooks.example.com/x' }] },
      }));
    }
    expect(policies.map((p) => p.type).sort()).toEqual(DATABASE_ALERTS.slice(0, 2).map((a) => a.type).sort());
  });
});
