/** verifyRequest's reason codes, one case each, on requests signed by vodkit's node entry. */
import { describe, expect, it } from 'vitest';
import * as node from '../src/node.js';
import type { Credentials, KeyRecord, ReceivedRequest, SyncVerifyOptions } from '../src/node.js';

const T0 = Date.parse('2025-01-15T08:30:00Z');
const AK = { accessKeyId: 'ak1', accessKeySecret: 'secret1' };
const STS = { accessKeyId: 'STS.ak2', accessKeySecret: 'secret2', securityToken: 'tok2' };
const KEYS: Record<string, KeyRecord> = {
  ak1: { secret: 'secret1' },
  'STS.ak2': { secret: 'secret2', securityToken: 'tok2', expiresAt: T0 + 3_600_000 },
  off: { secret: 'x', disabled: true },
};
const options = (over: Partial<SyncVerifyOptions> = {}): SyncVerifyOptions => ({
  lookup: (id) => KEYS[id],
  clock: () => T0,
  ...over,
});
const ctx = { clock: () => T0, nonce: () => 'nonce-1' };
const params = { DeleteImageType: 'ImageId', ImageIds: 'a,b' };

const v1 = (creds: Credentials = AK, at = T0): ReceivedRequest => {
  const s = node.signV2({
    method: 'GET',
    action: 'DeleteImage',
    version: '2017-03-21',
    params,
    credentials: creds,
    ...ctx,
    clock: () => at,
  });
  return { method: 'GET', path: '/', query: s.encoded, headers: { host: 'h' }, body: '' };
};
const v3 = (creds: Credentials = AK): ReceivedRequest => {
  const s = node.signV3({
    method: 'POST',
    host: 'h',
    action: 'DeleteImage',
    version: '2017-03-21',
    form: params,
    credentials: creds,
    ...ctx,
  });
  return {
    method: 'POST',
    path: '/',
    query: '',
    headers: { host: 'h', ...s.headers },
    body: s.body,
  };
};
const code = (req: ReceivedRequest, o = options()): string => {
  const r = node.verifyRequest(req, o);
  return r.ok ? 'ok' : `${r.code} ${r.httpStatus}`;
};
const editQuery = (req: ReceivedRequest, from: RegExp, to: string): ReceivedRequest => ({
  ...req,
  query: req.query.replace(from, to),
});

describe('V2', () => {
  it('accepts a good request and returns the decoded parameters', () => {
    const r = node.verifyRequest(v1(), options());
    expect(r).toMatchObject({
      ok: true,
      algorithm: 'HMAC-SHA1',
      accessKeyId: 'ak1',
      nonce: 'nonce-1',
      time: T0,
    });
    expect(r.ok && r.params).toMatchObject(params);
    expect(r.ok && 'Signature' in r.params).toBe(false);
  });
  it.each([
    [
      'no signature at all',
      (r: ReceivedRequest) => editQuery(r, /&Signature=[^&]*/, ''),
      'IncompleteSignature 400',
    ],
    [
      'unknown SignatureMethod',
      (r: ReceivedRequest) => editQuery(r, /HMAC-SHA1/, 'HMAC-SHA256'),
      'IncompleteSignature 400',
    ],
    [
      'missing AccessKeyId',
      (r: ReceivedRequest) => editQuery(r, /AccessKeyId=[^&]*&/, ''),
      'MissingAccessKeyId 400',
    ],
    [
      'missing SignatureNonce',
      (r: ReceivedRequest) => editQuery(r, /SignatureNonce=[^&]*&/, ''),
      'MissingSignatureNonce 400',
    ],
    [
      'missing Timestamp',
      (r: ReceivedRequest) => editQuery(r, /Timestamp=[^&]*&/, ''),
      'MissingTimestamp 400',
    ],
    [
      'malformed Timestamp',
      (r: ReceivedRequest) =>
        editQuery(r, /Timestamp=[^&]*/, 'Timestamp=2025-01-15T08%3A30%3A00.000Z'),
      'InvalidTimeStamp.Format 400',
    ],
    [
      'bad percent-encoding',
      (r: ReceivedRequest) => editQuery(r, /ImageIds=/, 'ImageIds=%zz'),
      'InvalidParameter 400',
    ],
    [
      'repeated parameter',
      (r: ReceivedRequest) => ({ ...r, query: `${r.query}&ImageIds=c` }),
      'InvalidParameter 400',
    ],
    [
      'changed parameter',
      (r: ReceivedRequest) => editQuery(r, /ImageIds=a/, 'ImageIds=x'),
      'SignatureDoesNotMatch 400',
    ],
  ])('%s', (_name, edit, expected) => {
    expect(code(edit(v1()))).toBe(expected);
  });
  it('reads a literal + as a space (form decoding)', () => {
    const s = node.signV2({
      method: 'GET',
      action: 'A',
      version: 'v',
      params: { Q: 'a b' },
      credentials: AK,
      ...ctx,
    });
    const query = s.encoded.replace('Q=a%20b', 'Q=a+b');
    expect(query).not.toBe(s.encoded);
    expect(code({ method: 'GET', path: '/', query, headers: {}, body: '' })).toBe('ok');
  });
  it('rejects an expired timestamp, both directions, with a configurable window', () => {
    expect(code(v1(AK, T0 - 16 * 60_000))).toBe('InvalidTimeStamp.Expired 400');
    expect(code(v1(AK, T0 + 16 * 60_000))).toBe('InvalidTimeStamp.Expired 400');
    expect(code(v1(AK, T0 - 14 * 60_000))).toBe('ok');
    expect(code(v1(AK, T0 - 14 * 60_000), options({ maxSkewMs: 60_000 }))).toBe(
      'InvalidTimeStamp.Expired 400',
    );
  });
  it('rejects unknown and disabled keys', () => {
    expect(code(v1({ accessKeyId: 'nobody', accessKeySecret: 's' }))).toBe(
      'InvalidAccessKeyId.NotFound 404',
    );
    expect(code(v1({ accessKeyId: 'off', accessKeySecret: 'x' }))).toBe(
      'InvalidAccessKeyId.Inactive 400',
    );
  });
  it('checks STS tokens', () => {
    expect(code(v1(STS))).toBe('ok');
    expect(code(v1({ accessKeyId: 'STS.ak2', accessKeySecret: 'secret2' }))).toBe(
      'MissingSecurityToken 400',
    );
    expect(code(v1({ ...STS, securityToken: 'other' }))).toBe(
      'InvalidSecurityToken.MismatchWithAccessKey 400',
    );
    expect(code(v1({ ...AK, securityToken: 'tok' }))).toBe(
      'InvalidSecurityToken.MismatchWithAccessKey 400',
    );
    expect(code(v1(STS), options({ clock: () => T0 + 3_600_000 }))).toBe(
      'InvalidTimeStamp.Expired 400',
    );
    expect(code(v1(STS, T0 + 3_600_000), options({ clock: () => T0 + 3_600_000 }))).toBe(
      'InvalidSecurityToken.Expired 400',
    );
  });
  it('SignatureDoesNotMatch carries the server string-to-sign, with the STS token masked in the message', () => {
    const r = node.verifyRequest(editQuery(v1(STS), /ImageIds=a/, 'ImageIds=x'), options());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toMatch(
      /^Specified signature is not matched with our calculation\. server string to sign is:GET&%2F&/,
    );
    expect(r.message).not.toContain('tok2');
    expect(r.stringToSign).toContain('tok2');
    expect(r.canonical).toContain('ImageIds=x');
  });
  it('works with an async key lookup', async () => {
    const r = await node.verifyRequest(v1(), {
      lookup: (id) => Promise.resolve(KEYS[id]),
      clock: () => T0,
    });
    expect(r.ok).toBe(true);
  });
});

describe('V3', () => {
  it('accepts a good request (form body) and returns the decoded parameters', () => {
    const r = node.verifyRequest(v3(STS), options());
    expect(r).toMatchObject({
      ok: true,
      algorithm: 'ACS3-HMAC-SHA256',
      accessKeyId: 'STS.ak2',
      params,
    });
  });
  const withHeaders = (
    req: ReceivedRequest,
    h: Record<string, string | undefined>,
  ): ReceivedRequest => ({
    ...req,
    headers: { ...req.headers, ...h },
  });
  it.each([
    [
      'malformed Authorization',
      { authorization: 'ACS3-HMAC-SHA256 nonsense' },
      'IncompleteSignature 400',
    ],
    [
      'unsupported algorithm',
      { authorization: 'ACS3-HMAC-SM3 Credential=ak1,SignedHeaders=host,Signature=00' },
      'IncompleteSignature 400',
    ],
    [
      'an x-acs-* header left out of SignedHeaders',
      { 'x-acs-extra': '1' },
      'IncompleteSignature 400',
    ],
    ['a signed header missing', { 'x-acs-version': undefined }, 'IncompleteSignature 400'],
    [
      'malformed x-acs-date',
      { 'x-acs-date': '2025-01-15 08:30:00' },
      'InvalidTimeStamp.Format 400',
    ],
    [
      'expired x-acs-date',
      { 'x-acs-date': '2025-01-15T08:00:00Z' },
      'InvalidTimeStamp.Expired 400',
    ],
    ['body hash mismatch', { 'x-acs-content-sha256': '0'.repeat(64) }, 'SignatureDoesNotMatch 400'],
  ])('%s', (_name, h, expected) => {
    expect(code(withHeaders(v3(), h))).toBe(expected);
  });
  it('rejects a changed body, method, path, query or secret', () => {
    const req = v3();
    expect(code({ ...req, body: `${String(req.body)}x` })).toBe('SignatureDoesNotMatch 400');
    expect(code({ ...req, method: 'PUT' })).toBe('SignatureDoesNotMatch 400');
    expect(code({ ...req, path: '/x' })).toBe('SignatureDoesNotMatch 400');
    expect(code({ ...req, query: 'a=1' })).toBe('SignatureDoesNotMatch 400');
    expect(code(req, options({ lookup: () => ({ secret: 'wrong' }) }))).toBe(
      'SignatureDoesNotMatch 400',
    );
  });
});

describe('nonce cache', () => {
  it('remembers within the window, forgets after it, and stays bounded', () => {
    let now = 0;
    const cache = node.createNonceCache({ maxEntries: 3, ttlMs: 1000, clock: () => now });
    expect(cache.use('a')).toBe(true);
    expect(cache.use('a')).toBe(false);
    now = 1000;
    expect(cache.use('a')).toBe(true);
    for (const n of ['b', 'c', 'd', 'e']) cache.use(n);
    expect(cache.size).toBe(3);
    cache.clear();
    expect(cache.size).toBe(0);
  });

  it('remembers a nonce until rememberUntil when that is later than the TTL', () => {
    let now = 0;
    const cache = node.createNonceCache({ ttlMs: 1000, clock: () => now });
    // A request signed for t=5000 stays acceptable until 5000 + its window.
    expect(cache.use('future', 5000)).toBe(true);
    expect(cache.use('short', 10)).toBe(true);
    now = 2000;
    expect(cache.use('future')).toBe(false);
    // An earlier rememberUntil never shortens the TTL.
    expect(cache.use('short')).toBe(true);
    now = 4999;
    expect(cache.use('future')).toBe(false);
    now = 5000;
    expect(cache.use('future')).toBe(true);
  });

  it('a long-lived entry at the head does not keep expired ones after it alive for lookups', () => {
    let now = 0;
    const cache = node.createNonceCache({ ttlMs: 1000, clock: () => now });
    cache.use('long', 60_000);
    cache.use('brief');
    now = 1500;
    expect(cache.use('brief')).toBe(true);
    expect(cache.use('long')).toBe(false);
  });
});
