import { randomUUID } from 'node:crypto';
import type { OnlineCheck, OnlineContext, OnlineFinding } from './online-checks';
import { signRequest } from './sigv4';

/**
 * Whether the state bucket honours conditional writes. Terraform's S3 lock file
 * (`use_lockfile`) is taken with a PUT carrying `If-None-Match: *`: the bucket must
 * refuse it with 412 while the lock file exists, or two runs both "take" the lock.
 * DigitalOcean does not document whether Spaces does, so the doctor asks the real
 * bucket: two conditional PUTs of one probe object, the second must get 412; then
 * the probe is deleted. It sits next to the state key and never touches the state
 * or Terraform's own `<key>.tflock`.
 */

const CHECK = 'state lock (Spaces conditional writes)';
const FALLBACK_FIX = 'keep the state in the pg backend (`backend: { type: \'pg\', schemaName }` in config/environments.ts, ' +
  'PG_CONN_STR in the deploy secrets; move the state first, see README "Reviewing and deploying")';

export interface SpacesLockProbeOptions {
  /** Replaces the backend's endpoint (tests point it at loopback). @default `urls.spaces`, else the environment's `backend.endpoint` */
  readonly endpoint?: string;
  /** @default the current time */
  readonly now?: () => Date;
}

export function spacesLockProbe(options: SpacesLockProbeOptions = {}): OnlineCheck {
  return async (ctx: OnlineContext): Promise<OnlineFinding[]> => {
    const backend = ctx.env.backend;
    if (backend.type !== 's3') {
      return [{ check: CHECK, ok: true, detail: `${ctx.env.name} keeps its state in the ${backend.type} backend: no S3 lock file to probe` }];
    }
    const accessKeyId = ctx.processEnv.AWS_ACCESS_KEY_ID ?? '';
    const secretAccessKey = ctx.processEnv.AWS_SECRET_ACCESS_KEY ?? '';
    if (accessKeyId === '' || secretAccessKey === '') {
      return [{ check: CHECK, ok: false, detail: 'AWS_ACCESS_KEY_ID or AWS_SECRET_ACCESS_KEY is not set: the bucket cannot be asked',
        fix: 'export the Spaces keys of the state bucket and run again' }];
    }
    const key = `${backend.key}.doctor-lock-probe-${randomUUID()}`;
    const url = new URL(`${(options.endpoint ?? ctx.urls.spaces ?? backend.endpoint).replace(/\/+$/, '')}/${backend.bucket}/${key}`);
    const send = (method: 'PUT' | 'DELETE', headers: Record<string, string> = {}, body?: string) => ctx.fetch(url, {
      method,
      body,
      headers: signRequest({ method, url, headers, body, region: backend.region, service: 's3', accessKeyId, secretAccessKey,
        date: (options.now ?? (() => new Date()))() }),
    });
    const where = `s3://${backend.bucket}/${key} at ${url.origin}`;
    const conditionalPut = () => send('PUT', { 'if-none-match': '*', 'content-type': 'text/plain' }, 'npm run doctor: lock probe, safe to delete');

    const findings: OnlineFinding[] = [];
    try {
      const first = await conditionalPut();
      if (first.status !== 200) {
        return [{ check: CHECK, ok: false, detail: `the first conditional PUT of ${where} got ${first.status} ${first.statusText}, expected 200`,
          fix: 'give the Spaces key write access to the state bucket (Terraform writes the state and its lock file there)' }];
      }
      const second = await conditionalPut();
      findings.push(second.status === 412
        ? { check: CHECK, ok: true, detail: `the bucket refused a second If-None-Match PUT with 412: Terraform's lock file holds on ${backend.bucket}` }
        : { check: CHECK, ok: false,
          detail: `the bucket answered a second If-None-Match PUT of ${where} with ${second.status} ${second.statusText}, not 412: ` +
            'it ignores conditional writes, so Terraform\'s lock file would not stop a second run', fix: FALLBACK_FIX });
    } catch (error) {
      findings.push({ check: CHECK, ok: false, detail: `${url.origin} could not be reached: ${(error as Error).message}`,
        fix: 'check backend.endpoint in config/environments.ts and the network, then run again' });
    } finally {
      const removed = await send('DELETE').then((r) => r.status, (e: Error) => e.message);
      if (removed !== 204 && removed !== 200) {
        findings.push({ check: CHECK, ok: false, detail: `the probe object ${where} could not be deleted (${removed})`,
          fix: `delete it by hand: \`s3cmd del s3://${backend.bucket}/${key}\`` });
      }
    }
    return findings;
  };
}
