import { mkdtempSync, readFileSync } from 'node:fs';
import { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENVIRONMENTS } from '../../config/environments';
import { TERRAFORM_VERSION } from '../../config/terraform';
import { EnvironmentConfig, EnvironmentName } from '../../config/types';
import { runDoctor } from '../../deploy/doctor-command';
import { compareSpecs, ESTATE_CHECKS, liveSpec, synthesizedSpec } from '../../deploy/estate-checks';
import { runOnlineChecks } from '../../deploy/online-checks';
import { StackJson } from '../../review/data-bearing';
import { buildApp } from '../../stacks/app';
import { json, loopbackVendors } from '../support/loopback';
import { synthOf } from '../support/synth';

/*
 * A loopback server answering as each vendor's API reference documents it (shapes and
 * sources: the header of deploy/estate-checks.ts). Each test sets what exists.
 */

const env = ENVIRONMENTS.production;
const APP_ID = '4f6c71e2-1e90-4762-9fee-6cc4a0a9f2cf';
const CREDENTIALS = {
  GRAFANA_AUTH: 'glsa_VALU3X', SENTRY_AUTH_TOKEN: 'VALU3X-s', PAGERDUTY_TOKEN: 'VALU3X-p',
  DD_API_KEY: 'VALU3X-a', DD_APP_KEY: 'VALU3X-b', DIGITALOCEAN_TOKEN: 'VALU3X-do',
};

interface Estate {
  apps: { id: string; spec: Record<string, unknown> }[];
  sentryProjects: string[];
  pagerdutyServices: { id: string; name: string }[];
  grafanaFolders: string[];
  policyRoutes: Record<string, unknown>[];
  contactPoints: string[];
  monitors: { id: number; name: string }[];
  tests: { public_id: string; name: string }[];
}
let estate: Estate;
const empty = (): Estate => ({ apps: [], sentryProjects: [], pagerdutyServices: [], grafanaFolders: [], policyRoutes: [], contactPoints: [], monitors: [], tests: [] });
beforeEach(() => { estate = empty(); });

function vendor(req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET') return json(res, 405, { message: 'read-only checks only' });
  const url = new URL(req.url ?? '/', 'http://loopback');
  const path = url.pathname;
  const q = (name: string) => url.searchParams.get(name) ?? '';
  let m: RegExpMatchArray | null;
  if (path === '/digitalocean/v2/apps') {
    // Two pages of one app each, as the API pages them, so that the check follows links.pages.next.
    const page = Number(q('page') || '1');
    const apps = [{ id: 'other-app', spec: { name: 'someone-elses-app' } }, ...estate.apps];
    const next = page < apps.length ? { next: `https://api.digitalocean.com/v2/apps?page=${page + 1}&per_page=1` } : {};
    return json(res, 200, { apps: apps.slice(page - 1, page), links: { pages: next }, meta: { total: apps.length } });
  }
  if ((m = path.match(/^\/digitalocean\/v2\/apps\/([^/]+)$/))) {
    const app = estate.apps.find((a) => a.id === m![1]);
    return app ? json(res, 200, { app }) : json(res, 404, { id: 'not_found', message: 'The resource you were accessing could not be found.' });
  }
  if ((m = path.match(/^\/sentry\/api\/0\/(projects|teams)\/([^/]+)\/([^/]+)\/$/))) {
    return m[1] === 'projects' && estate.sentryProjects.includes(m[3]) ? json(res, 200, { slug: m[3], id: '42' }) : json(res, 404, { detail: 'The requested resource does not exist' });
  }
  if (path === '/pagerduty/services') {
    // `query` matches loosely: every service whose name contains it.
    const services = estate.pagerdutyServices.filter((s) => s.name.toLowerCase().includes(q('query').toLowerCase()));
    return json(res, 200, { services, limit: 100, offset: 0, more: false, total: null });
  }
  if ((m = path.match(/^\/pagerduty\/services\/([^/]+)$/))) {
    const service = estate.pagerdutyServices.find((s) => s.id === m![1]);
    return service ? json(res, 200, { service }) : json(res, 404, { error: { message: 'Not Found', code: 2100 } });
  }
  if ((m = path.match(/^\/grafana\/api\/folders\/([^/]+)$/))) {
    return estate.grafanaFolders.includes(m[1]) ? json(res, 200, { uid: m[1], title: 'ESG Scraper' }) : json(res, 404, { message: 'folder not found' });
  }
  if (path === '/grafana/api/v1/provisioning/policies') {
    return json(res, 200, { receiver: 'grafana-default-email', group_by: ['grafana_folder', 'alertname'], routes: estate.policyRoutes });
  }
  if (path === '/grafana/api/v1/provisioning/contact-points') {
    return json(res, 200, estate.contactPoints.map((name, i) => ({ uid: `cp${i}`, name, type: 'email', settings: {}, disableResolveMessage: false })));
  }
  if (path === '/datadog/api/v1/monitor') return json(res, 200, estate.monitors.filter((mon) => mon.name.includes(q('name'))));
  if (path === '/datadog/api/v1/synthetics/tests') return json(res, 200, { tests: estate.tests });
  return json(res, 404, { message: 'not found' });
}

const vendors = loopbackVendors(vendor);

/** Production synthesized with `adopt`, in this process. */
function adoptedStack(adopt: EnvironmentConfig['adopt']): StackJson {
  const configs = structuredClone(ENVIRONMENTS) as Record<EnvironmentName, EnvironmentConfig>;
  (configs.production as { adopt?: unknown }).adopt = adopt;
  const outdir = mkdtempSync(join(tmpdir(), 'estate-'));
  buildApp({ outdir, configs, environments: ['production'] }).synth();
  return JSON.parse(readFileSync(join(outdir, 'stacks', 'production', 'cdk.tf.json'), 'utf8'));
}

const stackApp = (stack: StackJson) => Object.values((stack.resource?.digitalocean_app ?? {}) as Record<string, any>)[0];

/** The synthesized app spec as GET /v2/apps/{id} would return it: plural lists, `domains[].domain`, values as set. */
function liveShapeOf(stack: StackJson): Record<string, unknown> {
  const spec = stackApp(stack).spec;
  const component = ({ env: envs = [], alert: _a, log_destination: _l, health_check: _h, image: _i, ...rest }: any) =>
    ({ ...rest, envs: envs.map((e: any) => ({ key: e.key, type: e.type, scope: e.scope, value: e.type === 'SECRET' ? 'EV[1:abc:def]' : e.value })) });
  return {
    name: spec.name,
    region: spec.region,
    services: spec.service.map(component),
    workers: (spec.worker ?? []).map(component),
    jobs: (spec.job ?? []).map(component),
    envs: spec.env.map((e: any) => ({ key: e.key, value: String(e.value).replace('$${', '${'), type: e.type, scope: e.scope })),
    domains: spec.domain.map((d: any) => ({ domain: d.name, type: d.type })),
    databases: spec.database,
    // Parts the stack does not own: kept by the apply, so never a finding.
    static_sites: [{ name: 'docs', output_dir: 'site' }],
    ingress: { rules: [{ match: { path: { prefix: '/' } }, component: { name: 'esg-scraper-api' } }] },
  };
}

async function doctor(stack: StackJson) {
  const out: string[] = [];
  const code = await runDoctor(['production', '--online'], { ...CREDENTIALS, GRAFANA_URL: vendors.urls.grafana!, ...requirementsOf(stack) },
    { out: (t) => out.push(t), err: (t) => out.push(t) },
    { loadStack: () => stack, probeTerraform: () => ({ found: true, version: TERRAFORM_VERSION }), urls: vendors.urls, checks: ESTATE_CHECKS });
  return { code, out: out.join('\n') };
}

/** Every variable and backend key the requirements check asks for, so that only the online checks decide. */
function requirementsOf(stack: StackJson): Record<string, string> {
  return { AWS_ACCESS_KEY_ID: 'VALU3X', AWS_SECRET_ACCESS_KEY: 'VALU3X', DD_HOST: 'https://api.datadoghq.com',
    ...Object.fromEntries(Object.keys((stack.variable ?? {}) as object).map((n) => [`TF_VAR_${n}`, 'VALU3X'])) };
}

const findingsOf = async (stack: StackJson) => runOnlineChecks(
  { env, processEnv: { ...CREDENTIALS, GRAFANA_URL: vendors.urls.grafana! }, fetch: globalThis.fetch, stack, urls: vendors.urls }, ESTATE_CHECKS);

describe('doctor --online: what already exists', () => {
  it('passes every check against an empty estate, one finding per resource it would create', async () => {
    const findings = await findingsOf(synthOf('production'));
    expect(findings.filter((f) => !f.ok)).toEqual([]);
    expect(findings.map((f) => f.check)).toEqual([
      'App Platform app', `Sentry team ${env.sentry.teamSlug}`, `Sentry project ${env.sentry.projectSlug}`,
      'PagerDuty service ESG Scraper API (production)', `Grafana folder esg-scraper-production`, 'Grafana notification policy', 'Grafana contact points',
      'Datadog monitors and synthetic tests',
    ]);
  });

  it('fails when an app named like the stack\'s exists, naming the app and the config field that adopts it', async () => {
    estate.apps = [{ id: APP_ID, spec: { name: env.digitalocean.app.name } }];
    const { code, out } = await doctor(synthOf('production'));
    expect(code).toBe(1);
    expect(out).toContain(`✗ App Platform app: an app named ${env.digitalocean.app.name} exists (id ${APP_ID}); the apply would create a second app`);
    expect(out).toContain(`Fix: adopt it: set production.adopt.digitalocean.appId to "${APP_ID}" in config/environments.ts`);
    expect(out).not.toContain('VALU3X');
  });

  describe('an adopted app', () => {
    const stack = adoptedStack({ digitalocean: { appId: APP_ID } });

    it('passes when the live spec equals the synthesized one', async () => {
      estate.apps = [{ id: APP_ID, spec: liveShapeOf(stack) }];
      const findings = await findingsOf(stack);
      expect(findings.filter((f) => f.check.startsWith('App Platform app'))).toEqual([{
        check: `App Platform app ${env.digitalocean.app.name}`, ok: true,
        detail: `adopted (${APP_ID}); the apply removes and changes nothing of the live spec`,
      }]);
      const { code } = await doctor(stack);
      expect(code).toBe(0);
    });

    it('fails when the live spec has an env key the stack lacks, naming the key', async () => {
      const live = liveShapeOf(stack) as any;
      live.envs.push({ key: 'LEGACY_CACHE_URL', value: 'redis://cache', type: 'GENERAL', scope: 'RUN_TIME' });
      estate.apps = [{ id: APP_ID, spec: live }];
      const { code, out } = await doctor(stack);
      expect(code).toBe(1);
      expect(out).toContain(`✗ App Platform app ${env.digitalocean.app.name}: the apply removes the app's variable LEGACY_CACHE_URL. Fix: declare it in digitalocean.app`);
    });

    it('names every component, variable, domain, command and binding an apply would remove, change or add', async () => {
      const live = liveShapeOf(stack) as any;
      live.workers.push({ name: 'report-worker', run_command: 'python -m reports', envs: [] });
      live.services[0].run_command = 'gunicorn app.main:app';
      live.domains.push({ domain: 'old-api.blueprintbuddy.io', type: 'ALIAS' });
      live.databases = live.databases.slice(0, 1);
      live.databases.push({ name: 'legacy-pg', engine: 'PG', cluster_name: 'legacy' });
      live.region = 'ams';
      live.services[0].github = { repo: 'blueprintbuddy/esg-scraper', branch: 'release', deploy_on_push: true };
      estate.apps = [{ id: APP_ID, spec: live }];
      const findings = (await findingsOf(stack)).filter((f) => f.check.startsWith('App Platform app'));
      expect(findings.map((f) => [f.ok, f.detail])).toEqual([
        [false, 'the apply removes the component worker report-worker'],
        [false, 'the apply removes the domain old-api.blueprintbuddy.io'],
        [false, 'the apply removes the database binding legacy-pg'],
        [false, 'the apply changes the region from ams to fra (digitalocean.region)'],
        [false, `the apply changes the run command of the service esg-scraper-api from "gunicorn app.main:app" to ${JSON.stringify(env.digitalocean.app.runtime.runCommand)}`],
        [false, 'the apply changes the code source of the service esg-scraper-api from "github blueprintbuddy/esg-scraper@release" to "github blueprintbuddy/esg-scraper@main"'],
        [true, 'the apply also adds the database binding redis'],
      ]);
    });

    it('fails when no app has the adopted id', async () => {
      const { code, out } = await doctor(stack);
      expect(code).toBe(1);
      expect(out).toContain(`production.adopt.digitalocean.appId is ${APP_ID}, but no app has that id`);
    });
  });

  it('fails when the Sentry project, PagerDuty service, Grafana folder, monitor and synthetic test exist unadopted, naming each field', async () => {
    const stack = synthOf('production');
    const monitor = Object.values(stack.resource.datadog_monitor)[0].name as string;
    const test = Object.values(stack.resource.datadog_synthetics_test)[0].name as string;
    estate.sentryProjects = [env.sentry.projectSlug];
    estate.pagerdutyServices = [{ id: 'PLBP09X', name: 'ESG Scraper API (production)' }, { id: 'PNOTME1', name: 'ESG Scraper API (production) old' }];
    estate.grafanaFolders = ['esg-scraper-production'];
    estate.monitors = [{ id: 777, name: monitor }];
    estate.tests = [{ public_id: 'abc-123-xyz', name: test }];
    const failed = (await findingsOf(stack)).filter((f) => !f.ok);
    expect(failed.map((f) => f.fix)).toEqual([
      `adopt it: set production.adopt.sentry.projectSlug to "${env.sentry.projectSlug}" in config/environments.ts, then run the doctor again`,
      'adopt it: set production.adopt.pagerduty.serviceId to "PLBP09X" in config/environments.ts, then run the doctor again',
      'adopt it: set production.adopt.grafana.folderUid to "esg-scraper-production" in config/environments.ts, then run the doctor again',
      `adopt it: set production.adopt.datadog.monitors[${JSON.stringify(monitor)}] to 777 in config/environments.ts, or delete the old one`,
      `adopt it: set production.adopt.datadog.syntheticTests[${JSON.stringify(test)}] to "abc-123-xyz" in config/environments.ts, or delete the old one`,
    ]);
  });

  it('passes what is adopted and exists', async () => {
    const stack = adoptedStack({ sentry: { projectSlug: env.sentry.projectSlug }, pagerduty: { serviceId: 'PLBP09X' }, grafana: { folderUid: 'legacy' } });
    estate.sentryProjects = [env.sentry.projectSlug];
    estate.pagerdutyServices = [{ id: 'PLBP09X', name: 'ESG Scraper (legacy name)' }];
    estate.grafanaFolders = ['legacy'];
    const findings = await findingsOf(stack);
    expect(findings.filter((f) => !f.ok)).toEqual([]);
    expect(findings.filter((f) => f.detail.includes('is adopted: the plan imports it')).map((f) => f.check)).toEqual([
      `Sentry project ${env.sentry.projectSlug}`, 'PagerDuty service ESG Scraper API (production)', 'Grafana folder legacy',
    ]);
  });

  it('lists each live notification-policy route the stack does not declare, and passes the ones it does', async () => {
    estate.policyRoutes = [
      { receiver: 'esg-scraper-production-pagerduty', object_matchers: [['severity', '=', 'critical'], ['environment', '=', 'production']], continue: true },
      { receiver: 'billing-team-email', object_matchers: [['team', '=', 'billing']] },
    ];
    const failed = (await findingsOf(synthOf('production'))).filter((f) => !f.ok);
    expect(failed).toHaveLength(1);
    expect(failed[0].detail).toBe('the live route billing-team-email {team=billing} is not declared: the apply replaces organization 1\'s whole tree and deletes it');
    expect(failed[0].fix).toContain('set production.adopt.grafana.notificationPolicy to true');
  });
});

describe('doctor --online: Grafana contact points', () => {
  it('fails for a declared contact point that exists unadopted, and lists the undeclared ones it keeps', async () => {
    estate.contactPoints = ['esg-scraper-production-slack-alerts', 'billing-team-email', 'billing-team-email'];
    const findings = (await findingsOf(synthOf('production'))).filter((f) => f.check.startsWith('Grafana contact point'));
    expect(findings).toEqual([
      { check: 'Grafana contact point esg-scraper-production-slack-alerts', ok: false, detail: 'exists; the apply would fail creating a contact point of that name',
        fix: 'adopt it: add "esg-scraper-production-slack-alerts" to production.adopt.grafana.contactPoints in config/environments.ts, then run the doctor again' },
      { check: 'Grafana contact points', ok: true, detail: 'not declared, kept by the apply, but reached by no route of the stack\'s tree afterwards: billing-team-email' },
    ]);
    const adopted = await findingsOf(adoptedStack({ grafana: { contactPoints: ['esg-scraper-production-slack-alerts'] } }));
    expect(adopted.filter((f) => !f.ok)).toEqual([]);
  });
});

describe('app spec comparison', () => {
  it('reads both shapes alike: the synthesized spec of production equals itself served by the API', () => {
    const stack = synthOf('production');
    expect(compareSpecs(liveSpec(liveShapeOf(stack)), synthesizedSpec(stackApp(stack)))).toEqual([]);
  });

  it('keeps the live keys of a component env the stack ignores, and names a declared one the apply will not push', () => {
    const stack = synthOf('production');
    const live = liveShapeOf(stack) as any;
    live.services[0].envs.push({ key: 'OLD_SECRET', type: 'SECRET', value: 'EV[1:x]' });
    expect(compareSpecs(liveSpec(live), synthesizedSpec(stackApp(stack)))).toEqual([]);
    live.services[0].envs = live.services[0].envs.filter((e: any) => e.key !== 'SENTRY_DSN');
    expect(compareSpecs(liveSpec(live), synthesizedSpec(stackApp(stack)))).toEqual([{
      effect: 'skips',
      what: 'the variable SENTRY_DSN of the service esg-scraper-api: its env is under ignore_changes (a secret), so the apply does not set it on the live app',
    }]);
  });
});
