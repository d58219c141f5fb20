import { IntegrationPagerdutyServiceObject } from '@cdktf/provider-datadog/lib/integration-pagerduty-service-object';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { ConfigError } from '../../config/validate';

export interface PagerdutyServiceObjectProps {
  /** The name monitors page with, as `@pagerduty-<serviceName>`: letters, digits, `.`, `_` and `-`. */
  readonly serviceName: string;
  /** The PagerDuty integration key, by reference (`pagerduty_service_integration.integration_key`). */
  readonly serviceKey: string;
}

/**
 * A PagerDuty service known to Datadog's PagerDuty integration: monitors page it by
 * putting `handle` in their message. Datadog never returns the key, so a rotated key
 * needs the resource replaced (`terraform apply -replace=...`).
 */
export class PagerdutyServiceObject extends Construct {
  readonly serviceObject: IntegrationPagerdutyServiceObject;
  /** `@pagerduty-<serviceName>`. */
  readonly handle: string;

  constructor(scope: Construct, id: string, props: PagerdutyServiceObjectProps) {
    super(scope, id);
    const problems: string[] = [];
    // A handle stops at whitespace, and Datadog silently ignores handles with parentheses.
    if (!/^[A-Za-z0-9_.-]+$/.test(props.serviceName)) {
      problems.push(`PagerDuty service object name: got "${props.serviceName}"; expected letters, digits, ".", "_" ` +
        'and "-" only (it becomes the @pagerduty-<name> handle). Fix: change serviceName in stacks/datadog.ts');
    }
    if (!Token.isUnresolved(props.serviceKey)) {
      problems.push(`PagerDuty service object "${props.serviceName}" serviceKey: got a literal; expected a reference ` +
        'to pagerduty_service_integration.integration_key. Fix: pass ctx.onCall.integrations.datadog.integrationKey');
    }
    if (problems.length > 0) throw new ConfigError(problems);

    this.serviceObject = new IntegrationPagerdutyServiceObject(this, 'service-object', {
      serviceName: props.serviceName,
      serviceKey: props.serviceKey,
    });
    this.handle = `@pagerduty-${props.serviceName}`;
  }
}
