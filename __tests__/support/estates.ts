/**
 * The estates the stack-level tests run on: the real one (catalog/services.ts and
 * config/environments.ts, one service) and a two-service fixture. Tests derive their
 * expectations from an estate's services and configs, so the same assertions hold
 * for both; global-setup.ts synthesizes each estate once per run.
 */
import { join } from 'node:path';
import { alertId } from '../../catalog/alerts';
import { ESG_SCRAPER_API, SERVICES, ServiceDefinition } from '../../catalog/services';
import { ENVIRONMENTS } from '../../config/environments';
import { EnvironmentConfig, EnvironmentName } from '../../config/types';
import { ROOT, SYNTH_DIR } from './paths';

export interface Estate {
  /** Shown in test names. */
  readonly name: string;
  readonly services: readonly ServiceDefinition[];
  readonly configs: Readonly<Record<EnvironmentName, EnvironmentConfig>>;
  /** Where global-setup.ts synthesizes it. */
  readonly synthDir: string;
}

/** The real configuration: what `npm run synth` deploys. */
export const ONE_SERVICE: Estate = { name: 'one-service estate', services: SERVICES, configs: ENVIRONMENTS, synthDir: SYNTH_DIR };

/**
 * A second service that differs from the first in everything it owns: id, URL per
 * environment, metric prefix, health paths, team, latency target, traffic minimum
 * and the signals it exports.
 */
export const REPORTS_API: ServiceDefinition = {
  id: 'esg-reports',
  displayName: 'ESG Reports API',
  baseUrls: {
    staging: 'https://staging-reports.blueprintbuddy.io',
    production: 'https://reports.blueprintbuddy.io',
  },
  team: 'reporting',
  metricPrefix: 'esg_reports',
  healthPath: '/healthz',
  detailedHealthPath: '/healthz/deep',
  latencyTargetSeconds: 5,
  minRequestsPerFiveMinutes: 50,
  exports: { cache: false, mongodbPool: true, businessMetrics: false },
};

/** The real configs, with thresholds overridden the documented way for both services. */
function withOverrides(): Record<EnvironmentName, EnvironmentConfig> {
  const configs = structuredClone(ENVIRONMENTS) as Record<EnvironmentName, EnvironmentConfig>;
  const [first] = SERVICES;
  return {
    staging: { ...configs.staging, thresholdOverrides: { [`${REPORTS_API.id}-error-ratio`]: { critical: 0.1 } } },
    production: {
      ...configs.production,
      thresholdOverrides: {
        [`${first.id}-error-ratio`]: { critical: 0.08 },
        [`${REPORTS_API.id}-error-ratio`]: { critical: 0.02 },
        [`${REPORTS_API.id}-memory`]: { warning: 0.75 },
        [`${REPORTS_API.id}-mongodb-pool`]: { warning: 0.8 },
      },
    },
  };
}

export const TWO_SERVICE: Estate = {
  name: 'two-service estate',
  services: [...SERVICES, REPORTS_API],
  configs: withOverrides(),
  synthDir: join(ROOT, '.build', 'test-synth-two-service'),
};

export const ESTATES: readonly Estate[] = [ONE_SERVICE, TWO_SERVICE];

/**
 * The real configs without their threshold overrides: the catalog's own thresholds,
 * which tests that pin the seed's numbers read. An override in config/environments.ts,
 * the documented way to change a threshold, then changes the snapshot and no such test.
 */
export const SEED_CONFIGS: Readonly<Record<EnvironmentName, EnvironmentConfig>> = {
  staging: { ...ENVIRONMENTS.staging, thresholdOverrides: undefined },
  production: { ...ENVIRONMENTS.production, thresholdOverrides: undefined },
};

/**
 * The signals of the seed's six alerts (production-monitoring-setup.md). Tests that pin
 * the seed's alerts select them by id, so a signal added to catalog/alerts.ts joins
 * the catalog without rewriting them; the signal's own tests then say what it does.
 */
export const SEED_SIGNALS = ['error-ratio', 'latency-p95', 'memory', 'metrics-absent', 'mongodb-pool', 'cache-hit-ratio'] as const;

const SEED_ALERT_IDS = new Set(SEED_SIGNALS.map((signal) => alertId(ESG_SCRAPER_API, signal)));

/** Whether an alert id is one of the seed's six (on the seed's service). */
export const isSeedAlert = (id: string): boolean => SEED_ALERT_IDS.has(id);
