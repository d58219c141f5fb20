import { COMMENT_BUDGET, markdownBalance } from '../../review/comment-budget';
import { clip, DiffReport, renderComment, renderMarkdown, shortPath } from '../../review/markdown';
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

describe('shortPath', () => {
  const path = 'rule[uid=esg-scraper-api-error-ratio-critical].data[ref_id=C].model.conditions[0].evaluator.params';

  it('keeps the item and the last segments of a long path, within the width', () => {
    const short = shortPath(path);
    expect(short).toBe('rule[uid=esg-scraper-api-error-ratio-critical]…evaluator.params');
    expect(short.length).toBeLessThanOrEqual(64);
  });

  it('leaves short paths alone', () => {
    expect(shortPath('frequency_minutes')).toBe('frequency_minutes');
  });

  it('puts the full path in a collapsed line under the table', () => {
    const stack: StackDiff = {
      env: 'production', stack: 'both', settings: [],
      resources: [{
        address: 'grafana_rule_group.g', type: 'grafana_rule_group', kind: 'changed', replacedBy: [], dataBearing: false,
        changes: [{ path, segments: [], before: '[0.05]', after: '[0.1]', sensitive: false }],
      }],
    };
    const markdown = renderMarkdown(report([stack]));
    expect(markdown).toContain('| `rule[uid=esg-scraper-api-error-ratio-critical]…evaluator.params` | `[0.05]` | `[0.1]` |');
    expect(markdown).toContain(`<details><summary>full paths of 1 shortened attribute</summary>\n\n  - \`rule[uid=esg-scraper-api-error-ratio-critical]…evaluator.params\`: \`${path}\``);
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
    expect(renderMarkdown(report([stack])).length).toBeGreaterThan(COMMENT_BUDGET);
    const comment = renderComment(report([stack]));
    expect(Buffer.byteLength(comment)).toBeLessThanOrEqual(COMMENT_BUDGET);
    expect(comment).toContain('left out: attribute tables (1 in production). `npm run diff -- --full` prints everything.');
    // The table gave way to the changed paths, whole: no table row is left, every <details> closed.
    expect(comment).toContain('`grafana_dashboard.big` · data-bearing: 3000 attributes changed\n  `config_json.panels[id=0].title`, ');
    expect(comment).not.toContain('| attribute | before | after |');
    const balance = markdownBalance(comment);
    expect(balance.detailsOpened).toBe(balance.detailsClosed);
  });

  it('keeps the state findings and the changes deploy does not apply when the comment is shortened', () => {
    const changes = Array.from({ length: 3000 }, (_, i) => ({
      path: `config_json.panels[id=${i}].title`, segments: [], before: `"${'a'.repeat(60)}"`, after: `"${'b'.repeat(60)}"`, sensitive: false,
    }));
    const app = {
      address: 'digitalocean_app.app', type: 'digitalocean_app', kind: 'changed' as const, replacedBy: [], dataBearing: true,
      changes: [{ path: 'spec.service[0].env[0].value', segments: [], before: 'old', after: 'new', sensitive: true }],
      ignored: [{ path: 'spec.service[0].env[0].value', entry: 'spec[0].service[0].env', command: 'set it on the app by hand' }],
    };
    const stack: StackDiff = {
      env: 'production', stack: 'both', settings: [],
      resources: [app, { address: 'grafana_dashboard.big', type: 'grafana_dashboard', kind: 'changed', changes, replacedBy: [], dataBearing: true }],
    };
    const finding = { env: 'production', kind: 'backend' as const, address: 'terraform.backend' as const,
      summary: 'production: the state backend changes from s3 to pg', fix: 'move the state first' };
    const full = { ...report([stack]), stateBlocked: [finding] };
    const comment = renderComment(full, { budget: 8_000 });
    expect(Buffer.byteLength(comment)).toBeLessThanOrEqual(8_000);
    expect(comment).toContain('left out: ');
    expect(comment).toContain('> **The state would be forked or abandoned.**');
    expect(comment).toContain('> - production: the state backend changes from s3 to pg.\n>   Fix: move the state first');
    expect(comment).toContain('**Not applied by deploy (1)**');
    expect(comment).toContain('- `digitalocean_app.app` `spec.service[0].env[0].value` (ignored: `spec[0].service[0].env`). Apply it: set it on the app by hand.');
    // The environment's summary counts the state finding as blocking.
    expect(comment).toContain('routing unchanged · **1 blocking finding** (see the caution above)');
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
