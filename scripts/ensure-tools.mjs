// Makes sure the external tools the tests need are installed: promtool, from
// Debian's `prometheus` package, which runs the alert catalog on the real
// Prometheus engine (__tests__/promtool/). Run as `pretest`.
//
// Installed: prints its version. Missing: installs it when it can do so without
// asking (root, apt-get); otherwise exits 1 printing the one command that
// installs it. It never lets the tests skip silently.
//
//   node scripts/ensure-tools.mjs           # check, install when possible
//   node scripts/ensure-tools.mjs --check   # check only; never install
import { spawnSync } from 'node:child_process';

const PACKAGE = 'prometheus';

function promtoolVersion() {
  const run = spawnSync('promtool', ['--version'], { encoding: 'utf8' });
  if (run.error || run.status !== 0) return undefined;
  return `${run.stdout}${run.stderr}`.split('\n')[0].trim();
}

function hasAptGet() {
  return spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
}

function installCommand() {
  if (process.platform === 'darwin') return 'brew install prometheus';
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  return `${sudo}apt-get update && ${sudo}apt-get install -y --no-install-recommends ${PACKAGE}`;
}

function fail(reason) {
  console.error(`promtool is required by the tests (they run every alert on the Prometheus engine), but ${reason}.\n` +
    `Install it with:\n\n  ${installCommand()}\n`);
  process.exit(1);
}

function aptGet(args) {
  const run = spawnSync('apt-get', args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return run.status === 0;
}

const checkOnly = process.argv.includes('--check');
let version = promtoolVersion();
if (!version) {
  if (checkOnly) fail('it is not installed (or not on PATH)');
  if (process.platform !== 'linux' || process.getuid?.() !== 0 || !hasAptGet()) {
    fail('it is not installed, and installing it needs root and apt-get');
  }
  console.log(`promtool not found: installing Debian's "${PACKAGE}" package...`);
  if (!aptGet(['update']) || !aptGet(['install', '-y', '--no-install-recommends', PACKAGE])) {
    fail(`"apt-get install ${PACKAGE}" failed (see above)`);
  }
  version = promtoolVersion();
  if (!version) fail(`the "${PACKAGE}" package installed no working promtool`);
}
console.log(`ensure-tools: ${version}`);
