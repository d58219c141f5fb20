/**
 * Hand-written CDKTF binding for the `grafana_dashboard` resource.
 *
 * Mirrors grafana/grafana v4.45.1 (`terraform providers schema -json`, resource schema version 1)
 * and is shaped like `cdktf get` output, so a later `cdktf get` can replace it without changes in
 * callers. The mutators (setters, `putX`, `resetX`), the `xInput` getters and the output-reference
 * classes that `cdktf get` also generates are omitted.
 *
 * The dashboard UID lives inside `configJson` (`"uid"`); the top-level `uid` is read-only.
 * `folder` takes the folder UID (`folder.uid`), not its numeric id.
 *
 * Docs: https://registry.terraform.io/providers/grafana/grafana/4.45.1/docs/resources/dashboard
 */
import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

export interface DashboardConfig extends cdktf.TerraformMetaArguments {
  /** `config_json` (required): the complete dashboard model as a JSON string (`JSON.stringify(...)`). */
  readonly configJson: string;
  /** `folder`: UID of the folder to save the dashboard in. */
  readonly folder?: string;
  /** `id` (optional, computed): normally left unset. */
  readonly id?: string;
  /** `message`: commit message for the version history. */
  readonly message?: string;
  /** `org_id`: organization ID; defaults to the provider's org. */
  readonly orgId?: string;
  /** `overwrite`: overwrite an existing dashboard with the same title in the folder or the same UID. */
  readonly overwrite?: boolean | cdktf.IResolvable;
}

/** `grafana_dashboard` */
export class Dashboard extends cdktf.TerraformResource {
  public static readonly tfResourceType = 'grafana_dashboard';

  /** Generates config for importing an existing dashboard on `cdktf plan`. */
  public static generateConfigForImport(
    scope: Construct,
    importToId: string,
    importFromId: string,
    provider?: cdktf.TerraformProvider,
  ): cdktf.ImportableResource {
    return new cdktf.ImportableResource(scope, importToId, {
      terraformResourceType: 'grafana_dashboard',
      importId: importFromId,
      provider,
    });
  }

  private readonly input: DashboardConfig;

  public constructor(scope: Construct, id: string, config: DashboardConfig) {
    super(scope, id, {
      terraformResourceType: 'grafana_dashboard',
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

  public get configJson(): string { return this.getStringAttribute('config_json'); }
  /** `dashboard_id` (computed): numeric dashboard ID assigned by Grafana. */
  public get dashboardId(): number { return this.getNumberAttribute('dashboard_id'); }
  public get folder(): string { return this.getStringAttribute('folder'); }
  public get id(): string { return this.getStringAttribute('id'); }
  public get message(): string { return this.getStringAttribute('message'); }
  public get orgId(): string { return this.getStringAttribute('org_id'); }
  public get overwrite(): cdktf.IResolvable { return this.getBooleanAttribute('overwrite'); }
  /** `uid` (computed): the dashboard UID (taken from `config_json`). */
  public get uid(): string { return this.getStringAttribute('uid'); }
  /** `url` (computed): full URL of the dashboard. */
  public get url(): string { return this.getStringAttribute('url'); }
  /** `version` (computed): dashboard version number. */
  public get version(): number { return this.getNumberAttribute('version'); }

  protected override synthesizeAttributes(): { [name: string]: any } {
    const c = this.input;
    return {
      config_json: cdktf.stringToTerraform(c.configJson),
      folder: cdktf.stringToTerraform(c.folder),
      id: cdktf.stringToTerraform(c.id),
      message: cdktf.stringToTerraform(c.message),
      org_id: cdktf.stringToTerraform(c.orgId),
      overwrite: cdktf.booleanToTerraform(c.overwrite),
    };
  }
}
