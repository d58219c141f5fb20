import { buildAlertCatalog } from '../../catalog/alerts';
import { ESG_SCRAPER_API, SERVICES } from '../../catalog/services';
import {
  apmScope, budgetConsumed, buildSloCatalog, BurnRateAlertSpec, burnRateQuery, checkPrometheusSli, DATADOG_APM, durationMinutes,
  maxBurnRate, recommendedBurnRateAlerts, resourceNameTag, serviceSlos, SloDefinition, userApmScope, validateSlos,
} from '../../catalog/slos';
import { ENVIRONMENTS } from '../../config/environments';
import { ConfigError, Problems } from '../../config/validate';

const production = ENVIRONMENTS.production;

/** A 99.9% availability SLO over 30 days with the recommended alerts; tests change one field at a time. */
function slo(overrides: Partial<SloDefinition> = {}): SloDefinition {
  return {
    id: 'checkout-availability',
    serviceId: 'checkout',
    team: 'platform',
    title: 'Checkout availability',
    description: 'Share of requests that succeed.',
    sli: { kind: 'metric', good: 'sum:good{*}.as_count()', total: 'sum:total{*}.as_count()' },
    objectives: [{ timeframe: '30d', target: 99.9 }],
    burnRateAlerts: recommendedBurnRateAlerts('30d'),
    runbookUrl: 'https://example.com/runbook',
    ...overrides,
  };
}

function alertWith(change: Partial<BurnRateAlertSpec>): SloDefinition {
  return slo({ burnRateAlerts: [{ ...recommendedBurnRateAlerts('30d')[0], ...change }] });
}

/** The ConfigError message `validateSlos` throws, or undefined. */
function problemsOf(slos: SloDefinition[]): string | undefined {
  try {
    validateSlos(slos);
    return undefined;
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
}

/** Users' requests: the health routes and the requests the API marks as probes are excluded. */
const USER_SCOPE = '{service:esg-scraper-api,env:production,!resource_name:get_/health,!resource_name:get_/health/detailed,!resource_name:probe_*}';

describe('SLO catalog', () => {
  it('defines a 99.9% availability SLO as good (hits - errors) over total (hits) APM requests', () => {
    const [availability] = serviceSlos(ESG_SCRAPER_API, production);
    const scope = USER_SCOPE;
    expect(availability.id).toBe('esg-scraper-api-availability');
    expect(availability.sli).toEqual({
      kind: 'metric',
      good: `sum:trace.fastapi.request.hits${scope}.as_count() - sum:trace.fastapi.request.errors${scope}.as_count()`,
      total: `sum:trace.fastapi.request.hits${scope}.as_count()`,
    });
    expect(availability.objectives).toEqual([{ timeframe: '30d', target: 99.9, warning: 99.95 }]);
  });

  it('defines latency as the share of five-minute slices whose p95 meets the service target', () => {
    const latency = serviceSlos(ESG_SCRAPER_API, production).find((s) => s.id === 'esg-scraper-api-latency')!;
    expect(latency.sli).toEqual({
      kind: 'time_slice',
      query: `p95:trace.fastapi.request${USER_SCOPE}`,
      comparator: '<=',
      threshold: ESG_SCRAPER_API.latencyTargetSeconds,
      intervalSeconds: 300,
    });
  });

  it('scopes every SLO query to its own environment', () => {
    for (const env of Object.values(ENVIRONMENTS)) {
      for (const s of serviceSlos(ESG_SCRAPER_API, env)) {
        const queries = s.sli.kind === 'metric' ? [s.sli.good, s.sli.total] : [s.sli.query];
        for (const q of queries) expect(q.match(/env:([\w-]+)/g)?.every((t) => t === `env:${env.name}`)).toBe(true);
      }
    }
  });

  it('uses the APM metric names the alert catalog monitors, so a rename cannot split them', () => {
    const expressions = buildAlertCatalog(SERVICES, production).flatMap((a) => a.datadog ? [a.datadog.expression] : []);
    for (const metric of Object.values(DATADOG_APM)) {
      expect(expressions.some((e) => e.includes(`${metric}{`))).toBe(true);
    }
  });

  it('accepts every environment\'s SLOs: an availability and a latency SLO per service', () => {
    for (const env of Object.values(ENVIRONMENTS)) {
      const ids = buildSloCatalog(SERVICES, env).map((s) => s.id);
      expect(ids).toEqual(SERVICES.flatMap((s) => [`${s.id}-availability`, `${s.id}-latency`]));
      expect(ids).toEqual(expect.arrayContaining(['esg-scraper-api-availability', 'esg-scraper-api-latency']));
    }
  });
});

describe('burn-rate alerts', () => {
  it('uses 14.4 over 1h/5m and 6 over 6h/30m to page, 3 over 24h/2h or 1 over 3d/6h to open a ticket, for 30 days', () => {
    expect(recommendedBurnRateAlerts('30d')).toEqual([
      { over: '30d', burnRate: 14.4, longWindow: '1h', shortWindow: '5m', severity: 'critical' },
      { over: '30d', burnRate: 6, longWindow: '6h', shortWindow: '30m', severity: 'critical' },
      { over: '30d', burnRate: 3, longWindow: '24h', shortWindow: '2h', severity: 'warning' },
      { over: '30d', burnRate: 1, longWindow: '3d', shortWindow: '6h', severity: 'warning' },
    ]);
  });

  it.each([
    ['7d', [0.02, 0.05]],
    ['30d', [0.02, 0.05, 0.1, 0.1]],
    ['90d', [0.02, 0.05, 0.1, 0.1]],
  ] as const)('fires the %s alerts at the workbook\'s budget shares (2%% in 1h, 5%% in 6h, 10%% in 24h or 3d)', (timeframe, shares) => {
    expect(recommendedBurnRateAlerts(timeframe).map((a) => Number(budgetConsumed(a).toFixed(6)))).toEqual(shares);
  });

  it('renders the burn_rate query of a 99.9% SLO exactly', () => {
    expect(recommendedBurnRateAlerts('30d').map((a) => burnRateQuery('abc123', a))).toEqual([
      'burn_rate("abc123").over("30d").long_window("1h").short_window("5m") > 14.4',
      'burn_rate("abc123").over("30d").long_window("6h").short_window("30m") > 6',
      'burn_rate("abc123").over("30d").long_window("24h").short_window("2h") > 3',
      'burn_rate("abc123").over("30d").long_window("3d").short_window("6h") > 1',
    ]);
  });

  it('caps the burn rate at 1 / (1 - target): 1000 for 99.9%, 100 for 99%, 20 for 95%', () => {
    expect(maxBurnRate(99.9)).toBeCloseTo(1000, 6);
    expect(maxBurnRate(99)).toBeCloseTo(100, 9);
    expect(maxBurnRate(95)).toBeCloseTo(20, 9);
  });

  it('reads Datadog durations in minutes', () => {
    expect(['5m', '2h', '1d', '0h', '1.5h', 'h'].map(durationMinutes)).toEqual([5, 120, 1440, undefined, undefined, undefined]);
  });

  it('accepts a burn rate equal to the maximum', () => {
    expect(problemsOf([slo({ objectives: [{ timeframe: '30d', target: 95 }], burnRateAlerts: [
      { over: '30d', burnRate: 20, longWindow: '1h', shortWindow: '5m', severity: 'critical' }] })])).toBeUndefined();
  });

  it('fails when a burn rate exceeds 1 / (1 - target), naming the SLO and the maximum', () => {
    const message = problemsOf([slo({ objectives: [{ timeframe: '30d', target: 95 }],
      burnRateAlerts: recommendedBurnRateAlerts('90d').map((a) => ({ ...a, over: '30d' as const })) })]);
    expect(message).toContain('slo "checkout-availability".burnRateAlerts[0].burnRate: got 43.2');
    expect(message).toContain('at most 20 (1 / (1 - 95%)');
    expect(message).not.toContain('burnRateAlerts[1].burnRate'); // 18 is fine for 95%
  });

  it('fails when a burn rate is zero or negative', () => {
    expect(problemsOf([alertWith({ burnRate: 0 })])).toContain('burnRateAlerts[0].burnRate: got 0');
  });

  it('fails when the long window is longer than the timeframe', () => {
    expect(problemsOf([alertWith({ longWindow: '31d', shortWindow: '6h' })]))
      .toContain('slo "checkout-availability".burnRateAlerts[0].longWindow: got "31d"; expected a duration from 1h to the timeframe (30d)');
  });

  it('fails when the long window is under an hour', () => {
    expect(problemsOf([alertWith({ longWindow: '30m', shortWindow: '5m' })])).toContain('longWindow: got "30m"');
  });

  it('fails when the short window is not shorter than the long one', () => {
    expect(problemsOf([alertWith({ longWindow: '1h', shortWindow: '60m' })]))
      .toContain('slo "checkout-availability".burnRateAlerts[0].shortWindow: got "60m"; expected a duration shorter than the long window (1h)');
  });

  it('fails when a window is not a Datadog duration', () => {
    expect(problemsOf([alertWith({ shortWindow: '5 minutes' })])).toContain('shortWindow: got "5 minutes"');
  });

  it('fails when over() names a timeframe the SLO does not define', () => {
    expect(problemsOf([alertWith({ over: '7d' })]))
      .toContain('slo "checkout-availability".burnRateAlerts[0].over: got "7d"; expected a timeframe the SLO defines (30d)');
  });

  it('accepts alerts on every timeframe the SLO defines', () => {
    const objectives = [{ timeframe: '30d', target: 99.9 }, { timeframe: '7d', target: 99.9 }] as const;
    expect(problemsOf([slo({ objectives, burnRateAlerts: [...recommendedBurnRateAlerts('30d'), ...recommendedBurnRateAlerts('7d')] })]))
      .toBeUndefined();
  });

  it('fails when two alerts share a timeframe and long window', () => {
    const [first] = recommendedBurnRateAlerts('30d');
    expect(problemsOf([slo({ burnRateAlerts: [first, { ...first, burnRate: 10 }] })]))
      .toContain('burnRateAlerts[1]: got "30d/1h"; expected one alert per timeframe and long window');
  });

  it('fails when a target is not strictly between 0 and 100, or the warning is not above it', () => {
    const message = problemsOf([slo({ objectives: [{ timeframe: '30d', target: 100, warning: 99 }], burnRateAlerts: [] })]);
    expect(message).toContain('slo "checkout-availability".objectives[0].target: got 100');
    expect(message).toContain('objectives[0].warning: got 99; expected a percentage above the target (100)');
  });

  it('fails when two SLOs share an id, and reports every problem at once', () => {
    const message = problemsOf([slo(), slo({ burnRateAlerts: [{ ...recommendedBurnRateAlerts('30d')[0], over: '90d' }] })]);
    expect(message).toContain('slo "checkout-availability".id: got "checkout-availability"; expected an id no other SLO uses');
    expect(message).toContain('burnRateAlerts[0].over: got "90d"');
  });

  it('fails when a time slice is neither one nor five minutes', () => {
    const sli = { kind: 'time_slice', query: 'p95:x{*}', comparator: '<=', threshold: 1, intervalSeconds: 120 } as never;
    expect(problemsOf([slo({ sli })])).toContain('slo "checkout-availability".sli.intervalSeconds: got 120; expected 60 or 300');
  });
});

describe('the SLO catalog of an environment', () => {
  it('fails when two services would define the same SLO ids, naming the SLO: the catalog is checked before use', () => {
    expect(() => buildSloCatalog([ESG_SCRAPER_API, ESG_SCRAPER_API], production)).toThrow(
      'slo "esg-scraper-api-availability".id: got "esg-scraper-api-availability"; expected an id no other SLO uses');
  });

  it('holds each service\'s availability and latency SLOs, in service order', () => {
    const other = { ...ESG_SCRAPER_API, id: 'billing', displayName: 'Billing' };
    expect(buildSloCatalog([ESG_SCRAPER_API, other], production).map((s) => s.id)).toEqual([
      'esg-scraper-api-availability', 'esg-scraper-api-latency', 'billing-availability', 'billing-latency',
    ]);
  });
});

describe('each rule of an SLO, with its exact message', () => {
  const FIX = 'edit the SLO in catalog/slos.ts';
  const first = recommendedBurnRateAlerts('30d')[0];

  it.each<[string, Partial<SloDefinition>, string]>([
    ['the id is not kebab-case', { id: 'Checkout_SLO' },
      `slo "Checkout_SLO".id: got "Checkout_SLO"; expected kebab-case letters and digits. Fix: ${FIX}`],
    ['there is no objective', { objectives: [], burnRateAlerts: [] },
      `slo "checkout-availability".objectives: got []; expected at least one objective. Fix: ${FIX}`],
    ['a timeframe is not one Datadog offers', { objectives: [{ timeframe: '14d' as any, target: 99.9 }], burnRateAlerts: [] },
      `slo "checkout-availability".objectives[0].timeframe: got "14d"; expected one of 7d, 30d, 90d. Fix: ${FIX}`],
    ['two objectives share a timeframe', { objectives: [{ timeframe: '30d', target: 99.9 }, { timeframe: '30d', target: 99 }] },
      'slo "checkout-availability".objectives[1].timeframe: got "30d"; expected a timeframe no other objective of this SLO uses. ' +
      'Fix: merge the two objectives'],
    ['the target is 100%', { objectives: [{ timeframe: '30d', target: 100 }], burnRateAlerts: [] },
      `slo "checkout-availability".objectives[0].target: got 100; expected a percentage strictly between 0 and 100, e.g. 99.9. Fix: ${FIX}`],
    ['the target is 0%', { objectives: [{ timeframe: '30d', target: 0 }], burnRateAlerts: [] },
      `slo "checkout-availability".objectives[0].target: got 0; expected a percentage strictly between 0 and 100, e.g. 99.9. Fix: ${FIX}`],
    ['the warning equals the target', { objectives: [{ timeframe: '30d', target: 99.9, warning: 99.9 }] },
      `slo "checkout-availability".objectives[0].warning: got 99.9; expected a percentage above the target (99.9) and below 100. Fix: ${FIX}`],
    ['the warning is 100%', { objectives: [{ timeframe: '30d', target: 99.9, warning: 100 }] },
      `slo "checkout-availability".objectives[0].warning: got 100; expected a percentage above the target (99.9) and below 100. Fix: ${FIX}`],
    ['a time slice is two minutes', {
      sli: { kind: 'time_slice', query: 'p95:x{*}', comparator: '<=', threshold: 1, intervalSeconds: 120 as any },
    }, `slo "checkout-availability".sli.intervalSeconds: got 120; expected 60 or 300 (the slice sizes Datadog offers). Fix: ${FIX}`],
    ['an alert is on a timeframe without objective', { burnRateAlerts: [{ ...first, over: '7d' }] },
      'slo "checkout-availability".burnRateAlerts[0].over: got "7d"; expected a timeframe the SLO defines (30d). ' +
      'Fix: alert on a timeframe of the SLO, or add an objective for it'],
    ['the long window is 59 minutes', { burnRateAlerts: [{ ...first, longWindow: '59m', shortWindow: '5m' }] },
      'slo "checkout-availability".burnRateAlerts[0].longWindow: got "59m"; expected a duration from 1h to the timeframe (30d), ' +
      `e.g. "6h" (Datadog renders those up to 48h). Fix: ${FIX}`],
    ['the long window is longer than the timeframe', { burnRateAlerts: [{ ...first, longWindow: '31d', shortWindow: '2h' }] },
      'slo "checkout-availability".burnRateAlerts[0].longWindow: got "31d"; expected a duration from 1h to the timeframe (30d), ' +
      `e.g. "6h" (Datadog renders those up to 48h). Fix: ${FIX}`],
    ['the short window equals the long one', { burnRateAlerts: [{ ...first, longWindow: '1h', shortWindow: '60m' }] },
      'slo "checkout-availability".burnRateAlerts[0].shortWindow: got "60m"; expected a duration shorter than the long window (1h), ' +
      `e.g. 1/12 of it. Fix: ${FIX}`],
    ['the burn rate is above 1 / (1 - target)', { burnRateAlerts: [{ ...first, burnRate: 1000.5 }] },
      'slo "checkout-availability".burnRateAlerts[0].burnRate: got 1000.5; expected a burn rate above 0 and at most 1000 ' +
      '(1 / (1 - 99.9%): a higher one needs an error ratio above 100% and Datadog refuses it). Fix: lower the burn rate or raise the target'],
    ['two alerts share a timeframe and long window', { burnRateAlerts: [first, { ...first, burnRate: 10 }] },
      'slo "checkout-availability".burnRateAlerts[1]: got "30d/1h"; expected one alert per timeframe and long window. ' +
      'Fix: remove the duplicate (its construct id would clash)'],
  ])('fails when %s', (_what, change, expected) => {
    expect(problemsOf([slo(change)])).toBe(`Invalid monitoring configuration (1 problem):\n  - ${expected}`);
  });

  it.each<[string, Partial<SloDefinition>]>([
    ['a long window of exactly 1h and of exactly 48h', { burnRateAlerts: [{ ...first, longWindow: '60m' }, { ...first, longWindow: '48h', shortWindow: '4h' }] }],
    ['one-minute and five-minute slices', {
      sli: { kind: 'time_slice', query: 'p95:x{*}', comparator: '<=', threshold: 1, intervalSeconds: 60 },
    }],
    ['a warning just under 100%', { objectives: [{ timeframe: '30d', target: 99.9, warning: 99.99 }] }],
    ['objectives on every timeframe, alerts on each', {
      objectives: [{ timeframe: '7d', target: 99 }, { timeframe: '30d', target: 99.9 }, { timeframe: '90d', target: 99.5 }],
      burnRateAlerts: [...recommendedBurnRateAlerts('7d'), ...recommendedBurnRateAlerts('30d'), ...recommendedBurnRateAlerts('90d')],
    }],
  ])('accepts %s', (_what, change) => {
    expect(problemsOf([slo(change)])).toBeUndefined();
  });

  it('reads durations in minutes, hours and days, and nothing else', () => {
    expect(['5m', '6h', '2d', '0m', '5s', '1h30m', ' 5m', '5m '].map(durationMinutes)).toEqual([5, 360, 2880, undefined, undefined, undefined, undefined, undefined]);
  });

  it('spends the workbook\'s 2%, 5%, 10% and 10% of the budget before each recommended alert fires, whatever the period', () => {
    const spent = (over: '7d' | '30d' | '90d') => recommendedBurnRateAlerts(over).map((a) => Math.round(budgetConsumed(a) * 1000) / 1000);
    expect(spent('30d')).toEqual([0.02, 0.05, 0.1, 0.1]);
    expect(spent('90d')).toEqual([0.02, 0.05, 0.1, 0.1]);
    // Over 7 days the slower steps would burn under 1x, which never exhausts the budget: they are dropped.
    expect(spent('7d')).toEqual([0.02, 0.05]);
  });
});

describe('SLO rules at their edges', () => {
  const FIX = 'edit the SLO in catalog/slos.ts';
  const first = recommendedBurnRateAlerts('30d')[0];
  const only = (problem: string) => `Invalid monitoring configuration (1 problem):\n  - ${problem}`;

  it.each(['-checkout', 'checkout-', 'c', 'check out', 'checkout.slo'])('fails when the id is %j, not kebab-case', (id) => {
    expect(problemsOf([slo({ id })])).toBe(only(`slo "${id}".id: got "${id}"; expected kebab-case letters and digits. Fix: ${FIX}`));
  });

  it.each(['9s', 'a-b-9', 'checkout-v2-availability'])('accepts the id %j', (id) => {
    expect(problemsOf([slo({ id })])).toBeUndefined();
  });

  it.each([Number.NaN, -0.5, 100.5])('fails when the target is %d', (target) => {
    expect(problemsOf([slo({ objectives: [{ timeframe: '30d', target }], burnRateAlerts: [] })])).toBe(only(
      `slo "checkout-availability".objectives[0].target: got ${target}; expected a percentage strictly between 0 and 100, e.g. 99.9. Fix: ${FIX}`));
  });

  it.each([Number.NaN, 99.8])('fails when the warning is %d, not above the target', (warning) => {
    expect(problemsOf([slo({ objectives: [{ timeframe: '30d', target: 99.9, warning }] })])).toBe(only(
      `slo "checkout-availability".objectives[0].warning: got ${warning}; expected a percentage above the target (99.9) and below 100. Fix: ${FIX}`));
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('fails when the burn rate is %d', (burnRate) => {
    expect(problemsOf([alertWith({ burnRate })])).toContain(`slo "checkout-availability".burnRateAlerts[0].burnRate: got ${burnRate}; expected a burn rate above 0 and at most 1000`);
  });

  it('names every timeframe the SLO defines when an alert names another', () => {
    const objectives = [{ timeframe: '7d', target: 99 }, { timeframe: '30d', target: 99.9 }] as const;
    expect(problemsOf([slo({ objectives, burnRateAlerts: [{ ...first, over: '90d' }] })])).toBe(only(
      'slo "checkout-availability".burnRateAlerts[0].over: got "90d"; expected a timeframe the SLO defines (7d, 30d). ' +
      'Fix: alert on a timeframe of the SLO, or add an objective for it'));
  });

  it('reports a timeframe that is no duration once, on over(), not again on the long window', () => {
    const message = problemsOf([alertWith({ over: 'month' as never })]);
    expect(message).toContain('burnRateAlerts[0].over: got "month"');
    expect(message).not.toContain('longWindow');
  });

  it('reports a long window that is no duration once, not again on the short window', () => {
    expect(problemsOf([alertWith({ longWindow: 'an hour', shortWindow: '5m' })])).toBe(only(
      'slo "checkout-availability".burnRateAlerts[0].longWindow: got "an hour"; expected a duration from 1h to the timeframe (30d), ' +
      `e.g. "6h" (Datadog renders those up to 48h). Fix: ${FIX}`));
  });

  it('fails on both windows when neither is a duration', () => {
    const message = problemsOf([alertWith({ longWindow: 'an hour', shortWindow: 'five minutes' })]);
    expect(message).toContain('burnRateAlerts[0].longWindow: got "an hour"');
    expect(message).toContain('burnRateAlerts[0].shortWindow: got "five minutes"; expected a duration shorter than the long window (an hour)');
  });

  it('accepts a long window equal to the timeframe', () => {
    expect(problemsOf([alertWith({ longWindow: '30d', shortWindow: '2d', burnRate: 1 })])).toBeUndefined();
  });
});

describe('what an SLO states', () => {
  const [availability, latency] = serviceSlos({ ...ESG_SCRAPER_API, latencyTargetSeconds: 5 }, production);

  it('links each SLO to its own runbook page and names its service', () => {
    expect(availability.runbookUrl).toBe('https://github.com/blueprintbuddy/esg-scraper/blob/main/docs/runbooks/esg-scraper-api/slo-availability.md');
    expect(latency.runbookUrl).toBe('https://github.com/blueprintbuddy/esg-scraper/blob/main/docs/runbooks/esg-scraper-api/slo-latency.md');
    expect([availability.title, latency.title]).toEqual(['ESG Scraper API availability', 'ESG Scraper API latency']);
    expect([availability.team, latency.team, availability.serviceId]).toEqual(['platform', 'platform', 'esg-scraper-api']);
  });

  it('describes what counts as good, with the latency target', () => {
    expect(availability.description).toMatch(/requests \(probes excluded\) that do not fail with a server error/);
    expect(latency.description).toMatch(/p95 duration of users' requests \(probes excluded\) is at most 5s\.$/);
  });

  it('measures the same objectives on Prometheus: 5xx responses, and requests slower than the target', () => {
    expect([availability.prometheus, latency.prometheus]).toEqual([{ kind: 'errors' }, { kind: 'slow', thresholdSeconds: 5 }]);
    expect(latency.objectives).toEqual([{ timeframe: '30d', target: 99, warning: 99.5 }]);
    expect(latency.burnRateAlerts).toEqual(recommendedBurnRateAlerts('30d'));
    expect(availability.burnRateAlerts).toEqual(recommendedBurnRateAlerts('30d'));
  });

  it('scopes APM metrics to the service and environment, probes included, or to users\' requests only', () => {
    expect(apmScope(ESG_SCRAPER_API, production)).toBe('{service:esg-scraper-api,env:production}');
    expect(userApmScope({ ...ESG_SCRAPER_API, healthPath: '/live', detailedHealthPath: '/ready' }, ENVIRONMENTS.staging)).toBe(
      '{service:esg-scraper-api,env:staging,!resource_name:get_/live,!resource_name:get_/ready,!resource_name:probe_*}');
  });

  it('writes resource names as Datadog tags: lowercase, a run of spaces one "_"', () => {
    expect(resourceNameTag('POST  /Analyze')).toBe('post_/analyze');
    expect(resourceNameTag('probe\tGET /x')).toBe('probe_get_/x');
  });
});

describe('Prometheus SLIs', () => {
  const problemsFor = (s: SloDefinition, service = ESG_SCRAPER_API) => {
    const problems = new Problems();
    checkPrometheusSli(s, service, problems);
    try {
      problems.throwIfAny();
      return [];
    } catch (e) {
      return [...(e as ConfigError).problems];
    }
  };

  it('checks nothing for an SLO without a Prometheus SLI or with an error SLI', () => {
    expect(problemsFor(slo())).toEqual([]);
    expect(problemsFor(slo({ prometheus: { kind: 'errors' } }))).toEqual([]);
  });

  it('fails when a latency threshold is not a bucket boundary, naming the buckets, the le label and the fix', () => {
    expect(problemsFor(slo({ prometheus: { kind: 'slow', thresholdSeconds: 3 } }))).toEqual([
      'slo "checkout-availability".prometheus.thresholdSeconds: got 3; expected a bucket boundary of esg_api_request_duration_seconds ' +
      '(0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10): the burn-rate rules count requests at or under le="3.0". Fix: set the service\'s ' +
      'latencyTargetSeconds to a boundary, or add 3 to requestDurationBuckets in catalog/services.ts (and to the API\'s Histogram buckets)',
    ]);
    expect(problemsFor(slo({ prometheus: { kind: 'slow', thresholdSeconds: 5 } }))).toEqual([]);
  });

  it('checks each service\'s latency SLO against that service\'s own buckets', () => {
    const other = { ...ESG_SCRAPER_API, id: 'billing', latencyTargetSeconds: 1.5, requestDurationBuckets: [0.5, 1.5, 3] };
    expect(buildSloCatalog([ESG_SCRAPER_API, other], production).map((s) => s.id)).toEqual([
      'esg-scraper-api-availability', 'esg-scraper-api-latency', 'billing-availability', 'billing-latency',
    ]);
  });
});
