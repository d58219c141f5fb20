import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { StackJson } from '../../review/data-bearing';
import { destructionsOf, diffTrees, readSynthTree } from '../../review/tree-diff';
import { tempDir, writeTree } from './fixtures';

/**
 * The synth diff behind the destroy guard, on small hand-written stacks: each kind of change
 * (added, removed, changed, replaced, moved), data sources, settings outside resources, and
 * which changes count as destroying data. diff-command.test.ts runs it on the real synth output.
 */

/** One environment's diff of `before` against `after`. */
function diffOne(before: StackJson | undefined, after: StackJson | undefined) {
  const diffs = diffTrees(before === undefined ? {} : { production: before }, after === undefined ? {} : { production: after });
  expect(diffs).toHaveLength(1);
  return diffs[0];
}


const folder = { uid: 'esg', title: 'ESG Scraper', org_id: '2' };

describe('diffTrees: resources', () => {
  it('reports nothing when both sides are equal', () => {
    const stack = { resource: { grafana_folder: { f: folder } } };
    expect(diffOne(stack, structuredClone(stack))).toEqual({ env: 'production', stack: 'both', resources: [], settings: [] });
  });

  it('reports an added and a removed resource with their labels and whether they hold data', () => {
    const diff = diffOne(
      { resource: { grafana_folder: { old: folder }, datadog_monitor: { m: { name: 'High latency', type: 'metric alert' } } } },
      { resource: { grafana_folder: { new: { ...folder, uid: 'esg-2' } }, datadog_monitor: { m: { name: 'High latency', type: 'metric alert' } } } },
    );
    expect(diff.resources).toEqual([
      { address: 'grafana_folder.new', type: 'grafana_folder', kind: 'added', changes: [], replacedBy: [], label: 'ESG Scraper', dataBearing: true },
      { address: 'grafana_folder.old', type: 'grafana_folder', kind: 'removed', changes: [], replacedBy: [], label: 'ESG Scraper', dataBearing: true },
    ]);
  });

  it('labels a resource by its name, else its title, else its slug, skipping values that are not text', () => {
    const diff = diffOne({}, {
      resource: {
        sentry_project: { p: { slug: 'esg-api' } },
        grafana_folder: { f: { name: 42, title: 'Folder title' } },
        grafana_dashboard: { d: { config_json: '{}' } },
        sentry_team: { t: { name: 'Team', title: 'ignored', slug: 'ignored' } },
      },
    });
    expect(diff.resources.map((r) => [r.address, r.label])).toEqual([
      ['grafana_dashboard.d', undefined],
      ['grafana_folder.f', 'Folder title'],
      ['sentry_project.p', 'esg-api'],
      ['sentry_team.t', 'Team'],
    ]);
  });

  it('reports a changed attribute that does not replace as a change, with its path and both values', () => {
    const diff = diffOne({ resource: { grafana_folder: { f: folder } } }, { resource: { grafana_folder: { f: { ...folder, title: 'New title' } } } });
    expect(diff.resources).toHaveLength(1);
    const change = diff.resources[0];
    expect(change).toMatchObject({ address: 'grafana_folder.f', kind: 'changed', replacedBy: [], dataBearing: true, label: 'New title' });
    expect(change.changes.map((c) => [c.path, c.before, c.after])).toEqual([['title', '"ESG Scraper"', '"New title"']]);
    expect(destructionsOf([diff])).toEqual([]);
  });

  it('reports a replacement when a replacing attribute changes among others, naming that attribute', () => {
    const diff = diffOne(
      { resource: { grafana_folder: { f: folder } } },
      { resource: { grafana_folder: { f: { ...folder, title: 'New title', uid: 'esg-new' } } } },
    );
    expect(diff.resources[0]).toMatchObject({ kind: 'replaced', replacedBy: ['uid'] });
    expect(diff.resources[0].changes.map((c) => c.path).sort()).toEqual(['title', 'uid']);
  });

  it('reports a replacement by a list-indexed attribute (a PagerDuty integration\'s email_filter)', () => {
    const integration = { name: 'Grafana', service: '${pagerduty_service.s.id}', email_filter: [{ subject_regex: 'a' }] };
    const diff = diffOne(
      { resource: { pagerduty_service_integration: { i: integration } } },
      { resource: { pagerduty_service_integration: { i: { ...integration, email_filter: [{ subject_regex: 'b' }] } } } },
    );
    expect(diff.resources).toHaveLength(1);
    expect(diff.resources[0]).toMatchObject({ kind: 'replaced', replacedBy: ['email_filter'], dataBearing: true });
    expect(destructionsOf([diff])).toEqual([{
      env: 'production', address: 'pagerduty_service_integration.i', type: 'pagerduty_service_integration',
      kind: 'replaced', replacedBy: ['email_filter'],
    }]);
  });

  it('sorts the changes by address', () => {
    const diff = diffOne({}, { resource: { sentry_team: { b: {}, a: {} }, grafana_folder: { z: {} } } });
    expect(diff.resources.map((r) => r.address)).toEqual(['grafana_folder.z', 'sentry_team.a', 'sentry_team.b']);
  });
});

describe('diffTrees: data sources', () => {
  it('addresses data sources as data.<type>.<name> and does not take them for data-bearing resources', () => {
    // A data source of a data-bearing type only reads: removing it destroys nothing.
    const diff = diffOne(
      { data: { pagerduty_service: { existing: { name: 'ESG Scraper API' } } } },
      { data: { sentry_project: { looked_up: { slug: 'esg' } } } },
    );
    expect(diff.resources.map((r) => [r.address, r.kind, r.dataBearing])).toEqual([
      ['data.pagerduty_service.existing', 'removed', false],
      ['data.sentry_project.looked_up', 'added', false],
    ]);
    expect(destructionsOf([diff])).toEqual([]);
  });

  it('compares a data source with the data source of the same name, not with a resource', () => {
    const diff = diffOne(
      { resource: { grafana_folder: { f: folder } }, data: { grafana_folder: { f: { uid: 'shared' } } } },
      { resource: { grafana_folder: { f: folder } }, data: { grafana_folder: { f: { uid: 'other' } } } },
    );
    expect(diff.resources.map((r) => [r.address, r.kind, r.dataBearing])).toEqual([['data.grafana_folder.f', 'replaced', false]]);
    expect(destructionsOf([diff])).toEqual([]);
  });
});

describe('diffTrees: moved blocks', () => {
  const before = { resource: { sentry_project: { old: { slug: 'esg' } } } };

  it('reports a resource moved by a moved block as moved, not destroyed', () => {
    const diff = diffOne(before, { resource: { sentry_project: { renamed: { slug: 'esg' } } }, moved: [{ from: 'sentry_project.old', to: 'sentry_project.renamed' }] });
    expect(diff.resources).toEqual([{
      address: 'sentry_project.renamed', type: 'sentry_project', kind: 'moved', changes: [], replacedBy: [],
      movedFrom: 'sentry_project.old', dataBearing: true, label: 'esg', ignored: [],
    }]);
    expect(destructionsOf([diff])).toEqual([]);
  });

  it('reports a moved resource whose replacing attribute also changed as replaced', () => {
    const diff = diffOne(
      { resource: { grafana_folder: { old: folder } } },
      { resource: { grafana_folder: { renamed: { ...folder, uid: 'new' } } }, moved: [{ from: 'grafana_folder.old', to: 'grafana_folder.renamed' }] },
    );
    expect(diff.resources).toHaveLength(1);
    expect(diff.resources[0]).toMatchObject({ address: 'grafana_folder.renamed', kind: 'replaced', replacedBy: ['uid'], movedFrom: 'grafana_folder.old' });
  });

  it('does not take a moved block for a move when its source still exists (the old one stays)', () => {
    const diff = diffOne(before, {
      resource: { sentry_project: { old: { slug: 'esg' }, renamed: { slug: 'esg' } } },
      moved: [{ from: 'sentry_project.old', to: 'sentry_project.renamed' }],
    });
    expect(diff.resources.map((r) => [r.address, r.kind])).toEqual([['sentry_project.renamed', 'added']]);
  });

  it('ignores a moved block from an address that never existed, or without from or to', () => {
    const diff = diffOne(before, {
      resource: { sentry_project: { renamed: { slug: 'esg' } } },
      moved: [{ from: 'sentry_project.ghost', to: 'sentry_project.renamed' }, { to: 'sentry_project.renamed' }, { from: 'sentry_project.old' }],
    });
    expect(diff.resources.map((r) => [r.address, r.kind])).toEqual([['sentry_project.old', 'removed'], ['sentry_project.renamed', 'added']]);
    expect(destructionsOf([diff]).map((d) => d.address)).toEqual(['sentry_project.old']);
  });

  it('does not apply moved blocks of the base side', () => {
    const diff = diffOne(
      { ...before, moved: [{ from: 'sentry_project.renamed', to: 'sentry_project.old' }] },
      { resource: { sentry_project: { renamed: { slug: 'esg' } } } },
    );
    expect(diff.resources.map((r) => [r.address, r.kind])).toEqual([['sentry_project.old', 'removed'], ['sentry_project.renamed', 'added']]);
  });
});

describe('diffTrees: settings and stacks', () => {
  const base: StackJson = {
    terraform: { backend: { s3: { bucket: 'state', key: 'monitoring/production.tfstate' } } },
    provider: { grafana: [{ url: 'https://grafana.example.com', auth: '${var.grafana_auth}' }] },
    variable: { slack_webhook: { type: 'string', sensitive: true } },
    output: { folder_url: { value: 'https://a' } },
    locals: { team: 'sre' },
  };

  it('reports a backend change (a new state key) as a setting', () => {
    const after = structuredClone(base) as any;
    after.terraform.backend.s3.key = 'monitoring/other.tfstate';
    const diff = diffOne(base, after);
    expect(diff.resources).toEqual([]);
    expect(diff.settings.map((c) => [c.path, c.before, c.after])).toEqual([
      ['terraform.backend.s3.key', '"monitoring/production.tfstate"', '"monitoring/other.tfstate"'],
    ]);
  });

  it('reports provider, variable, output and locals changes, each under its block', () => {
    const after = structuredClone(base) as any;
    after.provider.grafana[0].url = 'https://grafana2.example.com';
    after.provider.datadog = [{ api_url: 'https://api.datadoghq.eu' }];
    after.variable.slack_webhook.sensitive = false;
    after.output.folder_url.value = 'https://b';
    after.locals.team = 'platform';
    const paths = diffOne(base, after).settings.map((c) => c.path);
    expect(paths).toHaveLength(5);
    expect(paths.filter((p) => p.startsWith('provider.datadog'))).toHaveLength(1);
    expect(paths.filter((p) => p.startsWith('provider.grafana'))).toHaveLength(1);
    expect(paths.filter((p) => p.startsWith('provider.grafana')).every((p) => p.endsWith('url'))).toBe(true);
    expect(paths.slice(2)).toEqual(['variable.slack_webhook.sensitive', 'output.folder_url.value', 'locals.team']);
  });

  it('masks a provider credential typed in as a literal (provider.grafana auth)', () => {
    const after = structuredClone(base) as any;
    after.provider.grafana[0].auth = 'glsa_secret_token';
    const [change] = diffOne(base, after).settings;
    expect(change.path).toMatch(/^provider\.grafana.*auth$/);
    expect(change.sensitive).toBe(true);
    expect(JSON.stringify(change)).not.toContain('glsa_secret_token');
  });

  it('reports a stack on one side only as added or removed, with all its resources', () => {
    const stack = { resource: { sentry_project: { p: { slug: 'esg' } } } };
    const added = diffOne(undefined, stack);
    expect(added.stack).toBe('added');
    expect(added.resources.map((r) => [r.address, r.kind])).toEqual([['sentry_project.p', 'added']]);
    const removed = diffOne(stack, undefined);
    expect(removed.stack).toBe('removed');
    expect(removed.resources.map((r) => [r.address, r.kind, r.dataBearing])).toEqual([['sentry_project.p', 'removed', true]]);
    // Nobody runs Terraform for a removed stack: its resources are orphaned (review/state-guard.ts), not destroyed.
    expect(destructionsOf([removed])).toEqual([]);
  });

  it('diffs every environment of either side, sorted by name', () => {
    const stack = { resource: {} };
    expect(diffTrees({ staging: stack, production: stack }, { qa: stack, production: stack }).map((d) => [d.env, d.stack])).toEqual([
      ['production', 'both'], ['qa', 'added'], ['staging', 'removed'],
    ]);
  });
});

describe('destructionsOf', () => {
  it('lists only data-bearing resources removed or replaced, with their environment', () => {
    const diffs = diffTrees(
      {
        staging: { resource: { sentry_key: { k: { name: 'a' } }, datadog_monitor: { m: { type: 'metric alert' } }, grafana_mute_timing: { w: { name: 'night' } } } },
        production: { resource: { grafana_folder: { f: folder, g: folder } } },
      },
      {
        staging: { resource: { datadog_monitor: {}, grafana_mute_timing: {} } },
        production: { resource: { grafana_folder: { f: { ...folder, uid: 'x' }, g: { ...folder, title: 'y' } } } },
      },
    );
    expect(destructionsOf(diffs)).toEqual([
      { env: 'production', address: 'grafana_folder.f', type: 'grafana_folder', kind: 'replaced', replacedBy: ['uid'] },
      // A monitor keeps its alert history and the id links and SLOs point to: data-bearing since issue 12.
      { env: 'staging', address: 'datadog_monitor.m', type: 'datadog_monitor', kind: 'removed', replacedBy: [] },
      { env: 'staging', address: 'sentry_key.k', type: 'sentry_key', kind: 'removed', replacedBy: [] },
    ]); // grafana_mute_timing.w, removed but not data-bearing, and grafana_folder.g, changed in place, are not listed
    expect(diffs.find((d) => d.env === 'staging')!.resources.map((r) => [r.address, r.kind])).toContainEqual(['grafana_mute_timing.w', 'removed']);
  });
});

describe('diffTrees: edge cases of moves and bodies', () => {
  const before = { resource: { sentry_project: { old: { slug: 'esg' } } } };

  it('reports the source as destroyed when a moved block points to an address the stack does not declare', () => {
    const diff = diffOne(before, { resource: { sentry_project: {} }, moved: [{ from: 'sentry_project.old', to: 'sentry_project.missing' }] });
    expect(diff.resources.map((r) => [r.address, r.kind])).toEqual([['sentry_project.old', 'removed']]);
    expect(destructionsOf([diff]).map((d) => d.address)).toEqual(['sentry_project.old']);
  });

  it('keeps a move when a later, incomplete moved block names the same target', () => {
    const diff = diffOne(before, {
      resource: { sentry_project: { renamed: { slug: 'esg' } } },
      moved: [{ from: 'sentry_project.old', to: 'sentry_project.renamed' }, { to: 'sentry_project.renamed' }],
    });
    expect(diff.resources.map((r) => [r.address, r.kind, r.movedFrom])).toEqual([['sentry_project.renamed', 'moved', 'sentry_project.old']]);
  });

  it('labels nothing, and does not fail, for a body that is null or missing', () => {
    const diff = diffOne({}, { resource: { sentry_project: { a: null, b: undefined, c: 'text' } } } as unknown as StackJson);
    expect(diff.resources.map((r) => [r.address, r.kind, r.label])).toEqual([
      ['sentry_project.a', 'added', undefined], ['sentry_project.b', 'added', undefined], ['sentry_project.c', 'added', undefined],
    ]);
  });

  it('lists provider changes by provider name, sorted', () => {
    const diff = diffOne(
      { provider: { grafana: [{ url: 'https://a.example.com' }] } },
      { provider: { grafana: [{ url: 'https://b.example.com' }], datadog: [{ api_url: 'https://api.datadoghq.eu' }] } },
    );
    expect(diff.settings.map((c) => c.path.split(/[.[]/)[1])).toEqual(['datadog', 'grafana']);
  });
});

describe('readSynthTree', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir();
  });
  afterEach(() => tmp.cleanup());

  it('reads every environment, sorted by name', () => {
    writeTree(tmp.dir, { staging: { terraform: {}, resource: { a: {} } }, production: { terraform: {}, resource: { b: {} } } });
    const tree = readSynthTree(tmp.dir);
    expect(Object.keys(tree)).toEqual(['production', 'staging']);
    expect(tree.production).toEqual({ terraform: {}, resource: { b: {} } });
  });

  // A stack folder without its cdk.tf.json is a broken side, not an absent environment (issue 12).
  it('fails when a stack folder has no cdk.tf.json, naming the file and the fix', () => {
    writeTree(tmp.dir, { staging: { terraform: {}, resource: { a: {} } }, production: { terraform: {}, resource: { b: {} } } });
    mkdirSync(join(tmp.dir, 'stacks', 'empty'));
    expect(() => readSynthTree(tmp.dir)).toThrow(`${join(tmp.dir, 'stacks', 'empty', 'cdk.tf.json')}: missing; ` +
      "expected the environment's synthesized stack. Fix: synthesize this side again (`npm run synth`)");
  });

  it('fails when the directory is not a synth output, naming it and the fix', () => {
    writeFileSync(join(tmp.dir, 'cdk.tf.json'), '{}');
    expect(() => readSynthTree(tmp.dir)).toThrow(`${tmp.dir}: no stacks/ directory; expected a cdktf synth output (stacks/<env>/cdk.tf.json). ` +
      'Fix: run `npm run synth` (or CDKTF_OUTDIR=<dir> node .build/main.js) and pass that directory');
  });
});
