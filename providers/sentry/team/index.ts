/**
 * Hand-written CDKTF binding for the `sentry_team` resource.
 *
 * Mirrors jianyuan/sentry v0.15.4 (`terraform providers schema -json`, resource schema version 0)
 * and is shaped like `cdktf get` output, so a later `cdktf get` can replace it without changes in
 * callers. The mutators (setters, `putX`, `resetX`), the `xInput` getters and the output-reference
 * classes that `cdktf get` also generates are omitted.
 *
 * `id` is the team *slug*; `internalId` is the numeric ID that alert targets and owners expect.
 * The deprecated `team_id` attribute is not bound (use `internalId`).
 *
 * Docs: https://registry.terraform.io/providers/jianyuan/sentry/0.15.4/docs/resources/team
 */
import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

export interface TeamConfig extends cdktf.TerraformMetaArguments {
  /** `id` (optional, computed): the team slug; normally left unset. */
  readonly id?: string;
  /** `name` (required): name of the team. */
  readonly name: string;
  /** `organization` (required): slug of the organization that owns the team. */
  readonly organization: string;
  /** `slug` (optional, computed): team slug; derived from the name when unset. */
  readonly slug?: string;
}

/** `sentry_team` */
export class Team extends cdktf.TerraformResource {
  public static readonly tfResourceType = 'sentry_team';

  /** Generates config for importing an existing team on `cdktf plan`. */
  public static generateConfigForImport(
    scope: Construct,
    importToId: string,
    importFromId: string,
    provider?: cdktf.TerraformProvider,
  ): cdktf.ImportableResource {
    return new cdktf.ImportableResource(scope, importToId, {
      terraformResourceType: 'sentry_team',
      importId: importFromId,
      provider,
    });
  }

  private readonly input: TeamConfig;

  public constructor(scope: Construct, id: string, config: TeamConfig) {
    super(scope, id, {
      terraformResourceType: 'sentry_team',
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

  /** `has_access` (computed). */
  public get hasAccess(): cdktf.IResolvable { return this.getBooleanAttribute('has_access'); }
  public get id(): string { return this.getStringAttribute('id'); }
  /** `internal_id` (computed): numeric team ID. */
  public get internalId(): string { return this.getStringAttribute('internal_id'); }
  /** `is_member` (computed). */
  public get isMember(): cdktf.IResolvable { return this.getBooleanAttribute('is_member'); }
  /** `is_pending` (computed). */
  public get isPending(): cdktf.IResolvable { return this.getBooleanAttribute('is_pending'); }
  public get name(): string { return this.getStringAttribute('name'); }
  public get organization(): string { return this.getStringAttribute('organization'); }
  public get slug(): string { return this.getStringAttribute('slug'); }

  protected override synthesizeAttributes(): { [name: string]: any } {
    const c = this.input;
    return {
      id: cdktf.stringToTerraform(c.id),
      name: cdktf.stringToTerraform(c.name),
      organization: cdktf.stringToTerraform(c.organization),
      slug: cdktf.stringToTerraform(c.slug),
    };
  }
}
