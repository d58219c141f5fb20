import { ENVIRONMENTS } from '../../config/environments';
import { problemsOf, withProduction } from '../support/config-problems';

describe('the app spec (digitalocean.app)', () => {
  it('accepts a spec with workers, jobs, bindings and secrets', () => {
    expect(problemsOf(withProduction((p) => {
      p.digitalocean.app.secretEnv = ['JWT_SECRET'];
      p.digitalocean.app.workers = [{ name: 'scrape-worker', environmentSlug: 'python', runCommand: 'python -m worker', instanceSizeSlug: 'apps-s-1vcpu-1gb', secretEnv: ['JWT_SECRET'] }];
      p.digitalocean.app.jobs = [{ name: 'migrate', kind: 'PRE_DEPLOY', dockerfilePath: 'Dockerfile', instanceSizeSlug: 'apps-s-1vcpu-0.5gb' }];
    }))).toEqual([]);
  });

  it.each([
    ['no runtime', (p: any) => { delete p.digitalocean.app.runtime; },
      'production.digitalocean.app.runtime: got nothing (the setting is missing); expected a runtime'],
    ['both a buildpack and a Dockerfile', (p: any) => { p.digitalocean.app.runtime.dockerfilePath = 'Dockerfile'; },
      'production.digitalocean.app.runtime: got {"environmentSlug":"python","dockerfilePath":"Dockerfile"}; expected exactly one of environmentSlug'],
    ['a buildpack without a run command', (p: any) => { delete p.digitalocean.app.runtime.runCommand; },
      'production.digitalocean.app.runtime.runCommand: got nothing (the setting is missing); expected the command that starts the component'],
    ['a source dir that leaves the repository', (p: any) => { p.digitalocean.app.runtime.sourceDir = '../other'; },
      'production.digitalocean.app.runtime.sourceDir: got "../other"; expected a directory of the repository'],
    ['a variable the stack sets itself', (p: any) => { p.digitalocean.app.env = { DD_ENV: 'prod' }; },
      'production.digitalocean.app.env.DD_ENV: got "DD_ENV"; expected a name the stack does not set itself'],
    ['a variable that is both plain and secret', (p: any) => { p.digitalocean.app.env = { TOKEN: 'x' }; p.digitalocean.app.secretEnv = ['TOKEN']; },
      'production.digitalocean.app.secretEnv[0]: got "TOKEN"; expected each variable once (production.digitalocean.app.env.TOKEN sets it too)'],
    ['a binding variable that is also plain', (p: any) => { p.digitalocean.app.env = { MONGODB_URL: 'x' }; },
      'production.digitalocean.app.databases[0].env.MONGODB_URL: got "MONGODB_URL"; expected each variable once'],
    ['a bad variable name', (p: any) => { p.digitalocean.app.secretEnv = ['API-KEY']; },
      'production.digitalocean.app.secretEnv[0]: got "API-KEY"; expected a variable name'],
    ['an unknown bindable variable', (p: any) => { p.digitalocean.app.databases[0].env = { MONGODB_URL: 'URL' }; },
      'production.digitalocean.app.databases[0].env.MONGODB_URL: got "URL"; expected a bindable variable of a database: DATABASE_URL'],
    ['an unknown cluster', (p: any) => { p.digitalocean.app.databases[0].cluster = 'postgres'; },
      'production.digitalocean.app.databases[0].cluster: got "postgres"; expected "mongodb" or "redis"'],
    ['two components of one name', (p: any) => { p.digitalocean.app.workers = [{ name: 'redis', environmentSlug: 'python', runCommand: 'x', instanceSizeSlug: 'apps-s-1vcpu-1gb' }]; },
      'production.digitalocean.app.workers[0].name: got "redis"; expected a name no other component or binding of the app uses (production.digitalocean.app.databases[1].name uses it)'],
    ['a Dockerfile path that is not a Dockerfile', (p: any) => { p.digitalocean.app.runtime = { dockerfilePath: 'api/build.sh' }; },
      'production.digitalocean.app.runtime.dockerfilePath: got "api/build.sh"; expected a path such as "Dockerfile"'],
    ['a Dockerfile path that leaves the repository', (p: any) => { p.digitalocean.app.runtime = { dockerfilePath: '../Dockerfile' }; },
      'production.digitalocean.app.runtime.dockerfilePath: got "../Dockerfile"; expected a path such as "Dockerfile"'],
    ['a blank build command', (p: any) => { p.digitalocean.app.runtime.buildCommand = '  '; },
      'production.digitalocean.app.runtime.buildCommand: got "  "; expected a command, or no setting'],
    ['a buildpack slug in capitals', (p: any) => { p.digitalocean.app.runtime.environmentSlug = 'Python'; },
      'production.digitalocean.app.runtime.environmentSlug: got "Python"; expected an App Platform buildpack slug'],
    ['a runtime that is not an object', (p: any) => { p.digitalocean.app.runtime = 'python'; },
      'production.digitalocean.app.runtime: got "python"; expected a runtime'],
    ['a job of an unknown kind', (p: any) => { p.digitalocean.app.jobs = [{ name: 'migrate', kind: 'NIGHTLY', dockerfilePath: 'Dockerfile', instanceSizeSlug: 'apps-s-1vcpu-1gb' }]; },
      'production.digitalocean.app.jobs[0].kind: got "NIGHTLY"; expected "PRE_DEPLOY", "POST_DEPLOY" or "FAILED_DEPLOY"'],
  ])('fails when the spec has %s, naming the field', (_, change, message) => {
    const problems = problemsOf(withProduction(change));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(message);
    expect(problems[0]).toMatch(/Fix: /);
  });
});

describe('adoption ids (adopt)', () => {
  it('accepts ids of the shapes their APIs use', () => {
    expect(problemsOf(withProduction((p) => {
      p.adopt = {
        digitalocean: { appId: '4f6c71e2-1e90-4762-9fee-6cc4a0a9f2cf' },
        sentry: { teamSlug: 'esg-platform', projectSlug: 'esg-scraper-api', keyId: '0123456789abcdef0123456789abcdef' },
        pagerduty: { serviceId: 'PLBP09X', escalationPolicyId: 'PESC123', scheduleId: 'PSCH123', businessServiceId: 'PBIZ123' },
        grafana: { folderUid: 'legacy_folder-1', notificationPolicy: true },
        datadog: { monitors: { 'any name': 123 }, syntheticTests: { 'any name': 'abc-123-xyz' } },
      };
    }))).toEqual([]);
  });

  it.each([
    ['an app id that is not a UUID', { digitalocean: { appId: 'esg-scraper-api' } },
      'production.adopt.digitalocean.appId: got "esg-scraper-api"; expected an App Platform app id, a lowercase UUID'],
    ['a Sentry project slug other than the configured one', { sentry: { projectSlug: 'esg-api' } },
      'production.adopt.sentry.projectSlug: got "esg-api"; expected the slug the stack declares, sentry.projectSlug ("esg-scraper-api"). Fix: set sentry.projectSlug to the existing slug'],
    ['a Sentry team slug other than the configured one', { sentry: { teamSlug: 'platform' } },
      'production.adopt.sentry.teamSlug: got "platform"; expected the slug the stack declares, sentry.teamSlug ("esg-platform")'],
    ['a Sentry key id that is not a public key', { sentry: { keyId: '12345' } },
      'production.adopt.sentry.keyId: got "12345"; expected a client key id'],
    ['a PagerDuty id in lowercase', { pagerduty: { serviceId: 'pabc123' } },
      'production.adopt.pagerduty.serviceId: got "pabc123"; expected a PagerDuty id'],
    ['a Grafana uid with a slash', { grafana: { folderUid: 'a/b' } },
      'production.adopt.grafana.folderUid: got "a/b"; expected a Grafana uid'],
    ['a Datadog monitor id that is not a number', { datadog: { monitors: { 'ESG Scraper API': 'abc' } } },
      'production.adopt.datadog.monitors["ESG Scraper API"]: got "abc"; expected a monitor id, a positive integer'],
    ['contact points that are not a list of names', { grafana: { contactPoints: 'esg-scraper-production-pagerduty' } },
      'production.adopt.grafana.contactPoints: got "esg-scraper-production-pagerduty"; expected a list of contact-point names'],
    ['a blank contact-point name', { grafana: { contactPoints: ['esg-scraper-production-pagerduty', ' '] } },
      'production.adopt.grafana.contactPoints: got ["esg-scraper-production-pagerduty"," "]; expected a list of contact-point names'],
    ['a synthetic test id of the wrong shape', { datadog: { syntheticTests: { 'ESG Scraper API': '12345' } } },
      'production.adopt.datadog.syntheticTests["ESG Scraper API"]: got "12345"; expected a synthetic test\'s public id'],
  ])('fails when adopt has %s, naming the field', (_, adopt, message) => {
    const problems = problemsOf(withProduction((p) => { p.adopt = adopt; }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(message);
  });

  it('fails when staging adopts a PagerDuty object it does not declare', () => {
    const configs = structuredClone(ENVIRONMENTS) as Record<string, any>;
    configs.staging.adopt = { pagerduty: { serviceId: 'PABC123' } };
    expect(problemsOf(configs)).toEqual([expect.stringContaining(
      'staging.adopt.pagerduty.serviceId: got "PABC123"; expected nothing: staging declares no PagerDuty objects (pagesOnCall is false). Fix: remove staging.adopt.pagerduty')]);
  });
});
