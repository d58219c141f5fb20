import { DataDigitaloceanDatabaseCluster } from '@cdktf/provider-digitalocean/lib/data-digitalocean-database-cluster';
import { MonitorAlert } from '@cdktf/provider-digitalocean/lib/monitor-alert';
import { Construct } from 'constructs';
import { DatabaseAlert, PlatformRecipients } from '../../catalog/platform-alerts';

export interface DatabaseClusterAlertsProps {
  /** Name of an existing managed database cluster; it is looked up, not managed. */
  readonly clusterName: string;
  /** Prefix of each alert policy's description, e.g. `MongoDB (production)`. */
  readonly label: string;
  /** One monitor alert policy each. */
  readonly alerts: readonly DatabaseAlert[];
  readonly recipients: PlatformRecipients;
}

/**
 * Metric alert policies on one managed database cluster (`digitalocean_monitor_alert`
 * with the DBaaS alert types). The cluster is found by name and targeted by id: a
 * policy with neither entities nor tags would watch nothing and never fire.
 */
export class DatabaseClusterAlerts extends Construct {
  readonly cluster: DataDigitaloceanDatabaseCluster;
  readonly policies: Record<string, MonitorAlert>;

  constructor(scope: Construct, id: string, props: DatabaseClusterAlertsProps) {
    super(scope, id);
    this.cluster = new DataDigitaloceanDatabaseCluster(this, 'cluster', { name: props.clusterName });
    this.policies = Object.fromEntries(props.alerts.map((alert) => [alert.id, new MonitorAlert(this, alert.id, {
      description: `${props.label}: ${alert.summary}`,
      type: alert.type,
      compare: alert.compare,
      value: alert.value,
      window: alert.window,
      entities: [this.cluster.id],
      enabled: true,
      alerts: {
        email: [...props.recipients.emails],
        slack: [{ channel: props.recipients.slack.channel, url: props.recipients.slack.url }],
      },
    })]));
  }
}
