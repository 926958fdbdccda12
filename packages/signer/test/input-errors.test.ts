/** Bad input to the signers: a SignerInputError naming the field and the rule, never a secret. */
import { describe, expect, it } from 'vitest';
import * as main from '../src/index.js';
import * as node from '../src/node.js';

const SECRET = 'top-secret-value';
const TOKEN = 'sts-token-value';
const base = {
  method: 'POST' as const,
  action: 'DeleteImage',
  version: '2017-03-21',
  credentials: { accessKeyId: 'ak', accessKeySecret: SECRET, securityToken: TOKEN },
};

const failure = (f: () => unknown): { field: string; rule: string; message: string } => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(main.SignerInputError);
    const err = e as InstanceType<typeof main.SignerInputError>;
    expect(err.message).not.toContain(SECRET);
    expect(err.message).not.toContain(TOKEN);
    // The message is the field and the rule, and nothing else: callers word their own from these.
    expect(err.message).toBe(`${err.field}: ${err.rule}`);
    return { field: err.field, rule: err.rule, message: err.message };
  }
  throw new Error('expected a SignerInputError');
};

describe('V2 input checks', () => {
  it.each([
    [
      'lone high surrogate in a value',
      { params: { VideoId: 'a\uD800b' } },
      'params.VideoId',
      /lone UTF-16 surrogate/,
    ],
    [
      'lone low surrogate in a name',
      { params: { ['x\uDC00']: 'v' } },
      'params.x\uDC00',
      /lone UTF-16 surrogate/,
    ],
    [
      'a Signature parameter',
      { params: { Signature: 'abc' } },
      'params.Signature',
      /set by the signer/,
    ],
    [
      'a common parameter',
      { params: { Timestamp: 'now' } },
      'params.Timestamp',
      /set by the signer/,
    ],
    [
      'a number value',
      { params: { ImageIds: 42 as unknown as string } },
      'params.ImageIds',
      /must be a string/,
    ],
    [
      'a null value',
      { params: { ImageIds: null as unknown as string } },
      'params.ImageIds',
      /must be a string/,
    ],
    [
      'missing credentials',
      { credentials: undefined as unknown as typeof base.credentials },
      'credentials',
      /accessKeyId/,
    ],
    [
      'empty secret',
      { credentials: { accessKeyId: 'ak', accessKeySecret: '' } },
      'credentials.accessKeySecret',
      /non-empty/,
    ],
    [
      'lone surrogate in the secret',
      { credentials: { accessKeyId: 'ak', accessKeySecret: `${SECRET}\uD800` } },
      'credentials.accessKeySecret',
      /lone UTF-16 surrogate/,
    ],
    ['a PUT', { method: 'PUT' as unknown as 'POST' }, 'method', /"GET" or "POST"/],
    ['a nonce with spaces', { nonce: () => 'a b' }, 'nonce()', /printable ASCII/],
  ])('%s', (_name, over, field, rule) => {
    const f = failure(() => node.signV2({ ...base, ...over }));
    expect(f.field).toBe(field);
    expect(f.message).toMatch(rule);
    expect(f.message.startsWith(`${field}: `)).toBe(true);
  });
  it('skips undefined values, as the official SDKs do', () => {
    expect(node.signV2({ ...base, params: { A: undefined } }).params).not.toHaveProperty('A');
  });
  it('rejects an endpoint with a path in presignV2Url', () => {
    expect(failure(() => node.presignV2Url({ ...base, endpoint: 'https://h/x' })).field).toBe(
      'endpoint',
    );
    expect(node.presignV2Url({ ...base, endpoint: 'https://h' }).url).toMatch(
      /^https:\/\/h\/\?AccessKeyId=ak&/,
    );
  });
});

describe('V3 input checks', () => {
  const v3 = { ...base, host: 'vod.cn-shanghai.aliyuncs.com' };
  it.each([
    [
      'a signer-owned header',
      { headers: { 'X-Acs-Date': 'x' } },
      'headers.x-acs-date',
      /set by the signer/,
    ],
    [
      'authorization passed in',
      { headers: { Authorization: 'x' } },
      'headers.Authorization',
      /set by the signer/,
    ],
    [
      'a header given twice',
      { headers: { 'x-acs-a': '1', 'X-Acs-A': '2' } },
      'headers.X-Acs-A',
      /given twice/,
    ],
    [
      'a non-ASCII header value',
      { headers: { 'x-acs-a': 'é' } },
      'headers.x-acs-a',
      /printable ASCII/,
    ],
    ['form and body together', { form: { a: '1' }, body: 'x' }, 'form', /cannot be combined/],
    ['a name in query and form', { query: { a: '1' }, form: { a: '2' } }, 'form.a', /given twice/],
    ['a lowercase method', { method: 'post' as 'POST' }, 'method', /uppercase/],
    ['a host with a path', { host: 'h/x' }, 'host', /host\[:port\]/],
    ['a lone surrogate in the body', { body: '\uDFFF' }, 'body', /lone UTF-16 surrogate/],
    [
      'an unknown algorithm',
      { algorithm: 'ACS3-HMAC-SM3' as 'ACS3-HMAC-SHA256' },
      'algorithm',
      /ACS3-HMAC-SHA256/,
    ],
  ])('%s', (_name, over, field, rule) => {
    const f = failure(() => node.signV3({ ...v3, ...over }));
    expect(f.field).toBe(field);
    expect(f.message).toMatch(rule);
  });
  it('the async main entry rejects the same input', async () => {
    await expect(main.signV3({ ...v3, host: 'h/x' })).rejects.toThrow(main.SignerInputError);
  });
});

describe('field and rule', () => {
  it.each([
    [
      'a parameter the signer sets',
      () => node.signV2({ ...base, params: { Signature: 'abc' } }),
      'params.Signature',
      'is set by the signer; remove it',
    ],
    [
      'an empty secret',
      () => node.signV2({ ...base, credentials: { accessKeyId: 'ak', accessKeySecret: '' } }),
      'credentials.accessKeySecret',
      /non-empty/,
    ],
    [
      'a clock that throws',
      () =>
        node.signV2({
          ...base,
          params: {},
          clock: () => {
            throw new Error('no time');
          },
        }),
      'clock()',
      'threw (see cause)',
    ],
  ] as const)('%s: carries its field and rule', (_name, f, field, rule) => {
    const e = failure(f);
    expect(e.field).toBe(field);
    expect(e.rule).toMatch(rule);
  });

  it('the constructor sets both, and the message from them', () => {
    const e = new main.SignerInputError('params.X', 'must be a string');
    expect(e).toMatchObject({ field: 'params.X', rule: 'must be a string' });
    expect(e.message).toBe('params.X: must be a string');
  });
});
