import type * as expr from '@grafana/grafana-foundation-sdk/expr';
import type * as prometheus from '@grafana/grafana-foundation-sdk/prometheus';
import { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { AlertDefinition, AlertRule, Comparison, formatThreshold, guardedQuery, rulesOf, SERVICE_PANEL_IDS } from '../../catalog/alerts';
import { ruleUid } from '../../catalog/grafana-uids';
import { RuleGroup, RuleGroupRule, RuleGroupRuleData } from '../../providers/grafana/rule-group';

/** Grafana's data source uid for server-side expressions (reduce, threshold, math). */
const EXPRESSION_DATASOURCE = { type: '__expr__', uid: '__expr__' } as const;

/** Expressions read other stages, not a data source: Grafana stores their range as 0 to 0. */
const EXPRESSION_TIME_RANGE = { from: 0, to: 0 } as const;

/**
 * A query model as Grafana stores it, typed by the Foundation SDK (Grafana's own
 * schemas), so a misspelt or missing field fails `tsc` rather than the apply.
 */
type Model<T> = Omit<T, '_implementsDataqueryVariant'>;

/** The Prometheus query stage; intervalMs and maxDataPoints are fields every Grafana query carries. */
type PrometheusModel = Model<prometheus.dataquery> & { intervalMs: number; maxDataPoints: number };

/** The condition stage: a threshold or a math expression (see `conditionModel`). */
export type ConditionModel = Omit<Model<expr.TypeThreshold>, 'refId'> | Omit<Model<expr.TypeMath>, 'refId'>;

export interface AlertRuleGroupProps {
  /**
   * Grafana organization id (`org_id`) of every resource: without it, each goes to the
   * organization of the provider's token (see README, "One policy tree per Grafana organization").
   * @default undefined (the token's organization)
   */
  readonly orgId?: string;
  /** Rule-group name, unique within the folder, e.g. the service id. */
  readonly name: string;
  /** UID of the folder that holds the group, by reference (`folder.uid`). */
  readonly folderUid: string;
  /** UID of the Prometheus data source the rules query. */
  readonly prometheusDataSourceUid: string;
  /**
   * Alerts from `buildAlertCatalog`, which has checked them (e.g. that every rule uid
   * fits Grafana's 40 characters); each becomes one rule per severity it has a threshold for.
   */
  readonly alerts: readonly AlertDefinition[];
  /** Value of the `environment` label on every rule. */
  readonly environment: string;
  /**
   * How often Grafana evaluates the group.
   * @default 60
   */
  readonly intervalSeconds?: number;
  /**
   * Time range handed to the Prometheus query, in seconds before now. An instant
   * query is evaluated at its end; the PromQL range selectors set their own windows.
   * @default 600
   */
  readonly queryRangeSeconds?: number;
  /**
   * Resources the rules need first, e.g. the Prometheus data source: Grafana rejects a
   * rule whose data source does not exist yet, and a constant uid is no Terraform reference.
   * @default []
   */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * A Grafana-managed rule group (`grafana_rule_group`) rendering catalog alerts.
 * Each rule is three stages: A, the catalog's guarded PromQL as an instant query;
 * B, the last value of A; C, the comparison with the threshold, which is the
 * rule's condition. No-data and error states come from the catalog, explicitly,
 * because the provider's defaults (NoData, Alerting) would page on an idle service.
 */
export class AlertRuleGroup extends Construct {
  readonly ruleGroup: RuleGroup;

  constructor(scope: Construct, id: string, props: AlertRuleGroupProps) {
    super(scope, id);
    const queryRange = { from: props.queryRangeSeconds ?? 600, to: 0 };
    const rules = props.alerts.flatMap((alert) => rulesOf(alert).map((rule) => this.rule(rule, props, queryRange)));
    this.ruleGroup = new RuleGroup(this, 'rule-group', {
      orgId: props.orgId,
      name: props.name,
      folderUid: props.folderUid,
      intervalSeconds: props.intervalSeconds ?? 60,
      rule: rules,
      dependsOn: props.dependsOn,
    });
  }

  private rule(rule: AlertRule, props: AlertRuleGroupProps, queryRange: { from: number; to: number }): RuleGroupRule {
    const { alert, severity, threshold } = rule;
    const several = rulesOf(alert).length > 1;
    const query: PrometheusModel = {
      refId: 'A',
      datasource: { type: 'prometheus', uid: props.prometheusDataSourceUid },
      expr: guardedQuery(alert),
      instant: true,
      range: false,
      intervalMs: 1000,
      maxDataPoints: 43200,
    };
    const reduce: Model<expr.TypeReduce> = { refId: 'B', datasource: EXPRESSION_DATASOURCE, type: 'reduce', expression: 'A', reducer: 'last' };
    const condition = { refId: 'C', datasource: EXPRESSION_DATASOURCE, ...conditionModel('B', alert.comparison, threshold) };
    const data: RuleGroupRuleData[] = [
      { refId: 'A', datasourceUid: props.prometheusDataSourceUid, relativeTimeRange: queryRange, model: JSON.stringify(query) },
      { refId: 'B', datasourceUid: EXPRESSION_DATASOURCE.uid, relativeTimeRange: EXPRESSION_TIME_RANGE, model: JSON.stringify(reduce) },
      { refId: 'C', datasourceUid: EXPRESSION_DATASOURCE.uid, relativeTimeRange: EXPRESSION_TIME_RANGE, model: JSON.stringify(condition) },
    ];
    return {
      uid: ruleUid(rule),
      name: several ? `${alert.title} (${severity})` : alert.title,
      condition: 'C',
      for: alert.pendingFor,
      noDataState: alert.noDataState,
      execErrState: alert.execErrState,
      data,
      labels: { severity, team: alert.team, service: alert.serviceId, environment: props.environment },
      annotations: {
        summary: alert.summary,
        description: `Current value {{ with $values.B }}{{ printf "%.3g" .Value }}{{ end }}; ` +
          `fires when ${alert.comparison} ${describe(alert, threshold)} for ${alert.pendingFor}.`,
        runbook_url: alert.runbookUrl,
        dashboard_url: alert.dashboardUrl,
        // Grafana links notifications and the alert list to this panel.
        __dashboardUid__: alert.dashboardUid,
        __panelId__: String(SERVICE_PANEL_IDS[alert.panel]),
      },
    };
  }
}

/** A threshold in the signal's own unit, with its reading when that differs: `0.05 (5%)`. */
function describe(alert: AlertDefinition, threshold: number): string {
  const readable = formatThreshold(alert.unit, threshold);
  return readable === String(threshold) ? readable : `${threshold} (${readable})`;
}

/**
 * The model of the condition stage. Strict comparisons use Grafana's threshold
 * expression (`gt`, `lt`, in every Grafana version). Inclusive ones use a math
 * expression (`$B >= 0.9`, 1 when true): the threshold types `gte`/`lte` exist only
 * from Grafana 11.6 (grafana/grafana#99516), and earlier servers reject them.
 */
export function conditionModel(input: string, comparison: Comparison, threshold: number): ConditionModel {
  if (comparison === '>' || comparison === '<') {
    return {
      type: 'threshold',
      expression: input,
      conditions: [{ evaluator: { type: comparison === '>' ? 'gt' : 'lt', params: [threshold] } }],
    };
  }
  return { type: 'math', expression: `$${input} ${comparison} ${threshold}` };
}
