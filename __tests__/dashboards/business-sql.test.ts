import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { SERVICES } from '../../catalog/services';
import { ENVIRONMENTS } from '../../config/environments';
import { BUSINESS_PANEL_IDS, BusinessPanel, businessDashboard } from '../../dashboards/business';
import { SqlDataquery } from '../../dashboards/panels';
import { ROOT } from '../support/paths';
import { queriesOf } from './dashboard-queries';
import { expandGrafanaSqlMacros } from './grafana-sql-macros';

/**
 * Runs every SQL panel of the business dashboard on a real PostgreSQL engine (PGlite:
 * PostgreSQL compiled to WebAssembly, no server) over a fixture of the seed's tables,
 * with Grafana's macros expanded for a fixed time range, and checks the rows. All
 * queries of this file, deliberately broken ones included, run in ONE PGlite instance
 * (see pglite-runner.mjs), since starting PostgreSQL costs seconds.
 */

const RANGE = { from: new Date('2024-05-01T00:00:00Z'), to: new Date('2024-05-08T00:00:00Z') };
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 1000;

const FIXTURE = `
  CREATE TABLE user_activity (user_id text NOT NULL, action text NOT NULL, created_at timestamptz NOT NULL);
  INSERT INTO user_activity VALUES
    ('u4', 'login',   '2024-04-30T23:00:00Z'),  -- before the range
    ('u1', 'analyze', '2024-05-01T09:00:00Z'),
    ('u1', 'analyze', '2024-05-01T17:00:00Z'),  -- same user, same day: one active user
    ('u2', 'login',   '2024-05-01T23:59:59Z'),
    ('u6', 'login',   '2024-05-01T00:00:00Z'),  -- on the range's first instant
    ('u1', 'login',   '2024-05-02T10:00:00Z'),
    ('u3', 'analyze', '2024-05-02T00:00:00Z'),  -- midnight UTC belongs to the new day
    ('u2', 'analyze', '2024-05-07T12:00:00Z'),
    ('u5', 'login',   '2024-05-08T00:00:01Z');  -- after the range

  CREATE TABLE users (user_id text PRIMARY KEY, tier text);
  INSERT INTO users VALUES
    ('s1', 'starter'), ('s2', 'starter'), ('s3', 'starter'),
    ('g1', 'growth'), ('g2', 'growth'),
    ('e1', 'enterprise'),
    ('f1', 'free'), ('f2', 'free'), ('f3', 'free'), ('f4', 'free');

  CREATE TABLE framework_compliance (framework text NOT NULL, coverage_percentage numeric NOT NULL, created_at timestamptz NOT NULL);
  INSERT INTO framework_compliance VALUES
    ('TCFD', 40, '2024-04-20T10:00:00Z'),  -- before the range
    ('CSRD', 80, '2024-05-01T10:00:00Z'),
    ('CSRD', 90, '2024-05-03T10:00:00Z'),
    ('CSRD', 100, '2024-05-07T10:00:00Z'),
    ('GRI', 60, '2024-05-02T10:00:00Z'),
    ('GRI', 70, '2024-05-05T10:00:00Z'),
    ('SASB', 50, '2024-05-04T10:00:00Z'),
    ('CSRD', 10, '2024-05-09T10:00:00Z');  -- after the range
`;

const EXPECTED: Record<'dailyActiveUsers' | 'mrrByTier' | 'frameworkUsage', Record<string, unknown>[]> = {
  dailyActiveUsers: [
    { time: day('2024-05-01'), dau: 3 },
    { time: day('2024-05-02'), dau: 2 },
    { time: day('2024-05-07'), dau: 1 },
  ],
  mrrByTier: [
    { tier: 'enterprise', customers: 1, mrr: 999 },
    { tier: 'growth', customers: 2, mrr: 398 },
    { tier: 'starter', customers: 3, mrr: 147 },
  ],
  frameworkUsage: [
    { framework: 'CSRD', usage_count: 3, avg_coverage: 90 },
    { framework: 'GRI', usage_count: 2, avg_coverage: 65 },
    { framework: 'SASB', usage_count: 1, avg_coverage: 50 },
  ],
};

/** Deliberate breakage, per panel: each must change the rows or make the query fail. */
const MUTATIONS: Record<keyof typeof EXPECTED, [string, string | RegExp, string][]> = {
  dailyActiveUsers: [
    ['counts activity instead of users', 'COUNT(DISTINCT user_id)', 'COUNT(user_id)'],
    ['ignores the time range', '$__timeFilter(created_at)', 'TRUE'],
    ['groups by hour', '1d, 0)', '1h, 0)'],
    ['is not sorted by time', 'ORDER BY 1', 'ORDER BY 2, 1 DESC'],
    ['reads a missing table', 'FROM user_activity', 'FROM user_activities'],
  ],
  mrrByTier: [
    ['counts free users', "WHERE tier <> 'free'", ''],
    ['has a wrong price', /THEN 199\b/, 'THEN 99'],
    ['uses a missing column', 'COUNT(*)', 'COUNT(customer_id)'],
  ],
  frameworkUsage: [
    ['ignores the time range', '$__timeFilter(created_at)', 'TRUE'],
    ['averages the wrong way', 'AVG(coverage_percentage)', 'MAX(coverage_percentage)'],
    ['has a syntax error', 'GROUP BY framework', 'GROUP framework'],
  ],
};

const model = businessDashboard({ env: ENVIRONMENTS.production, services: SERVICES });

function sqlOf(panel: BusinessPanel): SqlDataquery {
  const found = model.panels?.find((p) => 'id' in p && p.id === BUSINESS_PANEL_IDS[panel]);
  const targets = (found && 'targets' in found ? found.targets : undefined) as SqlDataquery[] | undefined;
  if (!targets || targets.length !== 1) throw new Error(`business panel ${panel} should have exactly one target`);
  return targets[0];
}

type Outcome = { rows: Record<string, unknown>[] } | { error: string };

const mutationCases = Object.entries(MUTATIONS).flatMap(([panel, list]) =>
  list.map(([why, from, to]) => [panel as keyof typeof EXPECTED, why, from, to] as const));
const mutated = (panel: keyof typeof EXPECTED, from: string | RegExp, to: string) => sqlOf(panel).rawSql.replace(from, to);

/** Outcomes by the query text as the panel holds it (macros not yet expanded). */
const outcomes = new Map<string, Outcome>();

beforeAll(() => {
  const queries = [
    ...(Object.keys(EXPECTED) as (keyof typeof EXPECTED)[]).map((panel) => sqlOf(panel).rawSql),
    ...mutationCases.map(([panel, , from, to]) => mutated(panel, from, to)),
  ];
  const toRun: string[] = [];
  for (const sql of queries) {
    try {
      toRun.push(expandGrafanaSqlMacros(sql, RANGE));
    } catch (error) {
      outcomes.set(sql, { error: `Grafana would reject the macros: ${String(error)}` });
    }
  }
  const run = spawnSync(process.execPath, [join(__dirname, 'pglite-runner.mjs')], {
    input: JSON.stringify({ setup: FIXTURE, queries: toRun, cacheDir: join(ROOT, '.build', 'pglite-cache') }),
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`PGlite runner failed (${run.status}):\n${run.stderr}`);
  const results = JSON.parse(run.stdout) as Outcome[];
  queries.filter((sql) => !outcomes.has(sql)).forEach((sql, i) => outcomes.set(sql, results[i]));
}, 60_000);

function outcome(sql: string): Outcome {
  const found = outcomes.get(sql);
  if (!found) throw new Error(`query was not run: ${sql}`);
  return found;
}

describe('business dashboard SQL on PostgreSQL', () => {
  it('covers every SQL query of the dashboard', () => {
    const sqlPanels = queriesOf(model).filter((q) => 'rawSql' in q.query).map((q) => q.panelId).sort();
    expect(sqlPanels).toEqual((Object.keys(EXPECTED) as BusinessPanel[]).map((p) => BUSINESS_PANEL_IDS[p]).sort());
  });

  it.each(Object.keys(EXPECTED) as (keyof typeof EXPECTED)[])('%s returns the expected rows', (panel) => {
    expect(outcome(sqlOf(panel).rawSql)).toEqual({ rows: EXPECTED[panel] });
  });

  it('queries the PostgreSQL data source in code mode, as a time series only where rows are per day', () => {
    for (const panel of Object.keys(EXPECTED) as (keyof typeof EXPECTED)[]) {
      const query = sqlOf(panel);
      expect(query).toMatchObject({ datasource: { type: 'grafana-postgresql-datasource', uid: 'postgres-production' }, rawQuery: true, editorMode: 'code' });
      expect(query.format).toBe(panel === 'dailyActiveUsers' ? 'time_series' : 'table');
    }
  });

  it("uses the dashboard's time range, not the seed's fixed intervals", () => {
    for (const panel of ['dailyActiveUsers', 'frameworkUsage'] as const) {
      expect(sqlOf(panel).rawSql).toContain('$__timeFilter(created_at)');
      expect(sqlOf(panel).rawSql).not.toMatch(/interval|now\(\)/i);
    }
  });

  it.each(mutationCases)('fails when the %s query %s', (panel, _why, from, to) => {
    const broken = mutated(panel, from, to);
    expect(broken).not.toBe(sqlOf(panel).rawSql);
    expect(outcome(broken)).not.toEqual({ rows: EXPECTED[panel] });
  });
});
