import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { ENVIRONMENTS } from '../../config/environments';
import { liveDsnCheck } from '../../deploy/live-dsn-check';
import { OnlineContext } from '../../deploy/online-checks';
import { synthOf } from '../support/synth';

/**
 * The live SENTRY_DSN check against a loopback stand-in for the DigitalOcean and
 * Sentry APIs, in the shapes their docs give: GET /v2/apps, GET /v2/apps/{id}
 * (`app.spec.services[].envs[]`, SECRET values as `EV[…]`, `app.updated_at`) and
 * GET /api/0/projects/{org}/{project}/keys/ (`name`, `isActive`, `dateCreated`, `dsn.public`).
 */

const CURRENT_DSN = 'https://0123456789abcdef@o1.ingest.sentry.io/42';
const KEY_NAME = Object.values(synthOf('production').resource.sentry_key)[0].name as string;

interface World {
  env?: { key: string; value: string; type: string };
  appUpdated: string;
  keyCreated: string;
  appExists: boolean;
}
let world: World;
let server: Server;
let base: string;
const requests: { path: string; authorization?: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push({ path, authorization: req.headers.authorization });
    const json = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    const app = { id: 'app-123', updated_at: world.appUpdated,
      spec: { name: 'esg-scraper-api', services: [{ name: 'api', envs: world.env ? [{ key: 'LOG_LEVEL', value: 'INFO', type: 'GENERAL' }, world.env] : [] }] } };
    if (path === '/v2/apps?per_page=200') return json(200, { apps: world.appExists ? [{ ...app, spec: { name: 'esg-scraper-api' } }] : [] });
    if (path === '/v2/apps/app-123') return json(200, { app });
    if (path === '/api/0/projects/esg-scraper/esg-scraper-api/keys/') {
      return json(200, [
        { name: 'Default', isActive: true, dateCreated: '2025-01-01T00:00:00Z', dsn: { public: 'https://fffffff@o1.ingest.sentry.io/42' } },
        { name: KEY_NAME, isActive: true, dateCreated: world.keyCreated, dsn: { public: CURRENT_DSN } },
      ]);
    }
    return json(404, { detail: 'not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => {
  server.closeAllConnections();
  server.close(() => resolve());
}));
beforeEach(() => {
  requests.length = 0;
  world = { appExists: true, appUpdated: '2026-11-20T10:00:00Z', keyCreated: '2026-11-01T10:00:00Z',
    env: { key: 'SENTRY_DSN', value: 'EV[1:abc:def]', type: 'SECRET' } };
});

function context(processEnv: Record<string, string> = { DIGITALOCEAN_TOKEN: 'do-token', SENTRY_AUTH_TOKEN: 'sentry-token' }): OnlineContext {
  return { env: ENVIRONMENTS.production, processEnv, fetch: globalThis.fetch, stack: synthOf('production'),
    urls: { grafana: base, sentry: base, pagerduty: base, datadog: base, digitalocean: base } };
}

describe('live SENTRY_DSN check', () => {
  it('compares a GENERAL value as is: passes on the current key\'s DSN', async () => {
    world.env = { key: 'SENTRY_DSN', value: CURRENT_DSN, type: 'GENERAL' };
    expect(await liveDsnCheck(context())).toEqual([{ check: 'live SENTRY_DSN', ok: true,
      detail: `the app sends to the current key (${KEY_NAME}); its SENTRY_DSN is GENERAL, compared as is` }]);
    expect(requests.map((r) => [r.path, r.authorization])).toEqual([
      ['/v2/apps?per_page=200', 'Bearer do-token'],
      ['/v2/apps/app-123', 'Bearer do-token'],
      ['/api/0/projects/esg-scraper/esg-scraper-api/keys/', 'Bearer sentry-token'],
    ]);
  });

  it('fails when a GENERAL value is another key\'s DSN, with the command that sets it', async () => {
    world.env = { key: 'SENTRY_DSN', value: 'https://fffffff@o1.ingest.sentry.io/42', type: 'GENERAL' };
    const [finding] = await liveDsnCheck(context());
    expect(finding).toMatchObject({ ok: false, detail: expect.stringContaining(`is not the DSN of the current key ${KEY_NAME}`) });
    expect(finding.fix).toContain('terraform output -raw sentry_dsn');
  });

  it('fails when the encrypted value predates the current key: the app holds an older DSN', async () => {
    world.keyCreated = '2026-11-25T09:00:00Z';
    const [finding] = await liveDsnCheck(context());
    expect(finding.ok).toBe(false);
    expect(finding.detail).toBe(`the current key ${KEY_NAME} was created at 2026-11-25T09:00:00Z, after the app's configuration last changed ` +
      '(2026-11-20T10:00:00Z): the app\'s encrypted SENTRY_DSN is an older key\'s');
  });

  it('passes an encrypted value set after the key was created, saying that the value itself cannot be compared', async () => {
    const [finding] = await liveDsnCheck(context());
    expect(finding.ok).toBe(true);
    expect(finding.detail).toMatch(/^the app's SENTRY_DSN is a SECRET, which DigitalOcean returns encrypted \(EV\[…\]\): the value cannot be compared\./);
  });

  it('fails when the app has no SENTRY_DSN', async () => {
    world.env = undefined;
    expect((await liveDsnCheck(context()))[0]).toMatchObject({ ok: false, detail: 'the app esg-scraper-api has no SENTRY_DSN: it reports no errors' });
  });

  it('passes before the first deploy, when there is no app yet', async () => {
    world.appExists = false;
    expect((await liveDsnCheck(context()))[0]).toMatchObject({ ok: true, detail: expect.stringContaining('no app named esg-scraper-api yet') });
    expect(requests).toHaveLength(1);
  });

  it('fails without the tokens, before any request', async () => {
    expect((await liveDsnCheck(context({})))[0]).toMatchObject({ ok: false, detail: expect.stringContaining('DIGITALOCEAN_TOKEN and SENTRY_AUTH_TOKEN are needed') });
    expect(requests).toEqual([]);
  });
});
