import { TERRAFORM_VERSION } from '../../config/terraform';
import { runDoctor } from '../../deploy/doctor-command';
import { checkRequirements } from '../../deploy/requirements';
import { checkTerraformVersion, installedTerraformVersion } from '../../deploy/terraform-version';
import { synthOf } from '../support/synth';

describe('doctor: the Terraform binary', () => {
  it('accepts the pinned version', () => {
    expect(checkTerraformVersion(TERRAFORM_VERSION)).toEqual({ warnings: [], problems: [] });
  });

  it('fails when terraform is older than the stacks\' required_version (no S3 lock file before 1.11)', () => {
    expect(checkTerraformVersion('1.9.8')).toEqual({ warnings: [], problems: [
      `terraform 1.9.8 is older than 1.11.0, which every stack requires (required_version ">= 1.11.0, < 2.0.0": the S3 backend's lock file). ` +
      `Fix: install Terraform ${TERRAFORM_VERSION} (config/terraform.ts), the version CI deploys with`] });
    expect(checkTerraformVersion('1.10.99').problems).toHaveLength(1);
  });

  it('warns when terraform is new enough but not the version CI deploys with', () => {
    const { warnings, problems } = checkTerraformVersion('1.12.0');
    expect(problems).toEqual([]);
    expect(warnings).toEqual([expect.stringMatching(new RegExp(`^terraform 1\\.12\\.0 is not ${TERRAFORM_VERSION.replace(/\./g, '\\.')}, the version CI deploys with`))]);
  });

  it('fails when no terraform is on the PATH', () => {
    expect(checkTerraformVersion(undefined).problems).toEqual([expect.stringMatching(/^no terraform on the PATH\. Fix: install Terraform/)]);
  });

  it('reads the version of the terraform on this machine\'s PATH', () => {
    expect(installedTerraformVersion()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('makes the doctor exit 1 on an old terraform even with every requirement set', () => {
    const set = Object.fromEntries(checkEverything().map((n) => [n, 'x']));
    const out: string[] = [];
    const old = runDoctor(['staging'], set, { out: (t) => out.push(t), err: () => undefined }, () => synthOf('staging'), () => '1.9.8');
    expect(old).toBe(1);
    expect(out.join('')).toContain('✗ terraform 1.9.8 is older than 1.11.0');
    expect(runDoctor(['staging'], set, { out: () => undefined, err: () => undefined }, () => synthOf('staging'), () => TERRAFORM_VERSION)).toBe(0);
  });
});

/** Every variable name the staging stack needs, so that only the version decides the exit code. */
function checkEverything(): string[] {
  return checkRequirements('staging', synthOf('staging'), {}).requirements.map((r) => r.names[0]);
}
