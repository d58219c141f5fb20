import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { TERRAFORM_VERSION } from '../../config/terraform';
import { checkRequirements } from '../../deploy/requirements';
import { ROOT } from '../support/paths';
import { synthOf } from '../support/synth';

/** The GitHub workflows, parsed: what runs where, with which secrets, in which order. */

interface Step {
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, unknown>;
  readonly env?: Record<string, string>;
  readonly 'working-directory'?: string;
}

interface Job {
  readonly needs?: string | string[];
  readonly environment?: string;
  readonly env?: Record<string, string>;
  readonly concurrency?: { group: string; 'cancel-in-progress': boolean };
  readonly steps: readonly Step[];
}

interface Workflow {
  readonly env?: Record<string, string>;
  readonly defaults?: { run?: { shell?: string } };
  readonly jobs: Record<string, Job>;
}

const WORKFLOWS = ['deploy.yml', 'pull-request.yml'];
const text = (file: string) => readFileSync(join(ROOT, '.github', 'workflows', file), 'utf8');
const deploy = parse(text('deploy.yml')) as Workflow;
const ENVS = ['staging', 'production'] as const;

const hasSecret = (value: unknown) => JSON.stringify(value ?? {}).includes('secrets.');
const stepIndex = (job: Job, match: (s: Step) => boolean, what: string) => {
  const i = job.steps.findIndex(match);
  if (i < 0) throw new Error(`no step that ${what}`);
  return i;
};
const runs = (pattern: RegExp) => (s: Step) => pattern.test(s.run ?? '');
const uses = (action: string) => (s: Step) => (s.uses ?? '').startsWith(`${action}@`);

describe('deploy workflow', () => {
  it('has a plan job and an apply job per environment, production planned only after staging is applied', () => {
    expect(Object.keys(deploy.jobs).sort()).toEqual(['apply-production', 'apply-staging', 'plan-production', 'plan-staging']);
    expect(deploy.jobs['apply-staging'].needs).toBe('plan-staging');
    expect(deploy.jobs['plan-production'].needs).toBe('apply-staging');
    expect(deploy.jobs['apply-production'].needs).toBe('plan-production');
  });

  it('applies in production exactly the plan file produced before its approval', () => {
    const plan = deploy.jobs['plan-production'];
    const apply = deploy.jobs['apply-production'];
    // The approval is the `production` environment (required reviewers): only the apply job is in it.
    const inProduction = Object.entries(deploy.jobs).filter(([, job]) => job.environment === 'production').map(([name]) => name);
    expect(inProduction).toEqual(['apply-production']);
    expect(plan.environment).toBe('production-plan');

    // The plan job writes plan.tfplan, and ships it (with the config and provider lock it was made with) as an artifact.
    const planStep = plan.steps[stepIndex(plan, runs(/terraform plan .*-out=plan\.tfplan/), 'plans')];
    expect(planStep.run).toContain('cd cdktf.out/stacks/production');
    const pack = plan.steps[stepIndex(plan, runs(/tar -C cdktf\.out\/stacks\/production .*plan\.tfplan/), 'packs the plan')];
    const packed = /-out "\$RUNNER_TEMP\/([\w.-]+)"/.exec(pack.run ?? '')?.[1];
    const upload = plan.steps[stepIndex(plan, uses('actions/upload-artifact'), 'uploads')];
    expect(upload.with).toMatchObject({ name: 'plan-production', path: `\${{ runner.temp }}/${packed}`, 'if-no-files-found': 'error' });

    // The approved job downloads that artifact, unpacks it, and applies the file: it never plans or synthesizes.
    const download = apply.steps[stepIndex(apply, uses('actions/download-artifact'), 'downloads')];
    expect(download.with).toMatchObject({ name: 'plan-production' });
    const unpack = apply.steps[stepIndex(apply, runs(/tar -C stack -xzf -/), 'unpacks')];
    expect(unpack.run).toContain(`-in "$RUNNER_TEMP/${packed}"`);
    const applyStep = apply.steps[stepIndex(apply, runs(/terraform apply /), 'applies')];
    expect(applyStep['working-directory']).toBe('stack');
    expect(applyStep.run).toMatch(/\nterraform apply -input=false -lock-timeout=5m plan\.tfplan\n?$/);
    expect(applyStep.run).toContain('terraform init -input=false -lockfile=readonly');
    for (const step of apply.steps) {
      expect(step.run ?? '').not.toMatch(/terraform plan|cdktf|npm |-auto-approve/);
      expect(step.uses ?? '').not.toMatch(/^actions\/checkout@/);
    }
    expect(stepIndex(apply, uses('actions/download-artifact'), 'downloads')).toBeLessThan(stepIndex(apply, runs(/terraform apply /), 'applies'));
  });

  it.each(ENVS)('gives no step before the %s plan a secret, and no job or workflow env either', (env) => {
    const job = deploy.jobs[`plan-${env}`];
    const plan = stepIndex(job, runs(/terraform plan /), 'plans');
    const before = job.steps.slice(0, plan);
    expect(before.length).toBeGreaterThanOrEqual(5); // checkout, node, terraform, npm ci, synth
    expect(before.filter((s) => hasSecret(s)).map((s) => s.name ?? s.uses ?? s.run)).toEqual([]);
    expect(before.some(runs(/^npm ci$/))).toBe(true);
    expect(hasSecret(job.env)).toBe(false);
    expect(hasSecret(deploy.env)).toBe(false);
  });

  it.each(ENVS)('gives secrets in the %s jobs only to the steps that plan, encrypt, decrypt and apply', (env) => {
    const withSecrets = [...deploy.jobs[`plan-${env}`].steps, ...deploy.jobs[`apply-${env}`].steps]
      .filter((s) => hasSecret(s)).map((s) => s.name);
    expect(withSecrets).toEqual(['Plan', 'Encrypt the plan for the apply job', 'Decrypt the reviewed plan', 'Apply the reviewed plan']);
    for (const job of [deploy.jobs[`plan-${env}`], deploy.jobs[`apply-${env}`]]) {
      for (const step of job.steps.filter((s) => s.uses)) expect(hasSecret(step)).toBe(false);
    }
  });

  it.each(ENVS)('gives the %s plan step every credential and variable the doctor requires, and runs the doctor first', (env) => {
    const job = deploy.jobs[`plan-${env}`];
    const step = job.steps[stepIndex(job, runs(/terraform plan /), 'plans')];
    const { requirements } = checkRequirements(env, synthOf(env), {});
    expect(requirements.length).toBeGreaterThan(10);
    const missing = requirements.filter((r) => !r.names.some((n) => step.env?.[n] !== undefined)).map((r) => r.names[0]);
    expect(missing).toEqual([]);
    expect(step.run?.indexOf(`npm run --silent doctor -- ${env} --from cdktf.out`)).toBe(0);
    // The apply step needs the providers' and the backend's credentials; the variables' values are in the plan.
    const applyJob = deploy.jobs[`apply-${env}`];
    const applyStep = applyJob.steps[stepIndex(applyJob, runs(/terraform apply /), 'applies')];
    const needed = requirements.filter((r) => r.group !== 'variable');
    expect(needed.filter((r) => !r.names.some((n) => applyStep.env?.[n] !== undefined)).map((r) => r.names[0])).toEqual([]);
    expect(Object.keys(applyStep.env ?? {}).filter((n) => n.startsWith('TF_VAR_'))).toEqual([]);
  });

  it.each(ENVS)('publishes the %s plan as the job summary, then gates it before the plan can leave the job', (env) => {
    const job = deploy.jobs[`plan-${env}`];
    const plan = stepIndex(job, runs(/terraform plan /), 'plans');
    const summary = stepIndex(job, runs(/cat "\$RUNNER_TEMP\/plan\.txt".*>> "\$GITHUB_STEP_SUMMARY"/s), 'publishes the plan');
    const gate = stepIndex(job, runs(new RegExp(`^npm run --silent plan-gate -- ${env} "\\$RUNNER_TEMP/plan\\.json" --out "\\$GITHUB_STEP_SUMMARY"$`)), 'gates');
    const upload = stepIndex(job, uses('actions/upload-artifact'), 'uploads');
    expect(job.steps[plan].run).toContain('terraform show -no-color plan.tfplan > "$RUNNER_TEMP/plan.txt"');
    expect(job.steps[plan].run).toContain('terraform show -json plan.tfplan > "$RUNNER_TEMP/plan.json"');
    expect([plan, summary, gate, upload]).toEqual([plan, summary, gate, upload].sort((a, b) => a - b));
    expect(new Set([plan, summary, gate, upload]).size).toBe(4);
  });

  it('runs every step in an explicit bash, which GitHub starts with -eo pipefail (a failed tar or openssl in a pipe fails)', () => {
    expect(deploy.defaults?.run?.shell).toBe('bash');
    for (const job of Object.values(deploy.jobs)) for (const step of job.steps) expect(step).not.toHaveProperty('shell');
  });

  it('runs one deploy per environment at a time, never cancelling one half-way', () => {
    const groups = Object.fromEntries(Object.entries(deploy.jobs).map(([name, job]) => [name, job.concurrency]));
    expect(groups).toEqual({
      'plan-staging': { group: 'deploy-staging', 'cancel-in-progress': false },
      'apply-staging': { group: 'deploy-staging', 'cancel-in-progress': false },
      'plan-production': { group: 'deploy-production', 'cancel-in-progress': false },
      'apply-production': { group: 'deploy-production', 'cancel-in-progress': false },
    });
  });

  it('installs the Terraform version pinned in config/terraform.ts in every job, the one the README names', () => {
    expect(deploy.env?.TERRAFORM_VERSION).toBe(TERRAFORM_VERSION);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect([...readme.matchAll(/Terraform (\d+\.\d+\.\d+)/g)].map((m) => m[1])).toEqual([TERRAFORM_VERSION]);
    for (const job of Object.values(deploy.jobs)) {
      const setup = job.steps.filter(uses('hashicorp/setup-terraform'));
      expect(setup).toHaveLength(1);
      expect(setup[0].with).toEqual({ terraform_version: '${{ env.TERRAFORM_VERSION }}', terraform_wrapper: false });
    }
  });
});

describe.each(WORKFLOWS)('%s', (file) => {
  it('pins every action by its full 40-character commit SHA, with the tag in a comment', () => {
    const lines = text(file).split('\n').filter((l) => /^\s*(- )?uses:/.test(l));
    // Every step that uses an action is on one of these lines.
    const parsed = parse(text(file)) as Workflow;
    expect(lines).toHaveLength(Object.values(parsed.jobs).flatMap((j) => j.steps).filter((s) => s.uses).length);
    expect(lines.length).toBeGreaterThanOrEqual(3);
    const bad = lines.filter((l) => !/uses: [\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/.test(l.trim().replace(/^- /, '')));
    expect(bad).toEqual([]);
    // One SHA per action across the file: the same tag everywhere.
    const byAction = new Map<string, Set<string>>();
    for (const l of lines) {
      const [, action, sha] = /uses: ([\w.-]+\/[\w.-]+)@([0-9a-f]{40})/.exec(l)!;
      byAction.set(action, (byAction.get(action) ?? new Set()).add(sha));
    }
    for (const shas of byAction.values()) expect(shas.size).toBe(1);
  });
});
