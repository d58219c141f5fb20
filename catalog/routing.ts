import { EnvironmentConfig, Severity, SEVERITIES } from '../config/types';
import { AlertDefinition, rulesOf } from './alerts';

/**
 * Where an alert goes is a function of its severity and the environment, and of
 * nothing else. Every vendor renderer (Grafana policy, Datadog handles, Sentry
 * actions) and the `npm run routing` table ask this module; no destination is
 * written by hand anywhere else.
 */
export type Destination = 'pagerduty' | 'slack-alerts' | 'slack-monitoring';

export const DESTINATIONS: readonly Destination[] = ['pagerduty', 'slack-alerts', 'slack-monitoring'];

/**
 * Where alerts without a known severity label go (e.g. a rule made by hand in the
 * UI): the alerts channel, which every environment has, rather than nowhere.
 */
export const DEFAULT_DESTINATION: Destination = 'slack-alerts';

/** Destinations of one severity, in notification order (the page first). */
export function destinationsFor(severity: Severity, env: Pick<EnvironmentConfig, 'pagesOnCall'>): Destination[] {
  switch (severity) {
    case 'critical':
      return env.pagesOnCall ? ['pagerduty', 'slack-alerts'] : ['slack-alerts'];
    case 'warning':
      return ['slack-alerts'];
    case 'info':
      return ['slack-monitoring'];
  }
}

/** Whether any severity in this environment reaches the destination (so its contact point must exist). */
export function isUsed(destination: Destination, env: Pick<EnvironmentConfig, 'pagesOnCall'>): boolean {
  return SEVERITIES.some((s) => destinationsFor(s, env).includes(destination));
}

/** The Slack channel a Slack destination posts to. */
export function slackChannel(destination: Exclude<Destination, 'pagerduty'>, env: Pick<EnvironmentConfig, 'slack'>): string {
  return destination === 'slack-alerts' ? env.slack.alertsChannel : env.slack.monitoringChannel;
}

/** A destination as people name it: `PagerDuty`, `Slack #alerts`. */
function describeDestination(destination: Destination, env: Pick<EnvironmentConfig, 'slack'>): string {
  return destination === 'pagerduty' ? 'PagerDuty' : `Slack ${slackChannel(destination, env)}`;
}

/**
 * Names of the maintenance windows (Grafana mute timings) that silence a severity.
 * Critical alerts are never muted, whatever the config says (validation rejects it too).
 */
export function muteTimingsFor(severity: Severity, env: Pick<EnvironmentConfig, 'maintenanceWindows'>): string[] {
  if (severity === 'critical') return [];
  return (env.maintenanceWindows ?? []).filter((w) => w.severities.includes(severity)).map((w) => w.name);
}

/**
 * Severities whose pages mark the public status page impacted. A page opens a
 * high-urgency incident on the on-call service; the service's orchestration gives it
 * P1, and a business service with a P1 incident on a supporting service shows as
 * impacted (constructs/pagerduty/status-page-services.ts cites PagerDuty's docs).
 */
export const STATUS_IMPACT_SEVERITIES: readonly Severity[] = ['critical'];

/**
 * PagerDuty event severities that get that priority: PagerDuty's high-urgency ones.
 * Grafana and Sentry send our `critical` as `critical`; `error` covers a tool that
 * sends its alert state as `error`, which severity-based urgency also makes high.
 */
export const STATUS_IMPACT_EVENT_SEVERITIES = ['critical', 'error'] as const;

/** Whether an alert of this severity marks the environment's public status page impacted. */
export function impactsPublicStatus(severity: Severity, env: Pick<EnvironmentConfig, 'pagesOnCall' | 'pagerduty'>): boolean {
  return env.pagerduty?.statusPage !== undefined && STATUS_IMPACT_SEVERITIES.includes(severity) &&
    destinationsFor(severity, env).includes('pagerduty');
}

/** One route of the notification policy: alerts of one severity to one destination. */
export interface NotificationRoute {
  readonly severity: Severity;
  readonly destination: Destination;
  /** Whether matching continues to the next route (so one alert reaches several destinations). */
  readonly continue: boolean;
  readonly muteTimings: readonly string[];
}

/** The routes of an environment's policy, most severe first, derived from `destinationsFor`. */
export function notificationRoutes(env: Pick<EnvironmentConfig, 'pagesOnCall' | 'maintenanceWindows'>): NotificationRoute[] {
  return SEVERITIES.flatMap((severity) => {
    const destinations = destinationsFor(severity, env);
    return destinations.map((destination, i) => ({
      severity,
      destination,
      continue: i < destinations.length - 1,
      muteTimings: muteTimingsFor(severity, env),
    }));
  });
}

/** One line of the routing table: where one alert at one severity goes in one environment. */
export interface RoutingRow {
  readonly environment: string;
  readonly alertId: string;
  /** `none` for the watchdog, which has no severity: it goes to its heartbeat only. */
  readonly severity: Severity | 'none';
  readonly destinations: readonly string[];
  /** Maintenance windows that mute it. */
  readonly mutedBy: readonly string[];
  /** Whether it marks the public status page impacted (`impactsPublicStatus`). */
  readonly publicStatus: boolean;
}

/** The routing table of one environment, one row per alert and severity. */
export function routingTable(env: EnvironmentConfig, alerts: readonly AlertDefinition[]): RoutingRow[] {
  return alerts.flatMap((alert) => rulesOf(alert).map(({ severity }) => ({
    environment: env.name,
    alertId: alert.id,
    severity,
    destinations: destinationsFor(severity, env).map((d) => describeDestination(d, env)),
    mutedBy: muteTimingsFor(severity, env),
    publicStatus: impactsPublicStatus(severity, env),
  })));
}

/** The table as aligned text columns, as `npm run routing` prints it. */
export function formatRoutingTable(rows: readonly RoutingRow[]): string {
  const header = ['ENVIRONMENT', 'ALERT', 'SEVERITY', 'DESTINATIONS', 'MUTED BY', 'PUBLIC STATUS'];
  const cells = rows.map((r) => [r.environment, r.alertId, r.severity, r.destinations.join(', '),
    r.mutedBy.length > 0 ? r.mutedBy.join(', ') : '-', r.publicStatus ? 'impacted' : '-']);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  return [header, ...cells].map((line) => line.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd()).join('\n');
}
