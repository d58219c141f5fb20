import { buildAlertCatalog } from '../../catalog/alerts';
import { describePromQLError } from '../../catalog/promql';
import { probeEndpointPattern, userRequestSelector } from '../../catalog/queries';
import { ESG_SCRAPER_API, ServiceDefinition, SERVICES } from '../../catalog/services';
import { resourceNameTag, userApmScope } from '../../catalog/slos';
import { ENVIRONMENTS } from '../../config/environments';
import { businessDashboard } from '../../dashboards/business';
import { serviceDashboard } from '../../dashboards/service';
import { queriesOf } from '../dashboards/dashboard-queries';

describe('userRequestSelector', () => {
  it('keeps the job and drops the health routes and requests the API marked as probes', () => {
    expect(userRequestSelector(ESG_SCRAPER_API))
      .toBe('job="esg-scraper-api",endpoint!~"/health|/health/detailed",probe!="true"');
  });

  it('matches a health path literally, even with regex characters in it, and still parses as PromQL', () => {
    const service: ServiceDefinition = { ...ESG_SCRAPER_API, healthPath: '/health.json', detailedHealthPath: '/health/(all)' };
    expect(probeEndpointPattern(service)).toBe('/health\\.json|/health/\\(all\\)');
    // Inside the PromQL string literal each backslash is doubled.
    expect(userRequestSelector(service)).toBe('job="esg-scraper-api",endpoint!~"/health\\\\.json|/health/\\\\(all\\\\)",probe!="true"');
    expect(describePromQLError(`sum(rate(esg_api_requests_total{${userRequestSelector(service)}}[5m]))`)).toBeUndefined();
  });
});

describe('userApmScope', () => {
  it('writes resource names as Datadog tags them: lowercase, spaces as "_"', () => {
    expect(resourceNameTag('GET /health/detailed')).toBe('get_/health/detailed');
    expect(resourceNameTag('probe POST /analyze')).toBe('probe_post_/analyze');
  });

  it('excludes the health routes and every probe resource from the service in the environment', () => {
    expect(userApmScope(ESG_SCRAPER_API, { name: 'staging' })).toBe(
      '{service:esg-scraper-api,env:staging,!resource_name:get_/health,!resource_name:get_/health/detailed,!resource_name:probe_*}');
  });
});

describe('the scrape job contract: every PromQL query selects the service\'s job (README, "How Prometheus gets the API\'s metrics")', () => {
  /** `metric{labels}` selectors of a PromQL expression. */
  const selectors = (promql: string) => [...promql.matchAll(/([a-zA-Z_:][\w:]*)\{([^}]*)\}/g)].map((m) => ({ metric: m[1], labels: m[2] }));

  const env = ENVIRONMENTS.production;
  const alerts = buildAlertCatalog(SERVICES, env);
  const promqlOf = (model: Parameters<typeof queriesOf>[0]) => queriesOf(model)
    .filter((q) => q.datasourceType === 'prometheus').map((q) => String(q.query.expr));
  // The business gauges come from every service that exports them, in one selector.
  const businessJobs = SERVICES.filter((s) => s.exports.businessMetrics).map((s) => s.id);
  const businessJob = businessJobs.length === 1 ? `job="${businessJobs[0]}"` : `job=~"${businessJobs.join('|')}"`;
  /** Each expression with the job selector it must carry. */
  const expressions: { expr: string; job: string }[] = [
    ...alerts.flatMap((a) => [a.signal, ...(a.guard ? [a.guard] : [])].map((expr) => ({ expr, job: `job="${a.serviceId}"` }))),
    ...SERVICES.flatMap((service) => promqlOf(serviceDashboard({ service, env, alerts })).map((expr) => ({ expr, job: `job="${service.id}"` }))),
    ...promqlOf(businessDashboard({ env, services: SERVICES })).map((expr) => ({ expr, job: businessJob })),
  ];

  it('finds the alerts\' and panels\' PromQL', () => {
    expect(expressions.length).toBeGreaterThanOrEqual(alerts.length + 10 * SERVICES.length);
    expect(expressions.filter((e) => e.job === `job="${ESG_SCRAPER_API.id}"`).length).toBeGreaterThan(10);
  });

  it('puts job="<service id>" from the service definition in every metric selector, and selects no metric bare', () => {
    for (const { expr, job } of expressions) {
      const found = selectors(expr);
      expect({ expr, selectors: found.length > 0 }).toEqual({ expr, selectors: true });
      for (const { metric, labels } of found) {
        expect({ expr, metric, job: labels.includes(job) }).toEqual({ expr, metric, job: true });
      }
      // A metric name followed directly by a range or an operator, without `{job=...}`.
      expect({ expr, bare: /\b(esg_\w+|process_\w+|up)\s*(\[|\)|$)/.test(expr.replace(/\{[^}]*\}/g, '{}')) }).toEqual({ expr, bare: false });
    }
  });
});
