import { ChildProcess, spawn, spawnSync, SpawnSyncReturns } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, DataResource, TerraformStack } from 'cdktf';
import { TERRAFORM_REQUIRED_VERSION } from '../../config/terraform';
import { configureBackend } from '../../stacks/backend';

/**
 * State locking on the real engines: a throw-away PostgreSQL 15 cluster and the
 * Terraform binary on the PATH. A provider-less stack (a built-in `terraform_data`
 * whose local-exec provisioner waits for a file) is rendered through the project's
 * own backend rendering (stacks/backend.ts) with the `pg` backend. While one
 * `terraform apply` holds the lock, a second `terraform plan -lock-timeout=0s` must
 * be refused; once the apply ends, the same plan must succeed.
 *
 * Missing binaries fail the test with what to install; it is never skipped.
 */

const REQUIRED_BINARIES = ['initdb', 'pg_ctl', 'postgres', 'psql', 'terraform'];

/** initdb and postgres refuse to run as root; as root, the cluster runs as `nobody`. */
const asRoot = process.getuid?.() === 0;
const CLUSTER_USER = 'nobody';

let tmp: string;
let pgDir: string;
let port: number;
let stackDir: string;
let tfEnv: NodeJS.ProcessEnv;
let holder: ChildProcess | undefined;

function run(command: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): SpawnSyncReturns<string> {
  return spawnSync(command, args, { encoding: 'utf8', timeout: 30_000, ...options });
}

/** Runs a PostgreSQL server tool, as `nobody` when this test runs as root. */
function runPg(command: string, args: readonly string[]): SpawnSyncReturns<string> {
  return asRoot
    ? run('setpriv', ['--reuid', CLUSTER_USER, '--regid', 'nogroup', '--clear-groups', '--', command, ...args], { env: { ...process.env, HOME: pgDir } })
    : run(command, args);
}

function mustSucceed(result: SpawnSyncReturns<string>, what: string): void {
  if (result.status !== 0) throw new Error(`${what} failed (exit ${result.status}): ${result.stderr}${result.stdout}${result.error ?? ''}`);
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

function onPath(binary: string): boolean {
  return run('sh', ['-c', `command -v ${binary}`]).status === 0;
}

async function waitFor(file: string, process: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(file)) {
    if (process.exitCode !== null) throw new Error(`the lock-holding apply exited (${process.exitCode}) before it held the lock`);
    if (Date.now() > deadline) throw new Error(`the lock-holding apply did not start its provisioner within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null ? Promise.resolve(child.exitCode) : new Promise((r) => child.once('exit', (code) => r(code)));
}

/** The provider-less stack, synthesized with the pg backend as the project renders it. */
function synthesizeLockingStack(outdir: string, started: string, release: string): string {
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'locking');
  configureBackend(stack, { type: 'pg', schemaName: 'locking_test' });
  stack.addOverride('terraform.required_version', TERRAFORM_REQUIRED_VERSION);
  new DataResource(stack, 'hold', {
    provisioners: [{
      type: 'local-exec',
      // Signals that the apply (and so the lock) is under way, then waits to be released (60 s at most).
      command: `touch '${started}'; i=0; while [ ! -f '${release}' ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i+1)); done`,
    }],
  });
  app.synth();
  return join(outdir, 'stacks', 'locking');
}

beforeAll(async () => {
  const missing = REQUIRED_BINARIES.filter((b) => !onPath(b));
  if (missing.length > 0) {
    throw new Error(`the locking test needs ${missing.join(', ')} on the PATH: install Debian's postgresql-15 ` +
      '(initdb, pg_ctl and postgres live in /usr/lib/postgresql/15/bin) and Terraform');
  }
  tmp = mkdtempSync(join(tmpdir(), 'pg-locking-'));
  chmodSync(tmp, 0o755);
  pgDir = join(tmp, 'pg');
  mkdirSync(pgDir);
  if (asRoot) {
    const nobody = run('id', ['-u', CLUSTER_USER]);
    mustSucceed(nobody, `id -u ${CLUSTER_USER} (the unprivileged user the cluster runs as)`);
    chownSync(pgDir, Number(nobody.stdout.trim()), Number(run('id', ['-g', CLUSTER_USER]).stdout.trim()));
  }
  mustSucceed(runPg('initdb', ['-D', join(pgDir, 'data'), '-U', 'postgres', '-A', 'trust', '--no-sync', '--no-instructions']), 'initdb');
  port = await freePort();
  mustSucceed(runPg('pg_ctl', ['-D', join(pgDir, 'data'), '-l', join(pgDir, 'server.log'), '-w', '-t', '20',
    '-o', `-h 127.0.0.1 -p ${port} -k ${pgDir} -F`, 'start']), 'pg_ctl start');

  const cliConfig = join(tmp, 'terraformrc');
  writeFileSync(cliConfig, '');
  tfEnv = {
    PATH: process.env.PATH,
    HOME: tmp,
    TF_IN_AUTOMATION: '1',
    CHECKPOINT_DISABLE: '1',
    TF_CLI_CONFIG_FILE: cliConfig,
    PG_CONN_STR: `postgres://postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
  };
  stackDir = synthesizeLockingStack(join(tmp, 'synth'), join(tmp, 'started'), join(tmp, 'release'));
  mustSucceed(run('terraform', ['init', '-input=false', '-no-color'], { cwd: stackDir, env: tfEnv }), 'terraform init');
}, 90_000);

afterAll(() => {
  if (holder && holder.exitCode === null) holder.kill('SIGKILL');
  if (pgDir && existsSync(join(pgDir, 'data', 'postmaster.pid'))) runPg('pg_ctl', ['-D', join(pgDir, 'data'), '-m', 'immediate', 'stop']);
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const plan = () => run('terraform', ['plan', '-input=false', '-no-color', '-lock-timeout=0s'], { cwd: stackDir, env: tfEnv });

it('renders the pg backend without a connection string: Terraform reads PG_CONN_STR', () => {
  const json = JSON.parse(readFileSync(join(stackDir, 'cdk.tf.json'), 'utf8'));
  expect(json.terraform.backend).toEqual({ pg: { schema_name: 'locking_test' } });
});

it('refuses a second Terraform run while the first holds the state lock, and lets it run afterwards', async () => {
  // A first apply (released at once) writes the state, so the lock below guards an existing state.
  writeFileSync(join(tmp, 'release'), '');
  const first = run('terraform', ['apply', '-input=false', '-no-color', '-auto-approve'], { cwd: stackDir, env: tfEnv });
  mustSucceed(first, 'the first terraform apply');
  rmSync(join(tmp, 'release'));
  rmSync(join(tmp, 'started'));

  holder = spawn('terraform', ['apply', '-input=false', '-no-color', '-auto-approve', '-replace=terraform_data.hold'], { cwd: stackDir, env: tfEnv });
  let holderOutput = '';
  holder.stdout?.on('data', (d) => { holderOutput += d; });
  holder.stderr?.on('data', (d) => { holderOutput += d; });
  await waitFor(join(tmp, 'started'), holder, 20_000).catch((e) => { throw new Error(`${e.message}\n${holderOutput}`); });

  const refused = plan();
  expect(refused.status).toBe(1);
  expect(refused.stderr).toContain('Error acquiring the state lock');
  expect(refused.stderr).toContain('Workspace is already locked: default');
  // The lock is PostgreSQL's: the backend's advisory lock, not a lock file.
  const locks = run('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-Atc',
    "select count(*) from pg_locks where locktype = 'advisory' and granted"]);
  expect(locks.stderr).toBe('');
  expect(Number(locks.stdout.trim())).toBe(1);

  writeFileSync(join(tmp, 'release'), '');
  expect(await exitOf(holder)).toBe(0);
  expect(holderOutput).toContain('Apply complete! Resources: 1 added, 0 changed, 1 destroyed.');

  const after = plan();
  expect(after.stderr).toBe('');
  expect(after.status).toBe(0);
  expect(after.stdout).toContain('No changes.');
}, 90_000);
