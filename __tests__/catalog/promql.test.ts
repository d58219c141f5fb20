import { describePromQLError, promqlSyntaxErrors } from '../../catalog/promql';

describe('PromQL syntax check (Prometheus lezer grammar)', () => {
  it.each([
    'sum(rate(esg_api_requests_total{job="a",status=~"5.."}[5m])) or vector(0)',
    'histogram_quantile(0.95, sum by (le) (rate(x_bucket[5m]))) and on() (sum(increase(x[5m])) >= 20)',
    '(max(a / (b > 0))) >= 0.9',
    '(sum(up{job="a"}) or vector(0)) < 1',
  ])('accepts %s', (expression) => {
    expect(promqlSyntaxErrors(expression)).toEqual([]);
    expect(describePromQLError(expression)).toBeUndefined();
  });

  it.each([
    ['an unclosed parenthesis', 'sum(rate(x[5m])', 16],
    ['an unknown function', 'rates(x[5m])', 6],
    ['a missing operand', 'up{job="a"} > ', 15],
    ['a missing comma between matchers', 'x{job="a" status="500"}', 11],
  ])('fails on %s, giving the column', (_what, expression, column) => {
    expect(promqlSyntaxErrors(expression)[0]?.column).toBe(column);
    expect(describePromQLError(expression)).toMatch(new RegExp(`^PromQL does not parse at column ${column}, near `));
  });

  it('fails on an empty expression', () => {
    expect(describePromQLError('  ')).toBe('PromQL does not parse at column 1, near "(empty expression)"');
  });
});
