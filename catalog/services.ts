import { ENVIRONMENT_NAMES, EnvironmentConfig, EnvironmentName } from '../config/types';
import { isHttpUrl, matches, Problems } from '../config/validate';
import { checkNoTerraformSyntax } from '../config/text';

/**
 * The services this stack monitors. Monitoring a second service means adding one
 * entry here: its alerts, dashboards, monitors and checks derive from it.
 *
 * Metrics contract: each service exports, on its Prometheus scrape job (named after the
 * service id, one target per instance; see README, "How Prometheus gets the metrics"),
 *   <prefix>_requests_total{endpoint,status,probe}               counter
 *   <prefix>_request_duration_seconds_bucket{endpoint,probe,le}  histogram
 *   process_resident_memory_bytes                                gauge (prometheus_client default)
 * where `endpoint` is the route template (`/health`, `/health/detailed`, `/analyze`: never
 * the raw path), `status` the HTTP status code, and `probe` is "true" when the request's
 * User-Agent starts with one of the service's `probeUserAgents`, else "false". User
 * traffic is everything but the health routes and `probe="true"` (catalog/queries.ts,
 * `userRequestSelector`).
 * For Datadog APM (ddtrace), the API renames the root span of such a probe request to
 * `probe <METHOD> <route>` (resource tag `probe_<method>_<route>`): trace metrics carry
 * only service, env, version, resource and status tags, so the resource name is the one
 * place a probe can be told apart (catalog/slos.ts, `userApmScope`).
 * and, when the service uses them,
 *   esg_cache_operations_total{operation,status}          counter (get/set, hit/miss)
 *   esg_mongodb_pool_connections, esg_mongodb_pool_max_connections   gauges
 *   esg_analysis_by_framework_total{framework,user_tier}  counter
 *   esg_metrics_extracted_count_bucket{le}                histogram
 *   esg_subscription_revenue_usd{tier}, esg_tier_cost_estimate_usd{tier}   gauges
 */
export interface ServiceDefinition {
  /**
   * Kebab-case id: Prometheus job, Datadog `service` tag, and the stem of resource names
   * and Grafana uids. In practice at most 16 characters: the rule uid
   * `<id>-metrics-absent-critical` must fit Grafana's 40 (the catalog checks it).
   */
  readonly id: string;
  readonly displayName: string;
  /**
   * The service's public base URL in each environment (`https://host`, no trailing
   * slash). Its uptime checks and synthetic tests probe this URL.
   */
  readonly baseUrls: Readonly<Record<EnvironmentName, string>>;
  /** Owning team, as a label on every alert. */
  readonly team: string;
  /** Prefix of the HTTP metrics, e.g. `esg_api` for `esg_api_requests_total`. */
  readonly metricPrefix: string;
  /** Liveness path, checked by uptime checks and, for the service the App Platform app runs (the first), the platform health check. */
  readonly healthPath: string;
  /** Dependency-aware health path, returning `{"status": "healthy", ...}`. */
  readonly detailedHealthPath: string;
  /**
   * User-Agent prefixes of the probes that call this service (platform health checks,
   * uptime checks, synthetic tests), where they are known.
   * @default [] (probes are known by their paths only)
   */
  readonly probeUserAgents?: readonly string[];
  /** p95 latency above this is a warning; also the latency SLO's threshold, so a bucket boundary. */
  readonly latencyTargetSeconds: number;
  /**
   * Bucket boundaries (seconds) of `<prefix>_request_duration_seconds`, as the API declares them.
   * @default prometheus_client's defaults (PROMETHEUS_CLIENT_DEFAULT_BUCKETS in catalog/burn-rates.ts)
   */
  readonly requestDurationBuckets?: readonly number[];
  /** Fewer requests than this in five minutes is too little traffic to judge an error ratio. */
  readonly minRequestsPerFiveMinutes: number;
  /** Optional signals this service exports. */
  readonly exports: {
    readonly cache: boolean;
    readonly mongodbPool: boolean;
    readonly businessMetrics: boolean;
  };
}

/**
 * The User-Agent of every Datadog synthetic test this stack declares: set explicitly on
 * each test, so that the API can recognize the probe whatever Datadog's default is.
 */
export const SYNTHETICS_USER_AGENT = 'Datadog/Synthetics (esg-monitoring)';

export const ESG_SCRAPER_API: ServiceDefinition = {
  id: 'esg-scraper-api',
  displayName: 'ESG Scraper API',
  baseUrls: {
    staging: 'https://staging-api.blueprintbuddy.io',
    production: 'https://api.blueprintbuddy.io',
  },
  team: 'platform',
  metricPrefix: 'esg_api',
  healthPath: '/health',
  detailedHealthPath: '/health/detailed',
  // The User-Agent the stack's Datadog synthetic tests send (stacks/datadog.ts). DigitalOcean's
  // health and uptime checks call only the health routes, which are excluded by route.
  probeUserAgents: [SYNTHETICS_USER_AGENT],
  latencyTargetSeconds: 2,
  requestDurationBuckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10],
  minRequestsPerFiveMinutes: 20,
  exports: { cache: true, mongodbPool: true, businessMetrics: true },
};

export const SERVICES: readonly ServiceDefinition[] = [ESG_SCRAPER_API];

const FIX = 'edit the service in catalog/services.ts';

/**
 * Records every way a list of services is unusable: ids become Prometheus jobs,
 * Grafana uids and Terraform names, prefixes become metric names.
 */
export function checkServices(services: readonly ServiceDefinition[], problems: Problems): void {
  // The first service names the stack's PagerDuty service and links.
  problems.check(services.length > 0, 'services', services, 'at least one service', 'add one to SERVICES in catalog/services.ts');
  const seen = new Set<string>();
  for (const s of services) {
    const f = `service "${s.id}"`;
    checkNoTerraformSyntax(s, problems, f, FIX);
    problems.check(matches(/^[a-z][a-z0-9-]*[a-z0-9]$/, s.id), `${f}.id`, s.id,
      'kebab-case: lowercase letters, digits and "-", starting with a letter', FIX);
    problems.check(!seen.has(s.id), `${f}.id`, s.id, 'an id no other service uses', FIX);
    seen.add(s.id);
    // The team labels Grafana rules and tags Datadog monitors as `team:<team>`: a Datadog tag starts with a letter,
    // holds at most 200 characters, and Datadog lowercases it (a capital would split one team into two).
    problems.check(matches(/^[a-z][a-z0-9_./-]{0,194}$/, s.team), `${f}.team`, s.team,
      'a Datadog tag value: lowercase letters, digits, "_", "-", ".", "/", starting with a letter, at most 195 characters', FIX);
    problems.check(matches(/^[a-zA-Z_][a-zA-Z0-9_]*$/, s.metricPrefix), `${f}.metricPrefix`, s.metricPrefix,
      'the start of a Prometheus metric name: letters, digits and "_", not starting with a digit', FIX);
    for (const env of ENVIRONMENT_NAMES) {
      problems.check(isHttpUrl(s.baseUrls?.[env]), `${f}.baseUrls.${env}`, s.baseUrls?.[env],
        'an absolute https: URL with a dotted host and no trailing slash', FIX);
    }
    for (const field of ['healthPath', 'detailedHealthPath'] as const) {
      problems.check(matches(/^\/\S*$/, s[field]), `${f}.${field}`, s[field], 'a URL path starting with "/"', FIX);
    }
    // A prefix the API compares with the User-Agent header: an empty one would make every request a probe.
    s.probeUserAgents?.forEach((agent, i) => problems.check(matches(/^\S(.*\S)?$/, agent),
      `${f}.probeUserAgents[${i}]`, agent, 'a User-Agent prefix without leading or trailing spaces', FIX));
    problems.check(Number.isFinite(s.latencyTargetSeconds) && s.latencyTargetSeconds > 0, `${f}.latencyTargetSeconds`,
      s.latencyTargetSeconds, 'a number of seconds above 0', FIX);
    problems.check(Number.isInteger(s.minRequestsPerFiveMinutes) && s.minRequestsPerFiveMinutes >= 1,
      `${f}.minRequestsPerFiveMinutes`, s.minRequestsPerFiveMinutes, 'a whole number of requests, 1 or more', FIX);
  }
}

/** The service's public base URL in `env`, e.g. `https://api.blueprintbuddy.io`. */
export function baseUrl(service: ServiceDefinition, env: EnvironmentConfig): string {
  return service.baseUrls[env.name];
}

/** The runbook page of one alert or SLO of a service, in the app's repository. */
export function runbookUrl(service: ServiceDefinition, env: EnvironmentConfig, page: string): string {
  return `https://github.com/${env.digitalocean.app.github.repo}/blob/main/docs/runbooks/${service.id}/${page}.md`;
}

/** Memory of App Platform instance sizes, in bytes, for memory-ratio alerts (see `instanceMemoryBytes`). */
export const INSTANCE_MEMORY_BYTES: Readonly<Record<string, number>> = {
  'apps-s-1vcpu-0.5gb': 0.5 * 2 ** 30,
  'apps-s-1vcpu-1gb-fixed': 1 * 2 ** 30,
  'apps-s-1vcpu-1gb': 1 * 2 ** 30,
  'apps-s-1vcpu-2gb': 2 * 2 ** 30,
  'apps-s-2vcpu-4gb': 4 * 2 ** 30,
  'apps-d-1vcpu-4gb': 4 * 2 ** 30,
  'apps-d-2vcpu-8gb': 8 * 2 ** 30,
  'apps-d-4vcpu-16gb': 16 * 2 ** 30,
};

/**
 * Memory of the environment's instance size, in bytes. buildAlertCatalog rejects an
 * unknown size before any stack is built, so renderers may rely on it.
 */
export function instanceMemoryBytes(env: EnvironmentConfig): number {
  return INSTANCE_MEMORY_BYTES[env.digitalocean.app.instanceSizeSlug];
}
