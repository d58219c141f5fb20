/**
 * Hand-written CDKTF binding for the `sentry_alert` resource (successor of the deprecated
 * `sentry_issue_alert` and, together with `sentry_metric_monitor`, of `sentry_metric_alert`).
 *
 * Mirrors jianyuan/sentry v0.15.4 (`terraform providers schema -json`, resource schema version 0)
 * and is shaped like `cdktf get` output, so a later `cdktf get` can replace it without changes in
 * callers. The mutators (setters, `putX`, `resetX`), the `xInput` getters and the output-reference
 * classes that `cdktf get` also generates are omitted.
 *
 * Everything nested here is a framework nested *attribute*, not a block (HCL:
 * `action_filters = [{ ... }]`): lists are emitted as JSON arrays, single objects as JSON objects.
 *  - `actionFilters` (list, required): `{ logicType, conditions?, actions }`.
 *  - `actions[]`: set exactly one key per element, e.g.
 *    `{ pagerduty: { integrationId, serviceId, serviceName, severity } }` or
 *    `{ slack: { integrationId, channelName } }`.
 *  - `conditions[]` and `triggerConditions[]`: one key per element; several of them are empty
 *    objects, e.g. `triggerConditions: [{ firstSeenEvent: {} }]`.
 *  - `monitorIds`: IDs of `sentry_metric_monitor` resources or of the
 *    `sentry_project_error_monitor` / `sentry_project_issue_stream_monitor` data sources.
 *
 * Docs: https://registry.terraform.io/providers/jianyuan/sentry/0.15.4/docs/resources/alert
 */
import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

export interface AlertConfig extends cdktf.TerraformMetaArguments {
  /** `action_filters` (required nested attribute list): filters and the actions they fire. */
  readonly actionFilters: AlertActionFilters[] | cdktf.IResolvable;
  /**
   * `enabled` (optional, computed): whether the alert is enabled.
   * @default true
   */
  readonly enabled?: boolean | cdktf.IResolvable;
  /** `environment`: only alert for this environment; unset means all environments. */
  readonly environment?: string;
  /** `frequency_minutes` (required): minimum minutes between two notifications for the same issue. */
  readonly frequencyMinutes: number;
  /** `legacy_trigger_conditions`: trigger condition types this provider does not model natively. */
  readonly legacyTriggerConditions?: string[];
  /** `monitor_ids` (required, set): IDs of the monitors the alert applies to. */
  readonly monitorIds: string[];
  /** `name` (required): name of the alert. */
  readonly name: string;
  /** `organization` (required): organization slug or internal ID. */
  readonly organization: string;
  /** `trigger_conditions` (optional, computed nested attribute list): when the alert triggers. */
  readonly triggerConditions?: AlertTriggerConditions[] | cdktf.IResolvable;
}

// =============================================================================================
// action_filters[].actions[]
// =============================================================================================

/** `actions[].discord`: notify a Discord channel. */
export interface AlertActionFiltersActionsDiscord {
  /** `channel_id` (required). */
  readonly channelId: string;
  /** `integration_id` (required): Discord integration ID. */
  readonly integrationId: string;
  /** `tags`: tags to show in the notification. */
  readonly tags?: string;
}

export function alertActionFiltersActionsDiscordToTerraform(struct?: AlertActionFiltersActionsDiscord | cdktf.IResolvable): any {
  if (passThrough(struct)) { return struct; }
  const s = struct as AlertActionFiltersActionsDiscord;
  return {
    channel_id: cdktf.stringToTerraform(s.channelId),
    integration_id: cdktf.stringToTerraform(s.integrationId),
    tags: cdktf.stringToTerraform(s.tags),
  };
}

/** `actions[].email`: notify by email (issue owners, a team or a user). */
export interface AlertActionFiltersActionsEmail {
  /** `fallthrough_type`: `AllMembers`, `ActiveMembers` or `NoOne` (for `issue_owners`). */
  readonly fallthroughType?: string;
  /** `target_id`: internal ID of the team or user (for `team` / `user`). */
  readonly targetId?: string;
  /** `target_type` (required): `issue_owners`, `team` or `user`. */
  readonly targetType: string;
}

export function alertActionFiltersActionsEmailToTerraform(struct?: AlertActionFiltersActionsEmail | cdktf.IResolvable): any {
  if (passThrough(struct)) { return struct; }
  const s = struct as AlertActionFiltersActionsEmail;
  return {
    fallthrough_type: cdktf.stringToTerraform(s.fallthroughType),
    target_id: cdktf.stringToTerraform(s.targetId),
    target_type: cdktf.stringToTerraform(s.targetType),
  };
}

/** `actions[].github`: create a GitHub issue. */
export interface AlertActionFiltersActionsGithub {
  /** `assignee`: GitHub user to assign. */
  readonly assignee?: string;
  /** `integration_id` (required): GitHub integration ID. */
  readonly integrationId: string;
  /** `labels` (set): labels of the issue. */
  readonly labels?: string[];
  /** `repo` (required): repository name. */
  readonly repo: string;
}

export function alertActionFiltersActionsGithubToTerraform(struct?: AlertActionFiltersActionsGithub | cdktf.IResolvable): any {
  if (passThrough(struct)) { return struct; }
  const s = struct as AlertActionFiltersActionsGithub;
  return {
    assignee: cdktf.stringToTerraform(s.assignee),
    integration_id: cdktf.stringToTerraform(s.integrationId),
    labels: cdktf.listMapper(cdktf.stringToTerraform, false)(s.labels),
    repo: cdktf.stringToTerraform(s.repo),
  };
}

/** `actions[].jira`: create a Jira ticket. */
export interface AlertActionFiltersActionsJira {
  /** `integration_id` (required): Jira integration ID. */
  readonly integrationId: string;
  /** `issue_type` (required): ID of the issue type. */
  readonly issueType: string;
  /** `project` (required): ID of the Jira project. */
  readonly project: string;
}

export function alertActionFiltersActionsJiraToTerraform(struct?: AlertActionFiltersActionsJira | cdktf.IResolvable): any {
  if (passThrough(struct)) { return struct; }
  const s = struct as AlertActionFiltersActionsJira;
  return {
    integration_id: cdktf.stringToTerraform(s.integrationId),
    issue_type: cdktf.stringToTerraform(s.issueType),
    project: cdktf.stringToTerraform(s.project),
  };
}

/** `actions[].jira_server`: create a Jira Server ticket. */
export interface AlertActionFiltersActionsJiraServer {
  /** `integration_id` (required): Jira Server integration ID. */
  readonly integrationId: string;
  /** `issue_type` (required): ID of the issue type. */
  readonly issueType: string;
  /** `project` (required): ID of the Jira project. */
  readonly project: string;
}

export function alertActionFiltersActionsJiraServerToTerraform(struct?: AlertActionFiltersActionsJiraServer | cdktf.IResolvable): any {
  if (passThrough(struct)) { return struct; }
  const s = struct as AlertActionFiltersActionsJiraServer;
  return {
    integration_id: cdktf.stringToTerraform(s.integrationId),
    issue_type: cdktf.stringToTerraform(s.issueType),
    project: cdktf.stringToTerraform(s.project),
  };
}

/** `actions[].msteams`: notify a Microsoft Teams channel. */
export interface AlertActionFiltersActionsMsteams {
  /** `channel_name` (required). */
  readonly channelName: string;
  /** `integration_id` (required): Microsoft Teams integration ID. */
  readonly integrationId: string;
  /** `team_id` (required): integration ID of the Teams team. */
  readonly teamId: string;
}

export function alertActionFiltersActionsMsteamsToTerraform(struct?: AlertActionFiltersActionsMsteams | cdktf.IResolvable): any {
  if (passThrough(struct)) { return struct; }
  const s = struct as AlertActionFiltersActionsMsteams;
  return {
    channel_name: cdktf.stringToTerraform(s.channelName),
    integration_id: cdktf.stringToTerraform(s.integrationId),
    team_id: cdktf.stringToTerraform(s.teamId),
  };
}

/** `actions[].opsgenie`: notify an Opsgenie team. */
export interface AlertActionFiltersActionsOpsgenie {
  /** `integration_id` (required): Opsgenie integration ID. */
  readonly integrationId: string;
  /** `priority` (required): notification priority. */
  readonly priority: string;
  /** `team_id` (required): Opsgenie team ID. */
  readonly teamId: string;
  /** `team_name` (required): Opsgenie team name. */
  readonly teamName: string;
}

export function alertActionFiltersActionsOpsgenieToTerraform(struct?: AlertActionFiltersActionsOpsgenie | cdktf.IResolvable): any {
  if (passThrough(struct)) { return struct; }
  const s = struct as AlertActionFiltersActionsOpsgenie;
  return {
    integration_id: cdktf.stringToTerraform(s.integrationId),
    priority: cdktf.stringToTerraform(s.priority),
    team_id: cdktf.stringToTerraform(s.teamId),
    team_name: cdktf.stringToTerraform(s.teamName),
  };
}

/** `actions[].pagerduty`: page a PagerDuty service (see `sentry_integration_pagerduty`). */
export interface AlertActionFiltersActionsPagerduty {
  /** `integration_id` (required): PagerDuty organization integration ID (`pd.integrationId`). */
  readonly integrationId: string;
  /** `service_id` (required): ID of the PagerDuty service entry (`pd.id`). */
  readonly serviceId: string;
  /** `service_name` (required): name of the service (`pd.service`). */
  readonly serviceName: string;
  /** `severity` (required): PagerDuty severity, e.g. `default`, `critical`, `warning`. */
  readonly severity: string;
}

export function alertActionFiltersActionsPagerdutyToTerraform(struct?: AlertActionFiltersActionsPagerduty | cdktf.IResolvable): any {
  if (passThrough(struct)) { return struct; }
  const s = struct as AlertActionFiltersActionsPagerduty;
  return {
    integration_id: cdktf.stringToTerraform(s.integrationId),
    service_id: cdktf.stringToTerraform(s.serviceId),
    service_name: cdktf.stringToTerraform(s.serviceName),
    severity: cdktf.stringToTerraform(s.severity),
  };
}

/** `actions[].plugin` (no attributes; `{}`): notify all legacy integrations (plugins). */
export interface AlertActionFiltersActionsPlugin {
}

export function alertActionFiltersActionsPluginToTerraform(struct?: AlertActionFiltersActionsPlugin | cdktf.IResolvable): any {
  return emptyObjectToTerraform(struct);
}

/** `actions[].sentry_app.settings[]`: one setting field of the Sentry App action. */
export interface AlertActionFiltersActionsSentryAppSettings {
  /** `label` (optional, computed): display label, needed for paginated async select fields. */
  readonly label?: string;
  /** `name` (required): field name. */
  readonly name: string;
  /** `value` (required): field value. */
  readonly value: string;
}

export function alertActionFiltersActionsSentryAppSettingsToTerraform(struct?: AlertActionFiltersActionsSentryAppSettings | cdktf.IResolvable): any {
  if (passThrough(struct)) { return struct; }
  const s = struct as AlertActionFiltersActionsSentryAppSettings;
  return {
    label: cdktf.stringToTerraform(s.label),
    name: cdktf.stringToTerraform(s.name),
    value: cdktf.stringToTerraform(s.value),
  };
}

/** `actions[].sentry_app`: trigger a Sentry App action (e.g. Rootly). */
export interface AlertActionFiltersActionsSentryApp {
  /** `sentry_app_id` (required): numeric Sentry App ID, as a string. */
  readonly sentryAppId: string;
  /** `settings` (nested attribute list): key/value settings passed to the app. */
  readonly settings?: AlertActionFiltersActionsSentryAppSettings[] | cdktf.IResolvable;
}

export function alertActionFiltersActionsSentryAppToTerraform(struct?: AlertActionFiltersActionsSentryApp | cdktf.IResolvable): any {
  if (passThrough(struct)) { return struct; }
  const s = struct as AlertActionFiltersActionsSentryApp;
  return {
    sentry_app_id: cdktf.stringToTerraform(s.sentryAppId),
    settings: cdktf.listMapper(alertActionFiltersActionsSentryAppSettingsToTerraform, false)(s.settings),
  };
}

/** `actions[].slack`: notify a Slack channel. */
export interface AlertActionFiltersActionsSlack {
  /** `channel_id` (optional, computed): Slack channel ID; avoids rate-limited lookups. */
  readonly channelId?: string;
  /** `channel_name` (required): channel name, e.g. `#alerts`. */
  readonly channelName: string;
  /** `integration_id` (required): Slack integration ID. */
  readonly integrationId: string;
  /** `notes`: text shown with the notification. */
  readonly notes?: string;
  /** `tags` (optional, computed): tags to show in the notification. */
  readonly tags?: string;
}

export function alertActionFiltersActionsSlackToTerraform(struct?: AlertActionFiltersActionsSlack | cdktf.IResolvable): any {
  if (passThrough(struct)) { return struct; }
  const s = struct as AlertActionFiltersActionsSlack;
  return {
    channel_id: cdktf.stringToTerraform(s.channelId),
    channel_name: cdktf.stringToTerraform(s.channelName),
    integration_id: cdktf.stringToTerraform(s.integrationId),
    notes: cdktf.stringToTerraform(s.notes),
    tags: cdktf.stringToTerraform(s.tags),
  };
}

/** `actions[].vsts`: create an Azure DevOps work item. */
export interface AlertActionFiltersActionsVsts {
  /** `integration_id` (required): Azure DevOps integration ID. */
  readonly integrationId: string;
  /** `project` (required): ID of the Azure DevOps project. */
  readonly project: string;
  /** `work_item_type` (required): type of work item. */
  readonly workItemType: string;
}

export function alertActionFiltersActionsVstsToTerraform(struct?: AlertActionFiltersActionsVsts | cdktf.IResolvable): any {
  if (passThrough(struct)) { return struct; }
  const s = struct as AlertActionFiltersActionsVsts;
  return {
    integration_id: cdktf.stringToTerraform(s.integrationId),
    project: cdktf.stringToTerraform(s.project),
    work_item_type: cdktf.stringToTerraform(s.workItemType),
  };
}

/** `actions[].webhook`: notify a legacy integration service (`webhooks` = all plugin webhooks). */
export interface AlertActionFiltersActionsWebhook {
  /** `service` (required): slug of the integration service. */
  readonly service: string;
}

export function alertActionFiltersActionsWebhookToTerraform(struct?: AlertActionFiltersActionsWebhook | cdktf.IResolvable): any {
  if (passThrough(struct)) { return struct; }
  const s = struct as AlertActionFiltersActionsWebhook;
  return {
    service: cdktf.stringToTerraform(s.service),
  };
}

/** `action_filters[].actions[]`: set exactly one of the keys. */
export interface AlertActionFiltersActions {
  /** `discord` */
  readonly discord?: AlertActionFiltersActionsDiscord;
  /** `email` */
  readonly email?: AlertActionFiltersActionsEmail;
  /** `github` */
  readonly github?: AlertActionFiltersActionsGithub;
  /** `jira` */
  readonly jira?: AlertActionFiltersActionsJira;
  /** `jira_server` */
  readonly jiraServer?: AlertActionFiltersActionsJiraServer;
  /** `msteams` */
  readonly msteams?: AlertActionFiltersActionsMsteams;
  /** `opsgenie` */
  readonly opsgenie?: AlertActionFiltersActionsOpsgenie;
  /** `pagerduty` */
  readonly pagerduty?: AlertActionFiltersActionsPagerduty;
  /** `plugin` */
  readonly plugin?: AlertActionFiltersActionsPlugin;
  /** `sentry_app` */
  readonly sentryApp?: AlertActionFiltersActionsSentryApp;
  /** `slack` */
  readonly slack?: AlertActionFiltersActionsSlack;
  /** `vsts` */
  readonly vsts?: AlertActionFiltersActionsVsts;
  /** `webhook` */
  readonly webhook?: AlertActionFiltersActionsWebhook;
}

export function alertActionFiltersActionsToTerraform(struct?: AlertActionFiltersActions | cdktf.IResolvable): any {
  if (passThrough(struct)) { return struct; }
  const s = struct as AlertActionFiltersActions;
  return {
    discord: alertActionFiltersActionsDiscordToTerraform(s.discord),
    email: alertActionFiltersActionsEmailToTerraform(s.email),
    github: alertActionFiltersActionsGithubToTerraform(s.github),
    jira: alertActionFiltersActionsJiraToTerraform(s.jira),
    jira_server: alertActionFiltersActionsJiraServerToTerraform(s.jiraServer),
    msteams: alertActionFiltersActionsMsteamsToTerraform(s.msteams),
    opsgenie: alertActionFiltersActionsOpsgenieToTerraform(s.opsgenie),
    pagerduty: alertActionFiltersActionsPagerdutyToTerraform(s.pagerduty),
    plugin: alertActionFiltersActionsPluginToTerraform(s.plugin),
    sentry_app: alertActionFiltersActionsSentryAppToTerraform(s.sentryApp),
    slack: alertActionFiltersActionsSlackToTerraform(s.slack),
    vsts: alertActionFiltersActionsVstsToTerraform(s.vsts),
    webhook: alertActionFiltersActionsWebhookToTerraform(s.webhook),
  };
}

// =============================================================================================
// action_filters[].conditions[]
// =============================================================================================

/** `conditions[].age_comparison`: issue age. */
export interface AlertActionFiltersConditionsAgeComparison {
  /** `comparison_type` (required): `older` or `newer`. */
  readonly comparisonType: string;
  /** `time` (required): unit, `minute`, `hour`, `day` or `week`. */
  readonly time: string;
  /** `value` (required): number of units. */
  readonly value: number;
}

export function alertActionFiltersConditionsAgeComparisonToTerraform(struct?: AlertActionFiltersConditionsAgeComparison | cdktf.IResolvable): any {
  if (passThrough(struct)) { return struct; }
  const s = struct as AlertActionFiltersConditionsAgeComparison;
  return {
    comparison_type: cdktf.stringToTerraform(s.comparisonType),
    time: cdktf.stringToTerraform(s.time),
    value: cdktf.numberToTerraform(s.value),
  };
}

/** `conditions[].assigned_to`: issue assignment. */
export interface AlertActionFiltersConditionsAssignedTo {
  /** `target_id`: internal ID of the user or team (for `Member` / `Team`). */
  readonly targetId?: string;
  /** `target_type`: `Unassigned`, `Member` or `Team`. */
  readonly targetType?: string;
}

export function alertActionFiltersConditionsAssignedToToTerraform(struct?: AlertActionFiltersConditionsAssignedTo | cdktf.IResolvable): any {
  if (passThrough(struct)) { return struct; }
  const s = struct as AlertActionFiltersConditionsAssignedTo;
  return {
    target_id: cdktf.stringToTerraform(s.targetId),
    target_type: cdktf.stringToTerraform(s.targetType),
  };
}

/** `conditions[].event_attribute`: the event's `attribute` `match`es `value`. */
export interface AlertActionFiltersConditionsEventAttribute {
  /** `attribute` (required): event attribute to evaluate. */
  readonly attribute: string;
  /** `match` (required): match type. */
  readonly match: string;
  /** `value`: value to compare against (not needed for `is` / `ns`). */
  readonly value?: string;
}

export function alertActionFiltersConditionsEventAttributeToTerraform(struct?: AlertActionFiltersConditionsEventAttribute | cdktf.IResolvable): any {
  if (passThrough(struct)) { return struct; }
  const s = struct as AlertActionFiltersConditionsEventAttribute;
  return {
    attribute: cdktf.stringToTerraform(s.attribute),
    match: cdktf.stringToTerraform(s.match),
    value: cdktf.stringToTerraform(s.value),
  };
}

/** `conditions[].event_frequency_count.filters[]`: a sub-filter (`attribute` and `key` conflict). */
export interface AlertActionFiltersConditionsEventFrequencyCountFilters {
  /** `attribute`: attribute to filter on. */
  readonly attribute?: string;
  /** `key`: tag key to filter on. */
  readonly key?: string;
  /** `match`: match type, e.g. `eq`, `co`, `is`. */
  readonly match?: string;
  /** `value`: value to compare against. */
  readonly value?: string;
}

export function alertActionFiltersConditionsEventFrequencyCountFiltersToTerraform(struct?: AlertActionFiltersConditionsEventFrequencyCountFilters | cdktf.IResolvable): any {
  return subFilterToTerraform(struct);
}

/** `conditions[].event_frequency_count`: number of events in `interval` exceeds `value`. */
export interface AlertActionFiltersConditionsEventFrequencyCount {
  /** `filters` (optional, computed nested attribute list): sub-filters. */
  readonly filters?: AlertActionFiltersConditionsEventFrequencyCountFilters[] | cdktf.IResolvable;
  /** `interval` (required): `1m`, `5m`, `15m`, `1h`, `1d`, `1w` or `30d`. */
  readonly interval: string;
  /** `value` (required): number of events. */
  readonly value: number;
}

export function alertActionFiltersConditionsEventFrequencyCountToTerraform(struct?: AlertActionFiltersConditionsEventFrequencyCount | cdktf.IResolvable): any {
  if (passThrough(struct)) { return struct; }
  const s = struct as AlertActionFiltersConditionsEventFrequencyCount;
  return {
    filters: cdktf.listMapper(alertActionFiltersConditionsEventFrequencyCountFiltersToTerraform, false)(s.filters),
    interval: cdktf.stringToTerraform(s.interval),
    value: cdktf.numberToTerraform(s.value),
  };
}

/** `conditions[].event_frequency_percent.filters[]`: a sub-filter (`attribute` and `key` conflict). */
export interface AlertActionFiltersConditionsEventFrequencyPercentFilters {
  /** `attribute`: attribute to filter on. */
  readonly attribute?: string;
  /** `key`: tag key to filter on. */
  readonly key?: string;
  /** `match`: match type, e.g. `eq`, `co`, `is`. */
  readonly match?: string;
  /** `value`: value to compare against. */
  readonly value?: string;
}

export function alertActionFiltersConditionsEventFrequencyPercentFiltersToTerraform(struct?: AlertActionFiltersConditionsEventFrequencyPercentFilters | cdktf.IResolvable): any {
  return subFilterToTerraform(struct);
}

/** `conditions[].event_frequency_percent`: events in `interval` are `value` percent higher than in `comparison_interval`. */
export interface AlertActionFiltersConditionsEventFrequencyPercent {
  /** `comparison_interval` (required): `1m`, `5m`, `15m`, `1h`, `1d`, `1w` or `30d`. */
  readonly comparisonInterval: string;
  /** `filters` (optional, computed nested attribute list): sub-filters. */
  readonly filters?: AlertActionFiltersConditionsEventFrequencyPercentFilters[] | cdktf.IResolvable;
  /** `interval` (required): `1m`, `5m`, `15m`, `1h`, `1d`, `1w` or `30d`. */
  readonly interval: string;
  /** `value` (required): percentage. */
  readonly value: number;
}

export function alertActionFiltersConditionsEventFrequencyPercentToTerraform(struct?: AlertActionFiltersConditionsEventFrequencyPercent | cdktf.IResolvable): any {
  if (passThrough(struct)) { return struct; }
  const s = struct as AlertActionFiltersConditionsEventFrequencyPercent;
  return {
    comparison_interval: cdktf.stringToTerraform(s.comparisonInterval),
    filters: cdktf.listMapper(alertActionFiltersConditionsEventFrequencyPercentFiltersToTerraform, false)(s.filters),
    interval: cdktf.stringToTerraform(s.interval),
    value: cdktf.numberToTerraform(s.value),
  };
}

/** `conditions[].event_unique_user_frequency_count.filters[]`: a sub-filter (`attribute` and `key` conflict). */
export interface AlertActionFiltersConditionsEventUniqueUserFrequencyCountFilters {
  /** `attribute`: attribute to filter on. */
  readonly attribute?: string;
  /** `key`: tag key to filter on. */
  readonly key?: string;
  /** `match`: match type. */
  readonly match?: string;
  /** `value`: value to compare against. */
  readonly value?: string;
}

export function alertActionFiltersConditionsEventUniqueUserFrequencyCountFiltersToTerraform(struct?: AlertActionFiltersConditionsEventUniqueUserFrequencyCountFilters | cdktf.IResolvable): any {
  return subFilterToTerraform(struct);
}

/** `conditions[].event_unique_user_frequency_count`: users affected in `interval` exceeds `value`. */
export interface AlertActionFiltersConditionsEventUniqueUserFrequencyCount {
  /** `filters` (optional, computed nested attribute list): sub-filters. */
  readonly filters?: AlertActionFiltersConditionsEventUniqueUserFrequencyCountFilters[] | cdktf.IResolvable;
  /** `interval` (required): `1m`, `5m`, `15m`, `1h`, `1d`, `1w` or `30d`. */
  readonly interval: string;
  /** `value` (required): number of users. */
  readonly value: number;
}

export function alertActionFiltersConditionsEventUniqueUserFrequencyCountToTerraform(struct?: AlertActionFiltersConditionsEventUniqueUserFrequencyCount | cdktf.IResolvable): any {
  if (passThrough(struct)) { return struct; }
  const s = struct as AlertActionFiltersConditionsEventUniqueUserFrequencyCount;
  return {
    filters: cdktf.listMapper(alertActionFiltersConditionsEventUniqueUserFrequencyCountFiltersToTerraform, false)(s.filters),
    interval: cdktf.stringToTerraform(s.interval),
    value: cdktf.numberToTerraform(s.value),
  };
}

/** `conditions[].issue_category`: issue category is (or is not) `value`. */
export interface AlertActionFiltersConditionsIssueCategory {
  /**
   * `include` (optional, computed): `true` matches equal categories, `false` different ones.
   * @default true
   */
  readonly include?: boolean | cdktf.IResolvable;
  /** `value` (required): issue category. */
  readonly value: number;
}

export function alertActionFiltersConditionsIssueCategoryToTerraform(struct?: AlertActionFiltersConditionsIssueCategory | cdktf.IResolvable): any {
  if (passThrough(struct)) { return struct; }
  const s = struct as AlertActionFiltersConditionsIssueCategory;
  return {
    include: cdktf.booleanToTerraform(s.include),
    value: cdktf.numberToTerraform(s.value),
  };
}

/** `conditions[].issue_occurrences`: the issue happened at least `value` times. */
export interface AlertActionFiltersConditionsIssueOccurrences {
  /** `value` (required). */
  readonly value: number;
}

export function alertActionFiltersConditionsIssueOccurrencesToTerraform(struct?: AlertActionFiltersConditionsIssueOccurrences | cdktf.IResolvable): any {
  if (passThrough(struct)) { return struct; }
  const s = struct as AlertActionFiltersConditionsIssueOccurrences;
  return {
    value: cdktf.numberToTerraform(s.value),
  };
}

/** `conditions[].issue_priority_deescalating`: priority dropped below a previously reached threshold. */
export interface AlertActionFiltersConditionsIssuePriorityDeescalating {
  /** `comparison` (required): priority threshold. */
  readonly comparison: number;
}

export function alertActionFiltersConditionsIssuePriorityDeescalatingToTerraform(struct?: AlertActionFiltersConditionsIssuePriorityDeescalating | cdktf.IResolvable): any {
  if (passThrough(struct)) { return struct; }
  const s = struct as AlertActionFiltersConditionsIssuePriorityDeescalating;
  return {
    comparison: cdktf.numberToTerraform(s.comparison),
  };
}

/** `conditions[].issue_priority_greater_or_equal`: issue priority is at least `comparison`. */
export interface AlertActionFiltersConditionsIssuePriorityGreaterOrEqual {
  /** `comparison` (required): minimum priority. */
  readonly comparison: number;
}

export function alertActionFiltersConditionsIssuePriorityGreaterOrEqualToTerraform(struct?: AlertActionFiltersConditionsIssuePriorityGreaterOrEqual | cdktf.IResolvable): any {
  if (passThrough(struct)) { return struct; }
  const s = struct as AlertActionFiltersConditionsIssuePriorityGreaterOrEqual;
  return {
    comparison: cdktf.numberToTerraform(s.comparison),
  };
}

/** `conditions[].issue_type`: issue type is (or is not) `value`. */
export interface AlertActionFiltersConditionsIssueType {
  /** `include` (required): `true` matches equal types, `false` different ones. */
  readonly include: boolean | cdktf.IResolvable;
  /** `value` (required): issue type slug, e.g. `performance_large_http_payload`. */
  readonly value: string;
}

export function alertActionFiltersConditionsIssueTypeToTerraform(struct?: AlertActionFiltersConditionsIssueType | cdktf.IResolvable): any {
  if (passThrough(struct)) { return struct; }
  const s = struct as AlertActionFiltersConditionsIssueType;
  return {
    include: cdktf.booleanToTerraform(s.include),
    value: cdktf.stringToTerraform(s.value),
  };
}

/** `conditions[].latest_adopted_release`: compare the issue's release with the latest adopted release. */
export interface AlertActionFiltersConditionsLatestAdoptedRelease {
  /** `age_comparison` (required): `older` or `newer`. */
  readonly ageComparison: string;
  /** `environment` (required): environment to compare against. */
  readonly environment: string;
  /** `release_age_type` (required): `oldest` or `newest`. */
  readonly releaseAgeType: string;
}

export function alertActionFiltersConditionsLatestAdoptedReleaseToTerraform(struct?: AlertActionFiltersConditionsLatestAdoptedRelease | cdktf.IResolvable): any {
  if (passThrough(struct)) { return struct; }
  const s = struct as AlertActionFiltersConditionsLatestAdoptedRelease;
  return {
    age_comparison: cdktf.stringToTerraform(s.ageComparison),
    environment: cdktf.stringToTerraform(s.environment),
    release_age_type: cdktf.stringToTerraform(s.releaseAgeType),
  };
}

/** `conditions[].latest_release` (no attributes; `{}`): the event is from the latest release. */
export interface AlertActionFiltersConditionsLatestRelease {
}

export function alertActionFiltersConditionsLatestReleaseToTerraform(struct?: AlertActionFiltersConditionsLatestRelease | cdktf.IResolvable): any {
  return emptyObjectToTerraform(struct);
}

/** `conditions[].level`: the event's level `match`es `level`. */
export interface AlertActionFiltersConditionsLevel {
  /** `level` (required): level to compare against. */
  readonly level: number;
  /** `match` (required): comparison operator. */
  readonly match: string;
}

export function alertActionFiltersConditionsLevelToTerraform(struct?: AlertActionFiltersConditionsLevel | cdktf.IResolvable): any {
  if (passThrough(struct)) { return struct; }
  const s = struct as AlertActionFiltersConditionsLevel;
  return {
    level: cdktf.numberToTerraform(s.level),
    match: cdktf.stringToTerraform(s.match),
  };
}

/** `conditions[].percent_sessions_count`: percentage of sessions affected in `interval` exceeds `value`. */
export interface AlertActionFiltersConditionsPercentSessionsCount {
  /** `interval` (required): `1m`, `5m`, `15m`, `1h`, `1d`, `1w` or `30d`. */
  readonly interval: string;
  /** `value` (required). */
  readonly value: number;
}

export function alertActionFiltersConditionsPercentSessionsCountToTerraform(struct?: AlertActionFiltersConditionsPercentSessionsCount | cdktf.IResolvable): any {
  if (passThrough(struct)) { return struct; }
  const s = struct as AlertActionFiltersConditionsPercentSessionsCount;
  return {
    interval: cdktf.stringToTerraform(s.interval),
    value: cdktf.numberToTerraform(s.value),
  };
}

/** `conditions[].percent_sessions_percent.filters[]`: a sub-filter (`attribute` and `key` conflict). */
export interface AlertActionFiltersConditionsPercentSessionsPercentFilters {
  /** `attribute`: attribute to filter on. */
  readonly attribute?: string;
  /** `key`: tag key to filter on. */
  readonly key?: string;
  /** `match`: match type, e.g. `eq`, `co`, `is`. */
  readonly match?: string;
  /** `value`: value to compare against. */
  readonly value?: string;
}

export function alertActionFiltersConditionsPercentSessionsPercentFiltersToTerraform(struct?: AlertActionFiltersConditionsPercentSessionsPercentFilters | cdktf.IResolvable): any {
  return subFilterToTerraform(struct);
}

/** `conditions[].percent_sessions_percent`: sessions affected is `value` percent higher than in `comparison_interval`. */
export interface AlertActionFiltersConditionsPercentSessionsPercent {
  /** `comparison_interval` (required): `1m`, `5m`, `15m`, `1h`, `1d`, `1w` or `30d`. */
  readonly comparisonInterval: string;
  /** `filters` (optional, computed nested attribute list): sub-filters. */
  readonly filters?: AlertActionFiltersConditionsPercentSessionsPercentFilters[] | cdktf.IResolvable;
  /** `interval` (required): `1m`, `5m`, `15m`, `1h`, `1d`, `1w` or `30d`. */
  readonly interval: string;
  /** `value` (required): percentage. */
  readonly value: number;
}

export function alertActionFiltersConditionsPercentSessionsPercentToTerraform(struct?: AlertActionFiltersConditionsPercentSessionsPercent | cdktf.IResolvable): any {
  if (passThrough(struct)) { return struct; }
  const s = struct as AlertActionFiltersConditionsPercentSessionsPercent;
  return {
    comparison_interval: cdktf.stringToTerraform(s.comparisonInterval),
    filters: cdktf.listMapper(alertActionFiltersConditionsPercentSessionsPercentFiltersToTerraform, false)(s.filters),
    interval: cdktf.stringToTerraform(s.interval),
    value: cdktf.numberToTerraform(s.value),
  };
}

/** `conditions[].tagged_event`: the event's tag `key` `match`es `value`. */
export interface AlertActionFiltersConditionsTaggedEvent {
  /** `key` (required): tag key. */
  readonly key: string;
  /** `match` (required): comparison operator. */
  readonly match: string;
  /** `value`: tag value (not needed for `is` / `ns`). */
  readonly value?: string;
}

export function alertActionFiltersConditionsTaggedEventToTerraform(struct?: AlertActionFiltersConditionsTaggedEvent | cdktf.IResolvable): any {
  if (passThrough(struct)) { return struct; }
  const s = struct as AlertActionFiltersConditionsTaggedEvent;
  return {
    key: cdktf.stringToTerraform(s.key),
    match: cdktf.stringToTerraform(s.match),
    value: cdktf.stringToTerraform(s.value),
  };
}

/** `action_filters[].conditions[]`: set exactly one of the keys. */
export interface AlertActionFiltersConditions {
  /** `age_comparison` */
  readonly ageComparison?: AlertActionFiltersConditionsAgeComparison;
  /** `assigned_to` */
  readonly assignedTo?: AlertActionFiltersConditionsAssignedTo;
  /** `event_attribute` */
  readonly eventAttribute?: AlertActionFiltersConditionsEventAttribute;
  /** `event_frequency_count` */
  readonly eventFrequencyCount?: AlertActionFiltersConditionsEventFrequencyCount;
  /** `event_frequency_percent` */
  readonly eventFrequencyPercent?: AlertActionFiltersConditionsEventFrequencyPercent;
  /** `event_unique_user_frequency_count` */
  readonly eventUniqueUserFrequencyCount?: AlertActionFiltersConditionsEventUniqueUserFrequencyCount;
  /** `issue_category` */
  readonly issueCategory?: AlertActionFiltersConditionsIssueCategory;
  /** `issue_occurrences` */
  readonly issueOccurrences?: AlertActionFiltersConditionsIssueOccurrences;
  /** `issue_priority_deescalating` */
  readonly issuePriorityDeescalating?: AlertActionFiltersConditionsIssuePriorityDeescalating;
  /** `issue_priority_greater_or_equal` */
  readonly issuePriorityGreaterOrEqual?: AlertActionFiltersConditionsIssuePriorityGreaterOrEqual;
  /** `issue_type` */
  readonly issueType?: AlertActionFiltersConditionsIssueType;
  /** `latest_adopted_release` */
  readonly latestAdoptedRelease?: AlertActionFiltersConditionsLatestAdoptedRelease;
  /** `latest_release` */
  readonly latestRelease?: AlertActionFiltersConditionsLatestRelease;
  /** `level` */
  readonly level?: AlertActionFiltersConditionsLevel;
  /** `percent_sessions_count` */
  readonly percentSessionsCount?: AlertActionFiltersConditionsPercentSessionsCount;
  /** `percent_sessions_percent` */
  readonly percentSessionsPercent?: AlertActionFiltersConditionsPercentSessionsPercent;
  /** `tagged_event` */
  readonly taggedEvent?: AlertActionFiltersConditionsTaggedEvent;
}

export function alertActionFiltersConditionsToTerraform(struct?: AlertActionFiltersConditions | cdktf.IResolvable): any {
  if (passThrough(struct)) { return struct; }
  const s = struct as AlertActionFiltersConditions;
  return {
    age_comparison: alertActionFiltersConditionsAgeComparisonToTerraform(s.ageComparison),
    assigned_to: alertActionFiltersConditionsAssignedToToTerraform(s.assignedTo),
    event_attribute: alertActionFiltersConditionsEventAttributeToTerraform(s.eventAttribute),
    event_frequency_count: alertActionFiltersConditionsEventFrequencyCountToTerraform(s.eventFrequencyCount),
    event_frequency_percent: alertActionFiltersConditionsEventFrequencyPercentToTerraform(s.eventFrequencyPercent),
    event_unique_user_frequency_count: alertActionFiltersConditionsEventUniqueUserFrequencyCountToTerraform(s.eventUniqueUserFrequencyCount),
    issue_category: alertActionFiltersConditionsIssueCategoryToTerraform(s.issueCategory),
    issue_occurrences: alertActionFiltersConditionsIssueOccurrencesToTerraform(s.issueOccurrences),
    issue_priority_deescalating: alertActionFiltersConditionsIssuePriorityDeescalatingToTerraform(s.issuePriorityDeescalating),
    issue_priority_greater_or_equal: alertActionFiltersConditionsIssuePriorityGreaterOrEqualToTerraform(s.issuePriorityGreaterOrEqual),
    issue_type: alertActionFiltersConditionsIssueTypeToTerraform(s.issueType),
    latest_adopted_release: alertActionFiltersConditionsLatestAdoptedReleaseToTerraform(s.latestAdoptedRelease),
    latest_release: alertActionFiltersConditionsLatestReleaseToTerraform(s.latestRelease),
    level: alertActionFiltersConditionsLevelToTerraform(s.level),
    percent_sessions_count: alertActionFiltersConditionsPercentSessionsCountToTerraform(s.percentSessionsCount),
    percent_sessions_percent: alertActionFiltersConditionsPercentSessionsPercentToTerraform(s.percentSessionsPercent),
    tagged_event: alertActionFiltersConditionsTaggedEventToTerraform(s.taggedEvent),
  };
}

// =============================================================================================
// action_filters[]
// =============================================================================================

/** `action_filters[]`: when `conditions` hold (per `logic_type`), run `actions`. */
export interface AlertActionFilters {
  /** `actions` (required nested attribute list): what to do. */
  readonly actions: AlertActionFiltersActions[] | cdktf.IResolvable;
  /** `conditions` (optional, computed nested attribute list): filters evaluated before acting. */
  readonly conditions?: AlertActionFiltersConditions[] | cdktf.IResolvable;
  /** `logic_type` (required): `any`, `any-short`, `all` or `none`. */
  readonly logicType: string;
}

export function alertActionFiltersToTerraform(struct?: AlertActionFilters | cdktf.IResolvable): any {
  if (passThrough(struct)) { return struct; }
  const s = struct as AlertActionFilters;
  return {
    actions: cdktf.listMapper(alertActionFiltersActionsToTerraform, false)(s.actions),
    conditions: cdktf.listMapper(alertActionFiltersConditionsToTerraform, false)(s.conditions),
    logic_type: cdktf.stringToTerraform(s.logicType),
  };
}

// =============================================================================================
// trigger_conditions[]
// =============================================================================================

/** `trigger_conditions[].first_seen_event` (`{}`): a new issue is created. */
export interface AlertTriggerConditionsFirstSeenEvent {
}

export function alertTriggerConditionsFirstSeenEventToTerraform(struct?: AlertTriggerConditionsFirstSeenEvent | cdktf.IResolvable): any {
  return emptyObjectToTerraform(struct);
}

/** `trigger_conditions[].issue_resolved_trigger` (`{}`): an issue is resolved. */
export interface AlertTriggerConditionsIssueResolvedTrigger {
}

export function alertTriggerConditionsIssueResolvedTriggerToTerraform(struct?: AlertTriggerConditionsIssueResolvedTrigger | cdktf.IResolvable): any {
  return emptyObjectToTerraform(struct);
}

/** `trigger_conditions[].reappeared_event` (`{}`): an issue escalates. */
export interface AlertTriggerConditionsReappearedEvent {
}

export function alertTriggerConditionsReappearedEventToTerraform(struct?: AlertTriggerConditionsReappearedEvent | cdktf.IResolvable): any {
  return emptyObjectToTerraform(struct);
}

/** `trigger_conditions[].regression_event` (`{}`): a resolved issue becomes unresolved. */
export interface AlertTriggerConditionsRegressionEvent {
}

export function alertTriggerConditionsRegressionEventToTerraform(struct?: AlertTriggerConditionsRegressionEvent | cdktf.IResolvable): any {
  return emptyObjectToTerraform(struct);
}

/** `trigger_conditions[]`: set exactly one of the keys, e.g. `{ firstSeenEvent: {} }`. */
export interface AlertTriggerConditions {
  /** `first_seen_event` */
  readonly firstSeenEvent?: AlertTriggerConditionsFirstSeenEvent;
  /** `issue_resolved_trigger` */
  readonly issueResolvedTrigger?: AlertTriggerConditionsIssueResolvedTrigger;
  /** `reappeared_event` */
  readonly reappearedEvent?: AlertTriggerConditionsReappearedEvent;
  /** `regression_event` */
  readonly regressionEvent?: AlertTriggerConditionsRegressionEvent;
}

export function alertTriggerConditionsToTerraform(struct?: AlertTriggerConditions | cdktf.IResolvable): any {
  if (passThrough(struct)) { return struct; }
  const s = struct as AlertTriggerConditions;
  return {
    first_seen_event: alertTriggerConditionsFirstSeenEventToTerraform(s.firstSeenEvent),
    issue_resolved_trigger: alertTriggerConditionsIssueResolvedTriggerToTerraform(s.issueResolvedTrigger),
    reappeared_event: alertTriggerConditionsReappearedEventToTerraform(s.reappearedEvent),
    regression_event: alertTriggerConditionsRegressionEventToTerraform(s.regressionEvent),
  };
}

// =============================================================================================
// resource
// =============================================================================================

/** `sentry_alert` */
export class Alert extends cdktf.TerraformResource {
  public static readonly tfResourceType = 'sentry_alert';

  /** Generates config for importing an existing alert on `cdktf plan`. */
  public static generateConfigForImport(
    scope: Construct,
    importToId: string,
    importFromId: string,
    provider?: cdktf.TerraformProvider,
  ): cdktf.ImportableResource {
    return new cdktf.ImportableResource(scope, importToId, {
      terraformResourceType: 'sentry_alert',
      importId: importFromId,
      provider,
    });
  }

  private readonly input: AlertConfig;

  public constructor(scope: Construct, id: string, config: AlertConfig) {
    super(scope, id, {
      terraformResourceType: 'sentry_alert',
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

  /** `action_filters` as a token (`cdktf get` returns a list output reference here). */
  public get actionFilters(): cdktf.IResolvable { return this.interpolationForAttribute('action_filters'); }
  public get enabled(): cdktf.IResolvable { return this.getBooleanAttribute('enabled'); }
  public get environment(): string { return this.getStringAttribute('environment'); }
  public get frequencyMinutes(): number { return this.getNumberAttribute('frequency_minutes'); }
  /** `id` (computed): internal ID of the alert. */
  public get id(): string { return this.getStringAttribute('id'); }
  public get legacyTriggerConditions(): string[] { return this.getListAttribute('legacy_trigger_conditions'); }
  public get monitorIds(): string[] { return cdktf.Fn.tolist(this.getListAttribute('monitor_ids')); }
  public get name(): string { return this.getStringAttribute('name'); }
  public get organization(): string { return this.getStringAttribute('organization'); }
  /** `trigger_conditions` as a token (`cdktf get` returns a list output reference here). */
  public get triggerConditions(): cdktf.IResolvable { return this.interpolationForAttribute('trigger_conditions'); }

  protected override synthesizeAttributes(): { [name: string]: any } {
    const c = this.input;
    return {
      action_filters: cdktf.listMapper(alertActionFiltersToTerraform, false)(c.actionFilters),
      enabled: cdktf.booleanToTerraform(c.enabled),
      environment: cdktf.stringToTerraform(c.environment),
      frequency_minutes: cdktf.numberToTerraform(c.frequencyMinutes),
      legacy_trigger_conditions: cdktf.listMapper(cdktf.stringToTerraform, false)(c.legacyTriggerConditions),
      monitor_ids: cdktf.listMapper(cdktf.stringToTerraform, false)(c.monitorIds),
      name: cdktf.stringToTerraform(c.name),
      organization: cdktf.stringToTerraform(c.organization),
      trigger_conditions: cdktf.listMapper(alertTriggerConditionsToTerraform, false)(c.triggerConditions),
    };
  }
}

// =============================================================================================
// helpers
// =============================================================================================

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

/** Mapper of the attribute-less nested objects (`plugin`, `latest_release`, trigger conditions): `{}`. */
function emptyObjectToTerraform(struct: unknown): any {
  if (passThrough(struct)) { return struct; }
  return {};
}

/** The four `...filters[]` sub-filter types share one shape: `{ attribute?, key?, match?, value? }`. */
function subFilterToTerraform(struct?: AlertActionFiltersConditionsEventFrequencyCountFilters | cdktf.IResolvable): any {
  if (passThrough(struct)) { return struct; }
  const s = struct as AlertActionFiltersConditionsEventFrequencyCountFilters;
  return {
    attribute: cdktf.stringToTerraform(s.attribute),
    key: cdktf.stringToTerraform(s.key),
    match: cdktf.stringToTerraform(s.match),
    value: cdktf.stringToTerraform(s.value),
  };
}
