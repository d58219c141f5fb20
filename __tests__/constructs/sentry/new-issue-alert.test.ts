import { Testing } from 'cdktf';
import { NewIssueAlert } from '../../../constructs/sentry/new-issue-alert';

describe('NewIssueAlert (Sentry)', () => {
  it('fires on the first event of an issue from the project\'s error monitor, throttled per issue', () => {
    const json = JSON.parse(Testing.synthScope((scope) => {
      new NewIssueAlert(scope, 'new', {
        organization: 'acme', project: 'api', name: 'API: new issue', frequencyMinutes: 60,
        actions: [{ slack: { integrationId: '7', channelName: '#alerts' } }],
      });
    }));
    const monitors = Object.entries(json.data.sentry_project_error_monitor) as [string, any][];
    expect(monitors).toEqual([[expect.any(String), expect.objectContaining({ organization: 'acme', project: 'api' })]]);
    expect(json.data.sentry_project_issue_stream_monitor).toBeUndefined();
    const alerts = Object.values(json.resource.sentry_alert) as any[];
    expect(alerts).toEqual([expect.objectContaining({
      organization: 'acme',
      monitor_ids: [`\${data.sentry_project_error_monitor.${monitors[0][0]}.id}`],
      trigger_conditions: [{ first_seen_event: {} }],
      frequency_minutes: 60,
      action_filters: [{ logic_type: 'all', actions: [{ slack: { integration_id: '7', channel_name: '#alerts' } }] }],
    })]);
  });
});
