import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { VendorUrls } from '../../deploy/online-checks';

/** A JSON answer, as the vendors' APIs give them. */
export function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

/**
 * Starts `handler` on a loopback port before the file's tests and stops it after; the
 * returned object's `urls` (filled in once it listens) put each vendor under /<vendor>.
 */
export function loopbackVendors(handler: (req: IncomingMessage, res: ServerResponse) => void): { urls: VendorUrls } {
  const state = { urls: {} as VendorUrls };
  let server: Server;
  beforeAll(async () => {
    server = createServer(handler);
    server.unref();
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    state.urls = { grafana: `${base}/grafana`, sentry: `${base}/sentry`, pagerduty: `${base}/pagerduty`, datadog: `${base}/datadog`, digitalocean: `${base}/digitalocean`, spaces: `${base}/spaces` };
  });
  afterAll(() => new Promise<void>((done) => {
    server.close(() => done());
    server.closeAllConnections(); // fetch keeps connections alive
  }));
  return state;
}
