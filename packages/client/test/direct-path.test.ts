/**
 * Without middleware, `deleteImage` skips openapi-fetch's Request/Headers/Response and calls the
 * retry loop directly. These tests hold the two paths to the same answers, and check that
 * middleware registered either way (`use` or `raw.use`) switches to the openapi-fetch path.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Middleware } from 'openapi-fetch';
import type { RunningEmulator } from '@vodkit/emulator';
import type { DeleteImageRequest } from '@vodkit/types';
import { createVodClient as createWebClient } from '../src/index.ts';
import { createVodClient } from '../src/node.ts';
import type { VodClient, VodClientOptions } from '../src/node.ts';
import { DEFAULT_EMULATOR_CREDENTIALS, FAST_RETRY, emulator, nonceOf } from './support.ts';

let vod: RunningEmulator;
beforeAll(async () => {
  vod = await emulator({ qps: Infinity });
});
afterAll(async () => {
  await vod.close();
});
beforeEach(() => {
  vod.state.reset();
  vod.faults.set({});
  vod.state.add([
    { imageId: 'img1', url: 'https://media.example.com/img1.png' },
    { imageId: 'img2', url: 'https://media.example.com/img2.png' },
  ]);
});

const REQUEST: DeleteImageRequest = { DeleteImageType: 'ImageId', ImageIds: ['img1'] };
// A middleware that changes nothing: its presence alone selects the openapi-fetch path.
const passThrough = (seen: string[]): Middleware => ({
  onRequest({ request }) {
    seen.push(request.method);
    return undefined;
  },
});

type Variant = [string, (o: Partial<Omit<VodClientOptions, 'throwOnError'>>) => VodClient];
const VARIANTS: Variant[] = [
  ['node', (o) => createVodClient({ endpoint: vod.url, retry: FAST_RETRY, ...o })],
  [
    'fetch',
    (o) =>
      createWebClient({
        endpoint: vod.url,
        credentials: DEFAULT_EMULATOR_CREDENTIALS,
        retry: FAST_RETRY,
        ...o,
      }),
  ],
];

describe.each(VARIANTS)('%s transport', (_name, make) => {
  for (const signatureAlgorithm of ['ACS3-HMAC-SHA256', 'HMAC-SHA1'] as const) {
    for (const method of ['POST', 'GET'] as const) {
      const base = { credentials: DEFAULT_EMULATOR_CREDENTIALS, signatureAlgorithm, method };

      it(`${signatureAlgorithm} ${method}: direct and middleware paths answer alike`, async () => {
        const direct = make(base);
        const seen: string[] = [];
        const viaRaw = make(base);
        (await viaRaw.raw()).use(passThrough(seen));
        const viaUse = make(base);
        viaUse.use(passThrough(seen));

        const ok = await direct.deleteImage(REQUEST);
        expect(ok.data?.requestId).toBeTypeOf('string');
        expect(
          (await viaRaw.deleteImage({ DeleteImageType: 'ImageId', ImageIds: ['img2'] })).data,
        ).toBeDefined();
        expect(seen).toEqual([method]);

        // Same failure both ways: retried with fresh nonces, then the same error fields.
        const failures = [];
        for (const c of [direct, viaUse]) {
          vod.state.reset();
          vod.faults.failNext(2, 'InternalError');
          const { error } = await c.deleteImage(REQUEST, { context: { maxAttempts: 2 } });
          const sent = vod.requests();
          expect(new Set(sent.map(nonceOf)).size).toBe(2);
          failures.push({
            kind: error?.kind,
            code: error?.code,
            httpStatus: error?.httpStatus,
            retryable: error?.retryable,
            attempts: error?.attempts,
          });
        }
        expect(seen).toEqual([method, method]);
        expect(failures[0]).toEqual({
          kind: 'server',
          code: 'InternalError',
          httpStatus: 500,
          retryable: true,
          attempts: 2,
        });
        expect(failures[1]).toEqual(failures[0]);
      });
    }
  }

  it('the direct path sends userAgent, and the request verifies', async () => {
    const c = make({ credentials: DEFAULT_EMULATOR_CREDENTIALS, userAgent: 'vodkit-test/1' });
    const { data } = await c.deleteImage(REQUEST);
    expect(data).toBeDefined();
    const [sent] = vod.requests();
    expect(sent?.headers['user-agent']).toBe('vodkit-test/1');
  });

  it('raw POST and GET send the validated wire form through the retry loop', async () => {
    const c = make({ credentials: DEFAULT_EMULATOR_CREDENTIALS });
    vod.faults.failNext(1, 'InternalError');
    const raw = await c.raw();
    const post = await raw.POST('/', { body: REQUEST });
    expect(post.data?.RequestId).toBeTypeOf('string');
    const get = await raw.GET('/', {
      params: { query: { DeleteImageRequest: { DeleteImageType: 'ImageId', ImageIds: ['img2'] } } },
    });
    expect(get.data?.RequestId).toBeTypeOf('string');
    expect(vod.requests().map((r) => r.params['ImageIds'])).toEqual(['img1', 'img1', 'img2']);
    await expect(
      raw.POST('/', { body: { DeleteImageType: 'ImageId', ImageIds: ['a,b'] } }),
    ).rejects.toMatchObject({ code: 'ValidationFailed', field: 'ImageIds[0]' });
  });
});
