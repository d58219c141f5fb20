import { describePromQLError } from '../../catalog/promql';
import { probeEndpointPattern, userRequestSelector } from '../../catalog/queries';
import { ESG_SCRAPER_API, ServiceDefinition } from '../../catalog/services';
import { resourceNameTag, userApmScope } from '../../catalog/slos';

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
