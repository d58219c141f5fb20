import { spawnSync } from 'node:child_process';
import { TERRAFORM_REQUIRED_VERSION, TERRAFORM_VERSION } from '../config/terraform';
import type { ProcessEnv } from './requirements';

/**
 * Whether `terraform` is on the PATH at a version the stacks accept
 * (`required_version`): cdktf runs it, and without it a deploy ends in
 * `execvp(3) failed`; with a wrong one, in Terraform refusing the stack.
 */

/** What `terraform version -json` said: not found, unreadable, or a version. */
export type TerraformProbe = { readonly found: false; readonly error: string } | { readonly found: true; readonly version: string };

/** Runs `terraform version -json` with the given environment's PATH. */
export function probeTerraform(processEnv: ProcessEnv): TerraformProbe {
  const run = spawnSync('terraform', ['version', '-json'], {
    encoding: 'utf8',
    env: { PATH: processEnv.PATH ?? '', HOME: processEnv.HOME ?? '', CHECKPOINT_DISABLE: '1' },
    timeout: 30_000,
  });
  if (run.error) return { found: false, error: (run.error as NodeJS.ErrnoException).code ?? run.error.message };
  try {
    const version = (JSON.parse(run.stdout) as { terraform_version?: unknown }).terraform_version;
    if (typeof version === 'string') return { found: true, version };
  } catch {
    // fall through: not the JSON a Terraform release prints
  }
  return { found: false, error: `"terraform version -json" exited ${run.status} without a terraform_version` };
}

function parts(version: string): number[] {
  return version.replace(/^v/, '').split(/[-+]/)[0].split('.').map(Number);
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Whether `version` satisfies a Terraform version constraint such as
 * `>= 1.11.0, < 2.0.0` (operators `=`, `!=`, `>`, `>=`, `<`, `<=`, `~>`, as in
 * Terraform's version-constraint syntax).
 */
export function satisfies(version: string, constraint: string): boolean {
  const v = parts(version);
  if (v.some(Number.isNaN)) return false;
  return constraint.split(',').every((clause) => {
    const match = /^\s*(=|!=|>=|<=|>|<|~>)?\s*v?(\d+(?:\.\d+)*)\s*$/.exec(clause);
    if (!match) throw new Error(`version constraint "${constraint}": cannot read "${clause.trim()}"`);
    const [, op = '=', raw] = match;
    const c = raw.split('.').map(Number);
    const d = compare(v, c);
    switch (op) {
      case '=': return d === 0;
      case '!=': return d !== 0;
      case '>': return d > 0;
      case '>=': return d >= 0;
      case '<': return d < 0;
      case '<=': return d <= 0;
      default: // ~> x.y.z allows x.y.*; ~> x.y allows x.*
        return d >= 0 && compare(v.slice(0, c.length - 1), c.slice(0, c.length - 1)) === 0;
    }
  });
}

const INSTALL = `install Terraform ${TERRAFORM_VERSION} (https://developer.hashicorp.com/terraform/install, ` +
  'or hashicorp/setup-terraform in CI) and put it on the PATH';

/** The problem with the probed Terraform, if any. */
export function terraformProblem(probe: TerraformProbe, required = TERRAFORM_REQUIRED_VERSION): string | undefined {
  if (!probe.found) {
    return `terraform: not found on the PATH (${probe.error}); cdktf deploy runs it and fails without it. Fix: ${INSTALL}`;
  }
  if (!satisfies(probe.version, required)) {
    return `terraform: got version ${probe.version}; expected one satisfying "${required}" (every stack's required_version). Fix: ${INSTALL}`;
  }
  return undefined;
}
