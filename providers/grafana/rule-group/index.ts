/**
 * Hand-written CDKTF binding for the `grafana_rule_group` resource.
 *
 * Mirrors grafana/grafana v4.45.1 (`terraform providers schema -json`, resource schema version 0)
 * and is shaped like `cdktf get` output, so a later `cdktf get` can replace it without changes in
 * callers. The mutators (setters, `putX`, `resetX`), the `xInput` getters and the output-reference
 * classes that `cdktf get` also generates are omitted.
 *
 * `folderUid` must be a folder UID (`folder.uid`; `folder.id` is `<orgID>:<uid>` and fails the
 * provider's regex). `rule.data.relative_time_range`, `rule.notification_settings` and
 * `rule.record` are list blocks with at most one element: they are single objects here and are
 * emitted as single JSON objects (valid Terraform JSON for one block), exactly like `cdktf get`.
 * `record` conflicts with `for`, `no_data_state`, `exec_err_state`, `condition` and
 * `keep_firing_for`; without `record`, `condition` is required.
 *
 * Docs: https://registry.terraform.io/providers/grafana/grafana/4.45.1/docs/resources/rule_group
 */
import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

export interface RuleGroupConfig extends cdktf.TerraformMetaArguments {
  /**
   * `disable_provenance`: allow editing the rule group outside Terraform.
   * @default false
   */
  readonly disableProvenance?: boolean | cdktf.IResolvable;
  /** `folder_uid` (required, forces replacement): UID of the folder holding the group. */
  readonly folderUid: string;
  /** `id` (optional, computed): normally left unset. */
  readonly id?: string;
  /** `interval_seconds` (required): evaluation interval of the group, in seconds. */
  readonly intervalSeconds: number;
  /** `name` (required, forces replacement): name of the rule group. */
  readonly name: string;
  /** `org_id`: organization ID; defaults to the provider's org. */
  readonly orgId?: string;
  /** `rule` block (list, at least one): the alert or recording rules of the group. */
  readonly rule: RuleGroupRule[] | cdktf.IResolvable;
}

/** `rule.data.relative_time_range` block (list, exactly one): query window in seconds before now. */
export interface RuleGroupRuleDataRelativeTimeRange {
  /** `from` (required): start of the window, seconds in the past. */
  readonly from: number;
  /** `to` (required): end of the window, seconds in the past (0 = now). */
  readonly to: number;
}

export function ruleGroupRuleDataRelativeTimeRangeToTerraform(struct?: RuleGroupRuleDataRelativeTimeRange | cdktf.IResolvable): any {
  if (passThrough(struct)) { return struct; }
  const s = struct as RuleGroupRuleDataRelativeTimeRange;
  return {
    from: cdktf.numberToTerraform(s.from),
    to: cdktf.numberToTerraform(s.to),
  };
}

/** `rule.data` block (list, at least one): a query or expression stage of the rule. */
export interface RuleGroupRuleData {
  /** `datasource_uid` (required): data source UID, or `__expr__` (legacy `-100`) for expressions. */
  readonly datasourceUid: string;
  /** `model` (required): JSON string of the query/expression model. */
  readonly model: string;
  /**
   * `query_type`: optional query type identifier.
   * @default ""
   */
  readonly queryType?: string;
  /** `ref_id` (required): ID of this stage within the rule (e.g. `A`). */
  readonly refId: string;
  /** `relative_time_range` block (list, exactly one). */
  readonly relativeTimeRange: RuleGroupRuleDataRelativeTimeRange;
}

export function ruleGroupRuleDataToTerraform(struct?: RuleGroupRuleData | cdktf.IResolvable): any {
  if (passThrough(struct)) { return struct; }
  const s = struct as RuleGroupRuleData;
  return {
    datasource_uid: cdktf.stringToTerraform(s.datasourceUid),
    model: cdktf.stringToTerraform(s.model),
    query_type: cdktf.stringToTerraform(s.queryType),
    ref_id: cdktf.stringToTerraform(s.refId),
    relative_time_range: ruleGroupRuleDataRelativeTimeRangeToTerraform(s.relativeTimeRange),
  };
}

/** `rule.notification_settings` block (list, max 1): simplified routing (Grafana 10.4+, `alertingSimplifiedRouting`). */
export interface RuleGroupRuleNotificationSettings {
  /** `active_timings`: time-interval names during which notifications are sent. */
  readonly activeTimings?: string[];
  /** `contact_point` (required): contact point name. */
  readonly contactPoint: string;
  /** `group_by`: labels to group by; must include `alertname` and `grafana_folder` when set. */
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
  /** `mute_timings`: mute-timing names. */
  readonly muteTimings?: string[];
  /**
   * `repeat_interval`: minimum time before re-sending a notification for a firing alert.
   * @default "4h"
   */
  readonly repeatInterval?: string;
}

export function ruleGroupRuleNotificationSettingsToTerraform(struct?: RuleGroupRuleNotificationSettings | cdktf.IResolvable): any {
  if (passThrough(struct)) { return struct; }
  const s = struct as RuleGroupRuleNotificationSettings;
  return {
    active_timings: cdktf.listMapper(cdktf.stringToTerraform, false)(s.activeTimings),
    contact_point: cdktf.stringToTerraform(s.contactPoint),
    group_by: cdktf.listMapper(cdktf.stringToTerraform, false)(s.groupBy),
    group_interval: cdktf.stringToTerraform(s.groupInterval),
    group_wait: cdktf.stringToTerraform(s.groupWait),
    mute_timings: cdktf.listMapper(cdktf.stringToTerraform, false)(s.muteTimings),
    repeat_interval: cdktf.stringToTerraform(s.repeatInterval),
  };
}

/** `rule.record` block (list, max 1): makes the rule a recording rule (Grafana 11.2+). */
export interface RuleGroupRuleRecord {
  /** `from` (required): `ref_id` of the stage whose result is recorded. */
  readonly from: string;
  /** `metric` (required): name of the metric to write. */
  readonly metric: string;
  /** `target_datasource_uid`: UID of the data source to write to. */
  readonly targetDatasourceUid?: string;
}

export function ruleGroupRuleRecordToTerraform(struct?: RuleGroupRuleRecord | cdktf.IResolvable): any {
  if (passThrough(struct)) { return struct; }
  const s = struct as RuleGroupRuleRecord;
  return {
    from: cdktf.stringToTerraform(s.from),
    metric: cdktf.stringToTerraform(s.metric),
    target_datasource_uid: cdktf.stringToTerraform(s.targetDatasourceUid),
  };
}

/** `rule` block (list, at least one). */
export interface RuleGroupRule {
  /** `annotations` (map): e.g. `summary`, `runbook_url`; keys are kept verbatim. */
  readonly annotations?: { [key: string]: string };
  /** `condition`: `ref_id` of the stage used as the alert condition (required unless `record` is set). */
  readonly condition?: string;
  /**
   * `exec_err_state`: state on query error, one of `OK`, `Error`, `KeepLast`, `Alerting`.
   * @default "Alerting"
   */
  readonly execErrState?: string;
  /**
   * `for`: how long the condition must hold before the alert fires (pending period).
   * @default "0"
   */
  readonly for?: string;
  /**
   * `is_paused`: pause evaluation of the rule.
   * @default false
   */
  readonly isPaused?: boolean | cdktf.IResolvable;
  /** `keep_firing_for`: how long the alert keeps firing after the condition stops holding. */
  readonly keepFiringFor?: string;
  /** `labels` (map): labels used for routing and grouping; keys are kept verbatim. */
  readonly labels?: { [key: string]: string };
  /**
   * `missing_series_evals_to_resolve`: missing evaluations before a series is resolved.
   * @default 2
   */
  readonly missingSeriesEvalsToResolve?: number;
  /** `name` (required): name of the rule. */
  readonly name: string;
  /**
   * `no_data_state`: state on no data, one of `OK`, `NoData`, `KeepLast`, `Alerting`.
   * @default "NoData"
   */
  readonly noDataState?: string;
  /** `uid` (optional, computed): unique identifier of the rule. */
  readonly uid?: string;
  /** `data` block (list, at least one). */
  readonly data: RuleGroupRuleData[] | cdktf.IResolvable;
  /** `notification_settings` block (list, max 1). */
  readonly notificationSettings?: RuleGroupRuleNotificationSettings;
  /** `record` block (list, max 1). */
  readonly record?: RuleGroupRuleRecord;
}

export function ruleGroupRuleToTerraform(struct?: RuleGroupRule | cdktf.IResolvable): any {
  if (passThrough(struct)) { return struct; }
  const s = struct as RuleGroupRule;
  return {
    annotations: cdktf.hashMapper(cdktf.stringToTerraform)(s.annotations),
    condition: cdktf.stringToTerraform(s.condition),
    exec_err_state: cdktf.stringToTerraform(s.execErrState),
    for: cdktf.stringToTerraform(s.for),
    is_paused: cdktf.booleanToTerraform(s.isPaused),
    keep_firing_for: cdktf.stringToTerraform(s.keepFiringFor),
    labels: cdktf.hashMapper(cdktf.stringToTerraform)(s.labels),
    missing_series_evals_to_resolve: cdktf.numberToTerraform(s.missingSeriesEvalsToResolve),
    name: cdktf.stringToTerraform(s.name),
    no_data_state: cdktf.stringToTerraform(s.noDataState),
    uid: cdktf.stringToTerraform(s.uid),
    data: cdktf.listMapper(ruleGroupRuleDataToTerraform, true)(s.data),
    notification_settings: ruleGroupRuleNotificationSettingsToTerraform(s.notificationSettings),
    record: ruleGroupRuleRecordToTerraform(s.record),
  };
}

/** `grafana_rule_group` */
export class RuleGroup extends cdktf.TerraformResource {
  public static readonly tfResourceType = 'grafana_rule_group';

  /** Generates config for importing an existing rule group on `cdktf plan`. */
  public static generateConfigForImport(
    scope: Construct,
    importToId: string,
    importFromId: string,
    provider?: cdktf.TerraformProvider,
  ): cdktf.ImportableResource {
    return new cdktf.ImportableResource(scope, importToId, {
      terraformResourceType: 'grafana_rule_group',
      importId: importFromId,
      provider,
    });
  }

  private readonly input: RuleGroupConfig;

  public constructor(scope: Construct, id: string, config: RuleGroupConfig) {
    super(scope, id, {
      terraformResourceType: 'grafana_rule_group',
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

  public get disableProvenance(): cdktf.IResolvable { return this.getBooleanAttribute('disable_provenance'); }
  public get folderUid(): string { return this.getStringAttribute('folder_uid'); }
  public get id(): string { return this.getStringAttribute('id'); }
  public get intervalSeconds(): number { return this.getNumberAttribute('interval_seconds'); }
  public get name(): string { return this.getStringAttribute('name'); }
  public get orgId(): string { return this.getStringAttribute('org_id'); }
  /** The `rule` blocks as a token (`cdktf get` returns a list output reference here). */
  public get rule(): cdktf.IResolvable { return this.interpolationForAttribute('rule'); }

  protected override synthesizeAttributes(): { [name: string]: any } {
    const c = this.input;
    return {
      disable_provenance: cdktf.booleanToTerraform(c.disableProvenance),
      folder_uid: cdktf.stringToTerraform(c.folderUid),
      id: cdktf.stringToTerraform(c.id),
      interval_seconds: cdktf.numberToTerraform(c.intervalSeconds),
      name: cdktf.stringToTerraform(c.name),
      org_id: cdktf.stringToTerraform(c.orgId),
      rule: cdktf.listMapper(ruleGroupRuleToTerraform, true)(c.rule),
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
