/**
 * The estates the detection benchmark synthesizes: the catalog's services as they
 * are, and the same with a second service beside them, with its own metric
 * prefix, health paths, latency target, traffic guard and histogram buckets, so
 * that nothing in the rules can lean on the first service's names or numbers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICES, ServiceDefinition } from '../../catalog/services';
import { ENVIRONMENTS } from '../../config/environments';
import { EnvironmentConfig } from '../../config/types';
import { synthesize } from '../../stacks/app';
import { StackJson } from './harness';

/** A second, smaller service: default prometheus_client buckets, a 0.5 s target (one of them). */
export const SECOND_SERVICE: ServiceDefinition = {
  id: 'esg-reports-api',
  displayName: 'ESG Reports API',
  baseUrls: {
    staging: 'https://staging-reports.blueprintbuddy.io',
    production: 'https://reports.blueprintbuddy.io',
  },
  team: 'reporting',
  metricPrefix: 'esg_reports',
  healthPath: '/healthz',
  detailedHealthPath: '/healthz/ready',
  latencyTargetSeconds: 0.5,
  minRequestsPerFiveMinutes: 50,
  exports: { cache: false, mongodbPool: false, businessMetrics: false },
};

/** The environment whose rules page (PagerDuty): the one the benchmark measures. */
export const PAGING_ENVIRONMENT: EnvironmentConfig = ENVIRONMENTS.production;

export interface Estate {
  readonly name: string;
  readonly services: readonly ServiceDefinition[];
  /** The service whose rules are measured. */
  readonly measured: ServiceDefinition;
}

export const ESTATES: readonly Estate[] = [
  { name: `one-service estate: ${SERVICES[0].id}`, services: SERVICES, measured: SERVICES[0] },
  { name: `two-service estate: ${SECOND_SERVICE.id}`, services: [...SERVICES, SECOND_SERVICE], measured: SECOND_SERVICE },
];

/** The synthesized production stack of an estate, written under `outdir`. */
export function synthesizeEstate(estate: Estate, outdir: string): StackJson {
  synthesize({ outdir, environments: [PAGING_ENVIRONMENT.name], services: estate.services });
  return readStack(outdir);
}

/** A stack's cdk.tf.json from a synth output directory. */
export function readStack(outdir: string, env: EnvironmentConfig = PAGING_ENVIRONMENT): StackJson {
  return JSON.parse(readFileSync(join(outdir, 'stacks', env.name, 'cdk.tf.json'), 'utf8')) as StackJson;
}
