import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gatePlan, planDestructions, PlanJson, readPlanJson, runPlanGate } from '../../deploy/plan-gate';
import { DATA_BEARING_TYPES, MOVE_FIX } from '../../review/data-bearing';
import { tempDir } from '../review/fixtures';

/** Hand-written plan JSON in Terraform's documented format (see plans/README.md). */
const PLANS = join(__dirname, 'plans');

let tmp: ReturnType<typeof tempDir>;
let noAllowlist: string;
beforeEach(() => {
  tmp = tempDir();
  noAllowlist = join(tmp.dir, 'allowed-removals.txt');
  writeFileSync(noAllowlist, '# nothing allowed\n');
});
afterEach(() => tmp.cleanup());

function run(args: string[]): { code: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = runPlanGate(args, tmp.dir, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join(''), err: err.join('') };
}

describe('plan gate', () => {
  it('fails when the plan replaces the metric monitor and destroys an SLO, with the replace paths and reasons', () => {
    const result = gatePlan('production', readPlanJson(join(PLANS, 'replaces-metric-monitor-and-destroys-slo.json')), noAllowlist);
    expect(result.exitCode).toBe(1);
    expect(result.counts).toEqual({ create: 1, update: 1, replace: 1, destroy: 1 });
    expect(result.blocked).toEqual([
      { env: 'production', address: 'sentry_metric_monitor.sentry-error-spike_monitor_67BEF16A', type: 'sentry_metric_monitor', kind: 'replaced', replacedBy: ['project'] },
      { env: 'production', address: 'datadog_service_level_objective.datadog-slo-esg-scraper-api-availability_slo_EEFA3824',
        type: 'datadog_service_level_objective', kind: 'removed', replacedBy: [] },
    ]);
    expect(result.markdown).toContain('Terraform plans 1 to create, 1 to update, 1 to replace, 1 to destroy.');
    expect(result.markdown).toContain('`production:sentry_metric_monitor.sentry-error-spike_monitor_67BEF16A` would be **replaced (forced by `project`)** ' +
      `(replace_because_cannot_update), losing ${DATA_BEARING_TYPES.sentry_metric_monitor}.`);
    expect(result.markdown).toContain('would be **destroyed** (delete_because_no_resource_config), losing its error-budget history');
  });

  it('fails on a create-before-destroy replacement too: the old dashboard is still deleted', () => {
    const result = gatePlan('staging', readPlanJson(join(PLANS, 'create-before-destroy-dashboard.json')), noAllowlist);
    expect(result.exitCode).toBe(1);
    expect(result.blocked).toEqual([expect.objectContaining({ type: 'grafana_dashboard', kind: 'replaced', replacedBy: ['config_json', 'org_id'] })]);
  });

  it('passes updates, creates, moves, reads and the destruction of a resource without history', () => {
    const result = gatePlan('production', readPlanJson(join(PLANS, 'safe-changes.json')), noAllowlist);
    expect(result.exitCode).toBe(0);
    expect(result.blocked).toEqual([]);
    expect(result.counts).toEqual({ create: 1, update: 1, replace: 0, destroy: 1 });
    expect(result.markdown).toContain('No data-bearing resource is destroyed or replaced.');
  });

  it('passes a plan without resource_changes (Terraform leaves the list out when it is empty)', () => {
    const result = gatePlan('staging', readPlanJson(join(PLANS, 'no-changes.json')), noAllowlist);
    expect(result).toMatchObject({ exitCode: 0, counts: { create: 0, update: 0, replace: 0, destroy: 0 } });
  });

  it('passes when the allowlist acknowledges each destruction, as for npm run diff', () => {
    writeFileSync(noAllowlist, [
      'production:sentry_metric_monitor.sentry-error-spike_monitor_67BEF16A',
      'production:datadog_service_level_objective.datadog-slo-esg-scraper-api-availability_slo_EEFA3824',
    ].join('\n'));
    const result = gatePlan('production', readPlanJson(join(PLANS, 'replaces-metric-monitor-and-destroys-slo.json')), noAllowlist);
    expect(result.exitCode).toBe(0);
    expect(result.acknowledged).toHaveLength(2);
    // An entry for another environment acknowledges nothing here.
    expect(gatePlan('staging', readPlanJson(join(PLANS, 'replaces-metric-monitor-and-destroys-slo.json')), noAllowlist).exitCode).toBe(1);
  });

  it('exits 1 from the command and appends the Markdown to --out (the job summary)', () => {
    const summary = join(tmp.dir, 'summary.md');
    writeFileSync(summary, '# earlier step\n');
    const { code, out, err } = run(['production', join(PLANS, 'replaces-metric-monitor-and-destroys-slo.json'), '--allow', noAllowlist, '--out', summary]);
    expect(code).toBe(1);
    expect(readFileSync(summary, 'utf8')).toBe(`# earlier step\n${out}`);
    expect(err).toBe('npm run plan-gate: the production plan destroys or replaces production:sentry_metric_monitor.sentry-error-spike_monitor_67BEF16A, ' +
      'production:datadog_service_level_objective.datadog-slo-esg-scraper-api-availability_slo_EEFA3824; not applying it.');
  });

  it.each([
    ['a missing plan file', (f: string) => f, /plan\.json: missing/],
    ['an empty plan file', (f: string) => { writeFileSync(f, ''); return f; }, /plan\.json: empty/],
    ['a malformed plan file', (f: string) => { writeFileSync(f, '{"format_version":'); return f; }, /plan\.json: not valid JSON/],
    ['a file that is not a plan', (f: string) => { writeFileSync(f, '{"resource": {}}'); return f; }, /plan\.json: not a Terraform plan/],
    ['an errored plan', (f: string) => { writeFileSync(f, '{"format_version":"1.2","planned_values":{},"errored":true}'); return f; }, /plan\.json: the plan errored/],
  ])('exits 2 on %s, naming the file', (_what, make, message) => {
    const file = make(join(tmp.dir, 'plan.json'));
    const { code, err } = run(['production', file, '--allow', noAllowlist]);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(err).toContain(file);
  });

  it('exits 2 on an unknown environment or missing arguments', () => {
    expect(run(['prod', join(PLANS, 'safe-changes.json')])).toMatchObject({ code: 2, err: expect.stringContaining('environment: got "prod"') });
    expect(run(['production'])).toMatchObject({ code: 2, err: expect.stringContaining('expected <environment> <plan.json>') });
  });
});

const MONITOR = 'sentry_metric_monitor.sentry-error-spike_monitor_67BEF16A';
const SLO = 'datadog_service_level_objective.datadog-slo-esg-scraper-api-availability_slo_EEFA3824';
const READ_FIX = 'Fix: write it with `terraform show -json plan.tfplan > plan.json` after `terraform plan -out plan.tfplan`';

describe('plan gate: findings and the Markdown summary', () => {
  it('fails when one destruction is blocked and passes the acknowledged one, with both sections, the fix and the allowlist named', () => {
    writeFileSync(noAllowlist, `production:${SLO}\nproduction:grafana_folder.already-deployed\n`);
    const result = gatePlan('production', readPlanJson(join(PLANS, 'replaces-metric-monitor-and-destroys-slo.json')), noAllowlist, 'review/allowed-removals.txt');
    expect(result.exitCode).toBe(1);
    expect(result.env).toBe('production');
    expect(result.blocked.map((d) => d.address)).toEqual([MONITOR]);
    expect(result.acknowledged.map((d) => d.address)).toEqual([SLO]);
    expect(result.unusedAllowlist).toEqual(['production:grafana_folder.already-deployed']);
    expect(result.markdown).toBe([
      '## Plan gate: production',
      '',
      'Terraform plans 1 to create, 1 to update, 1 to replace, 1 to destroy.',
      '',
      '> [!CAUTION]',
      '> **The plan destroys or replaces 1 data-bearing resource(s).** This deploy stops here.',
      `> - \`production:${MONITOR}\` would be **replaced (forced by \`project\`)** (replace_because_cannot_update), losing ${DATA_BEARING_TYPES.sentry_metric_monitor}.`,
      '>',
      `> Fix: ${MOVE_FIX}. If losing it is intended, add its address to \`review/allowed-removals.txt\` in a pull request first.`,
      '',
      '> [!WARNING]',
      '> Acknowledged in `review/allowed-removals.txt`:',
      `> - \`production:${SLO}\` would be **destroyed** (delete_because_no_resource_config), losing ${DATA_BEARING_TYPES.datadog_service_level_objective}.`,
      '',
      'No in-place update removes anything.',
      '',
    ].join('\n'));
  });

  it('passes when every destruction is acknowledged: no caution, no "nothing destroyed" line, exit 0', () => {
    writeFileSync(noAllowlist, `production:${MONITOR}\nproduction:${SLO}\n`);
    const result = gatePlan('production', readPlanJson(join(PLANS, 'replaces-metric-monitor-and-destroys-slo.json')), noAllowlist);
    expect(result.exitCode).toBe(0);
    expect(result.blocked).toEqual([]);
    expect(result.markdown).not.toContain('[!CAUTION]');
    expect(result.markdown).not.toContain('No data-bearing resource');
    expect(result.markdown).toContain(`> Acknowledged in \`${noAllowlist}\`:\n> - \`production:${MONITOR}\` would be **replaced (forced by \`project\`)**`);
    expect(result.markdown.endsWith('.\n')).toBe(true);
  });

  it('writes the exact summary of a plan without data-bearing destructions or in-place losses', () => {
    expect(gatePlan('production', readPlanJson(join(PLANS, 'safe-changes.json')), noAllowlist).markdown).toBe(
      '## Plan gate: production\n\nTerraform plans 1 to create, 1 to update, 0 to replace, 1 to destroy.\n\nNo data-bearing resource is destroyed or replaced.\n\nNo in-place update removes anything.\n');
  });

  it('names each replace path, list indexes in brackets, and leaves out the reason and paths a replacement lacks', () => {
    const result = gatePlan('staging', readPlanJson(join(PLANS, 'replaces-by-index-forgets-and-module-data-source.json')), noAllowlist);
    expect(result.blocked).toEqual([
      { env: 'staging', address: 'grafana_rule_group.grafana-rules-esg-scraper-api_rule-group_33561DDC', type: 'grafana_rule_group',
        kind: 'replaced', replacedBy: ['rule[0].uid', 'rule[1][0].model'] },
      { env: 'staging', address: 'grafana_folder.grafana-folder_5F8A1C2B', type: 'grafana_folder', kind: 'replaced', replacedBy: [] },
    ]);
    expect(result.markdown).toContain('> - `staging:grafana_rule_group.grafana-rules-esg-scraper-api_rule-group_33561DDC` would be ' +
      `**replaced (forced by \`rule[0].uid\`, \`rule[1][0].model\`)** (replace_because_cannot_update), losing ${DATA_BEARING_TYPES.grafana_rule_group}.\n`);
    expect(result.markdown).toContain(`> - \`staging:grafana_folder.grafana-folder_5F8A1C2B\` would be **replaced**, losing ${DATA_BEARING_TYPES.grafana_folder}.\n`);
    expect(result.markdown).toContain('**The plan destroys or replaces 2 data-bearing resource(s).**');
    expect(result.counts.replace).toBe(2);
  });

  it.each([
    ['a forget (removed block with destroy = false): the object is kept', 'pagerduty_service.pagerduty-service_0B7D3E21'],
    ['a data source inside a module, whatever its action: it holds nothing', 'module.legacy.data.grafana_dashboard.business'],
  ])('passes %s', (_what, address) => {
    const plan = readPlanJson(join(PLANS, 'replaces-by-index-forgets-and-module-data-source.json'));
    expect(plan.resource_changes!.map((r) => r.address)).toContain(address);
    expect(planDestructions('staging', plan).map((d) => d.address)).not.toContain(address);
  });

  it.each([
    ['a destroy', ['delete'], 'removed'],
    ['a replacement', ['delete', 'create'], 'replaced'],
    ['a create-before-destroy replacement', ['create', 'delete'], 'replaced'],
  ])('fails on %s of each data-bearing type', (_what, actions, kind) => {
    const plan: PlanJson = {
      format_version: '1.2',
      resource_changes: Object.keys(DATA_BEARING_TYPES).map((type) => ({ address: `${type}.x`, mode: 'managed' as const, type, name: 'x', change: { actions } })),
    };
    const found = planDestructions('production', plan);
    expect(found.map((d) => d.type)).toEqual(Object.keys(DATA_BEARING_TYPES));
    expect(new Set(found.map((d) => d.kind))).toEqual(new Set([kind]));
  });

  it.each([['create'], ['update'], ['no-op'], ['read'], ['forget']])('passes a %s of a data-bearing resource', (action) => {
    const plan: PlanJson = { format_version: '1.2', resource_changes: [{ address: 'sentry_project.p', mode: 'managed', type: 'sentry_project', name: 'p', change: { actions: [action] } }] };
    expect(planDestructions('production', plan)).toEqual([]);
  });

  it('counts managed resources only, as Terraform\'s summary does: a data source deleted or read is neither destroyed nor updated', () => {
    const plan: PlanJson = { format_version: '1.2', resource_changes: [
      { address: 'data.grafana_folder.f', mode: 'data', type: 'grafana_folder', name: 'f', change: { actions: ['delete'] } },
      { address: 'data.sentry_organization.o', mode: 'data', type: 'sentry_organization', name: 'o', change: { actions: ['read'] } },
      { address: 'grafana_mute_timing.m', mode: 'managed', type: 'grafana_mute_timing', name: 'm', change: { actions: ['delete'] } },
    ] };
    const result = gatePlan('production', plan, noAllowlist);
    expect(result.counts).toEqual({ create: 0, update: 0, replace: 0, destroy: 1 });
    expect(result.markdown).toContain('Terraform plans 0 to create, 0 to update, 0 to replace, 1 to destroy.');
  });

  it('passes the replacement of a type without history (a mute timing)', () => {
    const plan: PlanJson = { format_version: '1.2', resource_changes: [
      { address: 'grafana_mute_timing.m', mode: 'managed', type: 'grafana_mute_timing', name: 'm', change: { actions: ['delete', 'create'] } },
    ] };
    expect(gatePlan('production', plan, noAllowlist)).toMatchObject({ exitCode: 0, blocked: [], counts: { create: 0, update: 0, replace: 1, destroy: 0 } });
  });
});

describe('plan gate: reading the plan file', () => {
  it.each([
    ['only whitespace', ' \n\t\n', 'empty; expected a plan as JSON.'],
    ['JSON null', 'null', 'not a Terraform plan (no format_version and planned_values)'],
    ['a JSON list', '[]', 'not a Terraform plan'],
    ['a numeric format_version', '{"format_version":1,"planned_values":{}}', 'not a Terraform plan'],
    ['no planned_values (a state, not a plan)', '{"format_version":"1.0","values":{}}', 'not a Terraform plan'],
    ['resource_changes that is not a list', '{"format_version":"1.2","planned_values":{},"resource_changes":{}}', 'resource_changes is not a list.'],
  ])('fails on %s, naming the file and how to write a plan', (_what, text, message) => {
    const file = join(tmp.dir, 'plan.json');
    writeFileSync(file, text);
    expect(() => readPlanJson(file)).toThrow(`${file}: ${message}`);
    expect(() => readPlanJson(file)).toThrow(READ_FIX);
  });

  it('fails on malformed JSON, quoting the parser', () => {
    const file = join(tmp.dir, 'plan.json');
    writeFileSync(file, '{"format_version":');
    expect(() => readPlanJson(file)).toThrow(/plan\.json: not valid JSON \(.*JSON.*\)\. Fix: write it with/);
  });

  it('fails on an errored plan, pointing at the plan step', () => {
    const file = join(tmp.dir, 'plan.json');
    writeFileSync(file, '{"format_version":"1.2","planned_values":{},"errored":true}');
    expect(() => readPlanJson(file)).toThrow(`${file}: the plan errored; Terraform cannot apply it. Fix: read the plan step's errors`);
  });

  it('reads a plan that did not error and has changes', () => {
    const file = join(tmp.dir, 'plan.json');
    writeFileSync(file, '{"format_version":"1.2","planned_values":{},"errored":false,"resource_changes":[]}');
    expect(readPlanJson(file).resource_changes).toEqual([]);
  });
});

describe('plan gate: the command', () => {
  const usage = 'Usage: npm run plan-gate -- <environment> <plan.json>';

  it('exits 0 on a safe plan, prints the summary and says nothing on stderr', () => {
    const { code, out, err } = run(['production', join(PLANS, 'safe-changes.json'), '--allow', noAllowlist]);
    expect(code).toBe(0);
    expect(out).toContain('No data-bearing resource is destroyed or replaced.');
    expect(err).toBe('');
  });

  it('reads the plan and the default allowlist relative to the project root, with no --out', () => {
    copyFileSync(join(PLANS, 'replaces-metric-monitor-and-destroys-slo.json'), join(tmp.dir, 'plan.json'));
    mkdirSync(join(tmp.dir, 'review'));
    writeFileSync(join(tmp.dir, 'review', 'allowed-removals.txt'), `production:${SLO}\n`);
    const { code, out, err } = run(['production', 'plan.json']);
    expect(code).toBe(1);
    expect(out).toContain('Acknowledged in `review/allowed-removals.txt`:');
    expect(out).toContain('add its address to `review/allowed-removals.txt` in a pull request first');
    expect(err).toBe(`npm run plan-gate: the production plan destroys or replaces production:${MONITOR}; not applying it.`);
  });

  it('exits 0 when --allow, given before the arguments, acknowledges everything', () => {
    writeFileSync(noAllowlist, `production:${MONITOR}\nproduction:${SLO}\n`);
    const { code, err } = run(['--allow', noAllowlist, 'production', join(PLANS, 'replaces-metric-monitor-and-destroys-slo.json')]);
    expect({ code, err }).toEqual({ code: 0, err: '' });
  });

  it.each([
    ['--allow without a value', ['production', 'plan.json', '--allow'], '--allow: got no value; expected one after it.'],
    ['an empty --out', ['production', 'plan.json', '--out', ''], '--out: got no value; expected one after it.'],
    ['an unknown flag', ['production', 'plan.json', '--force'], 'argument "--force": expected an environment, a plan file, --allow or --out.'],
    ['a third argument', ['production', 'plan.json', 'extra'], 'got 3 arguments (production plan.json extra); expected <environment> <plan.json>.'],
    ['no argument', [], 'got 0 arguments (); expected <environment> <plan.json>.'],
  ])('exits 2 on %s, with the usage', (_what, args, message) => {
    const { code, out, err } = run(args);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe(`npm run plan-gate: ${message}\n${err.slice(err.indexOf(usage))}`);
    expect(err).toContain(`${usage} [--allow <allowlist file>] [--out <markdown file>]`);
    expect(err).toContain('--allow      addresses allowed to be destroyed (default: review/allowed-removals.txt)');
  });

  it('exits 2 on a malformed allowlist, naming its line', () => {
    writeFileSync(noAllowlist, 'sentry_project.sentry-project\n');
    const { code, err } = run(['production', join(PLANS, 'safe-changes.json'), '--allow', noAllowlist]);
    expect(code).toBe(2);
    expect(err).toContain(`${noAllowlist}:1: got "sentry_project.sentry-project"`);
  });
});

describe('plan JSON from the real Terraform binary', () => {
  /**
   * The fixtures' shape, checked against what `terraform show -json` really prints:
   * a provider-less terraform_data whose `triggers_replace` changes is replaced.
   */
  it('reads actions and replace_paths the way Terraform writes them, and a stale saved plan is refused', () => {
    const env = { PATH: process.env.PATH, HOME: tmp.dir, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: join(tmp.dir, 'rc') };
    writeFileSync(env.TF_CLI_CONFIG_FILE, '');
    const dir = join(tmp.dir, 'stack');
    mkdirSync(dir);
    const write = (trigger: string) => writeFileSync(join(dir, 'main.tf.json'), JSON.stringify({
      resource: { terraform_data: { probe: { triggers_replace: trigger } } },
    }));
    const tf = (...args: string[]) => {
      const r = spawnSync('terraform', args, { cwd: dir, env, encoding: 'utf8', timeout: 30_000 });
      if (r.status !== 0) throw new Error(`terraform ${args.join(' ')}: ${r.stderr}${r.error ?? ''}`);
      return r.stdout;
    };
    write('one');
    tf('init', '-input=false', '-no-color');
    tf('apply', '-input=false', '-no-color', '-auto-approve');
    write('two');
    tf('plan', '-input=false', '-no-color', '-out=plan.tfplan');
    writeFileSync(join(dir, 'plan.json'), tf('show', '-json', 'plan.tfplan'));

    const plan: PlanJson = readPlanJson(join(dir, 'plan.json'));
    expect(plan.resource_changes).toEqual([expect.objectContaining({
      address: 'terraform_data.probe', mode: 'managed', type: 'terraform_data',
      change: expect.objectContaining({ actions: ['delete', 'create'], replace_paths: [['triggers_replace']] }),
      action_reason: 'replace_because_cannot_update',
    })]);
    expect(gatePlan('staging', plan, join(tmp.dir, 'none.txt')).counts).toEqual({ create: 0, update: 0, replace: 1, destroy: 0 });

    // What the approved job relies on: once the state has changed since the plan, the saved plan is refused, not re-planned.
    write('three');
    tf('apply', '-input=false', '-no-color', '-auto-approve');
    const stale = spawnSync('terraform', ['apply', '-input=false', '-no-color', 'plan.tfplan'], { cwd: dir, env, encoding: 'utf8', timeout: 30_000 });
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain('Saved plan is stale');
  }, 60_000);
});
