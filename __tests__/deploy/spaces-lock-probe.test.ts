import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { ENVIRONMENTS } from '../../config/environments';
import { EnvironmentConfig } from '../../config/types';
import { OnlineContext } from '../../deploy/online-checks';
import { spacesLockProbe } from '../../deploy/spaces-lock-probe';
import { synthOf } from '../support/synth';

/**
 * The doctor's lock probe against a loopback S3 stand-in that either honours
 * `If-None-Match: *` (412 when the object exists) or ignores it, as a bucket
 * without conditional writes would.
 */

interface Seen { method: string; path: string; ifNoneMatch?: string; authorization?: string }

let server: Server;
let endpoint: string;
let mode: 'honour' | 'ignore' | 'forbid' = 'honour';
const objects = new Map<string, string>();
const seen: Seen[] = [];

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let data = '';
    req.on('data', (c) => { data += c; });
    req.on('end', () => resolve(data));
  });
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    seen.push({ method: req.method ?? '', path, ifNoneMatch: req.headers['if-none-match'] as string | undefined,
      authorization: req.headers.authorization });
    const text = await body(req);
    if (mode === 'forbid') return void res.writeHead(403, 'Forbidden').end();
    if (req.method === 'PUT') {
      if (mode === 'honour' && req.headers['if-none-match'] === '*' && objects.has(path)) return void res.writeHead(412, 'Precondition Failed').end();
      objects.set(path, text);
      return void res.writeHead(200).end();
    }
    if (req.method === 'DELETE') {
      objects.delete(path);
      return void res.writeHead(204).end();
    }
    res.writeHead(405).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => {
  server.closeAllConnections();
  server.close(() => resolve());
}));
beforeEach(() => {
  objects.clear();
  seen.length = 0;
  mode = 'honour';
});

const KEYS = { AWS_ACCESS_KEY_ID: 'DO00EXAMPLEKEY', AWS_SECRET_ACCESS_KEY: 'example-secret' };

function context(env: EnvironmentConfig = ENVIRONMENTS.production, processEnv: Record<string, string> = KEYS): OnlineContext {
  return {
    env, processEnv, fetch: globalThis.fetch, stack: synthOf('production'),
    urls: { grafana: endpoint, sentry: endpoint, pagerduty: endpoint, datadog: endpoint, digitalocean: endpoint },
  };
}
const run = (ctx = context()) => spacesLockProbe({ endpoint, now: () => new Date('2026-11-28T12:00:00Z') })(ctx);

describe('Spaces lock probe', () => {
  it('passes when the bucket refuses the second conditional PUT with 412, and deletes the probe', async () => {
    const findings = await run();
    expect(findings).toEqual([{ check: 'state lock (Spaces conditional writes)', ok: true,
      detail: 'the bucket refused a second If-None-Match PUT with 412: Terraform\'s lock file holds on esg-scraper-terraform-state' }]);
    expect(seen.map((s) => [s.method, s.ifNoneMatch])).toEqual([['PUT', '*'], ['PUT', '*'], ['DELETE', undefined]]);
    // Path-style, next to the state key, never the state or Terraform's own .tflock.
    expect(seen[0].path).toMatch(/^\/esg-scraper-terraform-state\/monitoring\/production\.tfstate\.doctor-lock-probe-[0-9a-f-]{36}$/);
    expect(new Set(seen.map((s) => s.path)).size).toBe(1);
    expect(seen[0].authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=DO00EXAMPLEKEY\/20261128\/fra1\/s3\/aws4_request,SignedHeaders=content-type;host;if-none-match;x-amz-content-sha256;x-amz-date,Signature=[0-9a-f]{64}$/);
    expect(objects.size).toBe(0);
  });

  it('fails when the bucket ignores If-None-Match, naming the fallback, and still deletes the probe', async () => {
    mode = 'ignore';
    const [finding, ...rest] = await run();
    expect(rest).toEqual([]);
    expect(finding.ok).toBe(false);
    expect(finding.detail).toMatch(/answered a second If-None-Match PUT of s3:\/\/esg-scraper-terraform-state\/.* with 200 OK, not 412: it ignores conditional writes/);
    expect(finding.fix).toContain('pg backend');
    expect(seen.map((s) => s.method)).toEqual(['PUT', 'PUT', 'DELETE']);
    expect(objects.size).toBe(0);
  });

  it('fails when the keys may not write the bucket', async () => {
    mode = 'forbid';
    const [finding] = await run();
    expect(finding).toMatchObject({ ok: false, detail: expect.stringContaining('got 403 Forbidden, expected 200'), fix: expect.stringContaining('write access') });
  });

  it('fails without the Spaces keys, before any request', async () => {
    const [finding] = await run(context(ENVIRONMENTS.production, {}));
    expect(finding).toMatchObject({ ok: false, detail: expect.stringContaining('AWS_ACCESS_KEY_ID or AWS_SECRET_ACCESS_KEY is not set') });
    expect(seen).toEqual([]);
  });

  it('fails, naming the endpoint, when the bucket cannot be reached', async () => {
    // A port that was free a moment ago: nothing listens on it.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const findings = await spacesLockProbe({ endpoint: `http://127.0.0.1:${port}` })(context());
    expect(findings[0]).toMatchObject({ ok: false, detail: `http://127.0.0.1:${port} could not be reached: fetch failed` });
    expect(seen).toEqual([]);
  });

  it('has nothing to probe for a pg backend, whose locks are PostgreSQL advisory locks', async () => {
    const pg = { ...ENVIRONMENTS.production, backend: { type: 'pg' as const, schemaName: 'monitoring_production' } };
    expect(await run(context(pg))).toEqual([{ check: 'state lock (Spaces conditional writes)', ok: true,
      detail: 'production keeps its state in the pg backend: no S3 lock file to probe' }]);
    expect(seen).toEqual([]);
  });
});
