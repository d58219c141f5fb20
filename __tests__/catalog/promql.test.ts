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

  it.each([
    // An expression no other test parses: the first parse (cached per process) must happen here.
    ['at the end of the expression', 'max(up{job="b"}) > ',
      'PromQL does not parse at column 20, near "(end of expression)"'],
    ['with one more error, quoting 20 characters from the first', 'x{a="1" b="2"} + y{c="1" d="2"}',
      'PromQL does not parse at column 9, near "b=\\"2\\"} + y{c=\\"1\\" d=\\"" (and 1 more error)'],
    ['with two more errors', 'x{a="1" b="2"} + y{c="1" d="2"} + z{e="1" f="2"}',
      'PromQL does not parse at column 9, near "b=\\"2\\"} + y{c=\\"1\\" d=\\"" (and 2 more errors)'],
    ['late in a long expression, quoting from the error on', 'sum by (le) (rate(x_bucket{job="esg-scraper-api"}[5m])) >>> 2',
      'PromQL does not parse at column 58, near ">> 2" (and 1 more error)'],
  ])('fails %s, saying where and near what', (_what, expression, message) => {
    expect(describePromQLError(expression)).toBe(message);
  });

  it('lists every error with its column', () => {
    expect(promqlSyntaxErrors('x{a="1" b="2"} + y{c="1" d="2"}')).toEqual([
      { column: 9, near: 'b="2"} + y{c="1" d="' },
      { column: 26, near: 'd="2"}' },
    ]);
  });

  it('parses each distinct expression once: a repeated expression gets the same result back', () => {
    const expression = 'sum(rate(x[5m])) by (job) > 0.5';
    expect(promqlSyntaxErrors(expression)).toBe(promqlSyntaxErrors(expression));
    const bad = 'rate(x[5m]';
    expect(promqlSyntaxErrors(bad)).toBe(promqlSyntaxErrors(bad));
  });
});
