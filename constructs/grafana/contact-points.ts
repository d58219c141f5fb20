import { Construct } from 'constructs';
import { ContactPoint } from '../../providers/grafana/contact-point';
import { SlackMessageTemplate } from './message-template';

/** A PagerDuty receiver: Events API v2. */
export interface PagerDutyReceiver {
  readonly type: 'pagerduty';
  /** Integration key, by reference to the PagerDuty service integration (sensitive). */
  readonly integrationKey: string;
}

/** A Slack receiver: an incoming webhook. */
export interface SlackReceiver {
  readonly type: 'slack';
  /** Incoming-webhook URL, by reference to a sensitive Terraform variable. */
  readonly webhookUrl: string;
  /** Channel, e.g. `#alerts`; legacy webhooks post there, app webhooks use their own channel. */
  readonly channel: string;
}

/** A webhook receiver: a JSON POST with custom headers and a fixed or templated body. */
export interface WebhookReceiver {
  readonly type: 'webhook';
  readonly url: string;
  /** Request headers; values may be references to sensitive variables. */
  readonly headers: Readonly<Record<string, string>>;
  /** Body template (Grafana's custom webhook payload), e.g. a static JSON document. */
  readonly payloadTemplate: string;
}

export type Receiver = PagerDutyReceiver | SlackReceiver | WebhookReceiver;

export interface AlertContactPointsProps {
  /**
   * Grafana organization id (`org_id`) of every resource: without it, each goes to the
   * organization of the provider's token (see README, "One policy tree per Grafana organization").
   * @default undefined (the token's organization)
   */
  readonly orgId?: string;
  /** Prefix of every contact-point name, e.g. `esg-scraper-production`; the key follows. */
  readonly namePrefix: string;
  /** One contact point per key (e.g. `pagerduty`, `slack-alerts`). */
  readonly receivers: Readonly<Record<string, Receiver>>;
  /**
   * Title and text templates for Slack messages.
   * @default Grafana's default Slack title and text
   */
  readonly slackTemplate?: SlackMessageTemplate;
}

/**
 * Grafana contact points (`grafana_contact_point`), one per receiver. Policies
 * reference them through `nameOf`, a reference, so Terraform creates them first.
 */
export class AlertContactPoints extends Construct {
  readonly contactPoints: Readonly<Record<string, ContactPoint>>;
  /** Each contact point's name as Grafana shows it (a plain string, e.g. for adoption), by key. */
  readonly names: Readonly<Record<string, string>>;

  constructor(scope: Construct, id: string, props: AlertContactPointsProps) {
    super(scope, id);
    const template = props.slackTemplate;
    this.names = Object.fromEntries(Object.keys(props.receivers).map((key) => [key, `${props.namePrefix}-${key}`]));
    this.contactPoints = Object.fromEntries(Object.entries(props.receivers).map(([key, receiver]) => {
      const name = this.names[key];
      const contactPoint = receiver.type === 'webhook'
        ? new ContactPoint(this, key, {
          name,
          orgId: props.orgId,
          webhook: [{
            url: receiver.url,
            httpMethod: 'POST',
            headers: { ...receiver.headers },
            payload: { template: receiver.payloadTemplate },
            // A heartbeat has no "resolved": only firing notifications mean "still alive".
            disableResolveMessage: true,
          }],
        })
        : receiver.type === 'pagerduty'
        ? new ContactPoint(this, key, {
          name,
          orgId: props.orgId,
          pagerduty: [{
            integrationKey: receiver.integrationKey,
            // Our severities (critical, warning, info) are PagerDuty's own; the service's
            // severity-based urgency then makes critical high-urgency and the rest low.
            severity: '{{ or .CommonLabels.severity "critical" }}',
            summary: '{{ .CommonLabels.alertname }}: {{ .CommonAnnotations.summary }}',
            source: '{{ .CommonLabels.service }} ({{ .CommonLabels.environment }})',
          }],
        })
        : new ContactPoint(this, key, {
          name,
          orgId: props.orgId,
          slack: [{
            url: receiver.webhookUrl,
            recipient: receiver.channel,
            ...(template ? { title: template.title, text: template.text } : {}),
          }],
          dependsOn: template ? [template.messageTemplate] : undefined,
        });
      return [key, contactPoint];
    }));
  }

  /** The contact point's name, as a reference. */
  nameOf(key: string): string {
    const contactPoint = this.contactPoints[key];
    if (!contactPoint) {
      throw new Error(`No contact point "${key}"; declared: ${Object.keys(this.contactPoints).join(', ')}. ` +
        'Fix: add a receiver for it in stacks/grafana.ts');
    }
    return contactPoint.name;
  }
}
