/**
 * The node entry's V3 fast path (`signAcs3Fast`, a fixed signed-header block) against the
 * general signer (`signAcs3With`): same results, same errors, one nonce per call.
 */
import { describe, expect, it } from 'vitest';
import { SignerInputError, signAcs3With } from '../src/index.js';
import type { Acs3SignInput } from '../src/index.js';
import { nodeCrypto, signAcs3 } from '../src/node.js';
import { hmacSha256Hex, sha256Hex } from '../src/node-crypto.js';
import { signAcs3Fast } from '../src/acs3-node.js';
import { freshNonce } from '../src/node-nonce.js';
import { TRICKY, errorOf } from './fast-path-support.js';

const DIGESTS = { sha256Hex, hmacSha256Hex, freshNonce };

const base = (over: Partial<Acs3SignInput> = {}): Acs3SignInput => ({
  method: 'POST',
  host: 'vod.cn-shanghai.aliyuncs.com',
  action: 'DeleteImage',
  version: '2017-03-21',
  credentials: { accessKeyId: 'ak', accessKeySecret: 'secret' },
  clock: () => 1_767_323_045_000,
  nonce: () => 'nonce-1',
  ...over,
});

const general = (input: Acs3SignInput): unknown => signAcs3With(nodeCrypto, input);
const keysOf = (r: unknown, field: 'headers' | 'params'): string[] =>
  Object.keys((r as Record<typeof field, object>)[field]);

describe('signAcs3 (node fast path) equals the general signer', () => {
  it.each(TRICKY.map((s) => [s]))('query and form names and values %j', (s) => {
    const query = {
      A: `x${s}y`,
      [`n${s}`]: s,
      Z: s.repeat(3),
      ImageIds: `a${s}b,c`,
      toString: s,
    };
    const form = { F: `f${s}`, [`m${s}`]: s, '10': s, '2': 'two', constructor: s };
    const token = { ...base().credentials, securityToken: 'STS.tok:en =' };
    for (const over of [
      { query },
      { form },
      { query, form },
      { query, credentials: token, method: 'GET', path: `/p${encodeURIComponent(s)}` },
      { query: {}, form: {} },
      { action: `Act${s}`, version: `v${s}` },
    ]) {
      const input = base(over);
      const fast = signAcs3Fast(input, DIGESTS);
      expect(fast).toBeDefined();
      expect(fast).toEqual(general(input));
      expect(keysOf(fast, 'headers')).toEqual(keysOf(general(input), 'headers'));
      expect(keysOf(fast, 'params')).toEqual(keysOf(general(input), 'params'));
      expect(Object.getPrototypeOf(fast?.params)).toBeNull();
      expect(Object.getPrototypeOf(fast?.headers)).toBeNull();
    }
  });
  it('skips undefined values and uses the default nonce source and clock', () => {
    const r = signAcs3({
      ...base({ query: { A: undefined, B: 'b' } }),
      nonce: undefined,
      clock: undefined,
    });
    expect(r.nonce).toMatch(/^[0-9a-f]{32}$/);
    expect(r).toEqual(
      general(
        base({
          query: { A: undefined, B: 'b' },
          nonce: () => r.nonce,
          clock: () => Date.parse(r.timestamp),
        }),
      ),
    );
  });
});

describe('signAcs3 (node fast path) input checks', () => {
  it.each<[string, Partial<Acs3SignInput>]>([
    ['extra headers', { headers: { 'x-acs-foo': 'bar' } }],
    ['a raw body', { body: 'abc' }],
    ['a body with a form', { body: 'abc', form: { A: 'b' } }],
    ['another algorithm', { algorithm: 'ACS3-HMAC-SM3' as 'ACS3-HMAC-SHA256' }],
    ['a lowercase method', { method: 'post' }],
    ['a host with a path', { host: 'h/x' }],
    ['a relative path', { path: 'x' }],
    [
      'a secret with a surrogate pair',
      { credentials: { accessKeyId: 'ak', accessKeySecret: '😀' } },
    ],
    ['an empty id', { credentials: { accessKeyId: '', accessKeySecret: 's' } }],
    [
      'a token with a newline',
      { credentials: { accessKeyId: 'a', accessKeySecret: 's', securityToken: 'a\nb' } },
    ],
    ['an empty action', { action: '' }],
    ['a number version', { version: 2 as unknown as string }],
    ['a string query', { query: 'x' as unknown as Acs3SignInput['query'] }],
    ['a number form value', { form: { A: 1 as unknown as string } }],
    ['a name in query and form', { query: { A: 'q' }, form: { A: 'f' } }],
    ['a query name __proto__', { query: { ['__proto__']: 'p', A: 'a' } }],
    ['a form name __proto__', { form: { ['__proto__']: 'p' } }],
    ['a lone surrogate in a query value', { query: { B: 'ok', V: 'a\uD800b' } }],
    ['a lone surrogate in a form name', { query: { A: '\uD800' }, form: { ['x\uDC00']: 'v' } }],
  ])('declines %s before taking a nonce, and the general path decides', (_name, over) => {
    let calls = 0;
    const input = base({ ...over, nonce: () => `n${(calls += 1)}` });
    expect(signAcs3Fast(input, DIGESTS)).toBeUndefined();
    expect(calls).toBe(0);
    const viaEntry = errorOf(() => signAcs3(input));
    const viaGeneral = errorOf(() => general(input));
    if (viaGeneral instanceof Error) expect(viaEntry).toEqual(viaGeneral);
    else {
      // Signed by both: compare with one fixed nonce.
      const fixed = { ...input, nonce: () => 'nonce-1' };
      expect(signAcs3(fixed)).toEqual(general(fixed));
      expect(Object.getPrototypeOf(signAcs3(fixed).params)).toBeNull();
    }
  });
  it('rejects a nonce with a space with the same error, after one nonce', () => {
    const input = base({ nonce: () => 'a b' });
    const fast = errorOf(() => signAcs3(input));
    expect(fast).toBeInstanceOf(SignerInputError);
    expect((fast as SignerInputError).field).toBe('nonce()');
    expect(fast).toEqual(errorOf(() => general(input)));
  });
});
