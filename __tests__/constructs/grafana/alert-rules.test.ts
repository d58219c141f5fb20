import { Testing } from 'cdktf';
import { buildAlertCatalog, guardedQuery, rulesOf, SERVICE_PANEL_IDS } from '../../../catalog/alerts';
import { prometheusBurnRateAlerts } from '../../../catalog/burn-rates';
import { promqlSyntaxErrors } from '../../../catalog/promql';
import { SERVICES } from '../../../catalog/services';
import { buildSloCatalog } from '../../../catalog/slos';
import { ENVIRONMENTS } from '../../../config/environments';
import { EnvironmentConfig } from '../../../config/types';
import { AlertRuleGroup, conditionModel } from '../../../constructs/grafana/alert-rules';
import { resourcesOf, synthOf } from '../../support/synth';

const envs = ['staging', 'production'] as const;

/** What the group renders, in order: the alert catalog's rules, then the burn-rate rules of the service's SLOs. */
function groupRules(env: EnvironmentConfig) {
  const burnRates = prometheusBurnRateAlerts(buildSloCatalog(SERVICES, env), SERVICES[0], env);
  return [...buildAlertCatalog(SERVICES, env), ...burnRates].flatMap(rulesOf);
}
/** Threshold types Grafana's server-side expressions accept (pkg/expr/threshold.go); gte/lte only from 11.6. */
const PORTABLE_THRESHOLD_TYPES = ['gt', 'lt', 'within_range', 'outside_range'];

describe('AlertRuleGroup (grafana_rule_group)', () => {
  it.each(envs)('declares one group per service in the environment folder, evaluated every minute (%s)', (env) => {
    const groups = resourcesOf(synthOf(env), 'grafana_rule_group');
    expect(groups.map(([, g]) => [g.name, g.folder_uid, g.interval_seconds])).toEqual(
      SERVICES.map((s) => [s.id, '${grafana_folder.grafana-folder.uid}', 60]));
  });

  it.each(envs)('renders every catalog alert and severity as one rule with the catalog values (%s)', (envName) => {
    const env = ENVIRONMENTS[envName];
    const catalog = groupRules(env);
    const [[, group]] = resourcesOf(synthOf(envName), 'grafana_rule_group');
    expect(group.rule).toHaveLength(catalog.length);
    catalog.forEach(({ alert, severity }, i) => {
      const rule = group.rule[i];
      expect(rule.uid).toBe(`${alert.id}-${severity}`);
      expect(rule.name).toBe(alert.title);
      expect(rule.condition).toBe('C');
      expect(rule.for).toBe(alert.pendingFor);
      expect([rule.no_data_state, rule.exec_err_state]).toEqual([alert.noDataState, alert.execErrState]);
      expect(rule.labels).toEqual({ severity, team: 'platform', service: 'esg-scraper-api', environment: envName });
      expect(rule.annotations).toEqual({
        summary: alert.summary,
        description: expect.stringContaining(`fires when ${alert.comparison} `),
        runbook_url: alert.runbookUrl,
        dashboard_url: alert.dashboardUrl,
        __dashboardUid__: 'esg-scraper-api-service',
        __panelId__: String(SERVICE_PANEL_IDS[alert.panel]),
      });
    });
  });

  it.each(envs)('queries Prometheus (A), reduces to the last value (B) and compares it with the threshold (C) (%s)', (envName) => {
    const env = ENVIRONMENTS[envName];
    const catalog = groupRules(env);
    const [[, group]] = resourcesOf(synthOf(envName), 'grafana_rule_group');
    catalog.forEach(({ alert, threshold }, i) => {
      const [a, b, c] = group.rule[i].data;
      const [qa, qb, qc] = [a, b, c].map((d: any) => JSON.parse(d.model));
      expect([a.ref_id, a.datasource_uid, qa.datasource]).toEqual(['A', `prometheus-${envName}`, { type: 'prometheus', uid: `prometheus-${envName}` }]);
      expect([qa.expr, qa.instant, qa.range]).toEqual([guardedQuery(alert), true, false]);
      expect(promqlSyntaxErrors(qa.expr)).toEqual([]);
      expect(a.relative_time_range).toEqual({ from: 600, to: 0 });
      expect([b.ref_id, b.datasource_uid, qb.type, qb.expression, qb.reducer]).toEqual(['B', '__expr__', 'reduce', 'A', 'last']);
      expect([c.ref_id, c.datasource_uid]).toEqual(['C', '__expr__']);
      if (qc.type === 'threshold') {
        expect(PORTABLE_THRESHOLD_TYPES).toContain(qc.conditions[0].evaluator.type);
        expect([qc.expression, qc.conditions[0].evaluator.params]).toEqual(['B', [threshold]]);
      } else {
        expect([qc.type, qc.expression]).toEqual(['math', `$B ${alert.comparison} ${threshold}`]);
      }
    });
    // Both kinds of condition are rendered: the pool's ">=" is the one math expression.
    const conditions = group.rule.map((r: any) => [r.uid, JSON.parse(r.data[2].model).type]);
    expect(conditions.filter(([, type]: string[]) => type === 'math')).toEqual([['esg-scraper-api-mongodb-pool-warning', 'math']]);
    expect(conditions.filter(([, type]: string[]) => type === 'threshold')).toHaveLength(catalog.length - 1);
  });

  it('renders each comparison as a condition every Grafana 11 evaluates the same way', () => {
    expect(conditionModel('B', '>', 0.05)).toEqual({ type: 'threshold', expression: 'B', conditions: [{ evaluator: { type: 'gt', params: [0.05] } }] });
    expect(conditionModel('B', '<', 1)).toEqual({ type: 'threshold', expression: 'B', conditions: [{ evaluator: { type: 'lt', params: [1] } }] });
    // "at or above 90%": a math expression, because threshold type gte needs Grafana 11.6.
    expect(conditionModel('B', '>=', 0.9)).toEqual({ type: 'math', expression: '$B >= 0.9' });
    expect(conditionModel('B', '<=', 2)).toEqual({ type: 'math', expression: '$B <= 2' });
  });

  it('names a rule by severity when one alert has several', () => {
    const [alert] = buildAlertCatalog(SERVICES, ENVIRONMENTS.production);
    const twoLevels = { ...alert, thresholds: { critical: 0.1, warning: 0.05 } };
    const json = JSON.parse(Testing.synthScope((scope) => {
      new AlertRuleGroup(scope, 'rules', { name: 'x', folderUid: 'f', prometheusDataSourceUid: 'p', alerts: [twoLevels], environment: 'production' });
    }));
    const [group] = Object.values(json.resource.grafana_rule_group) as any[];
    expect(group.rule.map((r: any) => [r.name, r.uid, r.labels.severity])).toEqual([
      [`${alert.title} (critical)`, `${alert.id}-critical`, 'critical'],
      [`${alert.title} (warning)`, `${alert.id}-warning`, 'warning'],
    ]);
  });
});
