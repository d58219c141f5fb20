import { Testing } from 'cdktf';
import { HeartbeatMonitor, HeartbeatMonitorProps } from '../../../constructs/datadog/heartbeat-monitor';

const props: HeartbeatMonitorProps = {
  name: 'Heartbeat missing', eventTags: ['heartbeat:x', 'env:qa'], silenceMinutes: 15, priority: '1', message: 'Gone. @slack-alerts', tags: ['env:qa'],
};

describe('HeartbeatMonitor', () => {
  it('counts the heartbeat events of its window and alerts below one, an empty window counting as 0', () => {
    const json = JSON.parse(Testing.synthScope((scope) => { new HeartbeatMonitor(scope, 'h', props); }));
    const [monitor] = Object.values(json.resource.datadog_monitor as Record<string, any>);
    expect(monitor).toMatchObject({
      type: 'event-v2 alert',
      query: 'events("heartbeat:x env:qa").rollup("count").last("15m") < 1',
      monitor_thresholds: { critical: '1' },
      on_missing_data: 'default',
      priority: '1',
    });
  });

  it('fails when the silence is not a whole number of minutes', () => {
    expect(() => Testing.synthScope((scope) => { new HeartbeatMonitor(scope, 'h', { ...props, silenceMinutes: 7.5 }); }))
      .toThrow('heartbeat monitor "Heartbeat missing".silenceMinutes: got 7.5; expected a whole number of minutes from 1 to 2880. Fix: edit stacks/datadog.ts');
  });
});
