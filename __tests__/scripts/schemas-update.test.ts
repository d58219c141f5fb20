import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../support/paths';
import { ensureBuilt } from '../support/run-app';

const COMMITTED = readFileSync(join(ROOT, 'providers', 'schemas', 'provider-schemas.json'), 'utf8');

/**
 * Runs the built script in a scratch project whose PATH holds a stand-in `terraform`:
 * `init` prints `initOutput` and exits `initStatus`; `providers schema -json` prints `schema`.
 */
function schemasUpdate(initStatus: number, initOutput: string, schema: string) {
  const dir = mkdtempSync(join(tmpdir(), 'schemas-update-'));
  mkdirSync(join(dir, 'providers', 'schemas'), { recursive: true });
  writeFileSync(join(dir, 'providers', 'schemas', 'provider-schemas.json'), 'previous');
  mkdirSync(join(dir, 'bin'));
  writeFileSync(join(dir, 'schema.json'), schema);
  writeFileSync(join(dir, 'init.txt'), initOutput);
  const fake = join(dir, 'bin', 'terraform');
  writeFileSync(fake, `#!/bin/sh
case "$1" in
  init) test -f main.tf.json && cat "${dir}/init.txt" >&2; exit ${initStatus} ;;
  providers) cat "${dir}/schema.json" ;;
esac
`);
  chmodSync(fake, 0o755);
  const run = spawnSync(process.execPath, [join(ROOT, '.build', 'scripts', 'schemas-update.js')], {
    cwd: dir, encoding: 'utf8', env: { PATH: `${join(dir, 'bin')}:${process.env.PATH}` },
  });
  return { ...run, written: readFileSync(join(dir, 'providers', 'schemas', 'provider-schemas.json'), 'utf8') };
}

describe('npm run schemas:update', () => {
  beforeAll(ensureBuilt);

  it('writes the trimmed schema of terraform providers schema -json, identical to the committed one for the same input', () => {
    const raw = JSON.parse(COMMITTED);
    raw.provider_schemas['registry.terraform.io/grafana/grafana'].resource_schemas.grafana_folder.block.description = 'A folder.';
    raw.provider_schemas['registry.terraform.io/grafana/grafana'].resource_schemas.grafana_unbound = { version: 0, block: {} };
    const run = schemasUpdate(0, '', JSON.stringify(raw));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.written).toBe(COMMITTED);
  });

  it('fails fast when the registry is unreachable, saying what it tried and what to do, and keeps the file', () => {
    const run = schemasUpdate(1, '\nError: Failed to query available provider packages\n\nCould not retrieve the list of available versions ' +
      'for provider grafana/grafana: could not connect to registry.terraform.io\n\nTo see which modules...\n', '');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('npm run schemas:update: terraform init could not install grafana/grafana 4.45.1 and jianyuan/sentry 0.15.4 ' +
      'from registry.terraform.io');
    expect(run.stderr).toContain('Terraform said: Error: Failed to query available provider packages Could not retrieve the list of ' +
      'available versions for provider grafana/grafana: could not connect to registry.terraform.io\n');
    expect(run.stderr).toContain('Fix: run it on a machine that reaches registry.terraform.io, or point Terraform at a provider mirror');
    expect(run.written).toBe('previous');
  });
});
