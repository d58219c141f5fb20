/**
 * Hand-written CDKTF binding for the `sentry_key` resource (a project's client key / DSN).
 *
 * Mirrors jianyuan/sentry v0.15.4 (`terraform providers schema -json`, resource schema version 0)
 * and is shaped like `cdktf get` output, so a later `cdktf get` can replace it without changes in
 * callers. The mutators (setters, `putX`, `resetX`), the `xInput` getters and the output-reference
 * classes that `cdktf get` also generates are omitted.
 *
 * Read DSNs from the sensitive `dsn` map: `key.dsn.lookup('public')` synthesizes to
 * `${sentry_key.<id>.dsn["public"]}`. Any `TerraformOutput` built from it needs `sensitive: true`.
 * The deprecated `dsn_public`, `dsn_secret` and `dsn_csp` attributes are not bound.
 *
 * Docs: https://registry.terraform.io/providers/jianyuan/sentry/0.15.4/docs/resources/key
 */
import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

export interface KeyConfig extends cdktf.TerraformMetaArguments {
  /** `javascript_loader_script` (nested attribute, optional, computed): JavaScript loader settings. */
  readonly javascriptLoaderScript?: KeyJavascriptLoaderScript;
  /** `name` (required): name of the client key. */
  readonly name: string;
  /** `organization` (required): organization slug. */
  readonly organization: string;
  /** `project` (required): project slug. */
  readonly project: string;
  /** `rate_limit_count` (optional, computed): events allowed per rate-limit window. */
  readonly rateLimitCount?: number;
  /** `rate_limit_window` (optional, computed): rate-limit window in seconds. */
  readonly rateLimitWindow?: number;
}

/** `javascript_loader_script` nested attribute (single). */
export interface KeyJavascriptLoaderScript {
  /** `browser_sdk_version` (optional, computed): browser SDK version to load. */
  readonly browserSdkVersion?: string;
  /** `debug_enabled` (optional, computed): load debug bundles and enable logging. */
  readonly debugEnabled?: boolean | cdktf.IResolvable;
  /** `performance_monitoring_enabled` (optional, computed). */
  readonly performanceMonitoringEnabled?: boolean | cdktf.IResolvable;
  /** `session_replay_enabled` (optional, computed). */
  readonly sessionReplayEnabled?: boolean | cdktf.IResolvable;
}

export function keyJavascriptLoaderScriptToTerraform(struct?: KeyJavascriptLoaderScript | cdktf.IResolvable): any {
  if (passThrough(struct)) { return struct; }
  const s = struct as KeyJavascriptLoaderScript;
  return {
    browser_sdk_version: cdktf.stringToTerraform(s.browserSdkVersion),
    debug_enabled: cdktf.booleanToTerraform(s.debugEnabled),
    performance_monitoring_enabled: cdktf.booleanToTerraform(s.performanceMonitoringEnabled),
    session_replay_enabled: cdktf.booleanToTerraform(s.sessionReplayEnabled),
  };
}

/** `sentry_key` */
export class Key extends cdktf.TerraformResource {
  public static readonly tfResourceType = 'sentry_key';

  /** Generates config for importing an existing client key on `cdktf plan`. */
  public static generateConfigForImport(
    scope: Construct,
    importToId: string,
    importFromId: string,
    provider?: cdktf.TerraformProvider,
  ): cdktf.ImportableResource {
    return new cdktf.ImportableResource(scope, importToId, {
      terraformResourceType: 'sentry_key',
      importId: importFromId,
      provider,
    });
  }

  private readonly input: KeyConfig;
  private readonly dsnMap = new cdktf.StringMap(this, 'dsn');

  public constructor(scope: Construct, id: string, config: KeyConfig) {
    super(scope, id, {
      terraformResourceType: 'sentry_key',
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

  /**
   * `dsn` (computed, sensitive map): DSNs keyed by `public`, `secret`, `csp`, `security`,
   * `minidump`, `nel`, `unreal`, `cdn`, `crons`. Use `key.dsn.lookup('public')`.
   */
  public get dsn(): cdktf.StringMap { return this.dsnMap; }
  /** `id` (computed). */
  public get id(): string { return this.getStringAttribute('id'); }
  /** `javascript_loader_script` as token-valued fields (`cdktf get` returns an output reference here). */
  public get javascriptLoaderScript(): {
    readonly browserSdkVersion: string;
    readonly debugEnabled: cdktf.IResolvable;
    readonly performanceMonitoringEnabled: cdktf.IResolvable;
    readonly sessionReplayEnabled: cdktf.IResolvable;
  } {
    return {
      browserSdkVersion: this.getStringAttribute('javascript_loader_script.browser_sdk_version'),
      debugEnabled: this.getBooleanAttribute('javascript_loader_script.debug_enabled'),
      performanceMonitoringEnabled: this.getBooleanAttribute('javascript_loader_script.performance_monitoring_enabled'),
      sessionReplayEnabled: this.getBooleanAttribute('javascript_loader_script.session_replay_enabled'),
    };
  }
  public get name(): string { return this.getStringAttribute('name'); }
  public get organization(): string { return this.getStringAttribute('organization'); }
  public get project(): string { return this.getStringAttribute('project'); }
  /** `project_id` (computed): ID of the project the key belongs to. */
  public get projectId(): string { return this.getStringAttribute('project_id'); }
  /** `public` (computed): the public key. */
  public get public(): string { return this.getStringAttribute('public'); }
  public get rateLimitCount(): number { return this.getNumberAttribute('rate_limit_count'); }
  public get rateLimitWindow(): number { return this.getNumberAttribute('rate_limit_window'); }
  /** `secret` (computed, sensitive): the secret key. */
  public get secret(): string { return this.getStringAttribute('secret'); }

  protected override synthesizeAttributes(): { [name: string]: any } {
    const c = this.input;
    return {
      javascript_loader_script: keyJavascriptLoaderScriptToTerraform(c.javascriptLoaderScript),
      name: cdktf.stringToTerraform(c.name),
      organization: cdktf.stringToTerraform(c.organization),
      project: cdktf.stringToTerraform(c.project),
      rate_limit_count: cdktf.numberToTerraform(c.rateLimitCount),
      rate_limit_window: cdktf.numberToTerraform(c.rateLimitWindow),
    };
  }
}

/**
 * Guard shared by the `xToTerraform` functions: undefined, null and tokens pass through unchanged;
 * output-reference objects are rejected as configuration, as in `cdktf get` output.
 */
function passThrough(struct: unknown): boolean {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) {
    return true;
  }
  if (cdktf.isComplexElement(struct)) {
    throw new Error('A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration');
  }
  return false;
}
