import { Testing } from 'cdktf';
import { ENVIRONMENTS } from '../../../config/environments';
import { MaintenanceMuteTimings } from '../../../constructs/grafana/mute-timings';
import { resourcesOf, synthOf } from '../../support/synth';

describe('MaintenanceMuteTimings (grafana_mute_timing)', () => {
  it('declares the configured maintenance window of production', () => {
    const timings = resourcesOf(synthOf('production'), 'grafana_mute_timing');
    expect(timings.map(([, t]) => [t.name, t.intervals])).toEqual((ENVIRONMENTS.production.maintenanceWindows ?? []).map((w) => [w.name, [{
      weekdays: w.weekdays, times: [{ start: w.startTime, end: w.endTime }], location: w.location,
    }]]));
    expect(timings).toHaveLength(1);
    expect(resourcesOf(synthOf('staging'), 'grafana_mute_timing')).toHaveLength((ENVIRONMENTS.staging.maintenanceWindows ?? []).length);
  });

  it('applies it, by reference, to the warning and info routes and never to critical ones', () => {
    const json = synthOf('production');
    const [[id]] = resourcesOf(json, 'grafana_mute_timing');
    const [[, policy]] = resourcesOf(json, 'grafana_notification_policy');
    const muted = policy.policy.map((route: any) => [route.matcher[0].value, route.mute_timings ?? []]);
    expect(muted).toEqual([
      ['grafana-watchdog', []], // a muted watchdog would stop the heartbeat and page
      ['critical', []],
      ['critical', []],
      ['warning', [`\${grafana_mute_timing.${id}.name}`]],
      ['info', [`\${grafana_mute_timing.${id}.name}`]],
    ]);
  });

  it('fails when a window ends before it starts, naming the window', () => {
    expect(() => Testing.synthScope((scope) => {
      new MaintenanceMuteTimings(scope, 'mute', { windows: [{ name: 'night', weekdays: ['sunday'], start: '23:00', end: '01:00', location: 'UTC' }] });
    })).toThrow('stack/mute: windows.night.end: got "01:00"; expected a time after its start (23:00) on the same day: ' +
      'Grafana mutes within one day only. Fix: split it into two windows, before and after midnight');
  });

  it('accepts a window that ends with the day (24:00)', () => {
    const json = JSON.parse(Testing.synthScope((scope) => {
      new MaintenanceMuteTimings(scope, 'mute', { windows: [{ name: 'late', weekdays: ['saturday'], start: '22:00', end: '24:00', location: 'UTC' }] });
    }));
    expect(Object.values(json.resource.grafana_mute_timing).map((t: any) => t.intervals[0].times)).toEqual([[{ start: '22:00', end: '24:00' }]]);
  });

  it('fails when a policy names a window that is not declared', () => {
    expect(() => Testing.synthScope((scope) => {
      new MaintenanceMuteTimings(scope, 'mute', { windows: [] }).nameOf('weekly');
    })).toThrow('No mute timing "weekly"; declared: none.');
  });
});
