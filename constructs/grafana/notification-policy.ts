import { Construct } from 'constructs';
import { NotificationPolicy } from '../../providers/grafana/notification-policy';

/** Label matcher operators Grafana accepts. */
export type MatchOperator = '=' | '!=' | '=~' | '!~';

export interface PolicyMatcher {
  readonly label: string;
  readonly match: MatchOperator;
  readonly value: string;
}

/** A child policy: alerts matching every matcher go to the contact point. */
export interface PolicyRoute {
  readonly matchers: readonly PolicyMatcher[];
  /** Contact-point name, by reference. */
  readonly contactPoint: string;
  /** Keep matching later routes after this one, so an alert reaches several contact points. */
  readonly continue: boolean;
  /**
   * Mute-timing names, by reference.
   * @default []
   */
  readonly muteTimings?: readonly string[];
  /**
   * Timing of this route's notifications, e.g. a heartbeat that must repeat every few minutes.
   * @default undefined (inherited: Grafana's 30s wait, 5m interval, 4h repeat)
   */
  readonly timing?: { readonly groupWait: string; readonly groupInterval: string; readonly repeatInterval: string };
}

export interface AlertNotificationPolicyProps {
  /**
   * Grafana organization id (`org_id`) of every resource: without it, each goes to the
   * organization of the provider's token (see README, "One policy tree per Grafana organization").
   * @default undefined (the token's organization)
   */
  readonly orgId?: string;
  /** Contact point of alerts that no route matches, by reference. */
  readonly defaultContactPoint: string;
  /** Child policies, evaluated in order. */
  readonly routes: readonly PolicyRoute[];
  /**
   * Labels that group alerts into one notification.
   * @default ['grafana_folder', 'alertname']
   */
  readonly groupBy?: readonly string[];
}

/**
 * The organization's notification policy tree (`grafana_notification_policy`).
 * It is a singleton: each apply replaces the organization's whole tree, so exactly
 * one stack may declare it per Grafana organization.
 */
export class AlertNotificationPolicy extends Construct {
  readonly notificationPolicy: NotificationPolicy;

  constructor(scope: Construct, id: string, props: AlertNotificationPolicyProps) {
    super(scope, id);
    const groupBy = [...(props.groupBy ?? ['grafana_folder', 'alertname'])];
    this.notificationPolicy = new NotificationPolicy(this, 'policy', {
      orgId: props.orgId,
      contactPoint: props.defaultContactPoint,
      groupBy,
      policy: props.routes.map((route) => ({
        matcher: route.matchers.map((m) => ({ ...m })),
        contactPoint: route.contactPoint,
        continue: route.continue,
        muteTimings: route.muteTimings && route.muteTimings.length > 0 ? [...route.muteTimings] : undefined,
        ...route.timing,
      })),
    });
  }
}
