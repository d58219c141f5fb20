import { createHash, createHmac } from 'node:crypto';

/**
 * AWS Signature Version 4 for one S3 request, signed in the Authorization
 * header (what DigitalOcean Spaces accepts with its S3-style keys). Small on
 * purpose: the doctor signs three requests, which does not justify an SDK.
 * Tested against the "GET Object" example of AWS's "Signature Calculations for
 * the Authorization Header: Transferring Payload in a Single Chunk".
 */
export interface SigV4Request {
  readonly method: string;
  readonly url: URL;
  /** Headers to send and sign (host, x-amz-date and x-amz-content-sha256 are added). */
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly region: string;
  readonly service: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly date: Date;
}

const sha256 = (data: string) => createHash('sha256').update(data, 'utf8').digest('hex');
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();

/** RFC 3986 encoding, as SigV4 wants it: everything but unreserved characters. */
function encode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `20130524T000000Z` */
export function amzDate(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** The headers to send: the given ones plus host, x-amz-date, x-amz-content-sha256 and Authorization. */
export function signRequest(request: SigV4Request): Record<string, string> {
  const stamp = amzDate(request.date);
  const day = stamp.slice(0, 8);
  const payloadHash = sha256(request.body ?? '');
  const headers: Record<string, string> = {
    ...Object.fromEntries(Object.entries(request.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
    host: request.url.host,
    'x-amz-date': stamp,
    'x-amz-content-sha256': payloadHash,
  };
  const names = Object.keys(headers).sort();
  const canonicalUri = request.url.pathname.split('/').map((segment) => encode(decodeURIComponent(segment))).join('/');
  const canonicalQuery = [...request.url.searchParams.entries()]
    .map(([k, v]) => [encode(k), encode(v)])
    .sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : 1) : a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`).join('&');
  const canonicalRequest = [
    request.method,
    canonicalUri,
    canonicalQuery,
    ...names.map((n) => `${n}:${headers[n].trim().replace(/\s+/g, ' ')}`),
    '',
    names.join(';'),
    payloadHash,
  ].join('\n');
  const scope = `${day}/${request.region}/${request.service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', stamp, scope, sha256(canonicalRequest)].join('\n');
  const key = [day, request.region, request.service, 'aws4_request'].reduce<Buffer | string>((k, part) => hmac(k, part), `AWS4${request.secretAccessKey}`);
  const signature = createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex');
  return {
    ...headers,
    authorization: `AWS4-HMAC-SHA256 Credential=${request.accessKeyId}/${scope},SignedHeaders=${names.join(';')},Signature=${signature}`,
  };
}
