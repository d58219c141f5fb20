// Makes sure the external tools the tests need are installed. Run as `pretest`
// and by .ci/run.
//
//   promtool  (Debian's `prometheus`)     runs the alert catalog on the real Prometheus engine
//   initdb, pg_ctl (Debian's `postgresql`) a throw-away PostgreSQL for the state-locking test
//   terraform                              the real binary for backend and state-locking tests
//
// Installed: prints each version. Missing: installs the Debian packages when it can
// do so without asking (root, apt-get); otherwise, and for Terraform (not in
// Debian), exits 1 naming what is missing and the command that installs it. It
// never lets the tests skip silently.
//
//   node scripts/ensure-tools.mjs           # check, install when possible
//   node scripts/ensure-tools.mjs --check   # check only; never install
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Where Debian's postgresql packages put the server binaries (not on PATH). */
function postgresBinDir() {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => b - a);
  return versions.length ? join(root, versions[0], 'bin') : undefined;
}

function versionOf(command, args) {
  const run = spawnSync(command, args, { encoding: 'utf8' });
  if (run.error || run.status !== 0) return undefined;
  return `${run.stdout}${run.stderr}`.split('\n')[0].trim();
}

const TOOLS = [
  {
    name: 'promtool',
    why: 'the tests run every alert on the Prometheus engine',
    debianPackage: 'prometheus',
    brew: 'prometheus',
    version: () => versionOf('promtool', ['--version']),
  },
  {
    name: 'PostgreSQL server (initdb, pg_ctl)',
    why: 'the state-locking test starts a throw-away PostgreSQL cluster',
    debianPackage: 'postgresql',
    brew: 'postgresql@15',
    version: () => versionOf('initdb', ['--version']) ??
      (postgresBinDir() && versionOf(join(postgresBinDir(), 'initdb'), ['--version'])),
  },
  {
    name: 'terraform',
    why: 'the backend and state-locking tests run the real Terraform binary',
    install: 'install the Terraform release named in config/terraform.ts from HashiCorp (Debian does not package it) and put it on PATH',
    version: () => versionOf('terraform', ['version']),
  },
];

function installCommand(tool) {
  if (tool.install) return tool.install;
  if (process.platform === 'darwin') return `brew install ${tool.brew}`;
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  return `${sudo}apt-get update && ${sudo}apt-get install -y --no-install-recommends ${tool.debianPackage}`;
}

function aptGet(args) {
  const run = spawnSync('apt-get', args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return run.status === 0;
}

const canInstall = process.platform === 'linux' && process.getuid?.() === 0 &&
  spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
const checkOnly = process.argv.includes('--check');
const failures = [];
let updated = false;

for (const tool of TOOLS) {
  let version = tool.version();
  if (!version && tool.debianPackage && canInstall && !checkOnly) {
    console.log(`${tool.name} not found: installing Debian's "${tool.debianPackage}" package...`);
    if (!updated) updated = aptGet(['update']);
    if (updated && aptGet(['install', '-y', '--no-install-recommends', tool.debianPackage])) version = tool.version();
  }
  if (version) {
    console.log(`ensure-tools: ${version}`);
  } else {
    failures.push(`- ${tool.name} is required (${tool.why}) but is not installed (or not on PATH).\n  Fix: ${installCommand(tool)}`);
  }
}

if (failures.length) {
  console.error(`Missing tools:\n${failures.join('\n')}`);
  process.exit(1);
}
