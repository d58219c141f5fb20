import { EnvironmentConfig, Severity, SEVERITIES } from '../config/types';
import { AlertDefinition, rulesOf } from './alerts';
import { datadogBurnRateAlerts, prometheusBurnRateAlerts } from './burn-rates';
import { SENTRY_ALERTS, SYNTHETICS_SEVERITY } from './platform-alerts';
import { impactsPublicStatus } from './routing';
import { apmDataMonitorName, heartbeatMonitorName, SELF_WATCH_SEVERITY } from './self-watch';
import { ServiceDefinition } from './services';
import { SloDefinition } from './slos';

/**
 * Which alerts, from which vendor, mark the public status page impacted: the table in
 * the README, derived from `impactsPublicStatus` (catalog/routing.ts) like every route.
 * A test compares it with the synthesized JSON (review/routing-graph.ts reads the same
 * fact back from the PagerDuty orchestration and business services).
 */
export interface StatusImpactRow {
  readonly vendor: 'Grafana' | 'Datadog' | 'Sentry' | 'DigitalOcean';
  /** The alerts, as the vendor names them (catalog titles) or by kind. */
  readonly alerts: readonly string[];
  /** Undefined for DigitalOcean's alerts, which have no severity. */
  readonly severity?: Severity;
  /** Per environment: whether these alerts mark its status page impacted. */
  readonly impacts: Readonly<Record<string, boolean>>;
}

/**
 * The rows for the environments given, one per vendor and severity that has alerts.
 * `alerts` and `slos` are one environment's catalog: titles and severities are the same
 * in every environment (overrides change thresholds only).
 */
export function statusImpactTable(
  envs: readonly EnvironmentConfig[],
  alerts: readonly AlertDefinition[],
  slos: readonly SloDefinition[],
  services: readonly ServiceDefinition[],
): StatusImpactRow[] {
  const impacts = (severity: Severity) => Object.fromEntries(envs.map((env) => [env.name, impactsPublicStatus(severity, env)]));
  const rows: StatusImpactRow[] = [];
  const add = (vendor: StatusImpactRow['vendor'], severity: Severity, names: readonly string[]) => {
    if (names.length > 0) rows.push({ vendor, alerts: names, severity, impacts: impacts(severity) });
  };
  const titlesAt = (severity: Severity, list: readonly AlertDefinition[]) =>
    list.filter((a) => rulesOf(a).some((r) => r.severity === severity)).map((a) => a.title);

  // The catalog's rules, then the burn-rate rules of each service's SLOs (stacks/grafana.ts).
  const burnRateRules = services.flatMap((service) => prometheusBurnRateAlerts(slos, service, envs[0]));
  for (const severity of SEVERITIES) add('Grafana', severity, titlesAt(severity, [...alerts, ...burnRateRules]));
  for (const severity of SEVERITIES) {
    add('Datadog', severity, [
      ...titlesAt(severity, alerts.filter((a) => a.datadog)),
      ...slos.flatMap((slo) => datadogBurnRateAlerts(slo).filter((b) => b.severity === severity)
        .map((b) => `${slo.title}: ${b.over} error budget burning ${b.burnRate}x`)),
      ...(severity === SYNTHETICS_SEVERITY ? ['synthetic API tests (the API or Grafana unreachable from every location)'] : []),
      // The alerts that watch the alert path (catalog/self-watch.ts), as stacks/datadog.ts names them.
      ...(severity === SELF_WATCH_SEVERITY
        ? [...services.map((s) => apmDataMonitorName(s.displayName)), heartbeatMonitorName('Grafana alerting')]
        : []),
    ]);
  }
  for (const severity of SEVERITIES) {
    add('Sentry', severity, [
      ...(SENTRY_ALERTS.newIssue.severity === severity ? ['new issue'] : []),
      ...(SENTRY_ALERTS.errorSpike.severity === severity ? ['error spike'] : []),
    ]);
  }
  // DigitalOcean cannot reach PagerDuty (catalog/platform-alerts.ts): its alerts never open an incident.
  rows.push({
    vendor: 'DigitalOcean',
    alerts: ['App Platform, database and uptime-check alerts (e-mail and Slack only)'],
    impacts: Object.fromEntries(envs.map((env) => [env.name, false])),
  });
  return rows;
}

/** The table as Markdown, as the README shows it. */
export function formatStatusImpactTable(rows: readonly StatusImpactRow[], envs: readonly EnvironmentConfig[]): string {
  const cell = (row: StatusImpactRow, env: EnvironmentConfig) => row.impacts[env.name]
    ? `impacted (${env.pagerduty!.statusPage!.businessServiceName})`
    : env.pagerduty?.statusPage === undefined ? 'no (no status page)' : 'no';
  return [
    `| vendor | alerts | severity | ${envs.map((e) => e.name).join(' | ')} |`,
    `|---|---|---|${envs.map(() => '---|').join('')}`,
    ...rows.map((row) => `| ${row.vendor} | ${row.alerts.join('; ')} | ${row.severity ?? '-'} | ` +
      `${envs.map((env) => cell(row, env)).join(' | ')} |`),
  ].join('\n');
}
