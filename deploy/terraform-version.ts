import { spawnSync } from 'node:child_process';
import { TERRAFORM_REQUIRED_VERSION, TERRAFORM_VERSION } from '../config/terraform';

/**
 * The doctor's check of the Terraform binary: the version CI deploys with
 * (config/terraform.ts), and at least the stacks' required_version, whose lower
 * bound is the first release with the S3 backend's native lock file.
 */

/** `terraform version -json`'s version, or undefined when no terraform is on the PATH. */
export function installedTerraformVersion(): string | undefined {
  const result = spawnSync('terraform', ['version', '-json'], { encoding: 'utf8', timeout: 20_000, env: { ...process.env, CHECKPOINT_DISABLE: '1' } });
  if (result.status !== 0) return undefined;
  try {
    return (JSON.parse(result.stdout) as { terraform_version?: string }).terraform_version;
  } catch {
    return undefined;
  }
}

function parts(version: string): number[] {
  return version.split('.').map((p) => Number.parseInt(p, 10));
}

function lessThan(a: string, b: string): boolean {
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) < (y[i] ?? 0);
  return false;
}

export function checkTerraformVersion(installed: string | undefined): { warnings: string[]; problems: string[] } {
  const minimum = /^>=\s*(\d+\.\d+\.\d+)/.exec(TERRAFORM_REQUIRED_VERSION)?.[1] ?? TERRAFORM_VERSION;
  const install = `install Terraform ${TERRAFORM_VERSION} (config/terraform.ts), the version CI deploys with`;
  if (installed === undefined) return { warnings: [], problems: [`no terraform on the PATH. Fix: ${install}`] };
  if (lessThan(installed, minimum)) {
    return { warnings: [], problems: [`terraform ${installed} is older than ${minimum}, which every stack requires ` +
      `(required_version "${TERRAFORM_REQUIRED_VERSION}": the S3 backend's lock file). Fix: ${install}`] };
  }
  if (installed !== TERRAFORM_VERSION) {
    return { warnings: [`terraform ${installed} is not ${TERRAFORM_VERSION}, the version CI deploys with: a plan made here may differ from CI's. ` +
      `Fix: ${install}`], problems: [] };
  }
  return { warnings: [], problems: [] };
}
