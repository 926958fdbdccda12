/**
 * The node entry's V1 fast path (`signRpcFast`, merged constant names, replaceAll encodings)
 * against the general signer (`signRpcWith`, sorting the whole map and percent-encoding every
 * value): same results, same errors, one nonce per call, on the inputs where a shortcut could go
 * wrong.
 */
import { describe, expect, it } from 'vitest';
import { SignerInputError, signRpcWith } from '../src/index.js';
import type { RpcSignInput } from '../src/index.js';
import { nodeCrypto, signRpc } from '../src/node.js';
import { hmacSha1Base64 } from '../src/node-crypto.js';
import { freshNonce } from '../src/node-nonce.js';
import { signRpcFast } from '../src/rpc-node.js';
import { TRICKY, errorOf } from './fast-path-support.js';

// Names that sort before, between and after the common ones (AccessKeyId … Version).
const NAMES = ['', 'A', 'AccessKeyIdX', 'Actio', 'B', 'SecurityTokens', 'SignatureA', 'SignatureO'];
// Names Object.prototype has: the fast path's map is a plain object until it is complete.
const MORE_NAMES = ['Signaturez', 'Tz', 'Version2', 'Zeta', 'a', 'constructor', 'toString', 'é'];

const base = (over: Partial<RpcSignInput> = {}): RpcSignInput => ({
  method: 'POST',
  action: 'DeleteImage',
  version: '2017-03-21',
  credentials: { accessKeyId: 'ak', accessKeySecret: 'secret' },
  clock: () => 1_767_323_045_000,
  nonce: () => 'nonce-1',
  ...over,
});

/** The general path's result for the same input and nonce. */
const general = (input: RpcSignInput): unknown => signRpcWith(nodeCrypto, input);

describe('signRpc (node fast path) equals the general signer', () => {
  it.each(TRICKY.map((s) => [s]))('value, name, action, version and format %j', (s) => {
    const params = {
      A: `x${s}y`,
      [`n${s}`]: s,
      Z: s.repeat(3),
      ImageIds: `a${s}b,c`,
      [`Signature${s}x`]: s,
    };
    for (const method of ['GET', 'POST'] as const) {
      const input = base({ method, params, action: `Act${s}`, version: `v${s}`, format: `F${s}` });
      const fast = signRpcFast(input, hmacSha1Base64, freshNonce);
      expect(fast).toBeDefined();
      expect(fast).toEqual(general(input));
      expect(Object.keys(fast?.params ?? {})).toEqual(
        Object.keys((general(input) as { params: object }).params),
      );
    }
  });
  it('merges caller names before, between and after the common ones', () => {
    const params = Object.fromEntries([...NAMES, ...MORE_NAMES].map((n, i) => [n, `v${i}`]));
    const token = { securityToken: 'STS.tok:en,=' };
    for (const credentials of [base().credentials, { ...base().credentials, ...token }]) {
      const input = base({ params, credentials });
      const fast = signRpcFast(input, hmacSha1Base64, freshNonce);
      expect(fast).toEqual(general(input));
      expect(Object.getPrototypeOf(fast?.params)).toBeNull();
      expect(Object.keys(fast?.params ?? {})).toEqual(
        Object.keys((general(input) as { params: object }).params),
      );
    }
  });
  it('switches between secrets (the V1 key is reused only for the same secret)', () => {
    for (const secret of ['s1', 's2', 's1', 'x'.repeat(70), 's1']) {
      const input = base({ credentials: { accessKeyId: 'ak', accessKeySecret: secret } });
      expect(signRpcFast(input, hmacSha1Base64, freshNonce)).toEqual(general(input));
    }
  });
  it('skips undefined values and takes no params at all', () => {
    for (const params of [undefined, {}, { A: undefined, B: 'b' }]) {
      const input = base({ params });
      expect(signRpcFast(input, hmacSha1Base64, freshNonce)).toEqual(general(input));
    }
  });
  it('uses the default nonce source and clock', () => {
    const r = signRpc({ ...base(), nonce: undefined, clock: undefined });
    expect(r.nonce).toMatch(/^[0-9a-f]{32}$/);
    expect(r).toEqual(
      general({ ...base(), nonce: () => r.nonce, clock: () => Date.parse(r.timestamp) }),
    );
  });
});

describe('signRpc (node fast path) input checks', () => {
  it.each([
    [
      'a secret with a surrogate pair',
      { credentials: { accessKeyId: 'ak', accessKeySecret: '😀' } },
    ],
    ['a PUT', { method: 'PUT' as 'POST' }],
    ['an empty secret', { credentials: { accessKeyId: 'ak', accessKeySecret: '' } }],
    ['null credentials', { credentials: null as unknown as RpcSignInput['credentials'] }],
    ['an empty action', { action: '' }],
    ['a number version', { version: 2 as unknown as string }],
    ['a number format', { format: 5 as unknown as string }],
    ['params that are a string', { params: 'x' as unknown as RpcSignInput['params'] }],
    ['a number value', { params: { A: 1 as unknown as string } }],
    ['a common parameter', { params: { Timestamp: 'now' } }],
    ['a parameter named __proto__', { params: { ['__proto__']: 'p', A: 'a' } }],
    [
      'a lone surrogate in the token',
      { credentials: { ...base().credentials, securityToken: '\uD800' } },
    ],
  ])('declines %s before taking a nonce, and the general path decides', (_name, over) => {
    let calls = 0;
    const input = base({ ...over, nonce: () => `n${(calls += 1)}` });
    expect(signRpcFast(input, hmacSha1Base64, freshNonce)).toBeUndefined();
    expect(calls).toBe(0);
    const viaEntry = errorOf(() => signRpc(input));
    const viaGeneral = errorOf(() => general(input));
    if (viaGeneral instanceof Error) expect(viaEntry).toEqual(viaGeneral);
    else {
      // Signed by both: compare with one fixed nonce.
      const fixed = { ...input, nonce: () => 'nonce-1' };
      expect(signRpc(fixed)).toEqual(general(fixed));
      expect(Object.keys(signRpc(fixed).params)).toEqual(
        Object.keys((general(fixed) as { params: object }).params),
      );
    }
  });
  it.each<[string, Partial<RpcSignInput>, string]>([
    ['a lone high surrogate in a value', { params: { B: 'ok', V: 'a\uD800b' } }, 'params.V'],
    ['a lone low surrogate in a name', { params: { ['x\uDC00']: 'v', A: '\uD800' } }, 'params.A'],
    ['a lone surrogate in the action', { action: 'a\uDC00' }, 'params.Action'],
    [
      'a lone surrogate in the version',
      { version: '\uD800', params: { W: '\uD800' } },
      'params.Version',
    ],
    ['a nonce with a space', { nonce: () => 'a b' }, 'nonce()'],
  ])('rejects %s with the same error, after one nonce', (_name, over, field) => {
    let calls = 0;
    const counted = over.nonce ?? (() => `n${(calls += 1)}`);
    const input = base({ ...over, nonce: () => counted() });
    const fast = errorOf(() => signRpc(input));
    expect(fast).toBeInstanceOf(SignerInputError);
    expect((fast as SignerInputError).field).toBe(field);
    expect(fast).toEqual(errorOf(() => general(input)));
    if (over.nonce === undefined) expect(calls).toBe(2);
  });
});
