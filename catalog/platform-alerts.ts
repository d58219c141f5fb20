import { EnvironmentConfig, Severity } from '../config/types';
import { slackChannel } from './routing';
import { ServiceDefinition } from './services';

/**
 * Alerts that the platforms evaluate themselves (DigitalOcean App Platform, managed
 * databases and uptime checks; Sentry's own issue and metric monitors), as data.
 *
 * Unlike catalog/alerts.ts these are not PromQL and have no severity ladder:
 * DigitalOcean has no severity and no PagerDuty destination, so every DigitalOcean
 * alert goes to the same recipients (`platformRecipients`): the team's e-mail
 * addresses (env.alertEmails) and the Slack alerts channel. Sentry alerts do carry
 * a severity, and their destinations come from catalog/routing.ts like every other
 * vendor's.
 *
 * The string unions below are the exact values digitalocean/digitalocean 2.71.0 and
 * jianyuan/sentry 0.15.4 accept (digitalocean/app/app_spec.go at 2.71.0; the Sentry
 * schema in providers/schemas), so a typo fails `tsc` rather than `terraform apply`.
 */

// ---------------------------------------------------------------------------
// DigitalOcean App Platform (digitalocean_app spec)
// ---------------------------------------------------------------------------

/** Component-level rules the provider accepts (app_spec.go, appSpecComponentAlerts). */
export type AppComponentAlertRule = 'CPU_UTILIZATION' | 'MEM_UTILIZATION' | 'RESTART_COUNT';
export type AppAlertOperator = 'GREATER_THAN' | 'LESS_THAN';
export type AppAlertWindow = 'FIVE_MINUTES' | 'TEN_MINUTES' | 'THIRTY_MINUTES' | 'ONE_HOUR';
/** App-level rules the provider accepts; note `DEPLOYMENT_CANCELED` has one L (the docs' spelling fails). */
export type AppLevelAlertRule =
  | 'DEPLOYMENT_FAILED' | 'DEPLOYMENT_LIVE' | 'DEPLOYMENT_STARTED' | 'DEPLOYMENT_CANCELED'
  | 'DOMAIN_FAILED' | 'DOMAIN_LIVE' | 'AUTOSCALE_FAILED' | 'AUTOSCALE_SUCCEEDED';

export interface AppComponentAlert {
  readonly rule: AppComponentAlertRule;
  readonly operator: AppAlertOperator;
  /** Percent for CPU and memory; a count of restarts for RESTART_COUNT. */
  readonly value: number;
  readonly window: AppAlertWindow;
  readonly summary: string;
}

export interface AppLevelAlert {
  readonly rule: AppLevelAlertRule;
  readonly summary: string;
}

/**
 * Alerts on the API's service component. App Platform matches alert destinations by
 * rule only, so each rule appears once per app (a second component with the same
 * rule would take the other's destinations). Append new alerts at the end: the app
 * ignores destination changes by position (see constructs/digitalocean/app-platform-app.ts).
 */
export const APP_COMPONENT_ALERTS: readonly AppComponentAlert[] = [
  { rule: 'CPU_UTILIZATION', operator: 'GREATER_THAN', value: 80, window: 'FIVE_MINUTES', summary: 'CPU above 80% for five minutes' },
  { rule: 'MEM_UTILIZATION', operator: 'GREATER_THAN', value: 90, window: 'FIVE_MINUTES', summary: 'memory above 90% for five minutes' },
  { rule: 'RESTART_COUNT', operator: 'GREATER_THAN', value: 3, window: 'TEN_MINUTES', summary: 'more than 3 restarts in ten minutes' },
];

/**
 * Alerts on the app as a whole; they take no operator, value or window. Terraform sets
 * their recipients only when the app is created: one added later needs them set by
 * hand (see constructs/digitalocean/app-platform-app.ts).
 */
export const APP_LEVEL_ALERTS: readonly AppLevelAlert[] = [
  { rule: 'DEPLOYMENT_FAILED', summary: 'a deployment failed' },
  { rule: 'DOMAIN_FAILED', summary: 'a domain failed to configure' },
];

// ---------------------------------------------------------------------------
// Managed databases (digitalocean_monitor_alert)
// ---------------------------------------------------------------------------

/** The DBaaS alert types monitor_alert accepts (godo monitoring.go, Dbaas*). */
export type DatabaseAlertType =
  | 'v1/dbaas/alerts/cpu_alerts'
  | 'v1/dbaas/alerts/memory_utilization_alerts'
  | 'v1/dbaas/alerts/disk_utilization_alerts'
  | 'v1/dbaas/alerts/load_15_alerts';
/** CamelCase here, unlike the uptime alerts' snake_case. */
export type MonitorAlertCompare = 'GreaterThan' | 'LessThan';
export type MonitorAlertWindow = '5m' | '10m' | '30m' | '1h';

export interface DatabaseAlert {
  /** Kebab-case; part of the Terraform address. */
  readonly id: string;
  readonly type: DatabaseAlertType;
  readonly compare: MonitorAlertCompare;
  /** Percent. */
  readonly value: number;
  readonly window: MonitorAlertWindow;
  readonly summary: string;
}

export const DATABASE_ALERTS: readonly DatabaseAlert[] = [
  { id: 'cpu', type: 'v1/dbaas/alerts/cpu_alerts', compare: 'GreaterThan', value: 80, window: '5m', summary: 'CPU above 80%' },
  { id: 'memory', type: 'v1/dbaas/alerts/memory_utilization_alerts', compare: 'GreaterThan', value: 90, window: '5m', summary: 'memory above 90%' },
  { id: 'disk', type: 'v1/dbaas/alerts/disk_utilization_alerts', compare: 'GreaterThan', value: 80, window: '5m', summary: 'disk above 80%' },
];

/** The managed clusters the API depends on, keyed by the config field that names each. */
export const DATABASE_ENGINES = ['mongodb', 'redis'] as const;
export type DatabaseEngine = (typeof DATABASE_ENGINES)[number];

// ---------------------------------------------------------------------------
// Uptime checks (digitalocean_uptime_check / digitalocean_uptime_alert)
// ---------------------------------------------------------------------------

export type UptimeAlertType = 'latency' | 'down' | 'down_global' | 'ssl_expiry';
/** snake_case here, unlike monitor_alert's CamelCase. */
export type UptimeAlertComparison = 'greater_than' | 'less_than';
export type UptimeAlertPeriod = '2m' | '3m' | '5m' | '10m' | '15m' | '30m' | '1h';

export interface UptimeAlert {
  /** Kebab-case; part of the Terraform address. */
  readonly id: string;
  readonly type: UptimeAlertType;
  readonly comparison: UptimeAlertComparison;
  /**
   * Milliseconds for latency, days for ssl_expiry; unused by down alerts.
   * @default undefined (the provider sends 0)
   */
  readonly threshold?: number;
  readonly period: UptimeAlertPeriod;
  readonly summary: string;
}

/** Which of a service's health paths a check probes. */
export type HealthEndpoint = 'health' | 'detailed-health';

export function healthPath(service: ServiceDefinition, endpoint: HealthEndpoint): string {
  return endpoint === 'health' ? service.healthPath : service.detailedHealthPath;
}

/**
 * The alerts on one uptime check. `down_global` rather than `down`: with checks from
 * two or more regions, only "down from every region" tells an outage from one
 * region's network trouble. The latency limit is the service's own latency target.
 * The detailed check (it queries MongoDB and Redis) only alerts when it is down:
 * latency and certificate are already watched on the liveness check.
 */
export function uptimeAlerts(service: ServiceDefinition, endpoint: HealthEndpoint): UptimeAlert[] {
  const down: UptimeAlert = {
    id: 'down', type: 'down_global', comparison: 'greater_than', period: '2m',
    summary: 'unreachable from every region for two minutes',
  };
  if (endpoint === 'detailed-health') return [down];
  return [
    down,
    {
      id: 'latency', type: 'latency', comparison: 'greater_than', threshold: service.latencyTargetSeconds * 1000, period: '5m',
      summary: `slower than ${service.latencyTargetSeconds * 1000} ms for five minutes`,
    },
    {
      id: 'ssl-expiry', type: 'ssl_expiry', comparison: 'less_than', threshold: 14, period: '1h',
      summary: 'TLS certificate expires in less than 14 days',
    },
  ];
}

/** Health paths that get an uptime check, with their alerts. */
export const UPTIME_ENDPOINTS: readonly HealthEndpoint[] = ['health', 'detailed-health'];

// ---------------------------------------------------------------------------
// Recipients of every DigitalOcean alert
// ---------------------------------------------------------------------------

export interface PlatformRecipients {
  /** Must be DigitalOcean team members (App Platform) and verified on the account (uptime alerts). */
  readonly emails: readonly string[];
  readonly slack: { readonly channel: string; readonly url: string };
}

/**
 * DigitalOcean alerts go to the team's e-mail and to the Slack alerts channel (the
 * `slack-alerts` destination of catalog/routing.ts); they never page, because
 * DigitalOcean cannot reach PagerDuty. Paging on an outage comes from the Grafana
 * `metrics-absent` rule and the Datadog synthetic test.
 */
export function platformRecipients(env: EnvironmentConfig, slackWebhookUrl: string): PlatformRecipients {
  return { emails: env.alertEmails, slack: { channel: slackChannel('slack-alerts', env), url: slackWebhookUrl } };
}

// ---------------------------------------------------------------------------
// Sentry (sentry_alert, sentry_metric_monitor)
// ---------------------------------------------------------------------------

/** Throttle values Sentry's workflow API documents for `frequency` (minutes). */
export type SentryAlertFrequency = 0 | 5 | 10 | 30 | 60 | 180 | 720 | 1440;

export interface SentryNewIssueAlert {
  readonly severity: Severity;
  /** At most one notification per issue in this many minutes. */
  readonly frequencyMinutes: SentryAlertFrequency;
}

export interface SentryErrorSpikeAlert {
  readonly severity: Extract<Severity, 'critical' | 'warning'>;
  /** More than this many error events in `windowSeconds` is a spike. */
  readonly threshold: number;
  /** Sentry metric windows: 1, 5, 10, 15, 30, 60, 120, 240 or 1440 minutes. */
  readonly windowSeconds: 60 | 300 | 600 | 900 | 1800 | 3600 | 7200 | 14400 | 86400;
  readonly frequencyMinutes: SentryAlertFrequency;
}

export const SENTRY_ALERTS: { readonly newIssue: SentryNewIssueAlert; readonly errorSpike: SentryErrorSpikeAlert } = {
  newIssue: { severity: 'warning', frequencyMinutes: 30 },
  errorSpike: { severity: 'critical', threshold: 50, windowSeconds: 300, frequencyMinutes: 5 },
};

/** Sentry's issue priorities (DetectorPriorityLevel): a metric monitor condition's result. */
export const SENTRY_PRIORITY: Record<SentryErrorSpikeAlert['severity'], number> = { critical: 75, warning: 50 };

// ---------------------------------------------------------------------------
// Datadog synthetic API tests (stacks/datadog.ts)
// ---------------------------------------------------------------------------

/** A failing synthetic test means users cannot reach the API at all. */
export const SYNTHETICS_SEVERITY: Severity = 'critical';
