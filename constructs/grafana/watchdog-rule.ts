import { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { RuleGroup } from '../../providers/grafana/rule-group';
import { conditionModel } from './alert-rules';

export interface WatchdogRuleProps {
  /** Rule-group name, unique within the folder. */
  readonly name: string;
  /** Rule uid, at most 40 characters. */
  readonly uid: string;
  /** UID of the folder that holds the group, by reference (`folder.uid`). */
  readonly folderUid: string;
  /** UID of the Prometheus data source that evaluates `vector(1)`. */
  readonly prometheusDataSourceUid: string;
  /** Labels that route the rule to its own policy (and nowhere else). */
  readonly labels: Readonly<Record<string, string>>;
  readonly summary: string;
  /**
   * Grafana organization id (`org_id`); see AlertRuleGroupProps.
   * @default undefined (the token's organization)
   */
  readonly orgId?: string;
  /**
   * Resources the rule needs first: Grafana rejects a rule whose data source does not exist yet.
   * @default []
   */
  readonly dependsOn?: ITerraformDependable[];
  /**
   * How often Grafana evaluates the rule.
   * @default 60
   */
  readonly intervalSeconds?: number;
}

/** Server-side expressions read other stages, not a data source. */
const EXPRESSION = { type: '__expr__', uid: '__expr__' } as const;

/**
 * A rule that always fires (the Watchdog of Prometheus's alerting mixins): its
 * notifications, arriving somewhere outside Grafana, prove that Grafana evaluates rules
 * and delivers notifications. Its query is `vector(1)`; its no-data and error states are
 * Alerting, so an unreachable Prometheus cannot silence it either.
 */
export class WatchdogRule extends Construct {
  readonly ruleGroup: RuleGroup;

  constructor(scope: Construct, id: string, props: WatchdogRuleProps) {
    super(scope, id);
    const query = {
      refId: 'A', datasource: { type: 'prometheus', uid: props.prometheusDataSourceUid },
      expr: 'vector(1)', instant: true, range: false, intervalMs: 1000, maxDataPoints: 43200,
    };
    const condition = { refId: 'B', datasource: EXPRESSION, ...conditionModel('A', '>', 0) };
    this.ruleGroup = new RuleGroup(this, 'rule-group', {
      name: props.name,
      folderUid: props.folderUid,
      intervalSeconds: props.intervalSeconds ?? 60,
      orgId: props.orgId,
      dependsOn: props.dependsOn,
      rule: [{
        uid: props.uid,
        name: 'Watchdog',
        condition: 'B',
        for: '0s',
        noDataState: 'Alerting',
        execErrState: 'Alerting',
        data: [
          { refId: 'A', datasourceUid: props.prometheusDataSourceUid, relativeTimeRange: { from: 600, to: 0 }, model: JSON.stringify(query) },
          { refId: 'B', datasourceUid: EXPRESSION.uid, relativeTimeRange: { from: 0, to: 0 }, model: JSON.stringify(condition) },
        ],
        labels: { ...props.labels },
        annotations: { summary: props.summary },
      }],
    });
  }
}
