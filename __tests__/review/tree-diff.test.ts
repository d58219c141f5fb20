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

  it('reports an adoption\'s import block as a setting, with the address and id it imports', () => {
    const after = { ...structuredClone(base), import: [{ to: 'sentry_project.sentry-project_9B545EBF', id: 'esg-scraper/esg-scraper-api' }] };
    const diff = diffOne(base, after);
    expect(diff.resources).toEqual([]);
    expect(diff.settings).toHaveLength(1);
    expect(diff.settings[0].path).toMatch(/^import/);
    expect(`${diff.settings[0].after}`).toContain('sentry_project.sentry-project_9B545EBF');
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

  it('fails when stacks/ holds no environment, naming it and the fix', () => {
    mkdirSync(join(tmp.dir, 'stacks'));
    expect(() => readSynthTree(tmp.dir)).toThrow(`${join(tmp.dir, 'stacks')}: empty, no stacks/<env>/cdk.tf.json; ` +
      'expected at least one synthesized environment. Fix: synthesize this side again (`npm run synth`)');
  });

  it.each([
    ['empty', '', "empty; expected the environment's synthesized stack (JSON)."],
    ['only blanks', ' \n\t', "empty; expected the environment's synthesized stack (JSON)."],
    ['not JSON', '{"terraform":', 'not valid JSON ('],
    ['an array', '[]', 'got an array; expected a synthesized stack (an object with a terraform block).'],
    ['null', 'null', 'got null; expected a synthesized stack (an object with a terraform block).'],
    ['a number', '42', 'got number; expected a synthesized stack (an object with a terraform block).'],
    ['a string', '"stack"', 'got string; expected a synthesized stack (an object with a terraform block).'],
    ['an object without a terraform block', '{"resource":{}}', 'got an object without a terraform block; expected a synthesized stack (an object with a terraform block).'],
  ])('fails when a cdk.tf.json is %s, naming the file, what it got and the fix', (_, text, message) => {
    const file = join(tmp.dir, 'stacks', 'production', 'cdk.tf.json');
    mkdirSync(join(tmp.dir, 'stacks', 'production'), { recursive: true });
    writeFileSync(file, text);
    let error: Error | undefined;
    try {
      readSynthTree(tmp.dir);
    } catch (e) {
      error = e as Error;
    }
    expect(error?.message.startsWith(`${file}: ${message}`)).toBe(true);
    expect(error?.message.endsWith('. Fix: synthesize this side again (`npm run synth`)')).toBe(true);
  });

  it('fails on malformed JSON with the parser\'s message', () => {
    writeTree(tmp.dir, {});
    mkdirSync(join(tmp.dir, 'stacks', 'staging'), { recursive: true });
    writeFileSync(join(tmp.dir, 'stacks', 'staging', 'cdk.tf.json'), '{"terraform": }');
    let parserMessage = '';
    try {
      JSON.parse('{"terraform": }');
    } catch (e) {
      parserMessage = (e as Error).message;
    }
    expect(() => readSynthTree(tmp.dir)).toThrow(`not valid JSON (${parserMessage}). Fix:`);
  });

  it('fails when the directory is not a synth output, naming it and the fix', () => {
    writeFileSync(join(tmp.dir, 'cdk.tf.json'), '{}');
    expect(() => readSynthTree(tmp.dir)).toThrow(`${tmp.dir}: no stacks/ directory; expected a cdktf synth output (stacks/<env>/cdk.tf.json). ` +
      'Fix: run `npm run synth` (or CDKTF_OUTDIR=<dir> node .build/main.js) and pass that directory');
  });
});

describe('diffTrees: changes that follow from a referent', () => {
  /** The diff of `before` against a copy changed by `change`. */
  function diffAfter(before: StackJson, change: (after: any) => void) {
    const after = structuredClone(before) as any;
    change(after);
    return diffOne(before, after);
  }
  const byAddress = (diff: ReturnType<typeof diffOne>, address: string) => diff.resources.find((r) => r.address === address);
  const known = (references: string) => `"(known after apply: ${references})"`;

  const project = { slug: 'esg', name: 'ESG Scraper' };
  const monitor = { organization: 'acme', project: '${sentry_project.p.slug}', name: 'Error rate' };

  it.each<[string, StackJson, (after: any) => void, string, string, string]>([
    ['a Sentry metric monitor whose project follows the project slug',
      { resource: { sentry_metric_monitor: { 'error-rate': { ...monitor, project: '${sentry_project.sentry-project.slug}' } }, sentry_project: { 'sentry-project': project } } },
      (a) => { a.resource.sentry_project['sentry-project'].slug = 'esg-api'; }, 'sentry_metric_monitor.error-rate', 'project', 'sentry_project.sentry-project.slug'],
    ['a Grafana rule group whose folder_uid follows the folder uid',
      { resource: { grafana_rule_group: { r: { name: 'API', folder_uid: '${grafana_folder.f.uid}' } }, grafana_folder: { f: folder } } },
      (a) => { a.resource.grafana_folder.f.uid = 'esg-2'; }, 'grafana_rule_group.r', 'folder_uid', 'grafana_folder.f.uid'],
    ['a Grafana rule group that reads the id of a replaced folder (computed, so known after apply)',
      { resource: { grafana_rule_group: { r: { name: 'API', folder_uid: '${grafana_folder.f.id}' } }, grafana_folder: { f: folder } } },
      (a) => { a.resource.grafana_folder.f.org_id = '3'; }, 'grafana_rule_group.r', 'folder_uid', 'grafana_folder.f.id'],
    ['a Grafana dashboard whose uid inside config_json follows a data source uid',
      { resource: { grafana_dashboard: { d: { config_json: '{"uid":"${grafana_data_source.ds.uid}","title":"API"}' } }, grafana_data_source: { ds: { uid: 'prom', name: 'Prometheus' } } } },
      (a) => { a.resource.grafana_data_source.ds.uid = 'prom-2'; }, 'grafana_dashboard.d', 'config_json.uid', 'grafana_data_source.ds.uid'],
  ])('replaces %s', (_, before, change, address, attribute, via) => {
    const diff = diffAfter(before, change);
    const dependent = byAddress(diff, address)!;
    expect(dependent).toMatchObject({ kind: 'replaced', replacedBy: [attribute], via: [via], dataBearing: true, ignored: [] });
    expect(dependent.changes.map((c) => c.path)).toEqual([attribute]);
    expect(destructionsOf([diff])).toContainEqual({ env: 'production', address, type: address.split('.')[0], kind: 'replaced', replacedBy: [attribute], via: [via] });
  });

  it('lists the followed resources in address order', () => {
    const diff = diffAfter({ resource: { sentry_project: { p: project }, sentry_metric_monitor: { m: monitor } } }, (a) => { a.resource.sentry_project.p.slug = 'esg-api'; });
    expect(diff.resources.map((r) => [r.address, r.kind])).toEqual([['sentry_metric_monitor.m', 'replaced'], ['sentry_project.p', 'changed']]);
  });

  it('names no via for a resource replaced by its own change, even when another attribute follows a referent', () => {
    const diff = diffAfter(
      { resource: { grafana_folder: { f: { ...folder, title: '${sentry_project.p.name}' } }, sentry_project: { p: project } } },
      (a) => { a.resource.grafana_folder.f.uid = 'esg-2'; a.resource.sentry_project.p.name = 'Renamed'; },
    );
    expect(byAddress(diff, 'grafana_folder.f')).toMatchObject({ kind: 'replaced', replacedBy: ['uid'], via: [] });
    expect(byAddress(diff, 'grafana_folder.f')!.changes.map((c) => c.path)).toEqual(['uid', 'title']);
    expect(destructionsOf([diff])).toEqual([{ env: 'production', address: 'grafana_folder.f', type: 'grafana_folder', kind: 'replaced', replacedBy: ['uid'] }]);
  });

  it('names the via of a replacement when the code also removes another replacing attribute', () => {
    const diff = diffAfter({ resource: { sentry_metric_monitor: { m: monitor }, sentry_project: { p: project } } }, (a) => {
      a.resource.sentry_project.p.slug = 'esg-api';
      delete a.resource.sentry_metric_monitor.m.organization;
    });
    expect(byAddress(diff, 'sentry_metric_monitor.m')).toMatchObject({ kind: 'replaced', replacedBy: ['organization', 'project'], via: ['sentry_project.p.slug'] });
  });

  it('keeps the dependent\'s own ignored changes next to a followed one', () => {
    // The rule group's rename is under ignore_changes: only the followed folder_uid replaces it.
    const diff = diffAfter(
      { resource: { grafana_rule_group: { r: { name: 'API', folder_uid: '${grafana_folder.f.uid}', lifecycle: { ignore_changes: ['name'] } } }, grafana_folder: { f: folder } } },
      (a) => { a.resource.grafana_folder.f.uid = 'esg-2'; a.resource.grafana_rule_group.r.name = 'API v2'; },
    );
    expect(byAddress(diff, 'grafana_rule_group.r')).toMatchObject({ kind: 'replaced', replacedBy: ['folder_uid'], via: ['grafana_folder.f.uid'] });
    expect(byAddress(diff, 'grafana_rule_group.r')!.ignored!.map((i) => i.path)).toEqual(['name']);
  });

  it('shows the followed value as known after apply, keeping the rest of the string', () => {
    const diff = diffAfter(
      { resource: { sentry_metric_monitor: { m: { ...monitor, project: 'x-${sentry_project.p.slug}-${sentry_project.q.slug}-y' } }, sentry_project: { p: project, q: { ...project } } } },
      (a) => { a.resource.sentry_project.p.slug = 'esg-api'; },
    );
    const [change] = byAddress(diff, 'sentry_metric_monitor.m')!.changes;
    expect(change.after).toBe('"x-(known after apply: sentry_project.p.slug)-${sentry_project.q.slug}-y"');
  });

  it('follows references inside lists and nested blocks, leaving other values alone', () => {
    const app = { name: 'api', project_id: 'p', spec: { count: 2, enabled: true, region: null, tags: ['api', '${sentry_project.p.slug}'] } };
    const diff = diffAfter({ resource: { digitalocean_app: { app }, sentry_project: { p: project } } }, (a) => { a.resource.sentry_project.p.slug = 'esg-api'; });
    expect(byAddress(diff, 'digitalocean_app.app')).toMatchObject({ kind: 'changed', replacedBy: [], via: [], label: 'api' });
    expect(byAddress(diff, 'digitalocean_app.app')!.changes.map((c) => [c.path, c.after])).toEqual([
      // A list of scalars shows whole.
      ['spec.tags', '["api","(known after apply: sentry_project.p.slug)"]'],
    ]);
  });

  it('lists two references that force one replacement, once each', () => {
    const diff = diffAfter(
      { resource: { sentry_metric_monitor: { m: { ...monitor, project: '${sentry_project.p.slug}/${sentry_project.q.slug}/${sentry_project.p.slug}' } }, sentry_project: { p: project, q: { ...project } } } },
      (a) => { a.resource.sentry_project.p.slug = 'p2'; a.resource.sentry_project.q.slug = 'q2'; },
    );
    expect(byAddress(diff, 'sentry_metric_monitor.m')).toMatchObject({ kind: 'replaced', replacedBy: ['project'], via: ['sentry_project.p.slug', 'sentry_project.q.slug'] });
  });

  it('names every changing reference of one interpolation, and only those', () => {
    const diff = diffAfter(
      { resource: { sentry_metric_monitor: { m: { ...monitor, project: '${format("%s-%s-%s", sentry_project.p.slug, sentry_project.q.slug, sentry_project.r.slug)}' } }, sentry_project: { p: project, q: { ...project }, r: { ...project } } } },
      (a) => { a.resource.sentry_project.p.slug = 'p2'; a.resource.sentry_project.r.slug = 'r2'; },
    );
    expect(byAddress(diff, 'sentry_metric_monitor.m')!.changes.map((c) => c.after)).toEqual([known('sentry_project.p.slug, sentry_project.r.slug')]);
  });

  it('follows a replacement through a chain, whatever the order of the resources', () => {
    // The dependency comes first: it learns that the rule group is replaced only in a second pass.
    const diff = diffAfter({
      resource: {
        pagerduty_service_dependency: { d: { dependency: [{ supporting_service: [{ id: '${grafana_rule_group.r.id}' }] }] } },
        grafana_rule_group: { r: { name: 'API', folder_uid: '${grafana_folder.f.uid}' } },
        grafana_folder: { f: folder },
      },
    }, (a) => { a.resource.grafana_folder.f.uid = 'esg-2'; });
    expect(diff.resources.map((r) => [r.address, r.kind, r.replacedBy, r.via])).toEqual([
      ['grafana_folder.f', 'replaced', ['uid'], undefined],
      ['grafana_rule_group.r', 'replaced', ['folder_uid'], ['grafana_folder.f.uid']],
      ['pagerduty_service_dependency.d', 'replaced', ['dependency'], ['grafana_rule_group.r.id']],
    ]);
    expect(byAddress(diff, 'pagerduty_service_dependency.d')!.changes.map((c) => c.path)).toEqual(['dependency[0].supporting_service[0].id']);
  });

  it('changes in place a resource whose non-replacing attribute follows, with no via', () => {
    const diff = diffAfter(
      { resource: { grafana_dashboard: { d: { folder: '${grafana_folder.f.uid}', config_json: '{}' } }, grafana_folder: { f: folder } } },
      (a) => { a.resource.grafana_folder.f.uid = 'esg-2'; },
    );
    expect(byAddress(diff, 'grafana_dashboard.d')).toMatchObject({ kind: 'changed', replacedBy: [], via: [], label: undefined });
    expect(destructionsOf([diff]).map((d) => [d.address, d.via])).toEqual([['grafana_folder.f', undefined]]);
  });

  it.each<[string, StackJson, (after: any) => void]>([
    ['an unchanged attribute (id) of a referent changed in place',
      { resource: { sentry_metric_monitor: { m: { ...monitor, project: '${sentry_project.p.id}' } }, sentry_project: { p: project } } },
      (a) => { a.resource.sentry_project.p.slug = 'esg-api'; }],
    ['an unchanged attribute (title) written in the body of a replaced referent',
      { resource: { grafana_rule_group: { r: { name: 'API', folder_uid: '${grafana_folder.f.title}' } }, grafana_folder: { f: folder } } },
      (a) => { a.resource.grafana_folder.f.uid = 'esg-2'; }],
    ['an attribute of a referent whose change its ignore_changes keeps from applying',
      { resource: { grafana_rule_group: { r: { name: 'API', folder_uid: '${grafana_folder.f.uid}' } }, grafana_folder: { f: { ...folder, lifecycle: { ignore_changes: ['uid'] } } } } },
      (a) => { a.resource.grafana_folder.f.uid = 'esg-2'; }],
    ['an attribute of the resource itself',
      { resource: { grafana_folder: { f: { ...folder, title: 'Folder ${grafana_folder.f.uid}' } } } },
      (a) => { a.resource.grafana_folder.f.uid = 'esg-2'; }],
    ['an attribute of an unknown resource',
      { resource: { sentry_metric_monitor: { m: { ...monitor, project: '${sentry_project.gone.slug}' } }, sentry_project: { p: project } } },
      (a) => { a.resource.sentry_project.p.slug = 'esg-api'; }],
  ])('does not follow a reference to %s', (_, before, change) => {
    const diff = diffAfter(before, change);
    expect(diff.resources).toHaveLength(1);
    expect(diff.resources[0].via).toBeUndefined();
  });

  it('leaves a resource added in this change as added', () => {
    const diff = diffOne(
      { resource: { sentry_project: { p: project } } },
      { resource: { sentry_project: { p: { ...project, slug: 'esg-api' } }, sentry_metric_monitor: { m: monitor } } },
    );
    expect(diff.resources.map((r) => [r.address, r.kind, r.changes.length, r.replacedBy])).toEqual([
      ['sentry_metric_monitor.m', 'added', 0, []], ['sentry_project.p', 'changed', 1, []],
    ]);
  });

  it('keeps a dependent\'s own changes, label and move next to the followed ones', () => {
    const diff = diffOne(
      { resource: { sentry_metric_monitor: { old: monitor }, grafana_dashboard: { d: { folder: '${grafana_folder.f.uid}', title: 'API' } }, sentry_project: { p: project }, grafana_folder: { f: folder } } },
      {
        resource: {
          sentry_metric_monitor: { m: { ...monitor, name: 'Errors' } },
          grafana_dashboard: { d: { folder: '${grafana_folder.f.uid}', title: 'API v2' } },
          sentry_project: { p: { ...project, slug: 'esg-api' } }, grafana_folder: { f: { ...folder, title: 'Renamed' } },
        },
        moved: [{ from: 'sentry_metric_monitor.old', to: 'sentry_metric_monitor.m' }],
      },
    );
    expect(byAddress(diff, 'sentry_metric_monitor.m')).toMatchObject({
      kind: 'replaced', label: 'Errors', movedFrom: 'sentry_metric_monitor.old', replacedBy: ['project'], via: ['sentry_project.p.slug'],
    });
    expect(byAddress(diff, 'sentry_metric_monitor.m')!.changes.map((c) => c.path)).toEqual(['name', 'project']);
    // The folder changes in place (its uid stays): the dashboard's own title change is all there is.
    expect(byAddress(diff, 'grafana_dashboard.d')!.changes.map((c) => c.path)).toEqual(['title']);
  });

  it('keeps a moved dependent moved when what follows does not replace it', () => {
    const diff = diffOne(
      { resource: { grafana_dashboard: { old: { folder: '${grafana_folder.f.uid}' } }, grafana_folder: { f: folder } } },
      { resource: { grafana_dashboard: { d: { folder: '${grafana_folder.f.uid}' } }, grafana_folder: { f: { ...folder, uid: 'esg-2' } } },
        moved: [{ from: 'grafana_dashboard.old', to: 'grafana_dashboard.d' }] },
    );
    expect(byAddress(diff, 'grafana_dashboard.d')).toMatchObject({ kind: 'moved', movedFrom: 'grafana_dashboard.old', replacedBy: [], via: [] });
    expect(byAddress(diff, 'grafana_dashboard.d')!.changes.map((c) => c.path)).toEqual(['folder']);
  });

  it('does not list a followed change twice when the code changes the same attribute', () => {
    const diff = diffAfter(
      { resource: { sentry_metric_monitor: { m: { ...monitor, project: 'esg' } }, sentry_project: { p: project } } },
      (a) => { a.resource.sentry_project.p.slug = 'esg-api'; a.resource.sentry_metric_monitor.m.project = '${sentry_project.p.slug}'; },
    );
    expect(byAddress(diff, 'sentry_metric_monitor.m')).toMatchObject({ kind: 'replaced', replacedBy: ['project'] });
    expect(byAddress(diff, 'sentry_metric_monitor.m')!.changes.map((c) => [c.path, c.after])).toEqual([['project', '"${sentry_project.p.slug}"']]);
  });

  it('lists a followed change under the dependent\'s ignore_changes as ignored, which replaces nothing', () => {
    const diff = diffAfter(
      { resource: { grafana_rule_group: { r: { name: 'API', folder_uid: '${grafana_folder.f.uid}', lifecycle: { ignore_changes: ['folder_uid'] } } }, grafana_folder: { f: folder } } },
      (a) => { a.resource.grafana_folder.f.uid = 'esg-2'; },
    );
    expect(byAddress(diff, 'grafana_rule_group.r')).toMatchObject({
      kind: 'changed', replacedBy: [], via: [],
      ignored: [{ path: 'folder_uid', entry: 'folder_uid', command: '`terraform apply -replace=grafana_rule_group.r` (recreates the resource)' }],
    });
  });
});

describe('diffTrees: ignore_changes', () => {
  const app = (env: string, projectId = 'p1', ignore: unknown = ['spec[0].service[0].env']) => ({
    name: 'api', project_id: projectId, spec: { service: { env: [{ key: 'SENTRY_DSN', value: env }] } }, lifecycle: { ignore_changes: ignore },
  });
  const envCommand = expect.stringContaining('doctl apps update <app-id> --spec spec.yaml');

  it('lists a change under ignore_changes as ignored, with the command that applies it', () => {
    const diff = diffOne({ resource: { digitalocean_app: { app: app('a') } } }, { resource: { digitalocean_app: { app: app('b') } } });
    expect(diff.resources).toEqual([expect.objectContaining({
      address: 'digitalocean_app.app', kind: 'changed', replacedBy: [],
      ignored: [{ path: 'spec.service.env[0].value', entry: 'spec[0].service[0].env', command: envCommand }],
    })]);
  });

  it('does not replace for a replacing attribute under ignore_changes, and still replaces for one that is not', () => {
    const ignoredOnly = diffOne(
      { resource: { digitalocean_app: { app: app('a', 'p1', ['project_id']) } } },
      { resource: { digitalocean_app: { app: app('a', 'p2', ['project_id']) } } },
    );
    expect(ignoredOnly.resources[0]).toMatchObject({ kind: 'changed', replacedBy: [], ignored: [{ path: 'project_id', entry: 'project_id' }] });
    expect(destructionsOf([ignoredOnly])).toEqual([]);
    const both = diffOne({ resource: { digitalocean_app: { app: app('a', 'p1') } } }, { resource: { digitalocean_app: { app: app('b', 'p2') } } });
    expect(both.resources[0]).toMatchObject({ kind: 'replaced', replacedBy: ['project_id'] });
    expect(both.resources[0].ignored!.map((i) => i.path)).toEqual(['spec.service.env[0].value']);
  });

  it('lists every change as ignored under ignore_changes = all', () => {
    const diff = diffOne(
      { resource: { digitalocean_app: { app: app('a', 'p1', 'all') } } },
      { resource: { digitalocean_app: { app: app('b', 'p2', 'all') } } },
    );
    expect(diff.resources[0]).toMatchObject({ kind: 'changed', replacedBy: [] });
    expect(diff.resources[0].ignored!.map((i) => [i.path, i.entry])).toEqual([['project_id', 'all'], ['spec.service.env[0].value', 'all']]);
  });

  it('ignores nothing without ignore_changes', () => {
    const diff = diffOne({ resource: { digitalocean_app: { app: app('a', 'p1', []) } } }, { resource: { digitalocean_app: { app: app('b', 'p1', []) } } });
    expect(diff.resources[0]).toMatchObject({ kind: 'changed', ignored: [] });
  });
});
