/**
 * Hand-written CDKTF binding for the `sentry_metric_monitor` resource (successor of the deprecated
 * `sentry_metric_alert`; pair it with `sentry_alert` to notify).
 *
 * Mirrors jianyuan/sentry v0.15.4 (`terraform providers schema -json`, resource schema version 0)
 * and is shaped like `cdktf get` output, so a later `cdktf get` can replace it without changes in
 * callers. The mutators (setters, `putX`, `resetX`), the `xInput` getters and the output-reference
 * classes that `cdktf get` also generates are omitted.
 *
 * `conditionGroup`, `issueDetection` and `owner` are nested *attributes* with single nesting
 * (emitted as JSON objects); `conditionGroup.conditions` is a nested attribute list (JSON array).
 *
 * Docs: https://registry.terraform.io/providers/jianyuan/sentry/0.15.4/docs/resources/metric_monitor
 */
import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

export interface MetricMonitorConfig extends cdktf.TerraformMetaArguments {
  /** `aggregate` (required): aggregate query, e.g. `count()`, `p95(transaction.duration)`. */
  readonly aggregate: string;
  /** `condition_group` (required nested attribute): detection conditions. */
  readonly conditionGroup: MetricMonitorConditionGroup;
  /** `dataset` (required): dataset to query, e.g. `events`, `transactions`, `spans`. */
  readonly dataset: string;
  /** `description`: description, used in the resulting issue. */
  readonly description?: string;
  /**
   * `enabled` (optional, computed): whether the monitor is enabled.
   * @default true
   */
  readonly enabled?: boolean | cdktf.IResolvable;
  /** `environment`: environment to run the query on. */
  readonly environment?: string;
  /** `event_types` (required, set): e.g. `error`, `default`, `transaction`. */
  readonly eventTypes: string[];
  /** `extrapolation_mode` (optional, computed): `unknown`, `none`, `client_and_server_weighted`, `server_weighted`. */
  readonly extrapolationMode?: string;
  /** `issue_detection` (required nested attribute): detection type. */
  readonly issueDetection: MetricMonitorIssueDetection;
  /** `name` (required): name of the monitor. */
  readonly name: string;
  /** `organization` (required): organization slug or internal ID. */
  readonly organization: string;
  /** `owner` (nested attribute): assignee of new issues. */
  readonly owner?: MetricMonitorOwner;
  /** `project` (required): project slug or internal ID. */
  readonly project: string;
  /** `query` (optional, computed): event search query, e.g. `http.status_code:400`. */
  readonly query?: string;
  /** `query_type` (optional, computed): `error`, `performance` or `crash_rate`; defaults per dataset. */
  readonly queryType?: string;
  /** `time_window_seconds` (optional, computed): aggregation window in seconds. */
  readonly timeWindowSeconds?: number;
}

/** `condition_group.conditions` nested attribute (list). */
export interface MetricMonitorConditionGroupConditions {
  /** `comparison`: value to compare against (all types except `anomaly_detection`). */
  readonly comparison?: number;
  /** `comparison_sensitivity`: `low`, `medium` or `high` (`anomaly_detection` only). */
  readonly comparisonSensitivity?: string;
  /** `comparison_threshold_type`: `above`, `below` or `above_and_below` (`anomaly_detection` only). */
  readonly comparisonThresholdType?: string;
  /** `condition_result` (required): priority set when the condition is met: 75 high, 50 medium, 0 resolve. */
  readonly conditionResult: number;
  /** `type` (required): comparison type, e.g. `gt`, `lte`, `anomaly_detection`. */
  readonly type: string;
}

export function metricMonitorConditionGroupConditionsToTerraform(struct?: MetricMonitorConditionGroupConditions | cdktf.IResolvable): any {
  if (passThrough(struct)) { return struct; }
  const s = struct as MetricMonitorConditionGroupConditions;
  return {
    comparison: cdktf.numberToTerraform(s.comparison),
    comparison_sensitivity: cdktf.stringToTerraform(s.comparisonSensitivity),
    comparison_threshold_type: cdktf.stringToTerraform(s.comparisonThresholdType),
    condition_result: cdktf.numberToTerraform(s.conditionResult),
    type: cdktf.stringToTerraform(s.type),
  };
}

/** `condition_group` nested attribute (single). */
export interface MetricMonitorConditionGroup {
  /** `conditions` (required nested attribute list). */
  readonly conditions: MetricMonitorConditionGroupConditions[] | cdktf.IResolvable;
  /** `logic_type` (optional, computed): `any`, `any-short`, `all` or `none`. */
  readonly logicType?: string;
}

export function metricMonitorConditionGroupToTerraform(struct?: MetricMonitorConditionGroup | cdktf.IResolvable): any {
  if (passThrough(struct)) { return struct; }
  const s = struct as MetricMonitorConditionGroup;
  return {
    conditions: cdktf.listMapper(metricMonitorConditionGroupConditionsToTerraform, false)(s.conditions),
    logic_type: cdktf.stringToTerraform(s.logicType),
  };
}

/** `issue_detection` nested attribute (single). */
export interface MetricMonitorIssueDetection {
  /** `comparison_delta`: comparison delta in seconds (`percent` type only). */
  readonly comparisonDelta?: number;
  /** `type` (required): `static` (threshold), `percent` (change) or `dynamic`. */
  readonly type: string;
}

export function metricMonitorIssueDetectionToTerraform(struct?: MetricMonitorIssueDetection | cdktf.IResolvable): any {
  if (passThrough(struct)) { return struct; }
  const s = struct as MetricMonitorIssueDetection;
  return {
    comparison_delta: cdktf.numberToTerraform(s.comparisonDelta),
    type: cdktf.stringToTerraform(s.type),
  };
}

/** `owner` nested attribute (single); `teamId` and `userId` conflict. */
export interface MetricMonitorOwner {
  /** `team_id`: internal ID of the team to assign new issues to. */
  readonly teamId?: string;
  /** `user_id`: ID of the user to assign new issues to. */
  readonly userId?: string;
}

export function metricMonitorOwnerToTerraform(struct?: MetricMonitorOwner | cdktf.IResolvable): any {
  if (passThrough(struct)) { return struct; }
  const s = struct as MetricMonitorOwner;
  return {
    team_id: cdktf.stringToTerraform(s.teamId),
    user_id: cdktf.stringToTerraform(s.userId),
  };
}

/** `sentry_metric_monitor` */
export class MetricMonitor extends cdktf.TerraformResource {
  public static readonly tfResourceType = 'sentry_metric_monitor';

  /** Generates config for importing an existing monitor (`org/project/monitor-id`) on `cdktf plan`. */
  public static generateConfigForImport(
    scope: Construct,
    importToId: string,
    importFromId: string,
    provider?: cdktf.TerraformProvider,
  ): cdktf.ImportableResource {
    return new cdktf.ImportableResource(scope, importToId, {
      terraformResourceType: 'sentry_metric_monitor',
      importId: importFromId,
      provider,
    });
  }

  private readonly input: MetricMonitorConfig;

  public constructor(scope: Construct, id: string, config: MetricMonitorConfig) {
    super(scope, id, {
      terraformResourceType: 'sentry_metric_monitor',
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

  public get aggregate(): string { return this.getStringAttribute('aggregate'); }
  /** `condition_group` as a token (`cdktf get` returns an output reference here). */
  public get conditionGroup(): cdktf.IResolvable { return this.interpolationForAttribute('condition_group'); }
  public get dataset(): string { return this.getStringAttribute('dataset'); }
  public get description(): string { return this.getStringAttribute('description'); }
  public get enabled(): cdktf.IResolvable { return this.getBooleanAttribute('enabled'); }
  public get environment(): string { return this.getStringAttribute('environment'); }
  public get eventTypes(): string[] { return cdktf.Fn.tolist(this.getListAttribute('event_types')); }
  public get extrapolationMode(): string { return this.getStringAttribute('extrapolation_mode'); }
  /** `id` (computed): internal ID of the monitor (use it in `sentry_alert.monitor_ids`). */
  public get id(): string { return this.getStringAttribute('id'); }
  /** `issue_detection` as token-valued fields (`cdktf get` returns an output reference here). */
  public get issueDetection(): { readonly comparisonDelta: number; readonly type: string } {
    return {
      comparisonDelta: this.getNumberAttribute('issue_detection.comparison_delta'),
      type: this.getStringAttribute('issue_detection.type'),
    };
  }
  public get name(): string { return this.getStringAttribute('name'); }
  public get organization(): string { return this.getStringAttribute('organization'); }
  /** `owner` as token-valued fields (`cdktf get` returns an output reference here). */
  public get owner(): { readonly teamId: string; readonly userId: string } {
    return {
      teamId: this.getStringAttribute('owner.team_id'),
      userId: this.getStringAttribute('owner.user_id'),
    };
  }
  public get project(): string { return this.getStringAttribute('project'); }
  public get query(): string { return this.getStringAttribute('query'); }
  public get queryType(): string { return this.getStringAttribute('query_type'); }
  public get timeWindowSeconds(): number { return this.getNumberAttribute('time_window_seconds'); }

  protected override synthesizeAttributes(): { [name: string]: any } {
    const c = this.input;
    return {
      aggregate: cdktf.stringToTerraform(c.aggregate),
      condition_group: metricMonitorConditionGroupToTerraform(c.conditionGroup),
      dataset: cdktf.stringToTerraform(c.dataset),
      description: cdktf.stringToTerraform(c.description),
      enabled: cdktf.booleanToTerraform(c.enabled),
      environment: cdktf.stringToTerraform(c.environment),
      event_types: cdktf.listMapper(cdktf.stringToTerraform, false)(c.eventTypes),
      extrapolation_mode: cdktf.stringToTerraform(c.extrapolationMode),
      issue_detection: metricMonitorIssueDetectionToTerraform(c.issueDetection),
      name: cdktf.stringToTerraform(c.name),
      organization: cdktf.stringToTerraform(c.organization),
      owner: metricMonitorOwnerToTerraform(c.owner),
      project: cdktf.stringToTerraform(c.project),
      query: cdktf.stringToTerraform(c.query),
      query_type: cdktf.stringToTerraform(c.queryType),
      time_window_seconds: cdktf.numberToTerraform(c.timeWindowSeconds),
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
