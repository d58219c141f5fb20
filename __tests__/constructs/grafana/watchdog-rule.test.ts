import { Testing } from 'cdktf';
import { WatchdogRule } from '../../../constructs/grafana/watchdog-rule';

describe('WatchdogRule (grafana_rule_group)', () => {
  const json = JSON.parse(Testing.synthScope((scope) => {
    new WatchdogRule(scope, 'w', {
      name: 'watchdog', uid: 'watchdog-qa', folderUid: 'f', prometheusDataSourceUid: 'prom', orgId: '7',
      labels: { heartbeat: 'x' }, summary: 'always',
    });
  }));
  const [group] = Object.values(json.resource.grafana_rule_group as Record<string, any>);

  it('is one rule in its own group of the given organization, evaluated every minute', () => {
    expect(group).toMatchObject({ name: 'watchdog', folder_uid: 'f', org_id: '7', interval_seconds: 60 });
    expect(group.rule).toHaveLength(1);
  });

  it('always fires: vector(1) above 0 at once, and Alerting when Prometheus returns nothing or fails', () => {
    const [rule] = group.rule;
    expect(rule).toMatchObject({ uid: 'watchdog-qa', name: 'Watchdog', condition: 'B', for: '0s',
      no_data_state: 'Alerting', exec_err_state: 'Alerting', labels: { heartbeat: 'x' } });
    const [a, b] = rule.data.map((d: any) => ({ ...d, model: JSON.parse(d.model) }));
    expect(a).toMatchObject({ ref_id: 'A', datasource_uid: 'prom', model: { expr: 'vector(1)', instant: true } });
    expect(b).toMatchObject({ ref_id: 'B', datasource_uid: '__expr__',
      model: { type: 'threshold', expression: 'A', conditions: [{ evaluator: { type: 'gt', params: [0] } }] } });
  });
});
