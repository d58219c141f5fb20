import { SyntheticsGlobalVariable } from '@cdktf/provider-datadog/lib/synthetics-global-variable';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { ConfigError } from '../../config/validate';

export interface SecureGlobalVariableProps {
  /** Upper case letters, digits and `_`; tests use it as `{{ NAME }}`. */
  readonly name: string;
  /** A reference to a sensitive Terraform variable, never a literal. */
  readonly value: string;
  readonly description: string;
  readonly tags: readonly string[];
}

/**
 * A Datadog Synthetics global variable whose value is hidden in Datadog's UI and
 * test results, and fed by a sensitive Terraform variable so that no secret is in
 * the synthesized configuration.
 */
export class SecureGlobalVariable extends Construct {
  readonly variable: SyntheticsGlobalVariable;
  readonly name: string;

  constructor(scope: Construct, id: string, props: SecureGlobalVariableProps) {
    super(scope, id);
    const problems: string[] = [];
    if (!/^[A-Z][A-Z0-9_]*$/.test(props.name)) {
      problems.push(`global variable name: got "${props.name}"; expected upper case letters, digits and "_". ` +
        'Fix: rename it in stacks/datadog.ts');
    }
    if (!Token.isUnresolved(props.value)) {
      problems.push(`global variable "${props.name}" value: got a literal; expected a reference to a sensitive ` +
        'Terraform variable. Fix: pass ctx.secrets.<name>.value (stacks/variables.ts)');
    }
    if (problems.length > 0) throw new ConfigError(problems);

    this.name = props.name;
    this.variable = new SyntheticsGlobalVariable(this, 'variable', {
      name: props.name,
      description: props.description,
      value: props.value,
      secure: true,
      tags: [...props.tags],
    });
  }

  get id(): string {
    return this.variable.id;
  }
}
