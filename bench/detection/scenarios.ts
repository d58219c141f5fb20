/**
 * Incident scenarios for the detection benchmark, as the input series promtool
 * reads: what a service's exporter shows, scraped every 15 seconds, on each
 * instance. User requests go to a user endpoint; beside them, the probes that
 * really call the service (metrics contract: `endpoint` is the route template):
 * - App Platform's health check: `healthPath`, every 10 s, on each instance;
 * - DigitalOcean uptime checks: both health paths, from 2 regions, every minute;
 * - Datadog synthetic tests: `detailedHealthPath`, from 2 locations, every minute.
 * The probes land behind the load balancer on any instance (split evenly), except
 * the platform health check, which each instance gets for itself.
 */
import { requestDurationBuckets, leLabel } from '../../catalog/burn-rates';
import { ServiceDefinition } from '../../catalog/services';

/** Seconds between two scrapes: one sample per series. */
export const SCRAPE_SECONDS = 15;

/**
 * Healthy traffic before every incident: as long as the longest paging window (6h),
 * so that no window starts on an empty history and detects faster than it would in production.
 */
export const HISTORY_MINUTES = 360;

/** Whole requests per scrape, for one user endpoint or probe, from the incident's start (sample 0). */
export interface Requests {
  readonly ok: number;
  readonly failed: number;
}

export type Goal = { readonly pagesWithinMinutes: number } | { readonly neverPages: true };

export interface IncidentScenario {
  readonly key: string;
  readonly title: string;
  /** User requests in the scrape interval ending at `sample` (negative: before the incident), all instances together. */
  readonly users: (sample: number) => Requests;
  /** Whether the dependency-aware health check fails (503) during the incident: the dependencies are down. */
  readonly detailedHealthFails: boolean;
  /** How long the incident lasts. */
  readonly incidentMinutes: number;
  /** How long after the incident's start a page is looked for. */
  readonly observeMinutes: number;
  readonly goal: Goal;
}

/**
 * `perSecond` requests a second, a share of them failing, as whole requests per scrape
 * (the difference of the floors of the running totals, so a fractional rate still
 * adds up exactly: 2 a minute is one every other scrape).
 */
function steady(perSecond: number, failingShare: number, sample: number): Requests {
  const total = (n: number) => Math.floor(n * perSecond * SCRAPE_SECONDS + 1e-9);
  const failed = (n: number) => Math.floor(n * perSecond * SCRAPE_SECONDS * failingShare + 1e-9);
  const all = total(sample) - total(sample - 1);
  const bad = failed(sample) - failed(sample - 1);
  return { ok: all - bad, failed: bad };
}

const samplesIn = (minutes: number) => (minutes * 60) / SCRAPE_SECONDS;

/** Steady traffic with `failingShare` of it failing from the incident's start for `minutes`. */
function incident(perSecond: number, failingShare: number, minutes: number): (sample: number) => Requests {
  return (sample) => steady(perSecond, sample > 0 && sample <= samplesIn(minutes) ? failingShare : 0, sample);
}

const BASELINE_PER_SECOND = 100;

/** The scenarios of the issue ("Time to page"), with their goals. */
export const INCIDENT_SCENARIOS: readonly IncidentScenario[] = [
  {
    key: 'total-outage',
    title: 'total outage (every user request 5xx)',
    users: incident(BASELINE_PER_SECOND, 1, 60),
    detailedHealthFails: true,
    incidentMinutes: 60,
    observeMinutes: 15,
    goal: { pagesWithinMinutes: 2 },
  },
  {
    key: 'errors-10',
    title: '10% errors',
    users: incident(BASELINE_PER_SECOND, 0.1, 60),
    detailedHealthFails: false,
    incidentMinutes: 60,
    observeMinutes: 20,
    goal: { pagesWithinMinutes: 5 },
  },
  {
    key: 'errors-2',
    title: '2% errors',
    users: incident(BASELINE_PER_SECOND, 0.02, 120),
    detailedHealthFails: false,
    incidentMinutes: 120,
    observeMinutes: 75,
    goal: { pagesWithinMinutes: 60 },
  },
  {
    key: 'errors-0.5-6h',
    title: '0.5% errors for 6 hours',
    users: incident(BASELINE_PER_SECOND, 0.005, 360),
    detailedHealthFails: false,
    incidentMinutes: 360,
    observeMinutes: 360,
    goal: { neverPages: true },
  },
  {
    key: 'outage-2-per-minute',
    title: 'total outage at 2 requests a minute',
    users: incident(2 / 60, 1, 60),
    detailedHealthFails: true,
    incidentMinutes: 60,
    observeMinutes: 20,
    goal: { pagesWithinMinutes: 10 },
  },
  {
    key: 'blip-10-2m',
    title: '2-minute blip of 10% errors',
    users: incident(BASELINE_PER_SECOND, 0.1, 2),
    detailedHealthFails: false,
    incidentMinutes: 2,
    observeMinutes: 30,
    goal: { neverPages: true },
  },
  {
    key: 'night-1-of-3',
    title: '1 failed request of 3 at night',
    // One user request every 30 minutes all night; 10 minutes into the incident, one fails:
    // every hour-long window holds 2 or 3 requests, one of them failed.
    users: (sample) => {
      if (sample === samplesIn(10)) return { ok: 0, failed: 1 };
      return { ok: sample % samplesIn(30) === 0 ? 1 : 0, failed: 0 };
    },
    detailedHealthFails: false,
    incidentMinutes: 1,
    observeMinutes: 45,
    goal: { neverPages: true },
  },
];

/** One input series in promtool's notation. */
export interface InputSeries {
  readonly series: string;
  readonly values: string;
}

/**
 * Cumulative counter values in promtool's expanding notation: runs of a constant
 * increment become `start+stepxN`. Before the first increment the series is absent
 * (`_`) when `absentUntilFirst`, as a labelled prometheus_client counter is until its
 * first `inc()`.
 */
export function counterValues(increments: readonly number[], absentUntilFirst: boolean): string {
  const first = increments.findIndex((n) => n > 0);
  if (absentUntilFirst && first === -1) return `_x${increments.length}`;
  const start = absentUntilFirst ? first : 0;
  const parts: string[] = start > 0 ? [`_x${start}`] : [];
  let value = 0;
  const values: number[] = [];
  for (let i = 0; i < increments.length; i++) {
    value += increments[i];
    if (i >= start) values.push(value);
  }
  for (let i = 0; i < values.length;) {
    const step = i + 1 < values.length ? values[i + 1] - values[i] : 0;
    let j = i;
    while (j + 1 < values.length && values[j + 1] - values[j] === step) j++;
    parts.push(`${values[i]}+${step}x${j - i}`);
    i = j + 1;
  }
  return parts.join(' ');
}

/** Seconds a request of each kind takes, for the duration histogram: users well within any target. */
const USER_SECONDS = 0.3;
const PROBE_SECONDS = 0.01;
const USER_ENDPOINT = '/analyze';

interface EndpointTraffic {
  readonly endpoint: string;
  readonly seconds: number;
  /** Requests per scrape on one instance, by status, for each sample from the first of the history. */
  readonly byStatus: Readonly<Record<string, number[]>>;
}

/** Evenly spread `n` requests of a scrape over instances: whole requests, the remainder to the first ones. */
function share(n: number, instance: number, instances: number): number {
  return Math.floor(n / instances) + (instance < n % instances ? 1 : 0);
}

/** Every input series of one scenario for one service on `instances` instances, and the sample count. */
export function scenarioSeries(scenario: IncidentScenario, service: ServiceDefinition, instances: number): InputSeries[] {
  const first = -samplesIn(HISTORY_MINUTES);
  const last = samplesIn(scenario.observeMinutes);
  const samples = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const during = (sample: number) => sample > 0 && sample <= samplesIn(scenario.incidentMinutes);
  // A probe every `periodSeconds` from `sources` places: whole requests per scrape.
  const probe = (sources: number, periodSeconds: number) => (sample: number) => steady(sources / periodSeconds, 0, sample).ok;

  // A labelled prometheus_client counter appears on its first increment, and rate() never
  // sees that one. Each scenario takes the less favourable case: when it must page, the
  // incident creates the error series; when it must not, they exist from earlier errors,
  // so that every failed request counts.
  const errorSeriesExist = 'neverPages' in scenario.goal;
  const job = `job="${service.id}"`;
  const series: InputSeries[] = [];
  for (let instance = 0; instance < instances; instance++) {
    const users = samples.map((s) => scenario.users(s));
    const uptimeEach = probe(2, 60); // 2 regions, each health path
    const endpoints: EndpointTraffic[] = [
      {
        endpoint: USER_ENDPOINT,
        seconds: USER_SECONDS,
        byStatus: {
          200: users.map((u) => share(u.ok, instance, instances)),
          500: users.map((u) => share(u.failed, instance, instances)),
        },
      },
      {
        endpoint: service.healthPath,
        seconds: PROBE_SECONDS,
        // Liveness does not check dependencies: it answers 200 throughout.
        byStatus: { 200: samples.map((s) => probe(1, 10)(s) + share(uptimeEach(s), instance, instances)) },
      },
      {
        endpoint: service.detailedHealthPath,
        seconds: PROBE_SECONDS,
        byStatus: (() => {
          const calls = samples.map((s) => share(uptimeEach(s) + probe(2, 60)(s), instance, instances));
          const failing = samples.map((s) => scenario.detailedHealthFails && during(s));
          return {
            200: calls.map((n, i) => (failing[i] ? 0 : n)),
            503: calls.map((n, i) => (failing[i] ? n : 0)),
          };
        })(),
      },
    ];
    const labels = `${job},instance="instance-${instance}"`;
    series.push({ series: `up{${labels}}`, values: `1x${samples.length - 1}` });
    for (const { endpoint, seconds, byStatus } of endpoints) {
      for (const [status, increments] of Object.entries(byStatus)) {
        series.push({
          series: `${service.metricPrefix}_requests_total{${labels},endpoint="${endpoint}",status="${status}"}`,
          values: counterValues(increments, status === '200' || !errorSeriesExist),
        });
      }
      const all = samples.map((_, i) => Object.values(byStatus).reduce((sum, inc) => sum + inc[i], 0));
      for (const le of [...requestDurationBuckets(service), Infinity]) {
        series.push({
          series: `${service.metricPrefix}_request_duration_seconds_bucket{${labels},endpoint="${endpoint}",` +
            `le="${le === Infinity ? '+Inf' : leLabel(le)}"}`,
          values: counterValues(le >= seconds ? all : all.map(() => 0), false),
        });
      }
    }
  }
  return series;
}
