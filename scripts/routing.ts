/**
 * `npm run routing`: prints where every alert of the catalog (catalog/alerts.ts:
 * the Grafana rules and Datadog monitors) goes, per environment, from the same
 * functions the stacks use (catalog/routing.ts). Nothing is synthesized. Sentry's
 * two alerts route by the same function from their catalog severity; DigitalOcean's
 * platform alerts have no severity and all go to the team's e-mail and Slack #alerts
 * (catalog/platform-alerts.ts). The alerts that watch the alert path follow
 * (catalog/self-watch.ts). `npm run diff` draws all of them from the synth output.
 * Then the README's table of the alerts that mark the public status page impacted
 * (catalog/status-impact.ts).
 *
 *   MONITORING_ENVIRONMENTS=production npm run routing   # one environment only
 */
import { buildAlertCatalog, knownAlertIds } from '../catalog/alerts';
import { formatRoutingTable, routingTable } from '../catalog/routing';
import { selfWatchRoutingRows } from '../catalog/self-watch';
import { SERVICES } from '../catalog/services';
import { buildSloCatalog } from '../catalog/slos';
import { formatStatusImpactTable, statusImpactTable } from '../catalog/status-impact';
import { ConfigError, loadEnvironments, parseEnvironmentNames } from '../config/validate';

try {
  const envs = loadEnvironments(parseEnvironmentNames(process.env.MONITORING_ENVIRONMENTS), knownAlertIds(SERVICES));
  const rows = envs.flatMap((env) => [...routingTable(env, buildAlertCatalog(SERVICES, env)), ...selfWatchRoutingRows(env, SERVICES)]);
  console.log(formatRoutingTable(rows));
  const reference = envs.find((env) => env.pagerduty?.statusPage) ?? envs[0];
  const impact = statusImpactTable(envs, buildAlertCatalog(SERVICES, reference), buildSloCatalog(SERVICES, reference), SERVICES);
  console.log(`\nAlerts that mark the public status page impacted (the README's table):\n\n${formatStatusImpactTable(impact, envs)}`);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
