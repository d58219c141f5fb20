import { expandGrafanaSqlMacros, goFloat, parseIntervalSeconds, rfc3339Nano } from './grafana-sql-macros';

// Expected strings are the ones Grafana's own tests expect
// (pkg/tsdb/grafana-postgresql-datasource/macros_test.go), for 2018-04-12 18:00-18:05 UTC.
const range = { from: new Date('2018-04-12T18:00:00Z'), to: new Date('2018-04-12T18:05:00Z') };
const expand = (sql: string) => expandGrafanaSqlMacros(sql, range);

describe('Grafana PostgreSQL macro expansion (test support)', () => {
  it('expands time filters and bounds to RFC 3339 UTC literals', () => {
    expect(expand('WHERE $__timeFilter(time_column)'))
      .toBe("WHERE time_column BETWEEN '2018-04-12T18:00:00Z' AND '2018-04-12T18:05:00Z'");
    expect(expand('select $__timeFrom(), $__timeTo()')).toBe("select '2018-04-12T18:00:00Z', '2018-04-12T18:05:00Z'");
    expect(rfc3339Nano(new Date('1960-02-01T07:00:00.500Z'))).toBe('1960-02-01T07:00:00.5Z');
  });

  it('groups by epoch buckets, with the alias and the pre-5.3 comma rule', () => {
    expect(expand("SELECT $__timeGroup(time_column,'5m')")).toBe('SELECT floor(extract(epoch from time_column)/300)*300');
    expect(expand("SELECT $__timeGroupAlias(time_column , '5m')"))
      .toBe('SELECT floor(extract(epoch from time_column)/300)*300 AS "time"');
    expect(expand("SELECT $__timeGroup(time_column,'5m'), value"))
      .toBe('SELECT floor(extract(epoch from time_column)/300)*300 AS "time", value');
    expect(expand('SELECT $__timeGroupAlias(created_at, 1d, 0)'))
      .toBe('SELECT floor(extract(epoch from created_at)/86400)*86400 AS "time"');
    expect(expand("SELECT $__unixEpochGroup(time_column+time_adjustment,'5m')"))
      .toBe('SELECT floor((time_column+time_adjustment)/300)*300');
  });

  it('expands epoch filters and values', () => {
    expect(expand('select $__unixEpochFilter(time)')).toBe('select time >= 1523556000 AND time <= 1523556300');
    expect(expand('select $__unixEpochNanoFrom()')).toBe('select 1523556000000000000');
    expect(expand('select $__unixEpochFrom(), $__interval')).toBe('select 1523556000, 1m');
  });

  it('formats seconds and parses intervals as Go does', () => {
    expect([goFloat(300), goFloat(86400), goFloat(604800), goFloat(1209600), goFloat(0.02)])
      .toEqual(['300', '86400', '604800', '1.2096e+06', '0.02']);
    expect([parseIntervalSeconds('1h30m'), parseIntervalSeconds('2w'), parseIntervalSeconds('20ms')]).toEqual([5400, 1209600, 0.02]);
  });

  it('fails when a macro is unknown, an interval or fill value is malformed, or a column is missing', () => {
    expect(() => expand('SELECT $__timeGroupy(t, 1d)')).toThrow('unknown macro "__timeGroupy"');
    expect(() => expand('SELECT $__timeGroup(t, 1 day)')).toThrow('error parsing interval 1 day');
    expect(() => expand('SELECT $__timeGroup(t, 1d, zero)')).toThrow('error parsing fill value zero');
    expect(() => expand('SELECT $__timeGroup(t)')).toThrow('needs time column and interval');
    expect(() => expand('WHERE $__timeFilter()')).toThrow('missing time column argument');
  });
});
