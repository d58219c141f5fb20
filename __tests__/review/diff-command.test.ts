import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAlertCatalog } from '../../catalog/alerts';
import { SERVICES } from '../../catalog/services';
import { ENVIRONMENTS } from '../../config/environments';
import { dataBearingAddresses } from '../../review/data-bearing';
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

/** Writes `stacks/production/cdk.tf.json` under `dir` with the given text. */
function writeEmpty(dir: string, text: string): void {
  mkdirSync(join(dir, 'stacks', 'production'), { recursive: true });
  writeFileSync(join(dir, 'stacks', 'production', 'cdk.tf.json'), text);
}

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

/** The rule group of the ESG Scraper API (the stack also has the watchdog's). */
function serviceRuleGroup(json: TerraformJson): Record<string, any> {
  const groups = Object.values(json.resource.grafana_rule_group ?? {}).filter((g: any) => g.name === 'esg-scraper-api');
  if (groups.length !== 1) throw new Error(`expected one esg-scraper-api rule group, found ${groups.length}`);
  return groups[0] as Record<string, any>;
}

/** The production rule alerting on the 5xx ratio, and its threshold stage model. */
function errorRatioThreshold(json: TerraformJson): { rule: Record<string, any>; data: Record<string, any>; model: Record<string, any> } {
  const group = serviceRuleGroup(json);
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

  it('fails when a Sentry project slug change replaces the metric monitor through its `project` reference', () => {
    const [project] = only(realTree().production, 'sentry_project');
    const [monitor] = only(realTree().production, 'sentry_metric_monitor');
    const result = diffAfter((t) => {
      only(t.production, 'sentry_project')[1].slug = 'esg-scraper-api-renamed';
    });
    expect(result.exitCode).toBe(1);
    const resources = result.report.stacks.find((s) => s.env === 'production')!.resources;
    // The project itself is renamed in place; the monitor, whose `project` forces replacement, follows its slug.
    expect(resources.find((r) => r.type === 'sentry_project')).toMatchObject({ kind: 'changed', replacedBy: [] });
    expect(result.report.blocked).toEqual([{
      env: 'production', address: `sentry_metric_monitor.${monitor}`, type: 'sentry_metric_monitor', kind: 'replaced',
      replacedBy: ['project'], via: [`sentry_project.${project}.slug`],
    }]);
    expect(result.markdown).toContain(`would be **replaced (forced by \`project\`, which follows \`sentry_project.${project}.slug\`)**`);
  });

  it('fails when a Grafana folder uid change replaces the folder and, through folder_uid, every rule group in it', () => {
    const [folder] = only(realTree().staging, 'grafana_folder');
    const result = diffAfter((t) => {
      only(t.staging, 'grafana_folder')[1].uid = 'renamed-folder';
    });
    expect(result.exitCode).toBe(1);
    // Every rule group lives in the folder: each service's and the watchdog's.
    const groups = Object.keys(realTree().staging.resource.grafana_rule_group);
    expect(groups.length).toBeGreaterThan(1);
    expect(result.report.blocked.map((d) => [d.type, d.kind, d.replacedBy, d.via ?? []])).toEqual([
      ['grafana_folder', 'replaced', ['uid'], []],
      ...groups.map(() => ['grafana_rule_group', 'replaced', ['folder_uid'], [`grafana_folder.${folder}.uid`]]),
    ]);
  });

  it('fails when a rule group is renamed: its rules\' alert state and history go with it', () => {
    const result = diffAfter((t) => {
      serviceRuleGroup(t.production).name = 'renamed-group';
    });
    expect(result.exitCode).toBe(1);
    expect(result.report.blocked).toEqual([expect.objectContaining({ type: 'grafana_rule_group', kind: 'replaced', replacedBy: ['name'] })]);
    expect(result.markdown).toContain('losing the alert state and state history of every rule in it');
  });

  it.each([
    ['datadog_service_level_objective', 'its error-budget history'],
    ['datadog_synthetics_test', 'its result history and uptime record'],
    ['datadog_monitor', 'its alert history, the downtimes scheduled on it'],
    ['sentry_team', 'its members'],
    ['pagerduty_escalation_policy', 'its on-call history'],
    ['grafana_contact_point', 'its notification history'],
    ['datadog_dashboard_json', 'its URL people bookmarked'],
  ])('fails when a %s construct is renamed, saying what would be lost', (type, lost) => {
    const [name] = Object.keys(realTree().production.resource[type]);
    const result = diffAfter((t) => rename(t.production, type, name, `${name}-renamed`));
    expect(result.exitCode).toBe(1);
    expect(result.report.blocked).toEqual([{ env: 'production', address: `${type}.${name}`, type, kind: 'removed', replacedBy: [] }]);
    expect(result.markdown).toContain(`\`production:${type}.${name}\` would be **destroyed**, losing ${lost}`);
  });
});

describe('npm run diff: state', () => {
  it.each([
    ['key', (s3: Record<string, any>) => { s3.key = 'monitoring/production-v2.tfstate'; }, 'key "monitoring/production.tfstate" → "monitoring/production-v2.tfstate"'],
    ['bucket', (s3: Record<string, any>) => { s3.bucket = 'another-bucket'; }, 'bucket "esg-scraper-terraform-state" → "another-bucket"'],
    ['endpoint', (s3: Record<string, any>) => { s3.endpoints.s3 = 'https://ams3.digitaloceanspaces.com'; }, 'endpoints.s3 "https://fra1.digitaloceanspaces.com" → "https://ams3.digitaloceanspaces.com"'],
  ])('fails when the backend %s changes: the next deploy would start from an empty state', (_field, change, described) => {
    const result = diffAfter((t) => change((t.production.terraform.backend as any).s3));
    expect(result.exitCode).toBe(1);
    expect(result.report.blocked).toEqual([]);
    expect(result.report.stateBlocked).toEqual([expect.objectContaining({ env: 'production', kind: 'backend', address: 'terraform.backend' })]);
    const [finding] = result.report.stateBlocked;
    expect(finding.summary).toBe(`the production state backend changes (${described}): the next deploy would start from an empty state ` +
      'there and create every resource a second time, next to the ones the old state still tracks');
    expect(finding.fix).toMatch(/^move the state first.*`terraform state pull > production\.tfstate`.*`terraform state push production\.tfstate`.*`terraform init -migrate-state`/);
    expect(result.markdown).toContain('The state would be forked or abandoned.');
  });

  it('fails when the backend type changes from s3 to pg, without showing a connection string', () => {
    const result = diffAfter((t) => { t.staging.terraform.backend = { pg: { schema_name: 'monitoring_staging' } }; });
    expect(result.exitCode).toBe(1);
    expect(result.report.stateBlocked.map((f) => f.summary)).toEqual([expect.stringContaining('the staging state backend changes (type s3 → pg)')]);
  });

  it('fails when the pg schema or connection changes, naming the connection without its value', () => {
    const result = diffAfter((t) => { t.staging.terraform.backend = { pg: { schema_name: 'b', conn_str: 'postgres://u:SECRET@h/db' } }; });
    expect(result.exitCode).toBe(1);
    const before = realTree();
    before.staging.terraform.backend = { pg: { schema_name: 'a' } };
    const beforeDir = writeTree(join(tmp.dir, 'pg-before'), before);
    const after = realTree();
    after.staging.terraform.backend = { pg: { schema_name: 'b', conn_str: 'postgres://u:SECRET@h/db' } };
    const afterDir = writeTree(join(tmp.dir, 'pg-after'), after);
    const pg = diffDirectories(beforeDir, afterDir, join(tmp.dir, 'none.txt'));
    expect(pg.report.stateBlocked.map((f) => f.summary)).toEqual([
      expect.stringContaining('(schema_name "a" → "b"; conn_str (connection))')]);
    expect(pg.markdown).toContain('conn_str (connection)');
  });

  it('passes when the backend change is acknowledged, and does not count locking as a move', () => {
    expect(diffAfter((t) => { (t.production.terraform.backend as any).s3.bucket = 'b2'; }, ['production:terraform.backend']).exitCode).toBe(0);
    const lockOnly = diffAfter((t) => { delete (t.production.terraform.backend as any).s3.use_lockfile; });
    expect(lockOnly.exitCode).toBe(0);
    expect(lockOnly.report.stateBlocked).toEqual([]);
  });

  it('reports a removed environment as orphaned, not destroyed, and fails until it is destroyed first or acknowledged', () => {
    const result = diffAfter((t) => { delete (t as Record<string, unknown>).staging; });
    expect(result.exitCode).toBe(1);
    expect(result.report.blocked).toEqual([]);
    expect(result.report.stateBlocked).toEqual([expect.objectContaining({ env: 'staging', kind: 'orphaned', address: 'terraform.stack' })]);
    const count = Object.values(realTree().staging.resource).reduce((n, byName) => n + Object.keys(byName).length, 0);
    expect(result.report.stateBlocked[0].summary).toMatch(new RegExp(`^the staging environment is removed from the config: these ${count} resources would be orphaned, still running and billed but managed by no stack \\(${dataBearingAddresses(realTree().staging as never).length} of them data-bearing\\)$`));
    expect(result.report.stateBlocked[0].fix).toMatch(/^destroy the environment first \(`npx cdktf destroy staging`/);
    expect(result.markdown).toContain('### staging (stack removed: its resources would be orphaned, not destroyed)');
    expect(result.markdown).toMatch(/\*\*Orphaned \(\d+\)\*\*/);
    expect(result.markdown).not.toMatch(/\*\*Removed \(/);
    expect(diffAfter((t) => { delete (t as Record<string, unknown>).staging; }, ['staging:terraform.stack']).exitCode).toBe(0);
  });
});

describe('npm run diff: what ignore_changes hides', () => {
  it('marks a changed alert destination of the app as not applied by deploy, with the command that applies it', () => {
    const result = diffAfter((t) => {
      only(t.production, 'digitalocean_app')[1].spec.alert[0].destinations.emails = ['oncall@blueprintbuddy.io'];
    });
    expect(result.exitCode).toBe(0);
    const [app] = result.report.stacks.find((s) => s.env === 'production')!.resources;
    expect(app.ignored).toEqual([{
      path: 'spec.alert[rule=DEPLOYMENT_FAILED].destinations.emails',
      entry: 'spec[0].alert[0].destinations',
      command: expect.stringContaining('doctl apps update-alert-destinations'),
    }]);
    expect(result.markdown).toContain('**Not applied by deploy (1)**');
  });

  it('marks the app\'s SENTRY_DSN as not applied when it reads a new key, and still blocks destroying the old key', () => {
    const [key] = only(realTree().production, 'sentry_key');
    const result = diffAfter((t) => {
      rename(t.production, 'sentry_key', key, 'rotated-key');
      const app = only(t.production, 'digitalocean_app')[1];
      app.spec.service[0].env[0].value = app.spec.service[0].env[0].value.replace(key, 'rotated-key');
    });
    expect(result.exitCode).toBe(1);
    expect(result.report.blocked.map((d) => d.address)).toEqual([`sentry_key.${key}`]);
    const app = result.report.stacks.find((s) => s.env === 'production')!.resources.find((r) => r.type === 'digitalocean_app')!;
    expect(app.kind).toBe('changed');
    // The app's services are keyed by name (the API and the Datadog Agent beside it).
    expect(app.ignored).toEqual([expect.objectContaining({ path: 'spec.service[name=esg-scraper-api].env[0].value', entry: 'spec[0].service[0].env' })]);
    expect(result.markdown).toMatch(/`spec\.service\[name=esg-scraper-api\]\.env\[0\]\.value` \(ignored: `spec\[0\]\.service\[0\]\.env`\)\. Apply it: .*terraform output -raw sentry_dsn/);
  });
});

describe('npm run diff: ordinary changes', () => {
  it('shows a threshold change as one changed attribute and exits 0', () => {
    const threshold = buildAlertCatalog(SERVICES, ENVIRONMENTS.production)
      .find((a) => a.id === 'esg-scraper-api-error-ratio')!.thresholds.critical!;
    const before = errorRatioThreshold(realTree().production);
    expect(before.model.conditions[0].evaluator.params).toEqual([threshold]);

    const result = diffAfter((t) => {
      const { data, model } = errorRatioThreshold(t.production);
      model.conditions[0].evaluator.params = [threshold * 2];
      data.model = JSON.stringify(model);
    });

    expect(result.exitCode).toBe(0);
    const changed = result.report.stacks.flatMap((s) => s.resources.map((r) => ({ env: s.env, ...r })));
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({ env: 'production', type: 'grafana_rule_group', kind: 'changed' });
    expect(changed[0].changes).toEqual([expect.objectContaining({
      path: 'rule[uid=esg-scraper-api-error-ratio-critical].data[ref_id=C].model.conditions[0].evaluator.params',
      before: `[${threshold}]`,
      after: `[${threshold * 2}]`,
    })]);
    expect(result.markdown).toContain(`| \`[${threshold}]\` | \`[${threshold * 2}]\` |`);
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
    // The removed page also took the route to the status page (review/routing-graph.ts, publicStatus).
    expect(result.markdown).toMatch(/-\.->\|"critical · status page: ESG Scraper API · removed"\|/);
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

  it.each([
    ['an empty base side', (dir: string) => mkdirSync(join(dir, 'stacks'), { recursive: true }), /stacks: empty, no stacks\/<env>\/cdk\.tf\.json/],
    ['an empty stack file', (dir: string) => writeEmpty(dir, ''), /production\/cdk\.tf\.json: empty/],
    ['a malformed stack file', (dir: string) => writeEmpty(dir, '{"terraform": '), /production\/cdk\.tf\.json: not valid JSON/],
    ['a stack file that is not a stack', (dir: string) => writeEmpty(dir, '[]'), /production\/cdk\.tf\.json: got an array; expected a synthesized stack/],
    ['an environment directory without its stack', (dir: string) => mkdirSync(join(dir, 'stacks', 'production'), { recursive: true }),
      /production\/cdk\.tf\.json: missing/],
  ])('exits 2 on %s, naming the file', (_what, breakIt, message) => {
    const base = join(tmp.dir, 'base');
    breakIt(base);
    const after = writeTree(join(tmp.dir, 'after'), realTree());
    const err: string[] = [];
    const code = runDiff(['--from', base, '--to', after], tmp.dir, { out: () => undefined, err: (t) => err.push(t) });
    expect(code).toBe(2);
    expect(err.join('')).toContain(base);
    expect(err.join('')).toMatch(message);
  });

  it('exits 1 from the command for each history-destroying change of the issue', () => {
    const tree = realTree();
    const cases: [string, (t: Record<string, TerraformJson>) => void][] = [
      ['SLO rename', (t) => rename(t.production, 'datadog_service_level_objective', Object.keys(tree.production.resource.datadog_service_level_objective)[0], 'slo-renamed')],
      ['synthetic test rename', (t) => rename(t.production, 'datadog_synthetics_test', Object.keys(tree.production.resource.datadog_synthetics_test)[0], 'test-renamed')],
      ['backend key change', (t) => { (t.production.terraform.backend as any).s3.key = 'other.tfstate'; }],
      ['backend bucket change', (t) => { (t.production.terraform.backend as any).s3.bucket = 'other-bucket'; }],
      ['Sentry team rename', (t) => rename(t.production, 'sentry_team', Object.keys(tree.production.resource.sentry_team)[0], 'team-renamed')],
    ];
    const before = writeTree(join(tmp.dir, 'before'), realTree());
    const codes = cases.map(([what, change], i) => {
      const mutated = realTree();
      change(mutated);
      const after = writeTree(join(tmp.dir, `after-${i}`), mutated);
      return [what, runDiff(['--from', before, '--to', after, '--allow', join(tmp.dir, 'none.txt')], tmp.dir, { out: () => undefined, err: () => undefined })];
    });
    expect(codes).toEqual(cases.map(([what]) => [what, 1]));
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

  it('keeps the exit codes with --full: 1 on a state backend change, 2 on a side with no synth output', () => {
    const before = writeTree(join(tmp.dir, 'full-before'), realTree());
    const mutated = realTree();
    (mutated.production.terraform.backend as any).s3.key = 'other.tfstate';
    const after = writeTree(join(tmp.dir, 'full-after'), mutated);
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t) };
    expect(runDiff(['--full', '--from', before, '--to', after, '--allow', join(tmp.dir, 'none.txt')], tmp.dir, io)).toBe(1);
    expect(out.join('')).toContain('> **The state would be forked or abandoned.**');
    expect(out.join('')).not.toContain('Shortened to fit');
    expect(err.join('')).toMatch(/^npm run diff: .*production.*Fix: /);
    expect(runDiff(['--full', '--from', tmp.dir, '--to', tmp.dir], tmp.dir, io)).toBe(2);
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
  });
});
