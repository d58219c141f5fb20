import type { AlertRule } from './alerts';

/**
 * Grafana uids that several renderers must agree on (rules query the data source,
 * alerts link to dashboard panels). They are constants, never read back from
 * Grafana, so a link or a query cannot drift from the thing it points at.
 * Uids are unique per organization, and each environment has its own.
 */

/** Grafana caps dashboard and alert-rule uids at 40 characters. */
export const MAX_GRAFANA_UID_LENGTH = 40;

/** The Prometheus data source that dashboards and alert rules query. */
export const prometheusDataSourceUid = (env: { name: string }) => `prometheus-${env.name}`;

/** The PostgreSQL data source behind the business dashboard. */
export const postgresDataSourceUid = (env: { name: string }) => `postgres-${env.name}`;

export type DashboardKind = 'service' | 'business';

/**
 * A dashboard's uid: `<serviceId>-service` for a service dashboard, `esg-business` for
 * the business one.
 */
export function dashboardUid(kind: DashboardKind, serviceId?: string): string {
  if (kind === 'business') return 'esg-business';
  if (!serviceId) throw new Error('dashboardUid("service") needs the service id, e.g. dashboardUid("service", "esg-scraper-api")');
  return `${serviceId}-service`;
}

/**
 * The uid of the Grafana rule of one alert at one severity: its identity in Grafana
 * (state and history follow it), so it must never change for an existing rule. The
 * catalog rejects alerts whose uid would exceed MAX_GRAFANA_UID_LENGTH.
 */
export function ruleUid(rule: Pick<AlertRule, 'alert' | 'severity'>): string {
  return `${rule.alert.id}-${rule.severity}`;
}
