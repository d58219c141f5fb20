/**
 * The README's table of Datadog monitors ("what each monitor watches, and what in this
 * stack produces it"), written by `npm run accept` (review/readme-tables.ts), against the
 * synthesized monitors of both stacks: every monitor has exactly one row, the row names
 * exactly the metrics (or event tags) its query reads, and no row is left over.
 */
import { SERVICES } from '../../catalog/services';
import { ENVIRONMENT_NAMES } from '../../config/types';
import { datadogMonitorReadmeTable } from '../../review/readme-tables';
import { expectCurrent, readmeTable } from '../support/generated';
import { resourcesOf, synthOf } from '../support/synth';
import { escapeRegExp } from '../support/text';

type Resource = Record<string, any>;

interface Row {
  readonly monitor: string;
  /** Backticked metric names or event tags of the "watches" cell; empty for a composite. */
  readonly watches: readonly string[];
  readonly composite: boolean;
  readonly producedBy: string;
}

const HEADER = '| monitor | watches | produced by |';

function readmeRows(): Row[] {
  const lines = (readmeTable('datadog-monitors') ?? '').split('\n');
  const start = lines.indexOf(HEADER);
  expect(start).toBe(0);
  const rows: Row[] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    const [monitor, watches, producedBy] = line.split('|').slice(1, -1).map((c) => c.trim());
    rows.push({
      monitor: monitor.replace(/`/g, '').replace(/ \(burn rate\)$/, ''),
      watches: [...watches.matchAll(/`([^`]+)`/g)].map((m) => m[1]),
      composite: watches.startsWith('composite'),
      producedBy,
    });
  }
  return rows;
}

/** A row's monitor cell as a pattern: `<service>` (any catalog service), `<env>` and `…` stand for the concrete parts. */
function rowPattern(row: Row, env: string): RegExp {
  const service = `(?:${SERVICES.map((s) => escapeRegExp(s.displayName)).join('|')})`;
  const pattern = row.monitor.split(/(<service>|<env>|…)/).map((part) => part === '<service>' ? service
    : part === '<env>' ? escapeRegExp(env) : part === '…' ? '.+' : escapeRegExp(part)).join('');
  return new RegExp(`^${pattern}$`);
}

/** What a monitor's query reads: trace metrics, metrics of the SLO it names, or the tags of the events it counts. */
function watchedBy(monitor: Resource, env: (typeof ENVIRONMENT_NAMES)[number]): string[] {
  const metrics = (text: string) => [...new Set([...text.matchAll(/(trace\.[a-z_.]+?)\{/g)].map((m) => m[1]))];
  switch (monitor.type) {
    case 'composite':
      return [];
    case 'event-v2 alert':
      return /^events\("([^"]+)"\)/.exec(monitor.query)![1].split(' ').filter((t) => !t.startsWith('env:'));
    case 'slo alert': {
      const name = /datadog_service_level_objective\.([\w-]+)\.id/.exec(monitor.query)![1];
      const [[, slo]] = resourcesOf(synthOf(env), 'datadog_service_level_objective').filter(([n]) => n === name);
      return metrics(JSON.stringify([slo.query, slo.sli_specification]));
    }
    default:
      return metrics(monitor.query);
  }
}

const rows = readmeRows();

describe('the README\'s table of Datadog monitors', () => {
  it('is what `npm run accept` writes from the synthesized stacks', () => {
    const stacks = Object.fromEntries(ENVIRONMENT_NAMES.map((env) => [env, synthOf(env)]));
    expectCurrent('README.md\'s datadog-monitors table', () => expect(readmeTable('datadog-monitors')).toBe(datadogMonitorReadmeTable(stacks)));
  });

  it('has a row per kind of monitor, each naming what produces it', () => {
    // The seed's 8 kinds: the error-ratio composite and its 2 parts, p95 latency, APM data, 2 burn-rate SLOs, the heartbeat.
    expect(rows.length).toBeGreaterThanOrEqual(8);
    for (const kind of ['<service>: 5xx error ratio high (<env>, critical)', '<service> (<env>): no APM data (critical)',
      '<service> availability (<env>): …', 'Grafana alerting (<env>): watchdog heartbeat missing (critical)']) {
      expect(rows.map((r) => r.monitor)).toContain(kind);
    }
    expect(rows.map((r) => r.producedBy)).not.toContainEqual(expect.stringContaining('unknown'));
    for (const row of rows.filter((r) => !r.composite)) expect({ row: row.monitor, producedBy: row.producedBy }).toEqual({ row: row.monitor, producedBy: expect.stringMatching(/\S/) });
  });

  it.each(ENVIRONMENT_NAMES)('matches every synthesized monitor to exactly one row naming exactly what its query reads (%s)', (env) => {
    const monitors = resourcesOf(synthOf(env), 'datadog_monitor').map(([, m]) => m);
    const used = new Set<Row>();
    for (const monitor of monitors) {
      const matching = rows.filter((row) => rowPattern(row, env).test(monitor.name));
      expect({ monitor: monitor.name, rows: matching.length }).toEqual({ monitor: monitor.name, rows: 1 });
      const [row] = matching;
      used.add(row);
      expect({ monitor: monitor.name, composite: monitor.type === 'composite' }).toEqual({ monitor: monitor.name, composite: row.composite });
      expect({ monitor: monitor.name, watches: [...watchedBy(monitor, env)].sort() })
        .toEqual({ monitor: monitor.name, watches: [...row.watches].sort() });
    }
    expect(rows.filter((r) => !used.has(r)).map((r) => r.monitor)).toEqual([]);
  });

  it('names no metric that ddtrace sends over DogStatsD (UDP cannot reach the Agent on App Platform)', () => {
    expect(rows.flatMap((r) => r.watches).filter((w) => w.startsWith('runtime.'))).toEqual([]);
  });
});
