import { EnvironmentConfig, Severity } from '../config/types';
import { destinationsFor, impactsPublicStatus, muteTimingsFor, RoutingRow, slackChannel } from './routing';
import { ServiceDefinition } from './services';

/**
 * The alerts that watch the alert path itself (README, "The alert path watches itself"),
 * as data: what each watches, its severity, and so where it goes. Grafana's watchdog
 * (stacks/grafana.ts) always fires and goes to Datadog only; the others are Datadog
 * monitors and synthetic tests (stacks/datadog.ts) that route by severity like any alert.
 */

/** Grafana down, its notifications stuck, or no APM data: every one blinds a family of alerts, so each pages. */
export const SELF_WATCH_SEVERITY: Severity = 'critical';

/**
 * Names of the Datadog monitors that watch the alert path, one function each, so the
 * stack (stacks/datadog.ts) and the status-impact table name them alike. `owner` is
 * what the monitor watches, e.g. "ESG Scraper API (production)".
 */
export function apmDataMonitorName(owner: string): string {
  return `${owner}: no APM data (${SELF_WATCH_SEVERITY})`;
}

export function heartbeatMonitorName(owner: string): string {
  return `${owner}: watchdog heartbeat missing (${SELF_WATCH_SEVERITY})`;
}

/** Where the watchdog's notifications go: a heartbeat event in Datadog, never a person. */
export const WATCHDOG_DESTINATION = 'Datadog events API (heartbeat)';

/** The self-watching alerts of one environment, by id. */
export function selfWatchAlertIds(services: readonly ServiceDefinition[]): string[] {
  return ['grafana-watchdog-heartbeat', 'grafana-health', ...services.map((s) => `${s.id}-apm-data`)];
}

/**
 * Routing rows of the self-watching alerts, for `npm run routing`: the watchdog to its
 * heartbeat, then each alert that pages when something upstream of the alerts goes quiet.
 */
export function selfWatchRoutingRows(env: EnvironmentConfig, services: readonly ServiceDefinition[]): RoutingRow[] {
  const describe = (d: ReturnType<typeof destinationsFor>[number]) => d === 'pagerduty' ? 'PagerDuty' : `Slack ${slackChannel(d, env)}`;
  return [
    // Never muted: a muted watchdog would stop the heartbeat and page.
    { environment: env.name, alertId: 'grafana-watchdog', severity: 'none', destinations: [WATCHDOG_DESTINATION], mutedBy: [], publicStatus: false },
    ...selfWatchAlertIds(services).map((alertId) => ({
      environment: env.name,
      alertId,
      severity: SELF_WATCH_SEVERITY,
      destinations: destinationsFor(SELF_WATCH_SEVERITY, env).map(describe),
      mutedBy: muteTimingsFor(SELF_WATCH_SEVERITY, env),
      // A critical page reaches the PagerDuty service the status page's business service depends on.
      publicStatus: impactsPublicStatus(SELF_WATCH_SEVERITY, env),
    })),
  ];
}
