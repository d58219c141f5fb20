import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gatePlan, PlanJson, readPlanJson, runPlanGate } from '../../deploy/plan-gate';
import { DATA_BEARING_TYPES } from '../../review/data-bearing';
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
    expect(err).toMatch(/^npm run plan-gate: the production plan destroys or replaces production:sentry_metric_monitor\..*; not applying it\.$/);
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
