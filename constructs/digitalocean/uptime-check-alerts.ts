import { UptimeAlert as UptimeAlertResource } from '@cdktf/provider-digitalocean/lib/uptime-alert';
import { UptimeCheck } from '@cdktf/provider-digitalocean/lib/uptime-check';
import { Construct } from 'constructs';
import { PlatformRecipients, UptimeAlert } from '../../catalog/platform-alerts';
import { UptimeRegion } from '../../config/types';

export interface UptimeCheckAlertsProps {
  /** Check name, as shown in the control panel. */
  readonly name: string;
  /** Absolute https URL probed. */
  readonly target: string;
  /** Probe regions; two or more. */
  readonly regions: readonly UptimeRegion[];
  /** One uptime alert each. */
  readonly alerts: readonly UptimeAlert[];
  readonly recipients: PlatformRecipients;
}

/** A DigitalOcean uptime check and its alerts (down, latency, certificate expiry). */
export class UptimeCheckAlerts extends Construct {
  readonly check: UptimeCheck;
  readonly alerts: Record<string, UptimeAlertResource>;

  constructor(scope: Construct, id: string, props: UptimeCheckAlertsProps) {
    super(scope, id);
    this.check = new UptimeCheck(this, 'check', {
      name: props.name,
      target: props.target,
      type: 'https',
      regions: [...props.regions],
      enabled: true,
    });
    this.alerts = Object.fromEntries(props.alerts.map((alert) => [alert.id, new UptimeAlertResource(this, alert.id, {
      checkId: this.check.id,
      name: `${props.name}: ${alert.summary}`,
      type: alert.type,
      comparison: alert.comparison,
      threshold: alert.threshold,
      period: alert.period,
      notifications: [{
        // Addresses must be verified on the DigitalOcean account, or the API rejects the alert at apply.
        email: [...props.recipients.emails],
        slack: [{ channel: props.recipients.slack.channel, url: props.recipients.slack.url }],
      }],
    })]));
  }
}
