/**
 * Hand-written CDKTF binding for the `sentry_organization_integration` data source.
 *
 * Mirrors jianyuan/sentry v0.15.4 (`terraform providers schema -json`, data source schema version 0)
 * and is shaped like `cdktf get` output, so a later `cdktf get` can replace it without changes in
 * callers. The mutators (setters, `putX`, `resetX`), the `xInput` getters and the output-reference
 * classes that `cdktf get` also generates are omitted.
 *
 * Looks up an installed integration (e.g. `providerKey: 'pagerduty'` or `'slack'`); use `.id`.
 * The deprecated `internal_id` attribute is not bound.
 *
 * Docs: https://registry.terraform.io/providers/jianyuan/sentry/0.15.4/docs/data-sources/organization_integration
 */
import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

export interface DataSentryOrganizationIntegrationConfig extends cdktf.TerraformMetaArguments {
  /** `name` (required): name of the integration (as shown in Sentry). */
  readonly name: string;
  /** `organization` (required): organization slug. */
  readonly organization: string;
  /** `provider_key` (required): integration provider, e.g. `pagerduty`, `slack`. */
  readonly providerKey: string;
}

/** `data.sentry_organization_integration` */
export class DataSentryOrganizationIntegration extends cdktf.TerraformDataSource {
  public static readonly tfResourceType = 'sentry_organization_integration';

  private readonly input: DataSentryOrganizationIntegrationConfig;

  public constructor(scope: Construct, id: string, config: DataSentryOrganizationIntegrationConfig) {
    super(scope, id, {
      terraformResourceType: 'sentry_organization_integration',
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

  /** `id` (computed): ID of the organization integration. */
  public get id(): string { return this.getStringAttribute('id'); }
  public get name(): string { return this.getStringAttribute('name'); }
  public get organization(): string { return this.getStringAttribute('organization'); }
  public get providerKey(): string { return this.getStringAttribute('provider_key'); }

  protected override synthesizeAttributes(): { [name: string]: any } {
    const c = this.input;
    return {
      name: cdktf.stringToTerraform(c.name),
      organization: cdktf.stringToTerraform(c.organization),
      provider_key: cdktf.stringToTerraform(c.providerKey),
    };
  }
}
