import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { ENVIRONMENTS } from '../../config/environments';
import { synthesize } from '../../stacks/app';
import { lockOutdir } from '../../stacks/synth-output';
import { runApp, runAppAsync } from '../support/run-app';

const ENVS = ['staging', 'production'] as const;

/** What Terraform keeps in a stack's folder between runs. */
const TERRAFORM_FILES = ['terraform.tfstate', 'terraform.tfstate.backup', '.terraform.lock.hcl', 'deploy.tfplan', '.terraform/providers/marker'];

function placeTerraformFiles(outdir: string): void {
  for (const env of ENVS) {
    for (const file of TERRAFORM_FILES) {
      const path = join(outdir, 'stacks', env, file);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, `kept by terraform: ${env}/${file}`);
    }
  }
}

function expectTerraformFilesKept(outdir: string): void {
  for (const env of ENVS) {
    for (const file of TERRAFORM_FILES) {
      const path = join(outdir, 'stacks', env, file);
      expect({ path, content: existsSync(path) ? readFileSync(path, 'utf8') : 'deleted' })
        .toEqual({ path, content: `kept by terraform: ${env}/${file}` });
    }
  }
}

function manifestStacks(outdir: string): string[] {
  return Object.keys(JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8')).stacks);
}

/** The pid of a process that has exited. */
function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
}

describe('npm run synth', () => {
  it('keeps state, .terraform/, the lock file and plans in every stack folder, synthesizing all environments or one', () => {
    const outdir = join(mkdtempSync(join(tmpdir(), 'keep-')), 'cdktf.out');
    expect(runApp({ CDKTF_OUTDIR: outdir }).status).toBe(0);
    placeTerraformFiles(outdir);

    const all = runApp({ CDKTF_OUTDIR: outdir });
    expect(all.stderr).toBe('');
    expect(all.status).toBe(0);
    expectTerraformFilesKept(outdir);

    const staging = readFileSync(join(outdir, 'stacks', 'staging', 'cdk.tf.json'));
    writeFileSync(join(outdir, 'stacks', 'production', 'cdk.tf.json'), '{"stale": true}');
    const one = runApp({ CDKTF_OUTDIR: outdir, MONITORING_ENVIRONMENTS: 'production' });
    expect(one.stderr).toBe('');
    expect(one.status).toBe(0);
    expectTerraformFilesKept(outdir);
    expect(readFileSync(join(outdir, 'stacks', 'staging', 'cdk.tf.json')).equals(staging)).toBe(true);
    expect(JSON.parse(readFileSync(join(outdir, 'stacks', 'production', 'cdk.tf.json'), 'utf8')).resource).toBeDefined();
    expect(manifestStacks(outdir)).toEqual(['production', 'staging']);
  });

  it('lists in the manifest only the stacks whose output is there', () => {
    const outdir = join(mkdtempSync(join(tmpdir(), 'manifest-')), 'cdktf.out');
    synthesize({ outdir, environments: ['production'] });
    expect(manifestStacks(outdir)).toEqual(['production']);
    expect(readdirSync(join(outdir, 'stacks'))).toEqual(['production']);
    synthesize({ outdir, environments: ['staging'] });
    expect(manifestStacks(outdir)).toEqual(['production', 'staging']);
  });

  it('lets two synths run at once: both succeed and the output is complete', async () => {
    const outdir = join(mkdtempSync(join(tmpdir(), 'concurrent-')), 'cdktf.out');
    const runs = await Promise.all([runAppAsync({ CDKTF_OUTDIR: outdir }), runAppAsync({ CDKTF_OUTDIR: outdir })]);
    expect(runs).toEqual([{ status: 0, stderr: '' }, { status: 0, stderr: '' }]);
    expect(manifestStacks(outdir)).toEqual(['production', 'staging']);
    for (const env of ENVS) expect(JSON.parse(readFileSync(join(outdir, 'stacks', env, 'cdk.tf.json'), 'utf8')).resource).toBeDefined();
    expect(readdirSync(dirname(outdir))).toEqual(['cdktf.out']);
  }, 60_000);

  it('removes what a killed synth left behind: its partial directory and its lock', () => {
    const parent = mkdtempSync(join(tmpdir(), 'leftover-'));
    const outdir = join(parent, 'cdktf.out');
    const pid = deadPid();
    mkdirSync(join(parent, `cdktf.out.partial-${pid}`, 'stacks'), { recursive: true });
    writeFileSync(join(parent, 'cdktf.out.lock'), String(pid));

    const run = runApp({ CDKTF_OUTDIR: outdir });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readdirSync(parent)).toEqual(['cdktf.out']);
  });

  it('fails when another live synth holds the lock past the timeout, naming the lock file and the fix', () => {
    const outdir = join(mkdtempSync(join(tmpdir(), 'locked-')), 'cdktf.out');
    writeFileSync(`${outdir}.lock`, String(process.ppid));
    expect(() => lockOutdir(outdir, 200)).toThrow(`${outdir}.lock: another synth (pid ${process.ppid}) has held it for 0.2 s. ` +
      'Fix: wait for it to finish, or delete the file if no synth is running');
  });

  // Each malformed list's message is checked in-process (config/validate.test.ts); here the process:
  // set but empty (not the same as unset), and a duplicate.
  it.each(['', 'production,production'])('fails when MONITORING_ENVIRONMENTS is %j, exits 1 and writes nothing', (raw) => {
    const parent = mkdtempSync(join(tmpdir(), 'bad-list-'));
    const run = runApp({ CDKTF_OUTDIR: join(parent, 'cdktf.out'), MONITORING_ENVIRONMENTS: raw });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^Invalid monitoring configuration \(\d problems?\):\n  - MONITORING_ENVIRONMENTS: got /);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(parent)).toEqual([]);
  });
});

describe('local state', () => {
  it('lives where cdktf puts it by default, terraform.<env>.tfstate in the project root, outside the synth output', () => {
    const outdir = join(mkdtempSync(join(tmpdir(), 'local-')), 'nested', 'cdktf.out');
    const configs = structuredClone(ENVIRONMENTS) as any;
    configs.production.backend = { type: 'local' };
    configs.staging.backend = { type: 'local', path: 'state/staging.tfstate' };
    synthesize({ outdir, configs });

    const statePath = (env: string) => {
      const json = JSON.parse(readFileSync(join(outdir, 'stacks', env, 'cdk.tf.json'), 'utf8'));
      expect(Object.keys(json.terraform.backend)).toEqual(['local']);
      // Terraform reads a relative path from the stack's folder, where cdktf runs it.
      return resolve(outdir, 'stacks', env, json.terraform.backend.local.path);
    };
    expect(statePath('production')).toBe(resolve('terraform.production.tfstate'));
    expect(statePath('staging')).toBe(resolve('state', 'staging.tfstate'));
  });
});
