/**
 * Hand-written CDKTF binding for the `grafana` provider block.
 *
 * Mirrors the provider schema of grafana/grafana v4.45.1 (`terraform providers schema -json`),
 * shaped like the output of `cdktf get` (same module path, class and property names), so that a
 * later `cdktf get` with `"codeMakerOutput": "providers"` can replace this file.
 * The mutators (`resetX`, setters other than `alias`) and the `xInput` getters that `cdktf get`
 * also generates are omitted.
 *
 * Every attribute is optional and can come from the environment instead (`GRAFANA_URL`,
 * `GRAFANA_AUTH`, `GRAFANA_ORG_ID`, ...). Prefer the environment for anything sensitive.
 *
 * Deliberate difference from `cdktf get`: the provider passes only `providerVersionConstraint`
 * (no `providerVersion`) in its generator metadata. cdktf writes
 * `providerVersion || providerVersionConstraint` into `required_providers`, so this keeps the
 * constraint `~> 4.45` there instead of pinning `4.45.1`.
 *
 * Docs: https://registry.terraform.io/providers/grafana/grafana/4.45.1/docs
 */
import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

export interface GrafanaProviderConfig {
  /** `auth` (sensitive): API token, `username:password` or `anonymous`. Env: `GRAFANA_AUTH`. */
  readonly auth?: string;
  /** `ca_cert`: CA bundle (path or literal) used to verify the Grafana server. Env: `GRAFANA_CA_CERT`. */
  readonly caCert?: string;
  /** `cloud_access_policy_token` (sensitive): Grafana Cloud access policy token. Env: `GRAFANA_CLOUD_ACCESS_POLICY_TOKEN`. */
  readonly cloudAccessPolicyToken?: string;
  /** `cloud_api_url`: Grafana Cloud API URL. Env: `GRAFANA_CLOUD_API_URL`. */
  readonly cloudApiUrl?: string;
  /** `cloud_provider_access_token` (sensitive): Cloud Provider access token. Env: `GRAFANA_CLOUD_PROVIDER_ACCESS_TOKEN`. */
  readonly cloudProviderAccessToken?: string;
  /** `cloud_provider_url`: Cloud Provider backend address. Env: `GRAFANA_CLOUD_PROVIDER_URL`. */
  readonly cloudProviderUrl?: string;
  /** `connections_api_access_token` (sensitive): Connections API token. Env: `GRAFANA_CONNECTIONS_API_ACCESS_TOKEN`. */
  readonly connectionsApiAccessToken?: string;
  /** `connections_api_url`: Connections API address. Env: `GRAFANA_CONNECTIONS_API_URL`. */
  readonly connectionsApiUrl?: string;
  /** `fleet_management_auth` (sensitive): Fleet Management basic auth `username:password`. Env: `GRAFANA_FLEET_MANAGEMENT_AUTH`. */
  readonly fleetManagementAuth?: string;
  /** `fleet_management_url`: Fleet Management API address. Env: `GRAFANA_FLEET_MANAGEMENT_URL`. */
  readonly fleetManagementUrl?: string;
  /** `frontend_o11y_api_access_token` (sensitive): Frontend Observability API token. Env: `GRAFANA_FRONTEND_O11Y_API_ACCESS_TOKEN`. */
  readonly frontendO11YApiAccessToken?: string;
  /** `frontend_o11y_api_url`: Frontend Observability API URL override. Env: `GRAFANA_FRONTEND_O11Y_API_URL`. */
  readonly frontendO11YApiUrl?: string;
  /**
   * `http_headers` (sensitive map): extra HTTP headers for Grafana API calls. Env: `GRAFANA_HTTP_HEADERS` (JSON).
   * Header names are emitted exactly as given (not snake_cased).
   */
  readonly httpHeaders?: { [key: string]: string };
  /** `insecure_skip_verify`: skip TLS certificate verification. Env: `GRAFANA_INSECURE_SKIP_VERIFY`. */
  readonly insecureSkipVerify?: boolean | cdktf.IResolvable;
  /** `k6_access_token` (sensitive): k6 Cloud API token. Env: `GRAFANA_K6_ACCESS_TOKEN`. */
  readonly k6AccessToken?: string;
  /** `k6_url`: k6 Cloud API URL. Env: `GRAFANA_K6_URL`. */
  readonly k6Url?: string;
  /** `oncall_access_token` (sensitive): Grafana OnCall token. Env: `GRAFANA_ONCALL_ACCESS_TOKEN`. */
  readonly oncallAccessToken?: string;
  /** `oncall_url`: Grafana OnCall backend address. Env: `GRAFANA_ONCALL_URL`. */
  readonly oncallUrl?: string;
  /**
   * `org_id`: Grafana org ID (self-hosted). Env: `GRAFANA_ORG_ID`.
   * @default 1
   */
  readonly orgId?: number;
  /**
   * `retries`: retries for Grafana API calls. Env: `GRAFANA_RETRIES`.
   * @default 3
   */
  readonly retries?: number;
  /**
   * `retry_status_codes` (set): status codes to retry on, `x` is a digit wildcard. Env: `GRAFANA_RETRY_STATUS_CODES`.
   * @default ["429", "5xx"]
   */
  readonly retryStatusCodes?: string[];
  /** `retry_wait`: seconds to wait between retries. Env: `GRAFANA_RETRY_WAIT`. */
  readonly retryWait?: number;
  /** `sm_access_token` (sensitive): Synthetic Monitoring token. Env: `GRAFANA_SM_ACCESS_TOKEN`. */
  readonly smAccessToken?: string;
  /** `sm_url`: Synthetic Monitoring backend address. Env: `GRAFANA_SM_URL`. */
  readonly smUrl?: string;
  /** `stack_id`: Grafana Cloud stack ID. Env: `GRAFANA_STACK_ID`. */
  readonly stackId?: number;
  /** `store_dashboard_sha256`: store only the sha256 of dashboard JSON in state. Env: `GRAFANA_STORE_DASHBOARD_SHA256`. */
  readonly storeDashboardSha256?: boolean | cdktf.IResolvable;
  /** `tls_cert`: client TLS certificate (path or literal). Env: `GRAFANA_TLS_CERT`. */
  readonly tlsCert?: string;
  /** `tls_key`: client TLS key (path or literal). Env: `GRAFANA_TLS_KEY`. */
  readonly tlsKey?: string;
  /** `url`: root URL of the Grafana server. Env: `GRAFANA_URL`. */
  readonly url?: string;
  /** Provider alias, for several `grafana` provider configurations in one stack. */
  readonly alias?: string;
}

/** The `grafana` provider (source `grafana/grafana`, constraint `~> 4.45`). */
export class GrafanaProvider extends cdktf.TerraformProvider {
  public static readonly tfResourceType = 'grafana';

  private readonly input: GrafanaProviderConfig;
  private _alias?: string;

  public constructor(scope: Construct, id: string, config: GrafanaProviderConfig = {}) {
    super(scope, id, {
      terraformResourceType: 'grafana',
      terraformGeneratorMetadata: {
        providerName: 'grafana',
        providerVersionConstraint: '~> 4.45',
      },
      terraformProviderSource: 'grafana/grafana',
    });
    this.input = config;
    this._alias = config.alias;
  }

  // Providers cannot be referenced in Terraform, so these getters return the configured values.
  public get auth(): string | undefined { return this.input.auth; }
  public get caCert(): string | undefined { return this.input.caCert; }
  public get cloudAccessPolicyToken(): string | undefined { return this.input.cloudAccessPolicyToken; }
  public get cloudApiUrl(): string | undefined { return this.input.cloudApiUrl; }
  public get cloudProviderAccessToken(): string | undefined { return this.input.cloudProviderAccessToken; }
  public get cloudProviderUrl(): string | undefined { return this.input.cloudProviderUrl; }
  public get connectionsApiAccessToken(): string | undefined { return this.input.connectionsApiAccessToken; }
  public get connectionsApiUrl(): string | undefined { return this.input.connectionsApiUrl; }
  public get fleetManagementAuth(): string | undefined { return this.input.fleetManagementAuth; }
  public get fleetManagementUrl(): string | undefined { return this.input.fleetManagementUrl; }
  public get frontendO11YApiAccessToken(): string | undefined { return this.input.frontendO11YApiAccessToken; }
  public get frontendO11YApiUrl(): string | undefined { return this.input.frontendO11YApiUrl; }
  public get httpHeaders(): { [key: string]: string } | undefined { return this.input.httpHeaders; }
  public get insecureSkipVerify(): boolean | cdktf.IResolvable | undefined { return this.input.insecureSkipVerify; }
  public get k6AccessToken(): string | undefined { return this.input.k6AccessToken; }
  public get k6Url(): string | undefined { return this.input.k6Url; }
  public get oncallAccessToken(): string | undefined { return this.input.oncallAccessToken; }
  public get oncallUrl(): string | undefined { return this.input.oncallUrl; }
  public get orgId(): number | undefined { return this.input.orgId; }
  public get retries(): number | undefined { return this.input.retries; }
  public get retryStatusCodes(): string[] | undefined { return this.input.retryStatusCodes; }
  public get retryWait(): number | undefined { return this.input.retryWait; }
  public get smAccessToken(): string | undefined { return this.input.smAccessToken; }
  public get smUrl(): string | undefined { return this.input.smUrl; }
  public get stackId(): number | undefined { return this.input.stackId; }
  public get storeDashboardSha256(): boolean | cdktf.IResolvable | undefined { return this.input.storeDashboardSha256; }
  public get tlsCert(): string | undefined { return this.input.tlsCert; }
  public get tlsKey(): string | undefined { return this.input.tlsKey; }
  public get url(): string | undefined { return this.input.url; }

  public override get alias(): string | undefined {
    return this._alias;
  }
  public override set alias(value: string | undefined) {
    this._alias = value;
  }

  protected override synthesizeAttributes(): { [name: string]: any } {
    const c = this.input;
    return {
      auth: cdktf.stringToTerraform(c.auth),
      ca_cert: cdktf.stringToTerraform(c.caCert),
      cloud_access_policy_token: cdktf.stringToTerraform(c.cloudAccessPolicyToken),
      cloud_api_url: cdktf.stringToTerraform(c.cloudApiUrl),
      cloud_provider_access_token: cdktf.stringToTerraform(c.cloudProviderAccessToken),
      cloud_provider_url: cdktf.stringToTerraform(c.cloudProviderUrl),
      connections_api_access_token: cdktf.stringToTerraform(c.connectionsApiAccessToken),
      connections_api_url: cdktf.stringToTerraform(c.connectionsApiUrl),
      fleet_management_auth: cdktf.stringToTerraform(c.fleetManagementAuth),
      fleet_management_url: cdktf.stringToTerraform(c.fleetManagementUrl),
      frontend_o11y_api_access_token: cdktf.stringToTerraform(c.frontendO11YApiAccessToken),
      frontend_o11y_api_url: cdktf.stringToTerraform(c.frontendO11YApiUrl),
      http_headers: verbatimKeys(cdktf.hashMapper(cdktf.stringToTerraform)(c.httpHeaders)),
      insecure_skip_verify: cdktf.booleanToTerraform(c.insecureSkipVerify),
      k6_access_token: cdktf.stringToTerraform(c.k6AccessToken),
      k6_url: cdktf.stringToTerraform(c.k6Url),
      oncall_access_token: cdktf.stringToTerraform(c.oncallAccessToken),
      oncall_url: cdktf.stringToTerraform(c.oncallUrl),
      org_id: cdktf.numberToTerraform(c.orgId),
      retries: cdktf.numberToTerraform(c.retries),
      retry_status_codes: cdktf.listMapper(cdktf.stringToTerraform, false)(c.retryStatusCodes),
      retry_wait: cdktf.numberToTerraform(c.retryWait),
      sm_access_token: cdktf.stringToTerraform(c.smAccessToken),
      sm_url: cdktf.stringToTerraform(c.smUrl),
      stack_id: cdktf.numberToTerraform(c.stackId),
      store_dashboard_sha256: cdktf.booleanToTerraform(c.storeDashboardSha256),
      tls_cert: cdktf.stringToTerraform(c.tlsCert),
      tls_key: cdktf.stringToTerraform(c.tlsKey),
      url: cdktf.stringToTerraform(c.url),
      alias: cdktf.stringToTerraform(this._alias),
    };
  }
}

/**
 * `TerraformProvider.toTerraform()` runs every key of the provider block through cdktf's
 * `keysToSnakeCase`, which would turn a header such as `X-Scope-OrgID` into `x_scope_org_id`.
 * Wrapping the map in a lazy token hides it from that pass; it resolves to the same object (a
 * token to its expression, undefined to nothing, so the attribute is left out).
 */
function verbatimKeys(map: { [key: string]: string } | undefined): cdktf.IResolvable {
  return cdktf.Lazy.anyValue({ produce: () => map });
}
