/**
 * The node entry's fast paths against the plain ones: the one-pass V1 string-to-sign builder
 * against `rpcStringToSign`, and the one-shot-hash HMAC against `createHmac`, on the characters
 * and keys where a shortcut could go wrong.
 */
import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SignerInputError, rpcStringToSign } from '../src/index.js';
import { nodeCrypto } from '../src/node.js';
import { rpcStringToSignNode } from '../src/rpc-node.js';
import { TRICKY, errorOf } from './fast-path-support.js';

describe('rpcStringToSignNode equals rpcStringToSign', () => {
  it.each(TRICKY.map((s) => [s]))('value and name %j', (s) => {
    const params = { A: `x${s}y`, [`n${s}`]: s, Z: s.repeat(3) };
    for (const method of ['GET', 'POST']) {
      expect(rpcStringToSignNode(method, params)).toEqual(rpcStringToSign(method, params));
    }
  });
  it('keeps 20 comma-separated IDs and a timestamp exact', () => {
    const ids = Array.from({ length: 20 }, (_, i) => `${i}`.padStart(32, 'f')).join(',');
    const params = { ImageIds: ids, Timestamp: '2026-01-02T03:04:05Z', Action: 'DeleteImage' };
    expect(rpcStringToSignNode('POST', params)).toEqual(rpcStringToSign('POST', params));
  });
  it.each([
    ['a lone high surrogate in a value', { V: 'a\uD800b' }, 'params.V'],
    ['a lone low surrogate in a name', { ['x\uDC00']: 'v' }, 'params.x\uDC00'],
  ])('rejects %s with the same error', (_name, params, field) => {
    const fast = errorOf(() => rpcStringToSignNode('GET', params));
    expect(fast).toBeInstanceOf(SignerInputError);
    expect(fast).toEqual(errorOf(() => rpcStringToSign('GET', params)));
    expect((fast as SignerInputError).field).toBe(field);
    expect((fast as SignerInputError).message).toMatch(/lone UTF-16 surrogate/);
  });
});

describe('nodeCrypto HMAC equals createHmac', () => {
  const keys = ['', 'k', 'a'.repeat(64), 'b'.repeat(65), 'sécret', 'nul\0key', '~!@#$%^&*()_+'];
  const data = ['', 'ACS3-HMAC-SHA256\nabc', 'POST&%2F&'.repeat(200), '中文😀'];
  it('for short, block-sized, long, non-ASCII and control-character keys, switching keys', () => {
    for (let round = 0; round < 2; round += 1) {
      for (const key of keys) {
        for (const d of data) {
          expect(nodeCrypto.hmacSha1Base64(key, d)).toBe(
            createHmac('sha1', key).update(d).digest('base64'),
          );
          expect(nodeCrypto.hmacSha256Hex(key, d)).toBe(
            createHmac('sha256', key).update(d).digest('hex'),
          );
        }
      }
    }
  });
  it('hashes empty and non-empty bodies, strings and bytes', () => {
    for (const body of ['', new Uint8Array(), 'a=b', new Uint8Array([0, 255, 128])]) {
      expect(nodeCrypto.sha256Hex(body)).toBe(createHash('sha256').update(body).digest('hex'));
    }
  });
});
