import { Monitor } from '@cdktf/provider-datadog/lib/monitor';
import { Testing } from 'cdktf';
import { CompositeMonitor } from '../../../constructs/datadog/composite-monitor';

describe('CompositeMonitor', () => {
  it('alerts when all of its monitors alert, by reference to their ids, and carries the handles', () => {
    const json = JSON.parse(Testing.synthScope((scope) => {
      const a = new Monitor(scope, 'a', { name: 'a', type: 'query alert', query: 'sum(last_5m):x{*}.as_count() > 1', message: 'a' });
      const b = new Monitor(scope, 'b', { name: 'b', type: 'query alert', query: 'sum(last_5m):y{*}.as_count() >= 20', message: 'b' });
      new CompositeMonitor(scope, 'c', { name: 'both', allOf: [a.id, b.id], severity: 'critical', message: 'Both. @slack-alerts', tags: ['env:qa'] });
    }));
    const composite = Object.values(json.resource.datadog_monitor as Record<string, any>).find((m) => m.type === 'composite');
    expect(composite).toMatchObject({
      name: 'both', query: '${datadog_monitor.a.id} && ${datadog_monitor.b.id}', priority: '1', message: 'Both. @slack-alerts', tags: ['env:qa'],
    });
    expect(composite.on_missing_data).toBeUndefined(); // composites take none
    expect(composite.monitor_thresholds).toBeUndefined();
  });

  it('fails when it would combine fewer than two monitors', () => {
    expect(() => Testing.synthScope((scope) => {
      new CompositeMonitor(scope, 'c', { name: 'alone', allOf: ['1'], severity: 'warning', message: 'm', tags: [] });
    })).toThrow('composite monitor "alone".allOf: got 1 monitor(s); expected 2 or more. Fix: use the monitor itself, or add the monitor it must combine with');
  });
});
