/**
 * The services this stack monitors. Monitoring a second service means adding one
 * entry here: its alerts, dashboards, monitors and checks derive from it.
 *
 * Metrics contract: each service exports, on its Prometheus scrape job,
 *   <prefix>_requests_total{status}                       counter (HTTP status code)
 *   <prefix>_request_duration_seconds_bucket{le}          histogram
 *   process_resident_memory_bytes                         gauge (prometheus_client default)
 * and, when the service uses them,
 *   esg_cache_operations_total{operation,status}          counter (get/set, hit/miss)
 *   esg_mongodb_pool_connections, esg_mongodb_pool_max_connections   gauges
 *   esg_analysis_by_framework_total{framework,user_tier}  counter
 *   esg_metrics_extracted_count_bucket{le}                histogram
 *   esg_subscription_revenue_usd{tier}, esg_tier_cost_estimate_usd{tier}   gauges
 */
export interface ServiceDefinition {
  /** Kebab-case id: Prometheus job, Datadog `service` tag, and the stem of resource names. */
  readonly id: string;
  readonly displayName: string;
  /** Owning team, as a label on every alert. */
  readonly team: string;
  /** Prefix of the HTTP metrics, e.g. `esg_api` for `esg_api_requests_total`. */
  readonly metricPrefix: string;
  /** Liveness path, checked by uptime checks and the platform health check. */
  readonly healthPath: string;
  /** Dependency-aware health path, returning `{"status": "healthy", ...}`. */
  readonly detailedHealthPath: string;
  /** p95 latency above this is a warning. */
  readonly latencyTargetSeconds: number;
  /** Fewer requests than this in five minutes is too little traffic to judge an error ratio. */
  readonly minRequestsPerFiveMinutes: number;
  /** Optional signals this service exports. */
  readonly exports: {
    readonly cache: boolean;
    readonly mongodbPool: boolean;
    readonly businessMetrics: boolean;
  };
}

export const ESG_SCRAPER_API: ServiceDefinition = {
  id: 'esg-scraper-api',
  displayName: 'ESG Scraper API',
  team: 'platform',
  metricPrefix: 'esg_api',
  healthPath: '/health',
  detailedHealthPath: '/health/detailed',
  latencyTargetSeconds: 2,
  minRequestsPerFiveMinutes: 20,
  exports: { cache: true, mongodbPool: true, businessMetrics: true },
};

export const SERVICES: readonly ServiceDefinition[] = [ESG_SCRAPER_API];

/** Memory of App Platform instance sizes, in bytes, for memory-ratio alerts. */
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
