import { Testing } from 'cdktf';
import { MetricMonitorAlert, MetricMonitorAlertProps } from '../../../constructs/sentry/metric-monitor-alert';

const PROPS: MetricMonitorAlertProps = {
  organization: 'acme',
  project: 'api',
  name: 'API: slow',
  description: 'p95 above 2s',
  windowSeconds: 600,
  threshold: 2000,
  priority: 50,
  ownerTeamId: '42',
  frequencyMinutes: 10,
  actions: [{ slack: { integrationId: '7', channelName: '#alerts' } }],
};

function synth(props: MetricMonitorAlertProps): any {
  return JSON.parse(Testing.synthScope((scope) => { new MetricMonitorAlert(scope, 'slow', props); }));
}

describe('MetricMonitorAlert (Sentry)', () => {
  it('counts error and message events by default, opening an issue above the threshold and resolving it at or below', () => {
    const json = synth(PROPS);
    const monitors = Object.entries(json.resource.sentry_metric_monitor) as [string, any][];
    expect(monitors).toHaveLength(1);
    const [monitorName, monitor] = monitors[0];
    expect(monitor).toMatchObject({
      aggregate: 'count()', dataset: 'events', event_types: ['error', 'default'], time_window_seconds: 600,
      owner: { team_id: '42' }, issue_detection: { type: 'static' },
      condition_group: { conditions: [
        { type: 'gt', comparison: 2000, condition_result: 50 },
        { type: 'lte', comparison: 2000, condition_result: 0 },
      ] },
    });
    const alerts = Object.values(json.resource.sentry_alert) as any[];
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      monitor_ids: [`\${sentry_metric_monitor.${monitorName}.id}`],
      frequency_minutes: 10,
      trigger_conditions: [],
      action_filters: [{
        logic_type: 'any',
        conditions: [{ issue_priority_greater_or_equal: { comparison: 50 } }, { issue_priority_deescalating: { comparison: 50 } }],
        actions: [{ slack: { integration_id: '7', channel_name: '#alerts' } }],
      }],
    });
  });

  it('takes another aggregate, dataset and event types when given', () => {
    const [monitor] = Object.values(synth({
      ...PROPS, aggregate: 'p95(span.duration)', dataset: 'events_analytics_platform', eventTypes: ['trace_item_span'],
    }).resource.sentry_metric_monitor) as any[];
    expect(monitor).toMatchObject({ aggregate: 'p95(span.duration)', dataset: 'events_analytics_platform', event_types: ['trace_item_span'] });
  });
});
