/**
 * Hand-written CDKTF binding for the `sentry` provider block.
 *
 * Mirrors the provider schema of jianyuan/sentry v0.15.4 (`terraform providers schema -json`),
 * shaped like the output of `cdktf get` (same module path, class and property names), so that a
 * later `cdktf get` with `"codeMakerOutput": "providers"` can replace this file.
 * The mutators (`resetX`, setters other than `alias`) and the `xInput` getters that `cdktf get`
 * also generates are omitted.
 *
 * Both attributes are optional: the token comes from `SENTRY_AUTH_TOKEN` (fallback `SENTRY_TOKEN`)
 * and the URL from `SENTRY_BASE_URL`. Note that the provider calls Sentry's API while being
 * configured, so `terraform plan` needs network access and a valid token; `cdktf synth` does not.
 *
 * Deliberate difference from `cdktf get`: only `providerVersionConstraint` is passed in the
 * generator metadata, so `required_providers` carries `~> 0.15.4` rather than the exact `0.15.4`.
 *
 * Docs: https://registry.terraform.io/providers/jianyuan/sentry/0.15.4/docs
 */
import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

export interface SentryProviderConfig {
  /**
   * `base_url`: Sentry API base URL in the form `https://<host>/api/`. Env: `SENTRY_BASE_URL`.
   * @default "https://sentry.io/api/"
   */
  readonly baseUrl?: string;
  /** `token` (sensitive): Sentry auth token. Env: `SENTRY_AUTH_TOKEN` (fallback `SENTRY_TOKEN`). */
  readonly token?: string;
  /** Provider alias, for several `sentry` provider configurations in one stack. */
  readonly alias?: string;
}

/** The `sentry` provider (source `jianyuan/sentry`, constraint `~> 0.15.4`). */
export class SentryProvider extends cdktf.TerraformProvider {
  public static readonly tfResourceType = 'sentry';

  private readonly input: SentryProviderConfig;
  private _alias?: string;

  public constructor(scope: Construct, id: string, config: SentryProviderConfig = {}) {
    super(scope, id, {
      terraformResourceType: 'sentry',
      terraformGeneratorMetadata: {
        providerName: 'sentry',
        providerVersionConstraint: '~> 0.15.4',
      },
      terraformProviderSource: 'jianyuan/sentry',
    });
    this.input = config;
    this._alias = config.alias;
  }

  // Providers cannot be referenced in Terraform, so these getters return the configured values.
  public get baseUrl(): string | undefined { return this.input.baseUrl; }
  public get token(): string | undefined { return this.input.token; }

  public override get alias(): string | undefined {
    return this._alias;
  }
  public override set alias(value: string | undefined) {
    this._alias = value;
  }

  protected override synthesizeAttributes(): { [name: string]: any } {
    return {
      base_url: cdktf.stringToTerraform(this.input.baseUrl),
      token: cdktf.stringToTerraform(this.input.token),
      alias: cdktf.stringToTerraform(this._alias),
    };
  }
}
