/**
 * Hand-written CDKTF binding for the `grafana_folder` resource.
 *
 * Mirrors grafana/grafana v4.45.1 (`terraform providers schema -json`, resource schema version 0)
 * and is shaped like `cdktf get` output, so a later `cdktf get` can replace it without changes in
 * callers. The mutators (setters, `putX`, `resetX`), the `xInput` getters and the output-reference
 * classes that `cdktf get` also generates are omitted.
 *
 * Reference the folder from other resources with `folder.uid` (the `id` is `<orgID>:<uid>`).
 *
 * Docs: https://registry.terraform.io/providers/grafana/grafana/4.45.1/docs/resources/folder
 */
import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

export interface FolderConfig extends cdktf.TerraformMetaArguments {
  /** `id` (optional, computed): `<orgID>:<uid>`; normally left unset. */
  readonly id?: string;
  /** `org_id`: organization ID; defaults to the provider's org. */
  readonly orgId?: string;
  /** `parent_folder_uid`: UID of the parent folder (nested folders feature). */
  readonly parentFolderUid?: string;
  /**
   * `prevent_destroy_if_not_empty`: refuse to delete the folder while it holds dashboards or rules.
   * @default false
   */
  readonly preventDestroyIfNotEmpty?: boolean | cdktf.IResolvable;
  /** `title` (required): the folder title. */
  readonly title: string;
  /** `uid` (optional, computed): unique identifier, must match `^[a-zA-Z0-9\-_]+$`. */
  readonly uid?: string;
}

/** `grafana_folder` */
export class Folder extends cdktf.TerraformResource {
  public static readonly tfResourceType = 'grafana_folder';

  /** Generates config for importing an existing folder on `cdktf plan`. */
  public static generateConfigForImport(
    scope: Construct,
    importToId: string,
    importFromId: string,
    provider?: cdktf.TerraformProvider,
  ): cdktf.ImportableResource {
    return new cdktf.ImportableResource(scope, importToId, {
      terraformResourceType: 'grafana_folder',
      importId: importFromId,
      provider,
    });
  }

  private readonly input: FolderConfig;

  public constructor(scope: Construct, id: string, config: FolderConfig) {
    super(scope, id, {
      terraformResourceType: 'grafana_folder',
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

  public get id(): string { return this.getStringAttribute('id'); }
  public get orgId(): string { return this.getStringAttribute('org_id'); }
  public get parentFolderUid(): string { return this.getStringAttribute('parent_folder_uid'); }
  public get preventDestroyIfNotEmpty(): cdktf.IResolvable { return this.getBooleanAttribute('prevent_destroy_if_not_empty'); }
  public get title(): string { return this.getStringAttribute('title'); }
  public get uid(): string { return this.getStringAttribute('uid'); }
  /** `url` (computed): full URL of the folder. */
  public get url(): string { return this.getStringAttribute('url'); }

  protected override synthesizeAttributes(): { [name: string]: any } {
    const c = this.input;
    return {
      id: cdktf.stringToTerraform(c.id),
      org_id: cdktf.stringToTerraform(c.orgId),
      parent_folder_uid: cdktf.stringToTerraform(c.parentFolderUid),
      prevent_destroy_if_not_empty: cdktf.booleanToTerraform(c.preventDestroyIfNotEmpty),
      title: cdktf.stringToTerraform(c.title),
      uid: cdktf.stringToTerraform(c.uid),
    };
  }
}
