import { Testing } from 'cdktf';
import { Slo, SloProps } from '../../../constructs/datadog/slo';

function sloOf(props: SloProps): Record<string, any> {
  const json = JSON.parse(Testing.synthScope((scope) => { new Slo(scope, 's', props); }));
  return Object.values(json.resource.datadog_service_level_objective)[0] as Record<string, any>;
}

const base = { name: 'n', description: 'd', tags: ['env:x'] };

describe('Slo', () => {
  it('declares a metric SLO from good and total queries, its primary target repeated at the top level', () => {
    const slo = sloOf({ ...base, sli: { kind: 'metric', good: 'sum:good{*}.as_count()', total: 'sum:all{*}.as_count()' },
      objectives: [{ timeframe: '30d', target: 99.9, warning: 99.95 }, { timeframe: '7d', target: 99.5 }] });
    expect(slo.type).toBe('metric');
    expect(slo.query).toEqual({ numerator: 'sum:good{*}.as_count()', denominator: 'sum:all{*}.as_count()' });
    expect(slo.sli_specification).toBeUndefined();
    expect([slo.timeframe, slo.target_threshold, slo.warning_threshold]).toEqual(['30d', 99.9, 99.95]);
    expect(slo.thresholds).toEqual([{ timeframe: '30d', target: 99.9, warning: 99.95 }, { timeframe: '7d', target: 99.5 }]);
  });

  it('declares a time-slice SLO from one metric query, comparator and threshold', () => {
    const slo = sloOf({ ...base, objectives: [{ timeframe: '30d', target: 99 }],
      sli: { kind: 'time_slice', query: 'p95:trace.fastapi.request{*}', comparator: '<=', threshold: 2, intervalSeconds: 300 } });
    expect(slo.type).toBe('time_slice');
    expect(slo.query).toBeUndefined();
    expect(slo.sli_specification).toEqual({ time_slice: {
      comparator: '<=',
      threshold: 2,
      query_interval_seconds: 300,
      query: {
        formula: { formula_expression: 'query1' },
        query: [{ metric_query: { name: 'query1', data_source: 'metrics', query: 'p95:trace.fastapi.request{*}' } }],
      },
    } });
  });
});
