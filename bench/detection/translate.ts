/**
 * Grafana-managed alert rules, as synthesized (`grafana_rule_group` in cdk.tf.json),
 * turned into the equivalent Prometheus alerting rules, so that `promtool test rules`
 * evaluates what Grafana will. Each Grafana rule is a chain of stages:
 *   A  Prometheus instant query          -> the PromQL expression
 *   B  reduce A with `last`              -> the same value (an instant query has one point per series)
 *   C  threshold `gt`/`lt` on B, or math `$B >= x`  -> `(<A>) > x`
 * plus `for` and the group's `interval_seconds`. No-data `Alerting`/`NoData` fire
 * when A returns nothing (`or absent(...)`). Anything else (a range query, another
 * reducer, a reducer mode, KeepLast) is refused rather than approximated.
 * Error states are not translated: promtool's queries do not fail.
 */

/** A `grafana_rule_group` resource body as cdk.tf.json holds it (the fields read here). */
export interface GrafanaRuleGroupJson {
  readonly name: string;
  readonly interval_seconds: number;
  readonly rule: readonly GrafanaRuleJson[];
}

export interface GrafanaRuleJson {
  readonly uid: string;
  readonly name: string;
  readonly condition: string;
  readonly for?: string;
  readonly no_data_state?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly data: readonly { readonly ref_id: string; readonly datasource_uid: string; readonly model: string }[];
}

/** A Prometheus alerting rule; `alert` is the Grafana rule's uid. */
export interface PrometheusRule {
  readonly alert: string;
  readonly expr: string;
  readonly for: string;
  readonly labels: Readonly<Record<string, string>>;
}

export interface TranslatedGroup {
  readonly name: string;
  /** Prometheus duration of the group's evaluation interval, e.g. `60s`. */
  readonly interval: string;
  readonly rules: readonly PrometheusRule[];
}

const EXPRESSION_UID = '__expr__';
const THRESHOLD_OPERATORS: Readonly<Record<string, string>> = { gt: '>', lt: '<' };
const MATH_CONDITION = /^\$([A-Za-z]\w*)\s*(>=|<=|>|<|==|!=)\s*(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)$/i;

/** Thrown for a rule chain this translation cannot reproduce exactly. */
export class UntranslatableRuleError extends Error {}

function refuse(rule: GrafanaRuleJson, what: string): never {
  throw new UntranslatableRuleError(`rule "${rule.uid}": ${what}; the detection benchmark translates only ` +
    'instant Prometheus query -> reduce(last) -> threshold (gt, lt) or math ($B <op> number)');
}

/** The equivalent Prometheus alerting rule of one Grafana rule. */
export function translateRule(rule: GrafanaRuleJson): PrometheusRule {
  const stages = new Map(rule.data.map((d) => [d.ref_id, { ...d, model: JSON.parse(d.model) as Record<string, any> }]));
  const stage = (refId: string, role: string) => stages.get(refId) ?? refuse(rule, `${role} "${refId}" is not one of its stages`);

  const condition = stage(rule.condition, 'the condition');
  let input: string;
  let operator: string;
  let threshold: number;
  if (condition.model.type === 'threshold') {
    const conditions = condition.model.conditions as { evaluator: { type: string; params: number[] } }[];
    if (conditions?.length !== 1) refuse(rule, `threshold stage "${condition.ref_id}" has ${conditions?.length ?? 0} conditions, not one`);
    const { type, params } = conditions[0].evaluator;
    if (!THRESHOLD_OPERATORS[type]) refuse(rule, `threshold type "${type}"`);
    [input, operator, threshold] = [condition.model.expression, THRESHOLD_OPERATORS[type], params[0]];
  } else if (condition.model.type === 'math') {
    const match = MATH_CONDITION.exec(String(condition.model.expression).trim());
    if (!match) refuse(rule, `math expression "${condition.model.expression}"`);
    [input, operator, threshold] = [match[1], match[2], Number(match[3])];
  } else {
    refuse(rule, `condition stage of type "${condition.model.type}"`);
  }

  const reduce = stage(input, 'the condition\'s input');
  if (reduce.datasource_uid !== EXPRESSION_UID || reduce.model.type !== 'reduce') refuse(rule, `stage "${input}" is not a reduce expression`);
  if (reduce.model.reducer !== 'last') refuse(rule, `reducer "${reduce.model.reducer}"`);
  if (reduce.model.settings?.mode && reduce.model.settings.mode !== 'strict') refuse(rule, `reduce mode "${reduce.model.settings.mode}"`);

  const query = stage(reduce.model.expression, 'the reduce input');
  if (query.datasource_uid === EXPRESSION_UID || typeof query.model.expr !== 'string') refuse(rule, `stage "${query.ref_id}" is not a Prometheus query`);
  if (query.model.instant !== true || query.model.range === true) refuse(rule, `stage "${query.ref_id}" is not an instant query`);

  const promql = query.model.expr as string;
  let expr = `(${promql}) ${operator} ${threshold}`;
  const noData = rule.no_data_state ?? 'NoData'; // the provider's default
  if (noData === 'Alerting' || noData === 'NoData') expr = `(${expr}) or on() absent(${promql})`;
  else if (noData !== 'OK') refuse(rule, `no_data_state "${noData}"`);

  return { alert: rule.uid, expr, for: rule.for ?? '0s', labels: { ...rule.labels } };
}

/** The rules of one group whose labels satisfy `keep` (e.g. the ones that page), translated. */
export function translateGroup(group: GrafanaRuleGroupJson, keep: (labels: Readonly<Record<string, string>>) => boolean): TranslatedGroup {
  return {
    name: group.name,
    interval: `${group.interval_seconds}s`,
    rules: group.rule.filter((r) => keep(r.labels ?? {})).map(translateRule),
  };
}
