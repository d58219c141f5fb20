/**
 * Hand-written CDKTF binding for the `sentry_integration_pagerduty` resource (a PagerDuty service
 * registered on Sentry's PagerDuty organization integration).
 *
 * Mirrors jianyuan/sentry v0.15.4 (`terraform providers schema -json`, resource schema version 0)
 * and is shaped like `cdktf get` output, so a later `cdktf get` can replace it without changes in
 * callers. The mutators (setters, `putX`, `resetX`), the `xInput` getters and the output-reference
 * classes that `cdktf get` also generates are omitted.
 *
 * Use it from `sentry_alert` as `pagerduty: { integrationId: pd.integrationId, serviceId: pd.id,
 * serviceName: pd.service, severity: 'default' }`. Note: the provider does NOT mark
 * `integration_key` as sensitive.
 *
 * Docs: https://registry.terraform.io/providers/jianyuan/sentry/0.15.4/docs/resources/integration_pagerduty
 */
import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

export interface IntegrationPagerdutyConfig extends cdktf.TerraformMetaArguments {
  /** `integration_id` (required): ID of the PagerDuty organization integration (`data sentry_organization_integration`). */
  readonly integrationId: string;
  /** `integration_key` (required; not marked sensitive by the provider): integration key of the PagerDuty service. */
  readonly integrationKey: string;
  /** `organization` (required): organization slug. */
  readonly organization: string;
  /** `service` (required): name of the PagerDuty service. */
  readonly service: string;
}

/** `sentry_integration_pagerduty` */
export class IntegrationPagerduty extends cdktf.TerraformResource {
  public static readonly tfResourceType = 'sentry_integration_pagerduty';

  /** Generates config for importing an existing PagerDuty service on `cdktf plan`. */
  public static generateConfigForImport(
    scope: Construct,
    importToId: string,
    importFromId: string,
    provider?: cdktf.TerraformProvider,
  ): cdktf.ImportableResource {
    return new cdktf.ImportableResource(scope, importToId, {
      terraformResourceType: 'sentry_integration_pagerduty',
      importId: importFromId,
      provider,
    });
  }

  private readonly input: IntegrationPagerdutyConfig;

  public constructor(scope: Construct, id: string, config: IntegrationPagerdutyConfig) {
    super(scope, id, {
      terraformResourceType: 'sentry_integration_pagerduty',
      // cdktf reads only the provider name of a resource (to check the stack has that provider);
      // the version constraint in required_providers comes from the provider class.
      terraformGeneratorMetadata: { providerName: 'sentry' },
      provider: config.provider,
      dependsOn: config.dependsOn,
      count: config.count,
      lifecycle: config.lifecycle,
      provisioners: config.provisioners,
      connection: config.connection,
      forEach: config.forEach,
    });
    this.input = config;
  }

  /** `id` (computed): ID of the PagerDuty service entry (the alert action's `service_id`). */
  public get id(): string { return this.getStringAttribute('id'); }
  public get integrationId(): string { return this.getStringAttribute('integration_id'); }
  public get integrationKey(): string { return this.getStringAttribute('integration_key'); }
  public get organization(): string { return this.getStringAttribute('organization'); }
  public get service(): string { return this.getStringAttribute('service'); }

  protected override synthesizeAttributes(): { [name: string]: any } {
    const c = this.input;
    return {
      integration_id: cdktf.stringToTerraform(c.integrationId),
      integration_key: cdktf.stringToTerraform(c.integrationKey),
      organization: cdktf.stringToTerraform(c.organization),
      service: cdktf.stringToTerraform(c.service),
    };
  }
}
