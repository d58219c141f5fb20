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
}

export interface AlertNotificationPolicyProps {
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
      contactPoint: props.defaultContactPoint,
      groupBy,
      policy: props.routes.map((route) => ({
        matcher: route.matchers.map((m) => ({ ...m })),
        contactPoint: route.contactPoint,
        continue: route.continue,
        muteTimings: route.muteTimings && route.muteTimings.length > 0 ? [...route.muteTimings] : undefined,
      })),
    });
  }
}
