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

/** The uid of a service's dashboard: `<serviceId>-service`. Alerts link to its panels. */
export const serviceDashboardUid = (serviceId: string) => `${serviceId}-service`;

/** The uid of the business dashboard (one per organization). */
export const BUSINESS_DASHBOARD_UID = 'esg-business';

/**
 * The uid of the Grafana rule of one alert at one severity: its identity in Grafana
 * (state and history follow it), so it must never change for an existing rule. The
 * catalog rejects alerts whose uid would exceed MAX_GRAFANA_UID_LENGTH.
 */
export function ruleUid(rule: Pick<AlertRule, 'alert' | 'severity'>): string {
  return `${rule.alert.id}-${rule.severity}`;
}
