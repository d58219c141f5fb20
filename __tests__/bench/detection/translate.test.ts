import { alertingExpression, buildAlertCatalog, guardedQuery, rulesOf } from '../../../catalog/alerts';
import { prometheusBurnRateAlerts } from '../../../catalog/burn-rates';
import { buildSloCatalog } from '../../../catalog/slos';
import { SERVICES } from '../../../catalog/services';
import { ENVIRONMENTS } from '../../../config/environments';
import { pagingRules } from '../../../bench/detection/harness';
import { GrafanaRuleJson, translateGroup, translateRule, UntranslatableRuleError } from '../../../bench/detection/translate';
import { synthOf } from '../../support/synth';

const EXPR = { type: '__expr__', uid: '__expr__' };

/** A Grafana rule as cdk.tf.json holds it: A query, B reduce, C condition; tests change one stage. */
function rule(change: { query?: object; reduce?: object; condition?: object; rule?: Partial<GrafanaRuleJson> } = {}): GrafanaRuleJson {
  return {
    uid: 'svc-errors-critical',
    name: 'Errors',
    condition: 'C',
    for: '2m',
    no_data_state: 'OK',
    labels: { severity: 'critical' },
    data: [
      { ref_id: 'A', datasource_uid: 'prom', model: JSON.stringify({ refId: 'A', expr: 'sum(rate(x[5m]))', instant: true, range: false, ...change.query }) },
      { ref_id: 'B', datasource_uid: '__expr__', model: JSON.stringify({ refId: 'B', datasource: EXPR, type: 'reduce', expression: 'A', reducer: 'last', ...change.reduce }) },
      {
        ref_id: 'C',
        datasource_uid: '__expr__',
        model: JSON.stringify({ refId: 'C', datasource: EXPR, type: 'threshold', expression: 'B', conditions: [{ evaluator: { type: 'gt', params: [0.05] } }], ...change.condition }),
      },
    ],
    ...change.rule,
  };
}

describe('translating Grafana rules into Prometheus rules', () => {
  it('turns query -> last -> threshold gt into "(query) > threshold", keeping for and labels', () => {
    expect(translateRule(rule())).toEqual({ alert: 'svc-errors-critical', expr: '(sum(rate(x[5m]))) > 0.05', for: '2m', labels: { severity: 'critical' } });
  });

  it('turns threshold lt into "<"', () => {
    expect(translateRule(rule({ condition: { conditions: [{ evaluator: { type: 'lt', params: [1] } }] } })).expr).toBe('(sum(rate(x[5m]))) < 1');
  });

  it('turns a math condition "$B >= 0.9" into ">= 0.9"', () => {
    expect(translateRule(rule({ condition: { type: 'math', expression: '$B >= 0.9', conditions: undefined } })).expr)
      .toBe('(sum(rate(x[5m]))) >= 0.9');
  });

  it('fires on no data when the rule does (Alerting, and NoData, the provider default)', () => {
    const expected = '((sum(rate(x[5m]))) > 0.05) or on() absent(sum(rate(x[5m])))';
    expect(translateRule(rule({ rule: { no_data_state: 'Alerting' } })).expr).toBe(expected);
    expect(translateRule(rule({ rule: { no_data_state: undefined } })).expr).toBe(expected);
  });

  it('takes a missing for as 0s, as Grafana does', () => {
    expect(translateRule(rule({ rule: { for: undefined } })).for).toBe('0s');
  });

  it.each([
    ['a range query', { query: { instant: false, range: true } }, 'stage "A" is not an instant query'],
    ['a mean reducer', { reduce: { reducer: 'mean' } }, 'reducer "mean"'],
    ['a reducer mode that drops NaN', { reduce: { settings: { mode: 'dropNN' } } }, 'reduce mode "dropNN"'],
    ['a within_range threshold', { condition: { conditions: [{ evaluator: { type: 'within_range', params: [1, 2] } }] } }, 'threshold type "within_range"'],
    ['a classic condition', { condition: { type: 'classic_conditions' } }, 'condition stage of type "classic_conditions"'],
    ['a math expression it cannot read', { condition: { type: 'math', expression: '$B > $A' } }, 'math expression "$B > $A"'],
    ['KeepLast on no data', { rule: { no_data_state: 'KeepLast' } }, 'no_data_state "KeepLast"'],
    ['a condition naming no stage', { rule: { condition: 'D' } }, 'the condition "D" is not one of its stages'],
  ])('fails when the rule has %s, naming the rule and the stage', (_what, change, message) => {
    expect(() => translateRule(rule(change))).toThrow(UntranslatableRuleError);
    expect(() => translateRule(rule(change))).toThrow(`rule "svc-errors-critical": ${message}`);
  });

  it('keeps the rules the filter keeps, with the group interval', () => {
    const group = translateGroup({ name: 'svc', interval_seconds: 30, rule: [rule(), rule({ rule: { uid: 'w', labels: { severity: 'warning' } } })] },
      (labels) => labels.severity === 'critical');
    expect(group.interval).toBe('30s');
    expect(group.rules.map((r) => r.alert)).toEqual(['svc-errors-critical']);
  });
});

describe.each(SERVICES.map((s) => [s.id, s] as const))('the synthesized production rules of %s, translated', (_, service) => {
  const group = pagingRules(synthOf('production'), service, ENVIRONMENTS.production);

  it('keeps exactly the rules of its group that page in production: critical ones', () => {
    const groups = (synthOf('production').resource.grafana_rule_group as Record<string, { name: string; rule: { uid: string; labels: { severity: string } }[] }>);
    const own = Object.values(groups).filter((g) => g.name === service.id);
    expect(own).toHaveLength(1);
    const uids = own.flatMap((g) => g.rule).filter((r) => r.labels.severity === 'critical').map((r) => r.uid);
    expect(group.rules.map((r) => r.alert)).toEqual(uids);
    // Error ratio, metrics absent and the four fast burn-rate pages, at least.
    expect(group.rules.length).toBeGreaterThanOrEqual(6);
  });

  it('gives each catalog and burn-rate rule the same expression the catalog states for Prometheus, and its for', () => {
    const env = ENVIRONMENTS.production;
    const alerts = [...buildAlertCatalog(SERVICES, env).filter((a) => a.serviceId === service.id),
      ...prometheusBurnRateAlerts(buildSloCatalog(SERVICES, env), service, env)];
    let compared = 0;
    for (const alert of alerts) {
      for (const catalogRule of rulesOf(alert).filter((r) => r.severity === 'critical')) {
        const translated = group.rules.find((r) => r.alert === `${alert.id}-critical`)!;
        const expected = alert.noDataState === 'Alerting'
          ? `(${alertingExpression(catalogRule)}) or on() absent(${guardedQuery(alert)})`
          : alertingExpression(catalogRule);
        expect([alert.id, translated.expr, translated.for]).toEqual([alert.id, expected, alert.pendingFor]);
        compared++;
      }
    }
    expect(compared).toBe(group.rules.length);
  });

  it('evaluates at the group interval Grafana uses', () => {
    expect(group.interval).toBe('60s');
  });
});
