/**
 * Hand-written CDKTF binding for the `sentry_project_error_monitor` data source: the project's default
 * Error Monitor that Sentry creates itself (outside Terraform).
 *
 * Mirrors jianyuan/sentry v0.15.4 (`terraform providers schema -json`, data source schema version 0)
 * and is shaped like `cdktf get` output, so a later `cdktf get` can replace it without changes in
 * callers. The mutators (setters, `putX`, `resetX`), the `xInput` getters and the output-reference
 * classes that `cdktf get` also generates are omitted.
 *
 * Pass its `id` in `sentry_alert.monitor_ids` to attach alert rules to that monitor. If the
 * project has several such monitors, set `first: true` or the lookup fails.
 *
 * Docs: https://registry.terraform.io/providers/jianyuan/sentry/0.15.4/docs/data-sources/project_error_monitor
 */
import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

export interface DataSentryProjectErrorMonitorConfig extends cdktf.TerraformMetaArguments {
  /** `first`: return the first monitor found instead of failing when there are several. */
  readonly first?: boolean | cdktf.IResolvable;
  /** `organization` (required): organization slug or internal ID. */
  readonly organization: string;
  /** `project` (required): project slug or internal ID. */
  readonly project: string;
}

/** `data.sentry_project_error_monitor` */
export class DataSentryProjectErrorMonitor extends cdktf.TerraformDataSource {
  public static readonly tfResourceType = 'sentry_project_error_monitor';

  private readonly input: DataSentryProjectErrorMonitorConfig;

  public constructor(scope: Construct, id: string, config: DataSentryProjectErrorMonitorConfig) {
    super(scope, id, {
      terraformResourceType: 'sentry_project_error_monitor',
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

  /** `description` (computed). */
  public get description(): string { return this.getStringAttribute('description'); }
  /** `enabled` (computed). */
  public get enabled(): cdktf.IResolvable { return this.getBooleanAttribute('enabled'); }
  public get first(): cdktf.IResolvable { return this.getBooleanAttribute('first'); }
  /** `id` (computed): internal ID of the monitor. */
  public get id(): string { return this.getStringAttribute('id'); }
  /** `name` (computed). */
  public get name(): string { return this.getStringAttribute('name'); }
  public get organization(): string { return this.getStringAttribute('organization'); }
  /** `owner` (computed nested attribute) as token-valued fields (`cdktf get` returns an output reference here). */
  public get owner(): { readonly teamId: string; readonly userId: string } {
    return {
      teamId: this.getStringAttribute('owner.team_id'),
      userId: this.getStringAttribute('owner.user_id'),
    };
  }
  public get project(): string { return this.getStringAttribute('project'); }

  protected override synthesizeAttributes(): { [name: string]: any } {
    const c = this.input;
    return {
      first: cdktf.booleanToTerraform(c.first),
      organization: cdktf.stringToTerraform(c.organization),
      project: cdktf.stringToTerraform(c.project),
    };
  }
}
