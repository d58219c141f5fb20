/**
 * Hand-written CDKTF binding for the `grafana_data_source` resource.
 *
 * Mirrors grafana/grafana v4.45.1 (`terraform providers schema -json`, resource schema version 1)
 * and is shaped like `cdktf get` output, so a later `cdktf get` can replace it without changes in
 * callers. The mutators (setters, `putX`, `resetX`), the `xInput` getters and the output-reference
 * classes that `cdktf get` also generates are omitted.
 *
 * Passwords and other secrets go into `secureJsonDataEncoded` (a JSON string); there are no
 * `password`/`basic_auth_password` attributes any more. Set `uid` so that rules can refer to it.
 *
 * Docs: https://registry.terraform.io/providers/grafana/grafana/4.45.1/docs/resources/data_source
 */
import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

export interface DataSourceConfig extends cdktf.TerraformMetaArguments {
  /**
   * `access_mode`: how Grafana accesses the data source, `proxy` or `direct`.
   * @default "proxy"
   */
  readonly accessMode?: string;
  /**
   * `basic_auth_enabled`: enable basic auth.
   * @default false
   */
  readonly basicAuthEnabled?: boolean | cdktf.IResolvable;
  /**
   * `basic_auth_username`: basic auth user name.
   * @default ""
   */
  readonly basicAuthUsername?: string;
  /**
   * `database_name`: database name (required by some data source types).
   * @default ""
   */
  readonly databaseName?: string;
  /** `http_headers` (sensitive map): custom HTTP headers sent to the data source; keys are kept verbatim. */
  readonly httpHeaders?: { [key: string]: string };
  /** `id` (optional, computed): normally left unset. */
  readonly id?: string;
  /**
   * `is_default`: make this the org's default data source.
   * @default false
   */
  readonly isDefault?: boolean | cdktf.IResolvable;
  /** `json_data_encoded`: JSON string with the non-secret settings (`jsonData`). */
  readonly jsonDataEncoded?: string;
  /** `name` (required): unique name of the data source. */
  readonly name: string;
  /** `org_id`: organization ID; defaults to the provider's org. */
  readonly orgId?: string;
  /**
   * `private_data_source_connect_network_id`: Grafana Cloud PDC network ID.
   * @default ""
   */
  readonly privateDataSourceConnectNetworkId?: string;
  /** `secure_json_data_encoded` (sensitive): JSON string with the secret settings (`secureJsonData`). */
  readonly secureJsonDataEncoded?: string;
  /** `type` (required): data source type, e.g. `prometheus`. */
  readonly type: string;
  /** `uid` (optional, computed): unique identifier; generated when unset. */
  readonly uid?: string;
  /** `url`: URL of the data source. */
  readonly url?: string;
  /**
   * `username`: user name (required by some data source types).
   * @default ""
   */
  readonly username?: string;
}

/** `grafana_data_source` */
export class DataSource extends cdktf.TerraformResource {
  public static readonly tfResourceType = 'grafana_data_source';

  /** Generates config for importing an existing data source on `cdktf plan`. */
  public static generateConfigForImport(
    scope: Construct,
    importToId: string,
    importFromId: string,
    provider?: cdktf.TerraformProvider,
  ): cdktf.ImportableResource {
    return new cdktf.ImportableResource(scope, importToId, {
      terraformResourceType: 'grafana_data_source',
      importId: importFromId,
      provider,
    });
  }

  private readonly input: DataSourceConfig;

  public constructor(scope: Construct, id: string, config: DataSourceConfig) {
    super(scope, id, {
      terraformResourceType: 'grafana_data_source',
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

  public get accessMode(): string { return this.getStringAttribute('access_mode'); }
  public get basicAuthEnabled(): cdktf.IResolvable { return this.getBooleanAttribute('basic_auth_enabled'); }
  public get basicAuthUsername(): string { return this.getStringAttribute('basic_auth_username'); }
  public get databaseName(): string { return this.getStringAttribute('database_name'); }
  public get httpHeaders(): { [key: string]: string } { return this.getStringMapAttribute('http_headers'); }
  public get id(): string { return this.getStringAttribute('id'); }
  public get isDefault(): cdktf.IResolvable { return this.getBooleanAttribute('is_default'); }
  public get jsonDataEncoded(): string { return this.getStringAttribute('json_data_encoded'); }
  public get name(): string { return this.getStringAttribute('name'); }
  public get orgId(): string { return this.getStringAttribute('org_id'); }
  public get privateDataSourceConnectNetworkId(): string { return this.getStringAttribute('private_data_source_connect_network_id'); }
  public get secureJsonDataEncoded(): string { return this.getStringAttribute('secure_json_data_encoded'); }
  public get type(): string { return this.getStringAttribute('type'); }
  public get uid(): string { return this.getStringAttribute('uid'); }
  public get url(): string { return this.getStringAttribute('url'); }
  public get username(): string { return this.getStringAttribute('username'); }

  protected override synthesizeAttributes(): { [name: string]: any } {
    const c = this.input;
    return {
      access_mode: cdktf.stringToTerraform(c.accessMode),
      basic_auth_enabled: cdktf.booleanToTerraform(c.basicAuthEnabled),
      basic_auth_username: cdktf.stringToTerraform(c.basicAuthUsername),
      database_name: cdktf.stringToTerraform(c.databaseName),
      http_headers: cdktf.hashMapper(cdktf.stringToTerraform)(c.httpHeaders),
      id: cdktf.stringToTerraform(c.id),
      is_default: cdktf.booleanToTerraform(c.isDefault),
      json_data_encoded: cdktf.stringToTerraform(c.jsonDataEncoded),
      name: cdktf.stringToTerraform(c.name),
      org_id: cdktf.stringToTerraform(c.orgId),
      private_data_source_connect_network_id: cdktf.stringToTerraform(c.privateDataSourceConnectNetworkId),
      secure_json_data_encoded: cdktf.stringToTerraform(c.secureJsonDataEncoded),
      type: cdktf.stringToTerraform(c.type),
      uid: cdktf.stringToTerraform(c.uid),
      url: cdktf.stringToTerraform(c.url),
      username: cdktf.stringToTerraform(c.username),
    };
  }
}
