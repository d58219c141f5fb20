import {
  baseUrl, checkServices, ESG_SCRAPER_API, INSTANCE_MEMORY_BYTES, instanceMemoryBytes, runbookUrl, ServiceDefinition,
} from '../../catalog/services';
import { ENVIRONMENTS } from '../../config/environments';
import { ConfigError, Problems } from '../../config/validate';

/** The problems checkServices records for these services, or [] when they are usable. */
function problemsOf(services: readonly ServiceDefinition[]): string[] {
  const problems = new Problems();
  checkServices(services, problems);
  try {
    problems.throwIfAny();
    return [];
  } catch (error) {
    return [...(error as ConfigError).problems];
  }
}

const FIX = 'edit the service in catalog/services.ts';
const service = (change: Partial<Record<keyof ServiceDefinition, unknown>>) => ({ ...ESG_SCRAPER_API, ...change }) as ServiceDefinition;

describe('checkServices, rule by rule', () => {
  it('accepts the catalog service', () => {
    expect(problemsOf([ESG_SCRAPER_API])).toEqual([]);
  });

  it.each<[string, Partial<Record<keyof ServiceDefinition, unknown>>, string]>([
    ['the id has capitals', { id: 'Esg-api' },
      'service "Esg-api".id: got "Esg-api"; expected kebab-case: lowercase letters, digits and "-", starting with a letter'],
    ['the id starts with a digit', { id: '1api' },
      'service "1api".id: got "1api"; expected kebab-case: lowercase letters, digits and "-", starting with a letter'],
    ['the id ends with "-"', { id: 'api-' },
      'service "api-".id: got "api-"; expected kebab-case: lowercase letters, digits and "-", starting with a letter'],
    ['the id is missing', { id: undefined },
      'service "undefined".id: got nothing (the setting is missing); expected kebab-case: lowercase letters, digits and "-", starting with a letter'],
    ['the metric prefix starts with a digit', { metricPrefix: '9esg' },
      'service "esg-scraper-api".metricPrefix: got "9esg"; expected the start of a Prometheus metric name: letters, digits and "_", not starting with a digit'],
    ['the metric prefix has a "-"', { metricPrefix: 'esg-api' },
      'service "esg-scraper-api".metricPrefix: got "esg-api"; expected the start of a Prometheus metric name: letters, digits and "_", not starting with a digit'],
    ['the production base URL is http', { baseUrls: { ...ESG_SCRAPER_API.baseUrls, production: 'http://api.example.com' } },
      'service "esg-scraper-api".baseUrls.production: got "http://api.example.com"; expected an absolute https: URL with a dotted host and no trailing slash'],
    ['the staging base URL is missing', { baseUrls: { production: ESG_SCRAPER_API.baseUrls.production } },
      'service "esg-scraper-api".baseUrls.staging: got nothing (the setting is missing); expected an absolute https: URL with a dotted host and no trailing slash'],
    ['the health path is relative', { healthPath: 'health' },
      'service "esg-scraper-api".healthPath: got "health"; expected a URL path starting with "/"'],
    ['the detailed health path has a space', { detailedHealthPath: '/health/ detailed' },
      'service "esg-scraper-api".detailedHealthPath: got "/health/ detailed"; expected a URL path starting with "/"'],
    ['the latency target is 0 seconds', { latencyTargetSeconds: 0 },
      'service "esg-scraper-api".latencyTargetSeconds: got 0; expected a number of seconds above 0'],
    ['the latency target is not finite', { latencyTargetSeconds: Infinity },
      'service "esg-scraper-api".latencyTargetSeconds: got Infinity; expected a number of seconds above 0'],
    ['the traffic guard is 0 requests', { minRequestsPerFiveMinutes: 0 },
      'service "esg-scraper-api".minRequestsPerFiveMinutes: got 0; expected a whole number of requests, 1 or more'],
    ['the traffic guard is 1.5 requests', { minRequestsPerFiveMinutes: 1.5 },
      'service "esg-scraper-api".minRequestsPerFiveMinutes: got 1.5; expected a whole number of requests, 1 or more'],
    ['the id starts with "-"', { id: '-api' },
      'service "-api".id: got "-api"; expected kebab-case: lowercase letters, digits and "-", starting with a letter'],
    ['the id is one letter', { id: 'a' },
      'service "a".id: got "a"; expected kebab-case: lowercase letters, digits and "-", starting with a letter'],
    ['the id has a space', { id: 'esg api' },
      'service "esg api".id: got "esg api"; expected kebab-case: lowercase letters, digits and "-", starting with a letter'],
    ['the metric prefix is missing', { metricPrefix: undefined },
      'service "esg-scraper-api".metricPrefix: got nothing (the setting is missing); expected the start of a Prometheus metric name: letters, digits and "_", not starting with a digit'],
    ['the metric prefix is empty', { metricPrefix: '' },
      'service "esg-scraper-api".metricPrefix: got ""; expected the start of a Prometheus metric name: letters, digits and "_", not starting with a digit'],
    ['the health path is missing', { healthPath: undefined },
      'service "esg-scraper-api".healthPath: got nothing (the setting is missing); expected a URL path starting with "/"'],
    ['the health path does not start with "/"', { healthPath: 'api/health' },
      'service "esg-scraper-api".healthPath: got "api/health"; expected a URL path starting with "/"'],
    ['the health path ends with a space', { healthPath: '/health ' },
      'service "esg-scraper-api".healthPath: got "/health "; expected a URL path starting with "/"'],
    ['a probe User-Agent is empty', { probeUserAgents: [''] },
      'service "esg-scraper-api".probeUserAgents[0]: got ""; expected a User-Agent prefix without leading or trailing spaces'],
    ['a probe User-Agent ends with a space', { probeUserAgents: ['Datadog '] },
      'service "esg-scraper-api".probeUserAgents[0]: got "Datadog "; expected a User-Agent prefix without leading or trailing spaces'],
    ['a probe User-Agent is missing', { probeUserAgents: ['ok', undefined] },
      'service "esg-scraper-api".probeUserAgents[1]: got nothing (the setting is missing); expected a User-Agent prefix without leading or trailing spaces'],
    ['the latency target is negative', { latencyTargetSeconds: -1 },
      'service "esg-scraper-api".latencyTargetSeconds: got -1; expected a number of seconds above 0'],
    ['the team is missing', { team: undefined },
      'service "esg-scraper-api".team: got nothing (the setting is missing); expected a Datadog tag value: lowercase letters, digits, "_", "-", ".", "/", starting with a letter, at most 195 characters'],
    ['the team is empty', { team: '' }, 'service "esg-scraper-api".team: got ""; expected a Datadog tag value: lowercase letters, digits, "_", "-", ".", "/", starting with a letter, at most 195 characters'],
    ['the team has a capital, which Datadog would lowercase', { team: 'Platform' }, 'service "esg-scraper-api".team: got "Platform"; expected a Datadog tag value: lowercase letters, digits, "_", "-", ".", "/", starting with a letter, at most 195 characters'],
    ['the team has a space', { team: 'platform team' }, 'service "esg-scraper-api".team: got "platform team"; expected a Datadog tag value: lowercase letters, digits, "_", "-", ".", "/", starting with a letter, at most 195 characters'],
    ['the team starts with a digit', { team: '9platform' }, 'service "esg-scraper-api".team: got "9platform"; expected a Datadog tag value: lowercase letters, digits, "_", "-", ".", "/", starting with a letter, at most 195 characters'],
    ['the team is longer than a Datadog tag allows', { team: `p${'a'.repeat(195)}` },
      `service "esg-scraper-api".team: got "p${'a'.repeat(195)}"; expected a Datadog tag value: lowercase letters, digits, "_", "-", ".", "/", starting with a letter, at most 195 characters`],
    ['a field holds Terraform syntax', { displayName: 'ESG ${var.x}' },
      'service "esg-scraper-api".displayName: got "ESG ${var.x}"; expected plain text, without "${" or "%{" (Terraform would read them as an interpolation or a directive). ' +
      'Fix: remove the "${" / "%{" (edit the service in catalog/services.ts); secrets belong in sensitive variables (stacks/variables.ts), never in config'],
  ])('fails when %s, naming the service, the field and the fix', (_what, change, expected) => {
    expect(problemsOf([service(change)])).toEqual([expected.includes('. Fix: ') ? expected : `${expected}. Fix: ${FIX}`]);
  });

  it('accepts the smallest values allowed: a two-letter id, one request, a fraction of a second, the root path', () => {
    expect(problemsOf([service({ id: 'ab', team: 'p', metricPrefix: '_x', minRequestsPerFiveMinutes: 1, latencyTargetSeconds: 0.05, healthPath: '/' })]))
      .toEqual([]);
  });

  it('accepts capitals and digits in a metric prefix, a one-character User-Agent, no User-Agent list and a 195-character team', () => {
    expect(problemsOf([service({ metricPrefix: 'ESG_api2', probeUserAgents: ['D'], team: `data-eng_2./${'a'.repeat(183)}` }), service({ id: 'other', probeUserAgents: undefined })]))
      .toEqual([]);
  });

  it('fails when the base URLs are missing altogether, naming each environment', () => {
    expect(problemsOf([service({ baseUrls: undefined })])).toEqual(['staging', 'production'].map((env) =>
      `service "esg-scraper-api".baseUrls.${env}: got nothing (the setting is missing); expected an absolute https: URL with a dotted host and no trailing slash. Fix: ${FIX}`));
  });

  it('fails when two services share an id, and when there is none', () => {
    expect(problemsOf([ESG_SCRAPER_API, service({ displayName: 'Copy' })])).toEqual([
      `service "esg-scraper-api".id: got "esg-scraper-api"; expected an id no other service uses. Fix: ${FIX}`,
    ]);
    expect(problemsOf([])).toEqual(['services: got []; expected at least one service. Fix: add one to SERVICES in catalog/services.ts']);
  });

  it('checks every service of the list, not only the first', () => {
    expect(problemsOf([ESG_SCRAPER_API, service({ id: 'billing', healthPath: 'x' })])).toEqual([
      `service "billing".healthPath: got "x"; expected a URL path starting with "/". Fix: ${FIX}`,
    ]);
  });
});

describe('what a service derives per environment', () => {
  it('probes the base URL of the environment', () => {
    expect(baseUrl(ESG_SCRAPER_API, ENVIRONMENTS.staging)).toBe(ESG_SCRAPER_API.baseUrls.staging);
    expect(baseUrl(ESG_SCRAPER_API, ENVIRONMENTS.production)).toBe(ESG_SCRAPER_API.baseUrls.production);
    expect(ESG_SCRAPER_API.baseUrls.staging).not.toBe(ESG_SCRAPER_API.baseUrls.production);
  });

  it('links runbooks in the app repository of the environment', () => {
    const env = { ...ENVIRONMENTS.production, digitalocean: { ...ENVIRONMENTS.production.digitalocean,
      app: { ...ENVIRONMENTS.production.digitalocean.app, github: { ...ENVIRONMENTS.production.digitalocean.app.github, repo: 'acme/api' } } } };
    expect(runbookUrl(ESG_SCRAPER_API, env, 'memory')).toBe('https://github.com/acme/api/blob/main/docs/runbooks/esg-scraper-api/memory.md');
  });

  it.each(Object.entries(INSTANCE_MEMORY_BYTES))('knows the memory of %s as the GiB its slug names', (slug, bytes) => {
    const gib = Number(/-(\d+(?:\.\d+)?)gb(?:-fixed)?$/.exec(slug)![1]);
    expect(bytes).toBe(gib * 1024 ** 3);
  });

  it('knows the memory of the instance size, in bytes (2 GiB for apps-s-1vcpu-2gb)', () => {
    expect(ENVIRONMENTS.production.digitalocean.app.instanceSizeSlug).toBe('apps-s-1vcpu-2gb');
    expect(instanceMemoryBytes(ENVIRONMENTS.production)).toBe(2 * 1024 ** 3);
    expect(INSTANCE_MEMORY_BYTES['apps-s-1vcpu-0.5gb']).toBe(512 * 1024 ** 2);
    expect(INSTANCE_MEMORY_BYTES['apps-d-4vcpu-16gb']).toBe(16 * 1024 ** 3);
  });
});
