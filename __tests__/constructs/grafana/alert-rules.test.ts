import { Testing } from 'cdktf';
import { buildAlertCatalog, guardedQuery, rulesOf, SERVICE_PANEL_IDS } from '../../../catalog/alerts';
import { prometheusBurnRateAlerts } from '../../../catalog/burn-rates';
import { promqlSyntaxErrors } from '../../../catalog/promql';
import { ServiceDefinition } from '../../../catalog/services';
import { buildSloCatalog } from '../../../catalog/slos';
import { ENVIRONMENTS } from '../../../config/environments';
import { ENVIRONMENT_NAMES, EnvironmentConfig, EnvironmentName } from '../../../config/types';
import { AlertRuleGroup, conditionModel } from '../../../constructs/grafana/alert-rules';
import { ESTATES } from '../../support/estates';
import { resourcesOf, synthOf } from '../../support/synth';

const envs = ENVIRONMENT_NAMES;
/** Threshold types Grafana's server-side expressions accept (pkg/expr/threshold.go); gte/lte only from 11.6. */
const PORTABLE_THRESHOLD_TYPES = ['gt', 'lt', 'within_range', 'outside_range'];

/** What the services' groups render, in order: the alert catalog's rules, then each service's SLO burn-rate rules. */
function groupRules(services: readonly ServiceDefinition[], env: EnvironmentConfig) {
  const slos = buildSloCatalog(services, env);
  return [...buildAlertCatalog(services, env), ...services.flatMap((s) => prometheusBurnRateAlerts(slos, s, env))].flatMap(rulesOf);
}

describe.each(ESTATES)('AlertRuleGroup (grafana_rule_group) in the $name', (estate) => {
  const { services, configs } = estate;
  /** The catalog's rules of one service, and the synthesized group of that service. */
  const groupOf = (envName: EnvironmentName, serviceId: string) => {
    const rules = groupRules(services, configs[envName]).filter((r) => r.alert.serviceId === serviceId);
    const groups = resourcesOf(synthOf(envName, estate), 'grafana_rule_group').filter(([, g]) => g.name === serviceId);
    expect(groups).toHaveLength(1);
    return { rules, group: groups[0][1] };
  };

  it.each(envs)('declares one group per service in the environment folder, evaluated every minute (%s)', (env) => {
    const all = resourcesOf(synthOf(env, estate), 'grafana_rule_group');
    expect(all).toHaveLength(services.length + 1); // and the watchdog's (constructs/grafana/watchdog-rule.ts)
    const groups = all.filter(([, g]) => g.name !== 'watchdog');
    expect(groups.map(([, g]) => [g.name, g.folder_uid, g.interval_seconds]).sort()).toEqual(
      services.map((s) => [s.id, '${grafana_folder.grafana-folder.uid}', 60]).sort());
  });

  it.each(envs)('renders every catalog alert and severity as one rule with the catalog values, overrides applied (%s)', (envName) => {
    for (const service of services) {
      const { rules, group } = groupOf(envName, service.id);
      expect(group.rule).toHaveLength(rules.length);
      rules.forEach(({ alert, severity }, i) => {
        const rule = group.rule[i];
        expect(rule.uid).toBe(`${alert.id}-${severity}`);
        expect(rule.name).toBe(alert.title);
        expect(rule.condition).toBe('C');
        expect(rule.for).toBe(alert.pendingFor);
        expect([rule.no_data_state, rule.exec_err_state]).toEqual([alert.noDataState, alert.execErrState]);
        expect(rule.labels).toEqual({ severity, team: service.team, service: service.id, environment: envName });
        expect(rule.annotations).toEqual({
          summary: alert.summary,
          description: expect.stringContaining(`fires when ${alert.comparison} `),
          runbook_url: alert.runbookUrl,
          dashboard_url: alert.dashboardUrl,
          __dashboardUid__: alert.dashboardUid,
          __panelId__: String(SERVICE_PANEL_IDS[alert.panel]),
        });
      });
    }
  });

  it.each(envs)('compares with the threshold in force: the environment\'s override where it has one, else the catalog\'s (%s)', (envName) => {
    const defaults = groupRules(services, { ...configs[envName], thresholdOverrides: undefined });
    for (const service of services) {
      const { group } = groupOf(envName, service.id);
      for (const rule of group.rule) {
        const { alert, severity, threshold } = defaults.find((r) => `${r.alert.id}-${r.severity}` === rule.uid)!;
        const inForce = configs[envName].thresholdOverrides?.[alert.id]?.[severity] ?? threshold;
        const condition = JSON.parse(rule.data[2].model);
        const rendered = condition.type === 'threshold' ? condition.conditions[0].evaluator.params[0] : Number(condition.expression.split(' ').pop());
        expect([rule.uid, rendered]).toEqual([rule.uid, inForce]);
      }
    }
  });

  it.each(envs)('queries Prometheus (A), reduces to the last value (B) and compares it with the threshold (C) (%s)', (envName) => {
    for (const service of services) {
      const { rules, group } = groupOf(envName, service.id);
      rules.forEach(({ alert, threshold }, i) => {
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
      // Inclusive comparisons (">=", "<=") are math expressions, the others threshold expressions.
      const conditions = group.rule.map((r: any) => [r.uid, JSON.parse(r.data[2].model).type]);
      const inclusive = rules.filter((r) => r.alert.comparison.endsWith('=')).map((r) => [`${r.alert.id}-${r.severity}`, 'math']);
      expect(conditions.filter(([, type]: string[]) => type === 'math')).toEqual(inclusive);
      expect(conditions.filter(([, type]: string[]) => type === 'threshold')).toHaveLength(rules.length - inclusive.length);
    }
  });
});

describe('AlertRuleGroup (grafana_rule_group)', () => {
  it('renders both kinds of condition for the real catalog: the MongoDB pool\'s ">=" is a math expression', () => {
    const { services } = ESTATES[0];
    const rules = buildAlertCatalog(services, ENVIRONMENTS.production).flatMap(rulesOf);
    const inclusive = rules.filter((r) => r.alert.comparison.endsWith('=')).map((r) => `${r.alert.id}-${r.severity}`);
    // One per service that exports the pool gauges, the seed's among them.
    expect(inclusive).toEqual(services.filter((s) => s.exports.mongodbPool).map((s) => `${s.id}-mongodb-pool-warning`));
    expect(inclusive).toContain('esg-scraper-api-mongodb-pool-warning');
  });

  it('renders each comparison as a condition every Grafana 11 evaluates the same way', () => {
    expect(conditionModel('B', '>', 0.05)).toEqual({ type: 'threshold', expression: 'B', conditions: [{ evaluator: { type: 'gt', params: [0.05] } }] });
    expect(conditionModel('B', '<', 1)).toEqual({ type: 'threshold', expression: 'B', conditions: [{ evaluator: { type: 'lt', params: [1] } }] });
    // "at or above 90%": a math expression, because threshold type gte needs Grafana 11.6.
    expect(conditionModel('B', '>=', 0.9)).toEqual({ type: 'math', expression: '$B >= 0.9' });
    expect(conditionModel('B', '<=', 2)).toEqual({ type: 'math', expression: '$B <= 2' });
  });

  it('names a rule by severity when one alert has several', () => {
    const [alert] = buildAlertCatalog(ESTATES[0].services, ENVIRONMENTS.production);
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
