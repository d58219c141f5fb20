import { TERRAFORM_REQUIRED_VERSION, TERRAFORM_VERSION } from '../../config/terraform';
import { probeTerraform, satisfies, terraformProblem } from '../../deploy/terraform-version';

describe('Terraform version constraints', () => {
  it.each([
    ['1.11.4', '>= 1.11.0, < 2.0.0', true],
    ['1.11.0', '>= 1.11.0, < 2.0.0', true],
    ['1.10.5', '>= 1.11.0, < 2.0.0', false],
    ['2.0.0', '>= 1.11.0, < 2.0.0', false],
    ['1.12.1', '~> 1.11.0', false],
    ['1.11.9', '~> 1.11.0', true],
    ['1.99.0', '~> 1.11', true],
    ['2.0.0', '~> 1.11', false],
    ['1.11.4', '= 1.11.4', true],
    ['1.11.4', '!= 1.11.4', false],
    ['1.11.0-beta1', '>= 1.11.0', true],
  ])('%s against "%s" is %s', (version, constraint, expected) => {
    expect(satisfies(version, constraint)).toBe(expected);
  });

  it('accepts the pinned release under the stacks\' required_version', () => {
    expect(satisfies(TERRAFORM_VERSION, TERRAFORM_REQUIRED_VERSION)).toBe(true);
  });

  it('fails when a constraint cannot be read, naming it', () => {
    expect(() => satisfies('1.0.0', '>= one')).toThrow('version constraint ">= one": cannot read ">= one"');
  });
});

describe('terraform on the PATH', () => {
  it('fails when it is missing, naming the command and how to install it', () => {
    const probe = probeTerraform({ PATH: '/nonexistent' });
    expect(probe).toEqual({ found: false, error: 'ENOENT' });
    expect(terraformProblem(probe)).toBe('terraform: not found on the PATH (ENOENT); cdktf deploy runs it and fails without it. ' +
      `Fix: install Terraform ${TERRAFORM_VERSION} (https://developer.hashicorp.com/terraform/install, or hashicorp/setup-terraform in CI) and put it on the PATH`);
  });

  it('fails when its version is outside required_version', () => {
    expect(terraformProblem({ found: true, version: '1.9.8' })).toMatch(/^terraform: got version 1\.9\.8; expected one satisfying ">= 1\.11\.0, < 2\.0\.0"/);
    expect(terraformProblem({ found: true, version: TERRAFORM_VERSION })).toBeUndefined();
  });
});
