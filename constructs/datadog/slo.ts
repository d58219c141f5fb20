import { ServiceLevelObjective } from '@cdktf/provider-datadog/lib/service-level-objective';
import { Construct } from 'constructs';
import { Sli, SloObjective } from '../../catalog/slos';

export interface SloProps {
  readonly name: string;
  readonly description: string;
  readonly sli: Sli;
  /** The first objective is the primary timeframe Datadog shows. */
  readonly objectives: readonly SloObjective[];
  readonly tags: readonly string[];
}

/**
 * A Datadog service level objective: a metric SLO (good events over total events)
 * or a time-slice SLO (share of slices in which a query meets a threshold).
 */
export class Slo extends Construct {
  readonly slo: ServiceLevelObjective;

  constructor(scope: Construct, id: string, props: SloProps) {
    super(scope, id);
    const [primary] = props.objectives;
    const { sli } = props;
    this.slo = new ServiceLevelObjective(this, 'slo', {
      name: props.name,
      description: props.description,
      type: sli.kind,
      // Datadog requires the top-level target to repeat the primary timeframe's.
      timeframe: primary.timeframe,
      targetThreshold: primary.target,
      warningThreshold: primary.warning,
      thresholds: props.objectives.map((o) => ({ timeframe: o.timeframe, target: o.target, warning: o.warning })),
      query: sli.kind === 'metric' ? { numerator: sli.good, denominator: sli.total } : undefined,
      sliSpecification: sli.kind === 'time_slice'
        ? {
          timeSlice: {
            comparator: sli.comparator,
            threshold: sli.threshold,
            queryIntervalSeconds: sli.intervalSeconds,
            query: {
              formula: { formulaExpression: 'query1' },
              query: [{ metricQuery: { name: 'query1', dataSource: 'metrics', query: sli.query } }],
            },
          },
        }
        : undefined,
      tags: [...props.tags],
    });
  }

  get id(): string {
    return this.slo.id;
  }
}
