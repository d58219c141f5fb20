/**
 * Hand-written CDKTF binding for the `grafana_notification_policy` resource.
 *
 * Mirrors grafana/grafana v4.45.1 (`terraform providers schema -json`, resource schema version 0)
 * and is shaped like `cdktf get` output, so a later `cdktf get` can replace it without changes in
 * callers. The mutators (setters, `putX`, `resetX`), the `xInput` getters and the output-reference
 * classes that `cdktf get` also generates are omitted.
 *
 * The resource is a singleton: it overwrites the organization's whole policy tree. Declare it once.
 *
 * Nesting: the schema spells out five levels of `policy` blocks, each with `matcher` blocks (sets).
 * `cdktf get` 0.21 detects the repetition and emits ONE self-referencing type,
 * `NotificationPolicyPolicy` (with `policy?: NotificationPolicyPolicy[]`) and one
 * `NotificationPolicyPolicyMatcher`; it emits no `NotificationPolicyPolicyPolicy...` types.
 * This binding does the same, so two schema rules are NOT enforced by the types:
 *  - at most five levels of `policy` (the fifth level has no `policy` block), and
 *  - `group_by` is *required* on the fifth (innermost) level.
 * The schema-conformance checker in `__tests__/providers/schema-checker.ts` catches both.
 *
 * Docs: https://registry.terraform.io/providers/grafana/grafana/4.45.1/docs/resources/notification_policy
 */
import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

export interface NotificationPolicyConfig extends cdktf.TerraformMetaArguments {
  /** `contact_point` (required): name of the default contact point for unmatched alerts. */
  readonly contactPoint: string;
  /**
   * `disable_provenance`: allow editing the policy tree outside Terraform.
   * @default false
   */
  readonly disableProvenance?: boolean | cdktf.IResolvable;
  /** `group_by` (required): labels to group alerts by; `...` groups by all labels. */
  readonly groupBy: string[];
  /**
   * `group_interval`: minimum time between two notifications for the same group.
   * @default "5m"
   */
  readonly groupInterval?: string;
  /**
   * `group_wait`: time to buffer alerts of a new group before notifying.
   * @default "30s"
   */
  readonly groupWait?: string;
  /** `id` (optional, computed): normally left unset. */
  readonly id?: string;
  /** `org_id`: organization ID; defaults to the provider's org. */
  readonly orgId?: string;
  /**
   * `repeat_interval`: minimum time before re-sending a notification for a firing alert.
   * @default "4h"
   */
  readonly repeatInterval?: string;
  /** `policy` block (list): routing rules for specific label sets. */
  readonly policy?: NotificationPolicyPolicy[] | cdktf.IResolvable;
}

/** `policy.matcher` block (set) at any level: an alert must match all matchers of a policy. */
export interface NotificationPolicyPolicyMatcher {
  /** `label` (required): label name. */
  readonly label: string;
  /** `match` (required): operator, one of `=`, `!=`, `=~`, `!~`. */
  readonly match: string;
  /** `value` (required): label value (or regex). */
  readonly value: string;
}

export function notificationPolicyPolicyMatcherToTerraform(struct?: NotificationPolicyPolicyMatcher | cdktf.IResolvable): any {
  if (passThrough(struct)) { return struct; }
  const s = struct as NotificationPolicyPolicyMatcher;
  return {
    label: cdktf.stringToTerraform(s.label),
    match: cdktf.stringToTerraform(s.match),
    value: cdktf.stringToTerraform(s.value),
  };
}

/**
 * `policy` block (list) at any of the five levels. On the fifth level `groupBy` is required and
 * `policy` must not be set (see the file comment).
 */
export interface NotificationPolicyPolicy {
  /** `active_timings`: mute-timing names during which alerts are sent (Grafana 12.1+). */
  readonly activeTimings?: string[];
  /** `contact_point`: contact point name for matching alerts; inherited when unset. */
  readonly contactPoint?: string;
  /** `continue`: keep matching sibling policies after this one matched. */
  readonly continue?: boolean | cdktf.IResolvable;
  /** `group_by`: labels to group by; inherited when empty. Required on the fifth level. */
  readonly groupBy?: string[];
  /**
   * `group_interval`: minimum time between two notifications for the same group.
   * @default "5m"
   */
  readonly groupInterval?: string;
  /**
   * `group_wait`: time to buffer alerts of a new group before notifying.
   * @default "30s"
   */
  readonly groupWait?: string;
  /** `mute_timings`: mute-timing names that mute matching alerts. */
  readonly muteTimings?: string[];
  /**
   * `repeat_interval`: minimum time before re-sending a notification for a firing alert.
   * @default "4h"
   */
  readonly repeatInterval?: string;
  /** `matcher` block (set): label matchers; none means match everything. */
  readonly matcher?: NotificationPolicyPolicyMatcher[] | cdktf.IResolvable;
  /** `policy` block (list): nested routing rules (not allowed on the fifth level). */
  readonly policy?: NotificationPolicyPolicy[] | cdktf.IResolvable;
}

export function notificationPolicyPolicyToTerraform(struct?: NotificationPolicyPolicy | cdktf.IResolvable): any {
  if (passThrough(struct)) { return struct; }
  const s = struct as NotificationPolicyPolicy;
  return {
    active_timings: cdktf.listMapper(cdktf.stringToTerraform, false)(s.activeTimings),
    contact_point: cdktf.stringToTerraform(s.contactPoint),
    continue: cdktf.booleanToTerraform(s.continue),
    group_by: cdktf.listMapper(cdktf.stringToTerraform, false)(s.groupBy),
    group_interval: cdktf.stringToTerraform(s.groupInterval),
    group_wait: cdktf.stringToTerraform(s.groupWait),
    mute_timings: cdktf.listMapper(cdktf.stringToTerraform, false)(s.muteTimings),
    repeat_interval: cdktf.stringToTerraform(s.repeatInterval),
    matcher: cdktf.listMapper(notificationPolicyPolicyMatcherToTerraform, true)(s.matcher),
    policy: cdktf.listMapper(notificationPolicyPolicyToTerraform, true)(s.policy),
  };
}

/** `grafana_notification_policy` */
export class NotificationPolicy extends cdktf.TerraformResource {
  public static readonly tfResourceType = 'grafana_notification_policy';

  /** Generates config for importing the existing policy tree on `cdktf plan`. */
  public static generateConfigForImport(
    scope: Construct,
    importToId: string,
    importFromId: string,
    provider?: cdktf.TerraformProvider,
  ): cdktf.ImportableResource {
    return new cdktf.ImportableResource(scope, importToId, {
      terraformResourceType: 'grafana_notification_policy',
      importId: importFromId,
      provider,
    });
  }

  private readonly input: NotificationPolicyConfig;

  public constructor(scope: Construct, id: string, config: NotificationPolicyConfig) {
    super(scope, id, {
      terraformResourceType: 'grafana_notification_policy',
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

  public get contactPoint(): string { return this.getStringAttribute('contact_point'); }
  public get disableProvenance(): cdktf.IResolvable { return this.getBooleanAttribute('disable_provenance'); }
  public get groupBy(): string[] { return this.getListAttribute('group_by'); }
  public get groupInterval(): string { return this.getStringAttribute('group_interval'); }
  public get groupWait(): string { return this.getStringAttribute('group_wait'); }
  public get id(): string { return this.getStringAttribute('id'); }
  public get orgId(): string { return this.getStringAttribute('org_id'); }
  public get repeatInterval(): string { return this.getStringAttribute('repeat_interval'); }
  /** The `policy` blocks as a token (`cdktf get` returns a list output reference here). */
  public get policy(): cdktf.IResolvable { return this.interpolationForAttribute('policy'); }

  protected override synthesizeAttributes(): { [name: string]: any } {
    const c = this.input;
    return {
      contact_point: cdktf.stringToTerraform(c.contactPoint),
      disable_provenance: cdktf.booleanToTerraform(c.disableProvenance),
      group_by: cdktf.listMapper(cdktf.stringToTerraform, false)(c.groupBy),
      group_interval: cdktf.stringToTerraform(c.groupInterval),
      group_wait: cdktf.stringToTerraform(c.groupWait),
      id: cdktf.stringToTerraform(c.id),
      org_id: cdktf.stringToTerraform(c.orgId),
      repeat_interval: cdktf.stringToTerraform(c.repeatInterval),
      policy: cdktf.listMapper(notificationPolicyPolicyToTerraform, true)(c.policy),
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
