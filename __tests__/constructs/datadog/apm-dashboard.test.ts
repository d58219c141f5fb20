import { TerraformOutput, Testing } from 'cdktf';
import { ApmDashboard } from '../../../constructs/datadog/apm-dashboard';

describe('ApmDashboard', () => {
  it('declares timeseries with severity-coloured threshold lines and SLO panels, and exposes its path', () => {
    const json = JSON.parse(Testing.synthScope((scope) => {
      const dashboard = new ApmDashboard(scope, 'd', {
        title: 'T',
        description: 'D',
        timeseries: [{ title: 'Errors', queries: ['sum:e{*}'], markers: [{ value: 0.05, severity: 'critical' }, { value: 0.02, severity: 'warning' }] }],
        slos: [{ title: 'Availability', sloId: 'slo-1', timeframes: ['30d'] }],
      });
      new TerraformOutput(scope, 'link', { value: `https://app.datadoghq.com${dashboard.path}` });
    }));
    const dashboards = Object.entries(json.resource.datadog_dashboard_json) as [string, Record<string, any>][];
    expect(dashboards).toHaveLength(1);
    const [[name, resource]] = dashboards;
    expect(resource.url).toBeUndefined(); // computed by Datadog; setting it would fight the API
    const dashboard = JSON.parse(resource.dashboard);
    expect(dashboard).toMatchObject({ title: 'T', description: 'D', layout_type: 'ordered' });
    expect(dashboard.widgets.map((w: any) => w.definition.type)).toEqual(['timeseries', 'slo']);
    expect(dashboard.widgets[0].definition.requests).toEqual([{ q: 'sum:e{*}', display_type: 'line' }]);
    expect(dashboard.widgets[0].definition.markers).toEqual([
      { value: 'y = 0.05', display_type: 'error dashed', label: 'critical threshold' },
      { value: 'y = 0.02', display_type: 'warning dashed', label: 'warning threshold' },
    ]);
    expect(dashboard.widgets[1].definition).toMatchObject({ slo_id: 'slo-1', time_windows: ['30d'], view_type: 'detail' });
    // The path Datadog computes, by reference: a link is the app URL followed by it.
    expect(json.output.link.value).toBe(`https://app.datadoghq.com\${datadog_dashboard_json.${name}.url}`);
  });
});
