import { amzDate, signRequest } from '../../deploy/sigv4';

/**
 * Known answers from AWS's documentation: Amazon S3 API Reference, "Signature
 * Calculations for the Authorization Header: Transferring Payload in a Single Chunk
 * (AWS Signature Version 4)", https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html,
 * its examples with the documentation's example keys (bucket examplebucket, us-east-1, 2013-05-24).
 */
const EXAMPLE = {
  region: 'us-east-1',
  service: 's3',
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  date: new Date('2013-05-24T00:00:00Z'),
};

describe('SigV4 signing', () => {
  it('reproduces the "GET Object" example signature', () => {
    const headers = signRequest({ ...EXAMPLE, method: 'GET', url: new URL('https://examplebucket.s3.amazonaws.com/test.txt'), headers: { Range: 'bytes=0-9' } });
    expect(headers.authorization).toBe('AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,' +
      'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41');
    expect(headers['x-amz-content-sha256']).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('reproduces the "PUT Object" example signature (a body, a $ in the key, a Date header)', () => {
    const headers = signRequest({
      ...EXAMPLE,
      method: 'PUT',
      url: new URL('https://examplebucket.s3.amazonaws.com/test$file.text'),
      headers: { Date: 'Fri, 24 May 2013 00:00:00 GMT', 'x-amz-storage-class': 'REDUCED_REDUNDANCY' },
      body: 'Welcome to Amazon S3.',
    });
    expect(headers['x-amz-content-sha256']).toBe('44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072');
    expect(headers.authorization).toBe('AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,' +
      'SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class,' +
      'Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd');
  });

  it('changes the signature with the secret, the date and a signed header', () => {
    const base = { ...EXAMPLE, method: 'PUT', url: new URL('https://fra1.digitaloceanspaces.com/bucket/key'), headers: { 'If-None-Match': '*' } };
    const signature = (h: Record<string, string>) => h.authorization.split('Signature=')[1];
    const reference = signature(signRequest(base));
    expect(signature(signRequest({ ...base, secretAccessKey: 'other' }))).not.toBe(reference);
    expect(signature(signRequest({ ...base, date: new Date('2013-05-25T00:00:00Z') }))).not.toBe(reference);
    expect(signature(signRequest({ ...base, headers: {} }))).not.toBe(reference);
    expect(signRequest(base).authorization).toContain('SignedHeaders=host;if-none-match;x-amz-content-sha256;x-amz-date,');
  });

  it('formats the request date as AWS wants it', () => {
    expect(amzDate(new Date('2026-11-28T17:05:09.123Z'))).toBe('20261128T170509Z');
  });
});
