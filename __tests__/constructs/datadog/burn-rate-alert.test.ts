import { Testing } from 'cdktf';
import { recommendedBurnRateAlerts } from '../../../catalog/slos';
import { BurnRateAlert } from '../../../constructs/datadog/burn-rate-alert';

describe('BurnRateAlert', () => {
  it('declares an slo alert whose critical threshold is the burn rate in its query', () => {
    const json = JSON.parse(Testing.synthScope((scope) => {
      // The ones Datadog renders: its long window ends at 48h, so not the 3-day ticket.
      for (const spec of recommendedBurnRateAlerts('30d').filter((a) => a.longWindow !== '3d')) {
        new BurnRateAlert(scope, `alert-${spec.longWindow}`, { name: 'n', sloId: 'abc123', spec, message: 'm', tags: ['env:x'] });
      }
    }));
    const monitors = (Object.values(json.resource.datadog_monitor) as Record<string, any>[])
      .sort((a, b) => Number(b.monitor_thresholds.critical) - Number(a.monitor_thresholds.critical));
    expect(monitors.map((m) => [m.type, m.query, m.monitor_thresholds, m.priority])).toEqual([
      ['slo alert', 'burn_rate("abc123").over("30d").long_window("1h").short_window("5m") > 14.4', { critical: '14.4' }, '1'],
      ['slo alert', 'burn_rate("abc123").over("30d").long_window("6h").short_window("30m") > 6', { critical: '6' }, '1'],
      ['slo alert', 'burn_rate("abc123").over("30d").long_window("24h").short_window("2h") > 3', { critical: '3' }, '3'],
    ]);
    for (const m of monitors) {
      expect(m.notify_no_data).toBe(false);
      expect(m.on_missing_data).toBeUndefined(); // SLO alerts do not take it
    }
  });
});
