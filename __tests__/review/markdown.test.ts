import { clip, COMMENT_LIMIT, DiffReport, renderComment, renderMarkdown } from '../../review/markdown';
import { StackDiff } from '../../review/tree-diff';

function report(stacks: StackDiff[]): DiffReport {
  return { from: 'main', to: 'working tree', stacks, routing: [], blocked: [], acknowledged: [], stateBlocked: [], stateAcknowledged: [], unusedAllowlist: [], allowlistPath: 'review/allowed-removals.txt' };
}

describe('clip', () => {
  it('shows long values around the part that differs', () => {
    const query = (n: string) => `sum:trace.fastapi.request.errors{service:esg-scraper-api,env:production}.as_count() / ${'x'.repeat(200)} > ${n}`;
    const [before, after] = clip(JSON.stringify(query('0.05')), JSON.stringify(query('0.1')));
    expect(before).toMatch(/^`….*> 0\.05"`$/);
    expect(after).toMatch(/^`….*> 0\.1"`$/);
    expect(after.length).toBeLessThan(120);
  });

  it('keeps pipes and backticks from breaking the table', () => {
    const [before] = clip('"a|b`c"', undefined);
    expect(before).toBe('`` "a\\|b`c" ``');
  });
});

describe('renderComment', () => {
  it('stays under the comment limit when a change is huge', () => {
    const changes = Array.from({ length: 3000 }, (_, i) => ({
      path: `config_json.panels[id=${i}].title`, segments: [], before: `"${'a'.repeat(60)}"`, after: `"${'b'.repeat(60)}"`, sensitive: false,
    }));
    const stack: StackDiff = {
      env: 'production', stack: 'both', settings: [],
      resources: [{ address: 'grafana_dashboard.big', type: 'grafana_dashboard', kind: 'changed', changes, replacedBy: [], dataBearing: true }],
    };
    expect(renderMarkdown(report([stack])).length).toBeGreaterThan(COMMENT_LIMIT);
    const comment = renderComment(report([stack]));
    expect(comment.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(comment).toContain('run `npm run diff` locally');
    expect(comment).toContain('`grafana_dashboard.big` · data-bearing: 3000 attributes changed');
  });

  it('names each changed resource as people know it, next to its hashed address', () => {
    const stack: StackDiff = {
      env: 'production', stack: 'both', settings: [],
      resources: [{
        address: 'sentry_alert.sentry-error-spike_alert_5F2A0C11', type: 'sentry_alert', kind: 'changed', replacedBy: [], dataBearing: false,
        label: 'API (production): error spike (critical)',
        changes: [{ path: 'frequency_minutes', segments: [], before: '5', after: '10', sensitive: false }],
      }],
    };
    expect(renderMarkdown(report([stack]))).toContain(
      '- `sentry_alert.sentry-error-spike_alert_5F2A0C11` — `API (production): error spike (critical)`: 1 attribute changed\n\n' +
      '  | attribute | before | after |\n  |---|---|---|\n  | `frequency_minutes` | `5` | `10` |');
  });

  it('folds long attribute tables', () => {
    const changes = Array.from({ length: 9 }, (_, i) => ({ path: `p${i}`, segments: [], before: '1', after: '2', sensitive: false }));
    const stack: StackDiff = {
      env: 'staging', stack: 'both', settings: [],
      resources: [{ address: 'datadog_monitor.m', type: 'datadog_monitor', kind: 'changed', changes, replacedBy: [], dataBearing: false }],
    };
    expect(renderMarkdown(report([stack]))).toContain('<details><summary>show the changed attributes</summary>');
  });
});
