import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffDirectories, parseDiffArgs, runDiff } from '../../review/diff-command';
import { checkMermaid, mermaidBlocks } from '../../bench/comment-scale';
import { TerraformJson } from '../support/synth';
import { MERMAID_TIMEOUT, only, realTree, rename, tempDir, writeTree } from './fixtures';

/**
 * The "must show" cases of `npm run diff`, on the real synth output: both sides
 * are the shared synth JSON, the "after" side mutated the way a pull request would.
 */

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());

/** Runs the diff of the real tree against a mutated copy; `allow` lines go into the allowlist. */
function diffAfter(mutate: (after: Record<string, TerraformJson>) => void, allow: string[] = []) {
  const before = writeTree(join(tmp.dir, 'before'), realTree());
  const tree = realTree();
  mutate(tree);
  const after = writeTree(join(tmp.dir, 'after'), tree);
  const allowlist = join(tmp.dir, 'allowed-removals.txt');
  writeFileSync(allowlist, ['# test allowlist', ...allow].join('\n'));
  const result = diffDirectories(before, after, allowlist, 'review/allowed-removals.txt');
  drawn.push(...mermaidBlocks(result.markdown));
  return result;
}

/** Every routing picture these tests' diffs drew, checked by Mermaid's parser at the end. */
const drawn: string[] = [];

/** The production rule alerting on the 5xx ratio, and its threshold stage model. */
function errorRatioThreshold(json: TerraformJson): { rule: Record<string, any>; data: Record<string, any>; model: Record<string, any> } {
  const [, group] = only(json, 'grafana_rule_group');
  const rule = group.rule.find((r: Record<string, any>) => r.uid === 'esg-scraper-api-error-ratio-critical');
  const data = rule.data.find((d: Record<string, any>) => d.ref_id === rule.condition);
  return { rule, data, model: JSON.parse(data.model) };
}

describe('npm run diff: data-bearing resources', () => {
  it('fails when the Sentry project construct is renamed, naming sentry_project', () => {
    const [name] = only(realTree().production, 'sentry_project');
    const result = diffAfter((t) => rename(t.production, 'sentry_project', name, 'sentry-project-renamed'));

    expect(result.exitCode).toBe(1);
    expect(result.report.blocked).toEqual([
      { env: 'production', address: `sentry_project.${name}`, type: 'sentry_project', kind: 'removed', replacedBy: [] },
    ]);
    const caution = result.markdown.slice(0, result.markdown.indexOf('| environment |'));
    expect(caution).toContain('[!CAUTION]');
    expect(caution).toContain(`\`production:sentry_project.${name}\` would be **destroyed**`);
    expect(caution).toContain('moved block');
    expect(caution).toContain('review/allowed-removals.txt');
  });

  it('passes when the allowlist acknowledges that removal', () => {
    const [name] = only(realTree().production, 'sentry_project');
    const result = diffAfter((t) => rename(t.production, 'sentry_project', name, 'sentry-project-renamed'),
      [`production:sentry_project.${name}`]);

    expect(result.exitCode).toBe(0);
    expect(result.report.blocked).toEqual([]);
    expect(result.report.acknowledged.map((d) => d.address)).toEqual([`sentry_project.${name}`]);
    expect(result.markdown).toContain('[!WARNING]');
  });

  it('passes when the rename comes with a moved block, and shows it as a move', () => {
    const [name] = only(realTree().production, 'sentry_project');
    const result = diffAfter((t) => {
      rename(t.production, 'sentry_project', name, 'error-tracking');
      (t.production as any).moved = [{ from: `sentry_project.${name}`, to: 'sentry_project.error-tracking' }];
    });

    expect(result.exitCode).toBe(0);
    const production = result.report.stacks.find((s) => s.env === 'production')!;
    expect(production.resources).toEqual([expect.objectContaining({
      address: 'sentry_project.error-tracking', kind: 'moved', movedFrom: `sentry_project.${name}`, changes: [],
    })]);
  });

  it('fails when a PagerDuty integration would be replaced by a change of its ForceNew type', () => {
    const result = diffAfter((t) => {
      const [, integration] = Object.entries(t.production.resource.pagerduty_service_integration)[0];
      integration.type = 'generic_events_api_inbound_integration';
    });
    expect(result.exitCode).toBe(1);
    expect(result.report.blocked).toEqual([expect.objectContaining({
      env: 'production', type: 'pagerduty_service_integration', kind: 'replaced', replacedBy: ['type'],
    })]);
    expect(result.markdown).toMatch(/would be \*\*replaced \(forced by `type`\)\*\*, losing its routing key/);
  });

  it('treats a Sentry project slug change as an in-place rename, not a destruction', () => {
    const result = diffAfter((t) => {
      only(t.production, 'sentry_project')[1].slug = 'esg-scraper-api-renamed';
    });
    expect(result.exitCode).toBe(0);
    const [change] = result.report.stacks.find((s) => s.env === 'production')!.resources;
    expect(change).toMatchObject({ type: 'sentry_project', kind: 'changed', replacedBy: [] });
    expect(change.changes.map((c) => c.path)).toEqual(['slug']);
  });

  it('marks a rule-group rename as a replacement without failing: rule groups hold no data', () => {
    const result = diffAfter((t) => {
      only(t.production, 'grafana_rule_group')[1].name = 'renamed-group';
    });
    expect(result.exitCode).toBe(0);
    const [change] = result.report.stacks.find((s) => s.env === 'production')!.resources;
    expect(change).toMatchObject({ type: 'grafana_rule_group', kind: 'replaced', replacedBy: ['name'], dataBearing: false });
    expect(result.markdown).toContain('**replaced**, forced by `name`');
  });
});

describe('npm run diff: ordinary changes', () => {
  it('shows a threshold change as one changed attribute and exits 0', () => {
    const before = errorRatioThreshold(realTree().production);
    expect(before.model.conditions[0].evaluator.params).toEqual([0.05]);

    const result = diffAfter((t) => {
      const { data, model } = errorRatioThreshold(t.production);
      model.conditions[0].evaluator.params = [0.1];
      data.model = JSON.stringify(model);
    });

    expect(result.exitCode).toBe(0);
    const changed = result.report.stacks.flatMap((s) => s.resources.map((r) => ({ env: s.env, ...r })));
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({ env: 'production', type: 'grafana_rule_group', kind: 'changed' });
    expect(changed[0].changes).toEqual([expect.objectContaining({
      path: 'rule[uid=esg-scraper-api-error-ratio-critical].data[ref_id=C].model.conditions[0].evaluator.params',
      before: '[0.05]',
      after: '[0.1]',
    })]);
    expect(result.markdown).toContain('| `[0.05]` | `[0.1]` |');
    expect(result.markdown).not.toContain('[!CAUTION]');
  });

  it('exits 0 on a changed monitor message', () => {
    const result = diffAfter((t) => {
      const [, monitor] = Object.entries(t.production.resource.datadog_monitor)[0];
      monitor.message = `${monitor.message}\nSee the runbook first.`;
    });
    expect(result.exitCode).toBe(0);
    const [change] = result.report.stacks.find((s) => s.env === 'production')!.resources;
    expect(change.changes.map((c) => c.path)).toEqual(['message']);
  });

  it('diffs dashboard JSON structurally: one panel title, not the whole config_json', () => {
    const result = diffAfter((t) => {
      const [, dashboard] = Object.entries(t.staging.resource.grafana_dashboard)
        .find(([, d]) => JSON.parse(d.config_json).panels?.length > 1)!;
      const config = JSON.parse(dashboard.config_json);
      config.panels[1].title = 'Renamed panel';
      dashboard.config_json = JSON.stringify(config, null, 2); // reformatting alone is no change
    });
    expect(result.exitCode).toBe(0);
    const [change] = result.report.stacks.find((s) => s.env === 'staging')!.resources;
    expect(change.changes).toEqual([expect.objectContaining({ after: '"Renamed panel"' })]);
    expect(change.changes[0].path).toMatch(/^config_json\.panels\[id=\d+\]\.title$/);
  });

  it('reports no change for identical trees', () => {
    const result = diffAfter(() => undefined);
    expect(result.exitCode).toBe(0);
    expect(result.report.stacks.every((s) => s.resources.length === 0 && s.settings.length === 0)).toBe(true);
    expect(result.markdown).toContain('No resource changes.');
  });
});

describe('npm run diff: secrets', () => {
  it('never prints a literal secret, and shows variable references', () => {
    const secretBefore = 'https://hooks.slack.com/services/T000/B000/BEFORESECRET';
    const secretAfter = 'https://hooks.slack.com/services/T000/B000/AFTERSECRET';
    const slackOf = (json: TerraformJson) => Object.values(json.resource.grafana_contact_point)
      .find((c) => Array.isArray(c.slack))!.slack[0];
    const before = realTree();
    slackOf(before.production).url = secretBefore;
    const after = realTree();
    slackOf(after.production).url = secretAfter;

    const result = diffDirectories(writeTree(join(tmp.dir, 'b'), before), writeTree(join(tmp.dir, 'a'), after),
      join(tmp.dir, 'none.txt'));
    const [change] = result.report.stacks.find((s) => s.env === 'production')!.resources;
    expect(change.changes).toEqual([expect.objectContaining({ path: 'slack[0].url', sensitive: true, before: '"(sensitive)"', after: '"(sensitive)"' })]);
    expect(result.markdown).not.toMatch(/BEFORESECRET|AFTERSECRET/);

    // The real synth holds the reference, which names the variable and is shown as is.
    const back = diffDirectories(join(tmp.dir, 'a'), writeTree(join(tmp.dir, 'real'), realTree()), join(tmp.dir, 'none.txt'));
    const [restored] = back.report.stacks.find((s) => s.env === 'production')!.resources;
    expect(restored.changes[0].after).toMatch(/^"\$\{var\.slack_webhook_\w+\}"$/);
  });
});

describe('npm run diff: routing picture', () => {
  it('marks the routing changed when critical alerts stop paging', () => {
    const result = diffAfter((t) => {
      const [, policy] = only(t.production, 'grafana_notification_policy');
      policy.policy = policy.policy.filter((p: Record<string, any>) => !String(p.contact_point).includes('pagerduty'));
    });
    const routing = result.report.routing.find((r) => r.env === 'production')!;
    expect(routing.added).toEqual([]);
    expect(routing.removed.length).toBeGreaterThan(0);
    expect(routing.removed.every((r) => r.source === 'Grafana' && r.severity === 'critical' &&
      r.destination === 'PagerDuty ESG Scraper API (production)')).toBe(true);
    expect(result.markdown).toContain('#### Alert routing (production) — changed');
    expect(result.markdown).toMatch(/-\.->\|"critical · removed"\|/);
    expect(result.markdown).toContain('Alert routing (staging): unchanged.');
    expect(result.markdown).toMatch(/<details><summary>Unchanged routing \(staging\): \d+ routes of \d+ alerts<\/summary>/);
    expect(result.markdown.match(/```mermaid/g)).toHaveLength(1); // unchanged routing is counted, not drawn
    expect(result.exitCode).toBe(0);
  });
});

describe('npm run diff: the command', () => {
  it('fails when only --from is given', () => {
    expect(() => parseDiffArgs(['--from', 'a'])).toThrow(/--from and --to: got only one; expected both/);
  });

  it('fails on an unknown flag, naming the flags it takes', () => {
    expect(() => parseDiffArgs(['--bsae', 'main'])).toThrow(/"--bsae": expected one of --base, --from, --to, --allow, --out/);
  });

  it('writes the Markdown to --out and returns the exit code', () => {
    const before = writeTree(join(tmp.dir, 'before'), realTree());
    const tree = realTree();
    const [name] = only(tree.staging, 'grafana_folder');
    delete tree.staging.resource.grafana_folder[name];
    const after = writeTree(join(tmp.dir, 'after'), tree);
    const out: string[] = [];
    const err: string[] = [];
    const code = runDiff(['--from', before, '--to', after, '--out', join(tmp.dir, 'diff.md'), '--allow', join(tmp.dir, 'no-allowlist.txt')],
      tmp.dir, { out: (t) => out.push(t), err: (t) => err.push(t) });
    expect(code).toBe(1);
    expect(readFileSync(join(tmp.dir, 'diff.md'), 'utf8')).toBe(out.join(''));
    expect(err.join('')).toContain(`staging:grafana_folder.${name}`);
  });

  it('fails with exit code 2 when a directory holds no synth output, naming the fix', () => {
    const err: string[] = [];
    const code = runDiff(['--from', tmp.dir, '--to', tmp.dir], tmp.dir, { out: () => undefined, err: (t) => err.push(t) });
    expect(code).toBe(2);
    expect(err.join('')).toMatch(/no stacks\/ directory.*Fix: run `npm run synth`/);
  });
});

describe('npm run diff: --full', () => {
  it('takes --full without a value, and shortens the comment only without it', () => {
    expect(parseDiffArgs(['--full', '--base', 'main'])).toMatchObject({ full: true, base: 'main' });
    expect(parseDiffArgs([])).toMatchObject({ full: false });
  });
});

describe('npm run diff: pictures', () => {
  it('draws pictures that Mermaid\'s own parser accepts, within its default limits', () => {
    expect(drawn.length).toBeGreaterThan(0);
    const check = checkMermaid(drawn);
    expect(check.results.filter((r) => !r.ok)).toEqual([]);
    expect(check.results.every((r) => r.edges! <= check.limits.maxEdges && r.chars <= check.limits.maxTextSize)).toBe(true);
  }, MERMAID_TIMEOUT);
});

describe('pull-request workflow', () => {
  const workflow = readFileSync(join(__dirname, '..', '..', '.github', 'workflows', 'pull-request.yml'), 'utf8');

  it('installs promtool and the packages, tests, synthesizes, diffs against the base branch and posts the diff', () => {
    const steps = ['sudo apt-get install -y -qq --no-install-recommends prometheus', 'run: npm ci', 'run: npm test', 'run: npm run synth', 'diff -- --base "origin/${{ github.base_ref }}" --out synth-diff.md',
      'uses: marocchino/sticky-pull-request-comment@', 'path: synth-diff.md'];
    const positions = steps.map((s) => workflow.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(workflow).toContain('fetch-depth: 0'); // the base branch is checked out into a worktree
    expect(workflow).toMatch(/pull-requests: write/);
  });

  it('fails the run after posting when the diff blocks, and at once when the diff itself breaks', () => {
    expect(workflow.indexOf("if: steps.diff.outputs.exit_code != '0'")).toBeGreaterThan(workflow.indexOf('sticky-pull-request-comment'));
    expect(workflow).toContain('if [ "$code" -eq 2 ]; then exit 2; fi');
    for (const [, action] of workflow.matchAll(/uses: (\S+)/g)) expect(action).toMatch(/@v\d+\.\d+\.\d+$/);
  });
});
