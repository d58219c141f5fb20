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

/**
 * The label matchers of the requests users make, for every SLI, error ratio, latency
 * quantile and traffic guard. Today the service's whole job; probe traffic (health
 * checks, uptime checks, synthetic tests) is to be excluded here, in one place.
 */
export function userRequestSelector(service: ServiceDefinition): string {
  return jobSelector(service);
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
