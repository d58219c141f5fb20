import { align, diffValues } from '../../review/json-diff';

describe('diffValues', () => {
  it('reports changed leaves only, with dotted paths', () => {
    const changes = diffValues('datadog_monitor',
      { name: 'a', monitor_thresholds: { critical: '0.05', warning: '0.02' }, tags: ['env:production'] },
      { name: 'a', monitor_thresholds: { critical: '0.1', warning: '0.02' }, tags: ['env:production'] });
    expect(changes.map((c) => [c.path, c.before, c.after])).toEqual([['monitor_thresholds.critical', '"0.05"', '"0.1"']]);
  });

  it('parses JSON held in strings, whatever its formatting', () => {
    const before = { json_data_encoded: JSON.stringify({ httpMethod: 'POST', timeInterval: '15s' }) };
    const after = { json_data_encoded: JSON.stringify({ timeInterval: '30s', httpMethod: 'POST' }, null, 2) };
    expect(diffValues('grafana_data_source', before, after).map((c) => [c.path, c.before, c.after]))
      .toEqual([['json_data_encoded.timeInterval', '"15s"', '"30s"']]);
  });

  it('compares a string that is not JSON on both sides as a string', () => {
    const changes = diffValues('x', { v: '{"a":1}' }, { v: 'plain' });
    expect(changes.map((c) => [c.path, c.before, c.after])).toEqual([['v', '"{\\"a\\":1}"', '"plain"']]);
  });

  it('matches list elements by a natural key, so an insertion is one added element', () => {
    const rule = (uid: string, threshold: number) => ({ uid, name: uid, data: [{ ref_id: 'C', model: JSON.stringify({ params: [threshold] }) }] });
    const changes = diffValues('grafana_rule_group',
      { rule: [rule('a', 1), rule('b', 2)] },
      { rule: [rule('new', 9), rule('a', 1), rule('b', 3)] });
    expect(changes.map((c) => c.path)).toEqual(['rule[uid=new]', 'rule[uid=b].data[0].model.params']);
    expect(changes[0].before).toBeUndefined();
  });

  it('names a DigitalOcean app alert by its rule', () => {
    const alerts = (cpu: number) => [
      { rule: 'CPU_UTILIZATION', operator: 'GREATER_THAN', value: cpu, window: 'FIVE_MINUTES' },
      { rule: 'RESTART_COUNT', operator: 'GREATER_THAN', value: 3, window: 'TEN_MINUTES' },
    ];
    const changes = diffValues('digitalocean_app', { spec: [{ service: [{ alert: alerts(80) }] }] }, { spec: [{ service: [{ alert: alerts(70) }] }] });
    expect(changes.map((c) => [c.path, c.before, c.after])).toEqual([['spec[0].service[0].alert[rule=CPU_UTILIZATION].value', '80', '70']]);
  });

  it('aligns lists without natural keys, so dropping the first element is one removal', () => {
    const policy = (value: string) => ({ matcher: [{ label: 'severity', match: '=', value }], contact_point: value });
    const changes = diffValues('grafana_notification_policy',
      { policy: [policy('critical'), policy('warning'), policy('info')] },
      { policy: [policy('warning'), policy('info')] });
    expect(changes.map((c) => [c.path, c.after])).toEqual([['policy[0]', undefined]]);
  });

  it('ignores cdktf metadata', () => {
    expect(diffValues('x', { '//': { metadata: { path: 'a' } }, v: 1 }, { '//': { metadata: { path: 'b' } }, v: 1 })).toEqual([]);
  });

  it('masks secrets, also inside an added block, but shows references', () => {
    const changes = diffValues('grafana_contact_point',
      { name: 'cp' },
      { name: 'cp', slack: [{ url: 'https://hooks.slack.com/services/LEAK', title: 't' }], pagerduty: [{ integration_key: '${pagerduty_service_integration.x.integration_key}' }] });
    const text = JSON.stringify(changes);
    expect(text).not.toContain('LEAK');
    expect(changes.find((c) => c.path === 'slack')!.after).toBe('[{"url":"(sensitive)","title":"t"}]');
    expect(changes.find((c) => c.path === 'pagerduty')!.after).toContain('${pagerduty_service_integration.x.integration_key}');
  });

  it('masks every leaf of a secret JSON string', () => {
    const changes = diffValues('grafana_data_source',
      { secure_json_data_encoded: JSON.stringify({ password: 'old-LEAK' }) },
      { secure_json_data_encoded: JSON.stringify({ password: 'new-LEAK' }) });
    expect(changes).toEqual([expect.objectContaining({ path: 'secure_json_data_encoded.password', sensitive: true, before: '"(sensitive)"', after: '"(sensitive)"' })]);
  });

  it('masks the slack url of a DigitalOcean alert but not a plain url', () => {
    const changes = diffValues('digitalocean_app',
      { spec: [{ alert: [{ destinations: [{ slack_webhooks: [{ url: 'https://hooks/OLD' }] }] }], service: [{ health_check: [{ http_path: '/a' }] }] }] },
      { spec: [{ alert: [{ destinations: [{ slack_webhooks: [{ url: 'https://hooks/NEW' }] }] }], service: [{ health_check: [{ http_path: '/b' }] }] }] });
    expect(changes.map((c) => [c.path, c.after])).toEqual([
      ['spec[0].alert[0].destinations[0].slack_webhooks[0].url', '"(sensitive)"'],
      ['spec[0].service[0].health_check[0].http_path', '"/b"'],
    ]);
  });
});

describe('align', () => {
  it('pairs equal elements and the ones between them by position', () => {
    expect(align(['a', 'b', 'c'], ['a', 'x', 'c', 'd'])).toEqual([[0, 0], [1, 1], [2, 2], [undefined, 3]]);
  });
});
