import { Construct } from 'constructs';
import { MessageTemplate } from '../../providers/grafana/message-template';

export interface SlackMessageTemplateProps {
  /**
   * Grafana organization id (`org_id`) of every resource: without it, each goes to the
   * organization of the provider's token (see README, "One policy tree per Grafana organization").
   * @default undefined (the token's organization)
   */
  readonly orgId?: string;
  /** Template-group name, unique in the organization. */
  readonly name: string;
  /**
   * Prefix of the defined template names (`<prefix>.title`, `<prefix>.text`).
   * @default the template-group name
   */
  readonly prefix?: string;
}

/**
 * A Grafana notification template group (`grafana_message_template`) for Slack:
 * a title naming the alert and environment, and a text that puts each alert's
 * summary next to its runbook and dashboard, so on-call starts from the fix.
 */
export class SlackMessageTemplate extends Construct {
  readonly messageTemplate: MessageTemplate;
  /** Value for a Slack contact point's `title`. */
  readonly title: string;
  /** Value for a Slack contact point's `text`. */
  readonly text: string;

  constructor(scope: Construct, id: string, props: SlackMessageTemplateProps) {
    super(scope, id);
    const prefix = props.prefix ?? props.name;
    this.messageTemplate = new MessageTemplate(this, 'template', {
      orgId: props.orgId,
      name: props.name,
      template: [
        `{{ define "${prefix}.title" }}[{{ .Status | toUpper }}{{ if eq .Status "firing" }}:{{ .Alerts.Firing | len }}{{ end }}] ` +
          '{{ .CommonLabels.alertname }} ({{ .CommonLabels.environment }}){{ end }}',
        `{{ define "${prefix}.text" }}{{ range .Alerts }}*{{ .Labels.severity }}*: {{ .Annotations.summary }}`,
        '{{ .Annotations.description }}',
        'Runbook: {{ .Annotations.runbook_url }}',
        'Dashboard: {{ .Annotations.dashboard_url }}',
        '{{ end }}{{ end }}',
      ].join('\n'),
    });
    this.title = `{{ template "${prefix}.title" . }}`;
    this.text = `{{ template "${prefix}.text" . }}`;
  }
}
