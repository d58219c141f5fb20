import { PromtoolMissingError, runPromtool } from '../support/promtool';

const rule = { alert: 'Down', expr: 'up{job="x"} < 1', for: '1m', labels: { severity: 'critical' } };
const down = { series: 'up{job="x"}', values: '0x10' };

describe('promtool harness', () => {
  it('reports each case of one run separately: a passing and a failing one', () => {
    const results = runPromtool({
      ruleFiles: { r: [rule] },
      cases: [
        { name: 'fires', ruleFile: 'r', series: [down], checks: [{ evalTime: '5m', alertname: 'Down', firing: [{ job: 'x', severity: 'critical' }] }] },
        { name: 'wrongly silent', ruleFile: 'r', series: [down], checks: [{ evalTime: '5m', alertname: 'Down', firing: [] }] },
      ],
    });
    expect(results.get('fires')).toEqual({ passed: true, output: 'SUCCESS' });
    expect(results.get('wrongly silent')?.passed).toBe(false);
    expect(results.get('wrongly silent')?.output).toMatch(/FAILED[\s\S]*alertname: Down, time: 5m/);
  });

  it('fails when a rule does not parse, for every case that uses it', () => {
    const results = runPromtool({
      ruleFiles: { bad: [{ ...rule, expr: 'sum(up{job="x"}' }] },
      cases: [{ name: 'bad', ruleFile: 'bad', series: [down], checks: [] }],
    });
    expect(results.get('bad')?.passed).toBe(false);
  });

  it('fails when promtool is missing, printing the command that installs it', () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      expect(() => runPromtool({ ruleFiles: { r: [rule] }, cases: [] })).toThrow(PromtoolMissingError);
      expect(() => runPromtool({ ruleFiles: { r: [rule] }, cases: [] }))
        .toThrow(/promtool is required[\s\S]*apt-get install -y --no-install-recommends prometheus/);
    } finally {
      process.env.PATH = path;
    }
  });

  it('fails when two cases share a name, naming it: results are keyed by name', () => {
    const twin = { name: 'production svc error-ratio critical: fires', ruleFile: 'r', series: [down], checks: [] };
    expect(() => runPromtool({ ruleFiles: { r: [rule] }, cases: [twin, twin] }))
      .toThrow('promtool case "production svc error-ratio critical: fires" is declared twice');
  });

  it('fails when a case names an unknown rule file', () => {
    expect(() => runPromtool({ ruleFiles: {}, cases: [{ name: 'x', ruleFile: 'nope', series: [], checks: [] }] }))
      .toThrow('promtool case "x" names unknown rule file "nope"');
  });
});
