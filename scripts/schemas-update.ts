/**
 * `npm run schemas:update`: regenerates providers/schemas/provider-schemas.json
 * from real `terraform providers schema -json` output for the hand-bound
 * providers, at the releases the bindings mirror. It writes a provider-only
 * Terraform configuration into a temporary directory, runs `terraform init`
 * there (which downloads the providers from registry.terraform.io) and trims the
 * schema to the types providers/ binds (providers/schemas/trim.ts). Without
 * access to the registry it stops at once and says so, leaving the file as it is.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BOUND_PROVIDERS, boundTypesByAddress, trimProviderSchemas } from '../providers/schemas/trim';

// npm runs scripts from the project root.
const OUTPUT = resolve(process.cwd(), 'providers', 'schemas', 'provider-schemas.json');

function terraform(dir: string, args: string[]) {
  return spawnSync('terraform', args, {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 256 * 2 ** 20,
    timeout: 10 * 60_000,
    env: { ...process.env, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1' },
  });
}

function fail(message: string): never {
  throw new Error(message);
}

const providers = BOUND_PROVIDERS.map((p) => `${p.source} ${p.version}`).join(' and ');
const dir = mkdtempSync(join(tmpdir(), 'provider-schemas-'));
try {
  const requiredProviders = Object.fromEntries(BOUND_PROVIDERS.map((p) => [p.source.split('/')[1], { source: p.source, version: p.version }]));
  writeFileSync(join(dir, 'main.tf.json'), JSON.stringify({ terraform: { required_providers: requiredProviders } }, null, 2));

  const init = terraform(dir, ['init', '-input=false', '-no-color', '-backend=false']);
  if (init.error) {
    fail(`could not run terraform (${(init.error as NodeJS.ErrnoException).code ?? init.error.message}). ` +
      'Fix: install Terraform (see README, Prerequisites) and put it on the PATH');
  }
  if (init.status !== 0) {
    // Terraform's own error, from "Error:" to its advice, on one line.
    const stderr = init.stderr || init.stdout;
    const reason = stderr.slice(Math.max(0, stderr.indexOf('Error:'))).split('\n\nTo see')[0].replace(/\s+/g, ' ').trim();
    fail(`terraform init could not install ${providers} from registry.terraform.io, so ${OUTPUT} is unchanged.\n` +
      `  Terraform said: ${reason}\n` +
      '  Fix: run it on a machine that reaches registry.terraform.io, or point Terraform at a provider mirror ' +
      '(provider_installation in a CLI config file, TF_CLI_CONFIG_FILE) that holds these releases');
  }

  const schema = terraform(dir, ['providers', 'schema', '-json']);
  if (schema.status !== 0) fail(`terraform providers schema -json failed: ${schema.stderr.trim()}`);
  const text = trimProviderSchemas(JSON.parse(schema.stdout), boundTypesByAddress());
  writeFileSync(OUTPUT, text);
  console.log(`Wrote ${OUTPUT} (${providers}). Update the provenance in providers/schemas/README.md if the releases changed.`);
} catch (error) {
  console.error(`npm run schemas:update: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
