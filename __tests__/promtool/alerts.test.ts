/**
 * Proof on the real engine: every catalog alert, as the exact PromQL Grafana
 * evaluates, fires on series that breach its threshold and stays silent on
 * series that do not, with its traffic guard and pending duration. Broken copies
 * of the catalog (guard dropped, threshold raised, comparison flipped, the seed's
 * queries) must make the same cases fail, so the suite is not vacuous.
 * One promtool process runs every case.
 */
import { AlertDefinition, buildAlertCatalog, rulesOf } from '../../catalog/alerts';
import { ServiceDefinition } from '../../catalog/services';
import { ENVIRONMENT_NAMES } from '../../config/types';
import { ESTATES, ONE_SERVICE } from '../support/estates';
import { PromtoolCase, PromtoolResult, runPromtool } from '../support/promtool';
import { casesOf, promRules, SCENARIOS, signalOf } from './scenarios';

const serviceOf = (services: readonly ServiceDefinition[], alert: AlertDefinition) => services.find((s) => s.id === alert.serviceId)!;

/** Every environment's catalog of every estate, with its rule file (and case prefix), e.g. `two-service estate production`. */
const catalogs = ESTATES.flatMap((estate) => ENVIRONMENT_NAMES.map((name) => ({
  estate,
  env: estate.configs[name],
  ruleFile: `${estate.name} ${name}`,
  alerts: buildAlertCatalog(estate.services, estate.configs[name]),
})));

const realCases: PromtoolCase[] = catalogs.flatMap(({ estate, env, ruleFile, alerts }) => alerts.flatMap((alert) =>
  rulesOf(alert).flatMap((rule) => casesOf({ rule, service: serviceOf(estate.services, alert), env }, ruleFile, ruleFile))));

interface Mutation {
  readonly name: string;
  readonly signal: string;
  readonly mutate: (alert: AlertDefinition) => AlertDefinition;
  /** Title (substring) of the scenario that must catch it. */
  readonly caughtBy: string;
}

const MUTATIONS: Mutation[] = [
  { name: 'error ratio without its traffic guard', signal: 'error-ratio', mutate: (a) => ({ ...a, guard: undefined }), caughtBy: 'traffic guard: stays silent' },
  { name: 'error ratio with its comparison flipped', signal: 'error-ratio', mutate: (a) => ({ ...a, comparison: '<' }), caughtBy: 'fires above the threshold' },
  { name: 'error ratio threshold doubled', signal: 'error-ratio', mutate: (a) => ({ ...a, thresholds: { critical: a.thresholds.critical! * 2 } }), caughtBy: 'fires above the threshold' },
  { name: 'error ratio threshold halved', signal: 'error-ratio', mutate: (a) => ({ ...a, thresholds: { critical: a.thresholds.critical! / 2 } }), caughtBy: 'stays silent below the threshold' },
  {
    name: 'error ratio guard demanding one request more than the minimum',
    signal: 'error-ratio',
    mutate: (a) => ({ ...a, guard: a.guard!.replace(/>= (\d+)$/, (_, n) => `>= ${Number(n) + 1}`) }),
    caughtBy: 'fires with exactly the minimum traffic',
  },
  {
    name: 'error ratio guard one request laxer than the minimum',
    signal: 'error-ratio',
    mutate: (a) => ({ ...a, guard: a.guard!.replace(/>= (\d+)$/, (_, n) => `>= ${Number(n) - 1}`) }),
    caughtBy: 'stays silent one request below the minimum',
  },
  { name: 'p95 latency without its traffic guard', signal: 'latency-p95', mutate: (a) => ({ ...a, guard: undefined }), caughtBy: 'traffic guard: stays silent' },
  {
    name: 'p95 latency threshold raised by half',
    signal: 'latency-p95',
    mutate: (a) => ({ ...a, thresholds: { warning: a.thresholds.warning! * 1.5 } }),
    caughtBy: 'just above the target',
  },
  {
    name: 'memory threshold raised halfway to 100%',
    signal: 'memory',
    mutate: (a) => ({ ...a, thresholds: { warning: (a.thresholds.warning! + 1) / 2 } }),
    caughtBy: 'fires when one instance',
  },
  { name: 'memory pending for 1m instead of its own duration', signal: 'memory', mutate: (a) => ({ ...a, pendingFor: '1m' }), caughtBy: 'fires when one instance' },
  {
    name: "p95 latency as the seed wrote it (no sum by le)",
    signal: 'latency-p95',
    mutate: (a) => ({ ...a, signal: a.signal.replace(/sum by \(le\) \((rate\(.*\))\)\)$/, '$1)') }),
    caughtBy: 'sums buckets across instances',
  },
  { name: 'MongoDB pool with > instead of >=', signal: 'mongodb-pool', mutate: (a) => ({ ...a, comparison: '>' }), caughtBy: 'exactly at the threshold' },
  {
    name: 'cache hit ratio threshold lowered by a fifth',
    signal: 'cache-hit-ratio',
    mutate: (a) => ({ ...a, thresholds: { info: a.thresholds.info! * 0.8 } }),
    caughtBy: 'fires below the threshold',
  },
  {
    name: 'cache hit ratio without "or vector(0)"',
    signal: 'cache-hit-ratio',
    mutate: (a) => ({ ...a, signal: a.signal.replace(/^\((.*) or vector\(0\)\)/, '$1') }),
    caughtBy: 'total collapse',
  },
  {
    name: 'cache hit ratio as the seed wrote it (hits of every operation)',
    signal: 'cache-hit-ratio',
    mutate: (a) => ({ ...a, signal: a.signal.replace('operation="get",status="hit"', 'status="hit"') }),
    caughtBy: 'writes do not mask a collapse',
  },
  {
    name: 'metrics absent without "or vector(0)"',
    signal: 'metrics-absent',
    mutate: (a) => ({ ...a, signal: a.signal.replace(/ or vector\(0\)$/, '') }),
    caughtBy: "series vanish",
  },
];

// Mutations break the real catalog's production alerts (the first service's).
const production = catalogs.find((c) => c.estate === ONE_SERVICE && c.env.name === 'production')!;
const mutants = MUTATIONS.map((m) => {
  const original = production.alerts.find((a) => signalOf(a) === m.signal)!;
  const mutant = m.mutate(original);
  const [rule] = rulesOf(mutant);
  const [originalRule] = rulesOf(original);
  const prefix = `mutant: ${m.name}:`;
  const cases = casesOf({ rule, service: serviceOf(ONE_SERVICE.services, original), env: production.env }, `mutant: ${m.name}`, prefix, originalRule)
    .filter((c) => c.name.slice(prefix.length).includes(m.caughtBy));
  return { mutation: m, original, mutant, cases };
});

let results: Map<string, PromtoolResult>;

beforeAll(() => {
  results = runPromtool({
    ruleFiles: {
      ...Object.fromEntries(catalogs.map(({ ruleFile, alerts }) => [ruleFile, promRules(alerts)])),
      ...Object.fromEntries(mutants.map(({ mutation, mutant }) => [`mutant: ${mutation.name}`, promRules([mutant])])),
    },
    cases: [...realCases, ...mutants.flatMap((m) => m.cases)],
  });
});

describe('every catalog alert on the Prometheus engine (promtool)', () => {
  it('has scenarios for every alert of every environment of every estate, each with a firing and a silent case', () => {
    // A new signal's behaviour on the engine is written by hand, not generated: say where.
    const unscripted = [...new Set(catalogs.flatMap((c) => c.alerts).map(signalOf).filter((signal) => !SCENARIOS[signal]))];
    expect(unscripted.map((signal) => `signal "${signal}" has no scenarios: add an entry for it to SCENARIOS in ` +
      '__tests__/promtool/scenarios.ts, with series on which it fires and series on which it stays silent')).toEqual([]);
    for (const { ruleFile, alerts } of catalogs) {
      for (const alert of alerts) {
        const own = realCases.filter((c) => c.name.startsWith(`${ruleFile} ${alert.serviceId} ${signalOf(alert)} `));
        const firing = own.map((c) => c.checks.at(-1)!.firing.length);
        expect([ruleFile, alert.id, firing.includes(0), firing.some((n) => n > 0)]).toEqual([ruleFile, alert.id, true, true]);
      }
    }
  });

  it('names every case after its estate, environment and service, so two services never declare the same case', () => {
    const names = realCases.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const { estate } of catalogs) {
      for (const service of estate.services) expect(names.some((n) => n.startsWith(`${estate.name} production ${service.id} `))).toBe(true);
    }
  });

  it.each(realCases.map((c) => [c.name]))('%s', (name) => {
    const result = results.get(name)!;
    expect({ name, output: result.output }).toEqual({ name, output: 'SUCCESS' });
  });
});

describe('promtool cases catch a broken catalog', () => {
  it.each(mutants.map((m) => [m.mutation.name, m]))('fails when %s', (_name, { original, mutant, cases }) => {
    expect(mutant).not.toEqual(original);
    expect(cases.length).toBeGreaterThan(0);
    for (const c of cases) {
      const result = results.get(c.name)!;
      expect({ name: c.name, passed: result.passed }).toEqual({ name: c.name, passed: false });
      expect(result.output).toMatch(/FAILED/);
    }
  });
});
