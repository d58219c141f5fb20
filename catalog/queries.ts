import { ServiceDefinition } from './services';

/**
 * PromQL over the metrics contract of catalog/services.ts. Alert signals
 * (catalog/alerts.ts) and dashboard panels (dashboards/) build their queries here,
 * so a panel's per-instance lines and its alert's aggregate cannot drift apart.
 */

/** `job="<service id>"`: every query of a service starts from its scrape job. */
export function jobSelector(service: ServiceDefinition): string {
  return `job="${service.id}"`;
}

/** A string matched literally by a Prometheus (RE2) regex, e.g. `/health\.json` for `/health.json`. */
function regexLiteral(text: string): string {
  return text.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}

/** `/health|/health/detailed`: the route templates that only probes call (the `endpoint` label of the contract). */
export function probeEndpointPattern(service: ServiceDefinition): string {
  return [service.healthPath, service.detailedHealthPath].map(regexLiteral).join('|');
}

/**
 * The label matchers of the requests users make, for every SLI, error ratio, latency
 * quantile and traffic guard: the service's job without probe traffic. Probes are
 * known two ways (the metrics contract in catalog/services.ts): by the health routes
 * they call (`endpoint`), and by `probe="true"`, which the API sets on requests whose
 * User-Agent starts with one of `probeUserAgents` (the synthetic POST /analyze).
 * Series without those labels count as users', so an exporter that predates the
 * contract still has an error ratio.
 */
export function userRequestSelector(service: ServiceDefinition): string {
  // Backslashes double inside a PromQL string literal.
  const endpoints = probeEndpointPattern(service).replace(/\\/g, '\\\\');
  return `${jobSelector(service)},endpoint!~"${endpoints}",probe!="true"`;
}

/**
 * The q-quantile of request duration over all instances. Buckets are summed by `le`
 * before interpolating: per-instance quantiles cannot be combined, and one idle
 * instance would otherwise page on its own.
 */
export function latencyQuantile(service: ServiceDefinition, quantile: number): string {
  return `histogram_quantile(${quantile}, sum by (le) ` +
    `(rate(${service.metricPrefix}_request_duration_seconds_bucket{${userRequestSelector(service)}}[5m])))`;
}

/** Resident memory of each instance as a share of the instance size's memory. */
export function memoryRatioByInstance(service: ServiceDefinition, memoryBytes: number): string {
  return `process_resident_memory_bytes{${jobSelector(service)}} / ${memoryBytes}`;
}

/**
 * Open MongoDB connections of each instance as a share of its pool size. `> 0`: an
 * instance that reports no pool size (0) drops out instead of dividing to +Inf.
 */
export function mongodbPoolRatioByInstance(service: ServiceDefinition): string {
  const job = jobSelector(service);
  return `esg_mongodb_pool_connections{${job}} / (esg_mongodb_pool_max_connections{${job}} > 0)`;
}

/** Whether Prometheus scrapes each instance: 1 up, 0 down. */
export function upByInstance(service: ServiceDefinition): string {
  return `up{${jobSelector(service)}}`;
}
