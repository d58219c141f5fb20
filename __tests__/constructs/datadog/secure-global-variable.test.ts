import { Testing, TerraformVariable } from 'cdktf';
import { SecureGlobalVariable } from '../../../constructs/datadog/secure-global-variable';

describe('SecureGlobalVariable', () => {
  it('hides the value and takes it from a sensitive variable by reference', () => {
    const json = JSON.parse(Testing.synthScope((scope) => {
      const token = new TerraformVariable(scope, 'token', { type: 'string', sensitive: true });
      new SecureGlobalVariable(scope, 'g', { name: 'API_TOKEN', value: token.value, description: 'd', tags: [] });
    }));
    const [variable] = Object.values(json.resource.datadog_synthetics_global_variable) as Record<string, any>[];
    expect(variable).toMatchObject({ name: 'API_TOKEN', secure: true, value: '${var.token}' });
  });

  it('fails when the value is a literal', () => {
    expect(() => Testing.synthScope((scope) => {
      new SecureGlobalVariable(scope, 'g', { name: 'API_TOKEN', value: 'hunter2', description: 'd', tags: [] });
    })).toThrow('global variable "API_TOKEN" value: got a literal; expected a reference to a sensitive Terraform variable');
  });

  it('fails when the name is not upper case', () => {
    expect(() => Testing.synthScope((scope) => {
      const token = new TerraformVariable(scope, 'token', { type: 'string', sensitive: true });
      new SecureGlobalVariable(scope, 'g', { name: 'api-token', value: token.value, description: 'd', tags: [] });
    })).toThrow('global variable name: got "api-token"; expected upper case letters, digits and "_"');
  });
});
