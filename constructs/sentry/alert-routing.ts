import { Construct } from 'constructs';
import { Destination } from '../../catalog/routing';
import { AlertActionFiltersActions } from '../../providers/sentry/alert';
import { DataSentryOrganizationIntegration } from '../../providers/sentry/data-sentry-organization-integration';
import { IntegrationPagerduty } from '../../providers/sentry/integration-pagerduty';

/** Sentry's PagerDuty severities (the incident's severity in PagerDuty). */
export type SentryPagerdutySeverity = 'default' | 'critical' | 'error' | 'warning' | 'info';

export interface SentryAlertRoutingProps {
  /** Organization slug. */
  readonly organization: string;
  /** Name of the organization's Slack integration (the Slack workspace), looked up by data source. */
  readonly slackIntegrationName: string;
  /** The Slack channel each Slack destination posts to, e.g. `#alerts`. */
  readonly slackChannels: Readonly<Record<Exclude<Destination, 'pagerduty'>, string>>;
  /**
   * The PagerDuty service Sentry pages. Leave it out where nothing pages: then no
   * PagerDuty integration is looked up or configured, and asking for a `pagerduty`
   * action throws.
   * @default undefined (no PagerDuty)
   */
  readonly pagerduty?: {
    /** Name of the organization's PagerDuty integration (the PagerDuty account), looked up by data source. */
    readonly integrationName: string;
    /** PagerDuty service name, as Sentry shows it. */
    readonly serviceName: string;
    /** Events API v2 integration key of that service (a reference, never a literal). */
    readonly integrationKey: string;
    /**
     * Severity of the PagerDuty events Sentry sends.
     * @default 'critical'
     */
    readonly severity?: SentryPagerdutySeverity;
  };
}

/**
 * Turns routing destinations (catalog/routing.ts) into `sentry_alert` actions.
 *
 * The organization's Slack and PagerDuty integrations are installed once, by hand,
 * in Sentry's UI (OAuth); they are looked up here by name, never by a copied id.
 * The PagerDuty service itself is registered on that integration by
 * `sentry_integration_pagerduty`, fed with the PagerDuty integration key by reference.
 */
export class SentryAlertRouting extends Construct {
  readonly slackIntegration: DataSentryOrganizationIntegration;
  readonly pagerdutyIntegration?: DataSentryOrganizationIntegration;
  readonly pagerdutyService?: IntegrationPagerduty;
  private readonly props: SentryAlertRoutingProps;

  constructor(scope: Construct, id: string, props: SentryAlertRoutingProps) {
    super(scope, id);
    this.props = props;

    this.slackIntegration = new DataSentryOrganizationIntegration(this, 'slack-integration', {
      organization: props.organization,
      providerKey: 'slack',
      name: props.slackIntegrationName,
    });

    if (props.pagerduty) {
      this.pagerdutyIntegration = new DataSentryOrganizationIntegration(this, 'pagerduty-integration', {
        organization: props.organization,
        providerKey: 'pagerduty',
        name: props.pagerduty.integrationName,
      });
      this.pagerdutyService = new IntegrationPagerduty(this, 'pagerduty-service', {
        organization: props.organization,
        integrationId: this.pagerdutyIntegration.id,
        service: props.pagerduty.serviceName,
        integrationKey: props.pagerduty.integrationKey,
      });
    }
  }

  /** One action per destination, in the order given. */
  actionsFor(destinations: readonly Destination[]): AlertActionFiltersActions[] {
    return destinations.map((destination) => {
      if (destination !== 'pagerduty') {
        return {
          slack: { integrationId: this.slackIntegration.id, channelName: this.props.slackChannels[destination] },
        };
      }
      if (!this.pagerdutyService || !this.props.pagerduty) {
        throw new Error(`SentryAlertRouting "${this.node.path}": got a "pagerduty" destination but no pagerduty ` +
          'props; expected pagerduty props wherever a routed severity pages. Fix: pass `pagerduty` when ' +
          'destinationsFor() of any rendered severity includes "pagerduty"');
      }
      return {
        pagerduty: {
          integrationId: this.pagerdutyService.integrationId,
          serviceId: this.pagerdutyService.id,
          serviceName: this.pagerdutyService.service,
          severity: this.props.pagerduty.severity ?? 'critical',
        },
      };
    });
  }
}
