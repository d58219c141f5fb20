/**
 * Hand-written CDKTF binding for the `sentry_project` resource.
 *
 * Mirrors jianyuan/sentry v0.15.4 (`terraform providers schema -json`, resource schema version 0)
 * and is shaped like `cdktf get` output, so a later `cdktf get` can replace it without changes in
 * callers. The mutators (setters, `putX`, `resetX`), the `xInput` getters and the output-reference
 * classes that `cdktf get` also generates are omitted.
 *
 * `filters` and `clientSecurity` are nested *attributes* (single objects, `filters = {...}` in HCL),
 * not blocks, and are emitted as JSON objects. `teams` is a set of team slugs (there is no `team`).
 * `id` is the project slug; `internalId` is the numeric ID.
 *
 * Docs: https://registry.terraform.io/providers/jianyuan/sentry/0.15.4/docs/resources/project
 */
import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

export interface ProjectConfig extends cdktf.TerraformMetaArguments {
  /** `client_security` (nested attribute, optional, computed): accepted origins and scraping options. */
  readonly clientSecurity?: ProjectClientSecurity;
  /** `default_key`: create a default client key on project creation (creation only). */
  readonly defaultKey?: boolean | cdktf.IResolvable;
  /**
   * `default_rules`: create Sentry's default "alert on every new issue" rule.
   * @default true
   */
  readonly defaultRules?: boolean | cdktf.IResolvable;
  /** `digests_max_delay` (optional, computed): maximum seconds between digest deliveries. */
  readonly digestsMaxDelay?: number;
  /** `digests_min_delay` (optional, computed): minimum seconds between digest deliveries. */
  readonly digestsMinDelay?: number;
  /** `filters` (nested attribute, optional, computed): inbound data filters. */
  readonly filters?: ProjectFilters;
  /** `fingerprinting_rules` (optional, computed): server-side fingerprint rules. */
  readonly fingerprintingRules?: string;
  /** `grouping_enhancements` (optional, computed): stack trace grouping rules. */
  readonly groupingEnhancements?: string;
  /** `highlight_tags` (set, optional, computed): tag keys highlighted on issues. */
  readonly highlightTags?: string[];
  /** `name` (required): project name. */
  readonly name: string;
  /** `organization` (required): organization slug. */
  readonly organization: string;
  /** `platform`: project platform, e.g. `python`, `node`, `javascript` (validated enum). */
  readonly platform?: string;
  /** `resolve_age` (optional, computed): hours after which unseen issues are auto-resolved. */
  readonly resolveAge?: number;
  /** `slug` (optional, computed): project slug. */
  readonly slug?: string;
  /** `teams` (required, set): slugs of the teams owning the project. */
  readonly teams: string[];
}

/** `client_security` nested attribute (single). */
export interface ProjectClientSecurity {
  /** `allowed_domains` (set, optional, computed): allowed origins, e.g. `https://example.com`, `*`. */
  readonly allowedDomains?: string[];
  /** `scrape_javascript` (optional, computed): fetch missing JavaScript sources. */
  readonly scrapeJavascript?: boolean | cdktf.IResolvable;
  /** `security_token` (optional, computed): token sent on outbound requests to allowed domains. */
  readonly securityToken?: string;
  /** `security_token_header` (optional, computed): header carrying `security_token`. */
  readonly securityTokenHeader?: string;
  /** `verify_tls_ssl` (optional, computed): verify TLS on outbound requests. */
  readonly verifyTlsSsl?: boolean | cdktf.IResolvable;
}

export function projectClientSecurityToTerraform(struct?: ProjectClientSecurity | cdktf.IResolvable): any {
  if (passThrough(struct)) { return struct; }
  const s = struct as ProjectClientSecurity;
  return {
    allowed_domains: cdktf.listMapper(cdktf.stringToTerraform, false)(s.allowedDomains),
    scrape_javascript: cdktf.booleanToTerraform(s.scrapeJavascript),
    security_token: cdktf.stringToTerraform(s.securityToken),
    security_token_header: cdktf.stringToTerraform(s.securityTokenHeader),
    verify_tls_ssl: cdktf.booleanToTerraform(s.verifyTlsSsl),
  };
}

/** `filters` nested attribute (single). */
export interface ProjectFilters {
  /** `blacklisted_ips` (set, optional, computed): drop events from these IPs/CIDRs. */
  readonly blacklistedIps?: string[];
  /** `error_messages` (set, optional, computed): drop events whose message matches these globs. */
  readonly errorMessages?: string[];
  /** `releases` (set, optional, computed): drop events from releases matching these globs. */
  readonly releases?: string[];
}

export function projectFiltersToTerraform(struct?: ProjectFilters | cdktf.IResolvable): any {
  if (passThrough(struct)) { return struct; }
  const s = struct as ProjectFilters;
  return {
    blacklisted_ips: cdktf.listMapper(cdktf.stringToTerraform, false)(s.blacklistedIps),
    error_messages: cdktf.listMapper(cdktf.stringToTerraform, false)(s.errorMessages),
    releases: cdktf.listMapper(cdktf.stringToTerraform, false)(s.releases),
  };
}

/** `sentry_project` */
export class Project extends cdktf.TerraformResource {
  public static readonly tfResourceType = 'sentry_project';

  /** Generates config for importing an existing project on `cdktf plan`. */
  public static generateConfigForImport(
    scope: Construct,
    importToId: string,
    importFromId: string,
    provider?: cdktf.TerraformProvider,
  ): cdktf.ImportableResource {
    return new cdktf.ImportableResource(scope, importToId, {
      terraformResourceType: 'sentry_project',
      importId: importFromId,
      provider,
    });
  }

  private readonly input: ProjectConfig;

  public constructor(scope: Construct, id: string, config: ProjectConfig) {
    super(scope, id, {
      terraformResourceType: 'sentry_project',
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

  /** `client_security` as token-valued fields (`cdktf get` returns an output reference here). */
  public get clientSecurity(): {
    readonly allowedDomains: string[];
    readonly scrapeJavascript: cdktf.IResolvable;
    readonly securityToken: string;
    readonly securityTokenHeader: string;
    readonly verifyTlsSsl: cdktf.IResolvable;
  } {
    return {
      allowedDomains: cdktf.Fn.tolist(this.getListAttribute('client_security.allowed_domains')),
      scrapeJavascript: this.getBooleanAttribute('client_security.scrape_javascript'),
      securityToken: this.getStringAttribute('client_security.security_token'),
      securityTokenHeader: this.getStringAttribute('client_security.security_token_header'),
      verifyTlsSsl: this.getBooleanAttribute('client_security.verify_tls_ssl'),
    };
  }
  public get defaultKey(): cdktf.IResolvable { return this.getBooleanAttribute('default_key'); }
  public get defaultRules(): cdktf.IResolvable { return this.getBooleanAttribute('default_rules'); }
  public get digestsMaxDelay(): number { return this.getNumberAttribute('digests_max_delay'); }
  public get digestsMinDelay(): number { return this.getNumberAttribute('digests_min_delay'); }
  /** `features` (computed, set). */
  public get features(): string[] { return cdktf.Fn.tolist(this.getListAttribute('features')); }
  /** `filters` as token-valued fields (`cdktf get` returns an output reference here). */
  public get filters(): {
    readonly blacklistedIps: string[];
    readonly errorMessages: string[];
    readonly releases: string[];
  } {
    return {
      blacklistedIps: cdktf.Fn.tolist(this.getListAttribute('filters.blacklisted_ips')),
      errorMessages: cdktf.Fn.tolist(this.getListAttribute('filters.error_messages')),
      releases: cdktf.Fn.tolist(this.getListAttribute('filters.releases')),
    };
  }
  public get fingerprintingRules(): string { return this.getStringAttribute('fingerprinting_rules'); }
  public get groupingEnhancements(): string { return this.getStringAttribute('grouping_enhancements'); }
  public get highlightTags(): string[] { return cdktf.Fn.tolist(this.getListAttribute('highlight_tags')); }
  /** `id` (computed): the project slug. */
  public get id(): string { return this.getStringAttribute('id'); }
  /** `internal_id` (computed): numeric project ID. */
  public get internalId(): string { return this.getStringAttribute('internal_id'); }
  public get name(): string { return this.getStringAttribute('name'); }
  public get organization(): string { return this.getStringAttribute('organization'); }
  public get platform(): string { return this.getStringAttribute('platform'); }
  public get resolveAge(): number { return this.getNumberAttribute('resolve_age'); }
  public get slug(): string { return this.getStringAttribute('slug'); }
  public get teams(): string[] { return cdktf.Fn.tolist(this.getListAttribute('teams')); }

  protected override synthesizeAttributes(): { [name: string]: any } {
    const c = this.input;
    return {
      client_security: projectClientSecurityToTerraform(c.clientSecurity),
      default_key: cdktf.booleanToTerraform(c.defaultKey),
      default_rules: cdktf.booleanToTerraform(c.defaultRules),
      digests_max_delay: cdktf.numberToTerraform(c.digestsMaxDelay),
      digests_min_delay: cdktf.numberToTerraform(c.digestsMinDelay),
      filters: projectFiltersToTerraform(c.filters),
      fingerprinting_rules: cdktf.stringToTerraform(c.fingerprintingRules),
      grouping_enhancements: cdktf.stringToTerraform(c.groupingEnhancements),
      highlight_tags: cdktf.listMapper(cdktf.stringToTerraform, false)(c.highlightTags),
      name: cdktf.stringToTerraform(c.name),
      organization: cdktf.stringToTerraform(c.organization),
      platform: cdktf.stringToTerraform(c.platform),
      resolve_age: cdktf.numberToTerraform(c.resolveAge),
      slug: cdktf.stringToTerraform(c.slug),
      teams: cdktf.listMapper(cdktf.stringToTerraform, false)(c.teams),
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
