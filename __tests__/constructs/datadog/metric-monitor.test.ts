import { Testing } from 'cdktf';
import { MetricMonitor, MetricMonitorProps } from '../../../constructs/datadog/metric-monitor';
import { ConfigError } from '../../../config/validate';

const props: MetricMonitorProps = {
  name: 'Checkout p95 latency high',
  timeAggregation: 'percentile(last_10m)',
  expression: 'p95:trace.fastapi.request{service:checkout,env:staging}',
  comparison: '>',
  threshold: 1.5,
  severity: 'warning',
  onMissingData: 'resolve',
  message: 'Slow. @slack-alerts',
  tags: ['env:staging'],
};

function monitorOf(p: MetricMonitorProps): Record<string, any> {
  const json = JSON.parse(Testing.synthScope((scope) => { new MetricMonitor(scope, 'm', p); }));
  const monitors = Object.values(json.resource.datadog_monitor) as Record<string, any>[];
  expect(monitors).toHaveLength(1);
  return monitors[0];
}

describe('MetricMonitor', () => {
  it('writes the threshold once into the query and into monitor_thresholds.critical', () => {
    const monitor = monitorOf(props);
    expect(monitor.type).toBe('query alert');
    expect(monitor.query).toBe('percentile(last_10m):p95:trace.fastapi.request{service:checkout,env:staging} > 1.5');
    expect(monitor.monitor_thresholds).toEqual({ critical: '1.5' });
  });

  it.each([['critical', '1'], ['warning', '3'], ['info', '5']] as const)('gives %s the priority string "%s"', (severity, priority) => {
    expect(monitorOf({ ...props, severity }).priority).toBe(priority);
  });

  it('notifies on missing data after a timeframe instead of on_missing_data, when asked', () => {
    const monitor = monitorOf({ ...props, onMissingData: { notifyAfterMinutes: 20 } });
    expect([monitor.notify_no_data, monitor.no_data_timeframe, monitor.on_missing_data]).toEqual([true, 20, undefined]);
  });

  it('states its missing-data policy and evaluates partial windows by default', () => {
    const monitor = monitorOf({ ...props, onMissingData: 'show_and_notify_no_data' });
    expect(monitor.on_missing_data).toBe('show_and_notify_no_data');
    expect(monitor.notify_no_data).toBeUndefined(); // conflicts with on_missing_data
    expect(monitor.require_full_window).toBe(false);
  });

  it('fails when the time aggregation is not one Datadog monitors take', () => {
    expect(() => monitorOf({ ...props, timeAggregation: 'last_5m' })).toThrow(ConfigError);
    expect(() => monitorOf({ ...props, timeAggregation: 'last_5m' }))
      .toThrow('monitor "Checkout p95 latency high".timeAggregation: got "last_5m"; expected avg|sum|min|max|percentile(');
  });

  it('fails when counts are aggregated with anything but sum', () => {
    expect(() => monitorOf({ ...props, timeAggregation: 'avg(last_5m)', expression: 'sum:errors{*}.as_count()' }))
      .toThrow('timeAggregation: got "avg(last_5m)"; expected sum(last_<window>) for an expression with .as_count()');
  });

  it('fails when the threshold is not a plain finite number', () => {
    expect(() => monitorOf({ ...props, threshold: Number.NaN })).toThrow('threshold: got "NaN"; expected a finite number');
    expect(() => monitorOf({ ...props, threshold: 1e-7 })).toThrow('threshold: got 1e-7; expected a finite number');
  });
});
