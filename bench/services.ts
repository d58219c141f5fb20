import { ESG_SCRAPER_API, ServiceDefinition } from '../catalog/services';

/**
 * `count` monitored services for the scale benchmark: the catalog's own ESG
 * Scraper API first, then copies of it under ids `svc-002`, `svc-003`, … with
 * their own metric prefix, so every alert, SLO, check and dashboard is distinct.
 */
export function generateServices(count: number): ServiceDefinition[] {
  if (!Number.isInteger(count) || count < 1) {
    throw new Error(`BENCH_SERVICES: got ${JSON.stringify(count)}; expected a whole number of services >= 1`);
  }
  return Array.from({ length: count }, (_, i) => {
    if (i === 0) return ESG_SCRAPER_API;
    const n = String(i + 1).padStart(3, '0');
    return {
      ...ESG_SCRAPER_API,
      id: `svc-${n}`,
      displayName: `Service ${n}`,
      metricPrefix: `svc_${n}`,
      baseUrls: { staging: `https://svc-${n}.staging.example.com`, production: `https://svc-${n}.example.com` },
    };
  });
}
