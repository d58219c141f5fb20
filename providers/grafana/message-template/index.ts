/**
 * Hand-written CDKTF binding for the `grafana_message_template` resource.
 *
 * Mirrors grafana/grafana v4.45.1 (`terraform providers schema -json`, resource schema version 0)
 * and is shaped like `cdktf get` output, so a later `cdktf get` can replace it without changes in
 * callers. The mutators (setters, `putX`, `resetX`), the `xInput` getters and the output-reference
 * classes that `cdktf get` also generates are omitted.
 *
 * Docs: https://registry.terraform.io/providers/grafana/grafana/4.45.1/docs/resources/message_template
 */
import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

export interface MessageTemplateConfig extends cdktf.TerraformMetaArguments {
  /**
   * `disable_provenance` (optional, computed): allow editing the template outside Terraform.
   * @default false
   */
  readonly disableProvenance?: boolean | cdktf.IResolvable;
  /** `name` (required): name of the notification template group. */
  readonly name: string;
  /** `org_id` (optional, computed): organization ID; defaults to the provider's org. */
  readonly orgId?: string;
  /** `template` (required): template content, usually `{{ define "name" }}...{{ end }}`. */
  readonly template: string;
}

/** `grafana_message_template` */
export class MessageTemplate extends cdktf.TerraformResource {
  public static readonly tfResourceType = 'grafana_message_template';

  /** Generates config for importing an existing message template on `cdktf plan`. */
  public static generateConfigForImport(
    scope: Construct,
    importToId: string,
    importFromId: string,
    provider?: cdktf.TerraformProvider,
  ): cdktf.ImportableResource {
    return new cdktf.ImportableResource(scope, importToId, {
      terraformResourceType: 'grafana_message_template',
      importId: importFromId,
      provider,
    });
  }

  private readonly input: MessageTemplateConfig;

  public constructor(scope: Construct, id: string, config: MessageTemplateConfig) {
    super(scope, id, {
      terraformResourceType: 'grafana_message_template',
      // cdktf reads only the provider name of a resource (to check the stack has that provider);
      // the version constraint in required_providers comes from the provider class.
      terraformGeneratorMetadata: { providerName: 'grafana' },
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

  public get disableProvenance(): cdktf.IResolvable { return this.getBooleanAttribute('disable_provenance'); }
  /** `id` (computed). */
  public get id(): string { return this.getStringAttribute('id'); }
  public get name(): string { return this.getStringAttribute('name'); }
  public get orgId(): string { return this.getStringAttribute('org_id'); }
  public get template(): string { return this.getStringAttribute('template'); }

  protected override synthesizeAttributes(): { [name: string]: any } {
    const c = this.input;
    return {
      disable_provenance: cdktf.booleanToTerraform(c.disableProvenance),
      name: cdktf.stringToTerraform(c.name),
      org_id: cdktf.stringToTerraform(c.orgId),
      template: cdktf.stringToTerraform(c.template),
    };
  }
}
