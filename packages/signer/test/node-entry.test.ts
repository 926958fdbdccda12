/**
 * The node entry is the same signer as the WebCrypto entries with synchronous node:crypto injected:
 * equal results for equal inputs, synchronously, a fresh nonce per call, and nothing carried
 * from one key's signature into the next.
 */
import { describe, expect, it } from 'vitest';
import * as web from '../src/index.js';
import * as node from '../src/node.js';
import * as v2Entry from '../src/v2-entry.js';

const credentials = { accessKeyId: 'ak', accessKeySecret: 'secret' };
const fixed = { clock: () => 1_767_323_045_000, nonce: () => 'nonce-1' };
const params = { DeleteImageType: 'ImageId', ImageIds: 'a,b é' };

describe('@vodkit/signer/node', () => {
  it('signs V2 and V3 synchronously, exactly as the WebCrypto entries do', async () => {
    const v2 = {
      method: 'POST' as const,
      action: 'DeleteImage',
      version: '2017-03-21',
      params,
      credentials,
      ...fixed,
    };
    const v3 = {
      method: 'POST',
      host: 'vod.cn-shanghai.aliyuncs.com',
      action: 'DeleteImage',
      version: '2017-03-21',
      form: params,
      credentials,
      ...fixed,
    };
    const nodeV2 = node.signV2(v2);
    const nodeV3 = node.signV3(v3);
    expect(nodeV2).not.toBeInstanceOf(Promise);
    expect(nodeV3).not.toBeInstanceOf(Promise);
    expect(nodeV2).toEqual(await v2Entry.signV2(v2));
    expect(nodeV3).toEqual(await web.signV3(v3));
  });

  it('draws a fresh nonce per call by default', () => {
    const input = {
      method: 'GET' as const,
      action: 'DeleteImage',
      version: '2017-03-21',
      params,
      credentials,
    };
    const nonces = new Set(
      Array.from({ length: 200 }, () => node.signV2(input).params['SignatureNonce']),
    );
    expect(nonces.size).toBe(200);
  });

  it('keeps nothing of one key for the next: alternating secrets sign as they would alone', async () => {
    const other = { accessKeyId: 'ak2', accessKeySecret: 'another-secret' };
    const input = (c: typeof credentials) => ({
      method: 'GET' as const,
      action: 'DeleteImage',
      version: '2017-03-21',
      params,
      credentials: c,
      ...fixed,
    });
    const alone = [await v2Entry.signV2(input(credentials)), await v2Entry.signV2(input(other))];
    for (let i = 0; i < 3; i += 1) {
      expect(node.signV2(input(credentials)).signature).toBe(alone[0]?.signature);
      expect(node.signV2(input(other)).signature).toBe(alone[1]?.signature);
    }
  });

  it('names bad input as the general signer does, also for input that is not an object', () => {
    expect(() => node.signV2(null as unknown as Parameters<typeof node.signV2>[0])).toThrow(
      web.SignerInputError,
    );
    expect(() => node.signV3(7 as unknown as Parameters<typeof node.signV3>[0])).toThrow(
      web.SignerInputError,
    );
  });
});
