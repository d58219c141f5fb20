import { IncomingMessage, ServerResponse } from 'node:http';
import { ENVIRONMENTS } from '../../config/environments';
import { TERRAFORM_VERSION } from '../../config/terraform';
import { runDoctor } from '../../deploy/doctor-command';
import { CREDENTIAL_CHECKS, formatFindings, MIN_GRAFANA_VERSION, OnlineContext, runOnlineChecks as runAll, VendorUrls, versionAtLeast } from '../../deploy/online-checks';

/** The credential checks only: what exists is deploy/estate-checks.ts's, tested in estate-checks.test.ts. */
const runOnlineChecks = (ctx: OnlineContext) => runAll(ctx, CREDENTIAL_CHECKS);
import { json, loopbackVendors } from '../support/loopback';
import { synthOf } from '../support/synth';

/** Credentials the fake vendors accept; every value carries a marker that must never be printed. */
const GOOD = {
  GRAFANA_URL: '', // set to the server's URL below
  GRAFANA_AUTH: 'glsa_VALU3X-grafana',
  SENTRY_AUTH_TOKEN: 'sntrys_VALU3X-sentry',
  PAGERDUTY_TOKEN: 'VALU3X-pagerduty',
  DD_API_KEY: 'VALU3X-dd-api',
  DD_APP_KEY: 'VALU3X-dd-app',
  DIGITALOCEAN_TOKEN: 'dop_v1_VALU3X-do',
  AWS_ACCESS_KEY_ID: 'VALU3X-a',
  AWS_SECRET_ACCESS_KEY: 'VALU3X-b',
};

const env = ENVIRONMENTS.production;
/** What the fake Grafana answers; tests change it. */
const grafana = { version: '11.6.0', orgId: env.grafana.orgId };

/** Objects in the fake state bucket: the lock probe's conditional PUTs land here. */
const bucket = new Set<string>();
const APP = { id: 'app-1', updated_at: '2026-11-20T10:00:00Z',
  spec: { name: env.digitalocean.app.name, services: [{ name: 'api', envs: [{ key: 'SENTRY_DSN', value: 'EV[1:abc]', type: 'SECRET' }] }] } };
const KEY_NAME = Object.values(synthOf('production').resource.sentry_key)[0].name as string;

/** S3 as Spaces documents it: a PUT with `If-None-Match: *` of an existing object is refused with 412. */
function spaces(req: IncomingMessage, res: ServerResponse, key: string): void {
  if (!/^AWS4-HMAC-SHA256 Credential=VALU3X-a\//.test(req.headers.authorization ?? '')) return json(res, 403, {});
  if (req.method === 'DELETE') {
    bucket.delete(key);
    res.writeHead(204).end();
  } else if (req.method === 'PUT') {
    if (req.headers['if-none-match'] === '*' && bucket.has(key)) return json(res, 412, {});
    bucket.add(key);
    res.writeHead(200).end();
  } else {
    json(res, 405, {});
  }
}

/** Answers as each vendor's API documents it, under /<vendor>/... */
function vendor(req: IncomingMessage, res: ServerResponse): void {
  const h = req.headers;
  const path = req.url ?? '';
  if (path.startsWith('/spaces/')) return spaces(req, res, path);
  if (req.method !== 'GET') return json(res, 405, { message: 'read-only checks only' });
  switch (path) {
    case '/digitalocean/v2/apps?per_page=200':
      return json(res, 200, { apps: [{ id: APP.id, spec: { name: APP.spec.name } }] });
    case `/digitalocean/v2/apps/${APP.id}`:
      return json(res, 200, { app: APP });
    case `/sentry/api/0/projects/${env.sentry.organization}/${env.sentry.projectSlug}/keys/`:
      return json(res, 200, [{ name: KEY_NAME, isActive: true, dateCreated: '2026-11-01T10:00:00Z', dsn: { public: 'https://k@o1.ingest.sentry.io/1' } }]);
    case '/grafana/api/health':
      return json(res, 200, { commit: 'abc', database: 'ok', version: grafana.version });
    case '/grafana/api/org':
      return h.authorization === `Bearer ${GOOD.GRAFANA_AUTH}`
        ? json(res, 200, { id: grafana.orgId, name: `Org ${grafana.orgId}`, address: {} })
        : json(res, 401, { message: 'invalid API key' });
    case `/sentry/api/0/organizations/${env.sentry.organization}/`:
      return h.authorization === `Bearer ${GOOD.SENTRY_AUTH_TOKEN}`
        ? json(res, 200, { slug: env.sentry.organization, name: 'ESG' })
        : json(res, 401, { detail: 'Invalid token' });
    case '/pagerduty/abilities':
      if (h.accept !== 'application/vnd.pagerduty+json;version=2') return json(res, 406, {});
      return h.authorization === `Token token=${GOOD.PAGERDUTY_TOKEN}`
        ? json(res, 200, { abilities: ['teams', 'urgencies'] })
        : json(res, 401, { error: { message: 'Unauthorized', code: 2006 } });
    case '/datadog/api/v1/validate':
      return h['dd-api-key'] === GOOD.DD_API_KEY ? json(res, 200, { valid: true }) : json(res, 403, { errors: ['Forbidden'] });
    case '/datadog/api/v2/validate_keys':
      return h['dd-api-key'] === GOOD.DD_API_KEY && h['dd-application-key'] === GOOD.DD_APP_KEY
        ? json(res, 200, { status: 'ok' })
        : json(res, 403, { errors: ['Forbidden'] });
    case '/digitalocean/v2/account':
      return h.authorization === `Bearer ${GOOD.DIGITALOCEAN_TOKEN}`
        ? json(res, 200, { account: { status: 'active', email_verified: true } })
        : json(res, 401, { id: 'Unauthorized', message: 'Unable to authenticate you' });
    default:
      return json(res, 404, { message: 'not found' });
  }
}

const vendors = loopbackVendors(vendor);
let urls: VendorUrls;
beforeAll(() => {
  urls = vendors.urls;
  GOOD.GRAFANA_URL = urls.grafana!;
});

afterEach(() => {
  grafana.version = '11.6.0';
  grafana.orgId = env.grafana.orgId;
});

function context(processEnv: Record<string, string>): OnlineContext {
  return { env, processEnv, fetch: globalThis.fetch, stack: synthOf('production'), urls };
}

describe('online checks against vendors answering as documented (loopback server)', () => {
  it('accept every good credential: one finding per question, each passed', async () => {
    const findings = await runOnlineChecks(context(GOOD));
    expect(findings.map((f) => [f.check, f.ok])).toEqual([
      ['Grafana version', true],
      ['Grafana token', true],
      ['Grafana organization', true],
      ['Sentry token', true],
      ['PagerDuty token', true],
      ['Datadog API key', true],
      ['Datadog application key', true],
      ['DigitalOcean token', true],
      ['state lock (Spaces conditional writes)', true],
      ['live SENTRY_DSN', true],
    ]);
    expect(CREDENTIAL_CHECKS).toHaveLength(7);
    expect(bucket.size).toBe(0); // the lock probe deleted its object
    expect(formatFindings(findings)).toContain('All 10 online checks passed.');
  });

  it('fails each refused credential with the vendor\'s status and a fix, never printing a value', async () => {
    const bad = Object.fromEntries(Object.entries(GOOD).map(([k, v]) => [k, k === 'GRAFANA_URL' ? v : `${v}-revoked`]));
    const findings = await runOnlineChecks(context(bad));
    expect(findings.filter((f) => !f.ok).map((f) => `${f.check}: ${f.detail}`)).toEqual([
      'Grafana token: GRAFANA_AUTH is refused by Grafana (HTTP 401)',
      'Sentry token: SENTRY_AUTH_TOKEN is refused by Sentry (HTTP 401)',
      'PagerDuty token: PAGERDUTY_TOKEN is refused by PagerDuty (HTTP 401)',
      `Datadog API key: DD_API_KEY is refused by ${urls.datadog} (HTTP 403)`,
      'DigitalOcean token: DIGITALOCEAN_TOKEN is refused by DigitalOcean (HTTP 401)',
      expect.stringMatching(/^state lock \(Spaces conditional writes\): the first conditional PUT of s3:\/\/\S+ at \S+ got 403 Forbidden, expected 200$/),
    ]);
    for (const f of findings.filter((x) => !x.ok)) expect(f.fix).toMatch(/\w/);
    expect(formatFindings(findings)).not.toContain('VALU3X');
  });

  it('fails a Datadog application key of another organization while the API key is good', async () => {
    const findings = await runOnlineChecks(context({ ...GOOD, DD_APP_KEY: 'VALU3X-other-org' }));
    expect(findings.filter((f) => !f.ok).map((f) => f.detail)).toEqual(['DD_APP_KEY is refused by Datadog (HTTP 403)']);
  });

  it('fails when the Grafana token belongs to another organization than grafana.orgId', async () => {
    grafana.orgId = env.grafana.orgId + 1;
    const findings = await runOnlineChecks(context(GOOD));
    expect(findings.filter((f) => !f.ok)).toEqual([{
      check: 'Grafana organization', ok: false,
      detail: `the token belongs to organization ${env.grafana.orgId + 1} (Org ${env.grafana.orgId + 1}); production's grafana.orgId is ${env.grafana.orgId}`,
      fix: `use a service-account token of organization ${env.grafana.orgId}, or correct grafana.orgId in config/environments.ts`,
    }]);
  });

  it.each(['11.5.1', '10.4.12', '11.4.3+security-01'])('fails when Grafana runs %s, older than the release that keeps chosen rule uids', async (version) => {
    grafana.version = version;
    const findings = await runOnlineChecks(context(GOOD));
    expect(findings.filter((f) => !f.ok).map((f) => f.detail)).toEqual([
      `${version}; the stack needs at least ${MIN_GRAFANA_VERSION}, whose alerting API keeps the rule uids it chooses (grafana/grafana#98283)`,
    ]);
  });

  it('compares versions numerically', () => {
    expect(versionAtLeast('11.5.2', '11.5.2')).toBe(true);
    expect(versionAtLeast('11.10.0', '11.5.2')).toBe(true);
    expect(versionAtLeast('12.0.0-pre', '11.5.2')).toBe(true);
    expect(versionAtLeast('11.5.1', '11.5.2')).toBe(false);
    expect(versionAtLeast('nightly', '11.5.2')).toBe(false);
  });

  it('fails, naming the host, when a vendor cannot be reached', async () => {
    const findings = await runOnlineChecks({ ...context(GOOD), urls: { ...urls, sentry: 'http://127.0.0.1:1' } });
    expect(findings.filter((f) => !f.ok).map((f) => [f.check, f.detail])).toEqual([
      ['Sentry token', expect.stringMatching(/^could not reach http:\/\/127\.0\.0\.1:1: /)],
      ['live SENTRY_DSN', expect.stringMatching(/^a vendor API could not be reached: /)],
    ]);
  });

  it('reports an unset credential as not asked, without a request', async () => {
    const { SENTRY_AUTH_TOKEN: _unset, ...rest } = GOOD;
    const findings = await runOnlineChecks(context(rest));
    expect(findings.find((f) => f.check === 'Sentry token')).toEqual({
      check: 'Sentry token', ok: false, detail: 'not asked: SENTRY_AUTH_TOKEN or SENTRY_TOKEN is not set', fix: 'export SENTRY_AUTH_TOKEN and run again',
    });
  });
});

describe('npm run doctor -- production --online', () => {
  async function doctor(processEnv: Record<string, string>) {
    const out: string[] = [];
    const code = await runDoctor(['production', '--online'], processEnv, { out: (t) => out.push(t), err: (t) => out.push(t) }, {
      loadStack: () => synthOf('production'),
      probeTerraform: () => ({ found: true, version: TERRAFORM_VERSION }),
      urls,
      checks: CREDENTIAL_CHECKS,
    });
    return { code, out: out.join('\n') };
  }

  const secrets = { AWS_ACCESS_KEY_ID: 'VALU3X-a', AWS_SECRET_ACCESS_KEY: 'VALU3X-b', DD_HOST: 'https://api.datadoghq.com',
    ...Object.fromEntries(Object.keys(synthOf('production').variable ?? {}).map((n) => [`TF_VAR_${n}`, 'VALU3X-var'])) };

  it('exits 0 when every requirement is set and every vendor accepts its credential', async () => {
    const { code, out } = await doctor({ ...GOOD, ...secrets });
    expect(out).toContain('All 10 online checks passed.');
    expect(out).not.toContain('VALU3X');
    expect(code).toBe(0);
  });

  it('exits 1 when a vendor refuses a credential, though every variable is set', async () => {
    const { code, out } = await doctor({ ...GOOD, ...secrets, PAGERDUTY_TOKEN: 'VALU3X-revoked' });
    expect(out).toContain('All 15 requirements are set.');
    expect(out).toContain('✗ PagerDuty token: PAGERDUTY_TOKEN is refused by PagerDuty (HTTP 401). Fix: ');
    expect(out).toContain('1 of 10 online checks failed.');
    expect(out).not.toContain('VALU3X');
    expect(code).toBe(1);
  });
});
