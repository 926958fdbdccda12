/**
 * The client's two paths to one send loop: without middleware `deleteImage` calls the send
 * loop directly; once middleware is registered (`use` or `raw().use`) calls go through
 * openapi-fetch with real Request and Response objects. These tests hold the two paths to the
 * same answers in every scenario, and hold the openapi-fetch path to openapi-fetch's documented
 * patterns (clone, read, replace the request or the response, answer without sending).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Middleware } from 'openapi-fetch';
import type { FaultKind, RunningEmulator } from '@vodkit/emulator';
import type { DeleteImageRequest } from '@vodkit/types';
import { createVodClient as createWebClient } from '../src/index.ts';
import { createVodClient } from '../src/node/index.ts';
import type { DeleteImageOutcome, VodClient, VodClientOptions } from '../src/node/index.ts';
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

/** An outcome as a caller can see it: everything but the request ID's value. */
const visible = (o: DeleteImageOutcome): unknown =>
  o.error === undefined
    ? { data: typeof o.data.requestId }
    : {
        error: {
          name: o.error.name,
          kind: o.error.kind,
          code: o.error.code,
          message: o.error.message,
          httpStatus: o.error.httpStatus,
          retryable: o.error.retryable,
          attempts: o.error.attempts,
          possiblyApplied: o.error.possiblyApplied,
        },
      };

/** What a scenario sets up, the request it sends, and the answer the direct path must give. */
interface Scenario {
  readonly faults?: readonly [count: number, fault: FaultKind];
  readonly gone?: boolean;
  readonly request?: DeleteImageRequest;
  readonly expected: Record<string, unknown>;
}
const SCENARIOS: Readonly<Record<string, Scenario>> = {
  'a delete': { expected: { data: 'string' } },
  'an image already gone': {
    gone: true,
    expected: { error: { code: 'NoSuchResource', httpStatus: 404, attempts: 1 } },
  },
  'a server error, retried, then given up': {
    faults: [3, 'InternalError'],
    expected: { error: { code: 'InternalError', attempts: 3, possiblyApplied: false } },
  },
  'throttled twice, then a delete': {
    faults: [2, 'Throttling.User'],
    expected: { data: 'string' },
  },
  'a reset connection every time': {
    faults: [3, 'reset'],
    expected: { error: { code: 'NetworkError', attempts: 3, possiblyApplied: true } },
  },
  'a reset, then an image already gone': {
    gone: true,
    faults: [1, 'reset'],
    expected: { error: { code: 'NoSuchResource', attempts: 2, possiblyApplied: true } },
  },
  'a cut 200, then a delete': { faults: [1, 'truncated'], expected: { data: 'string' } },
  'a garbled 200 every time': {
    faults: [3, 'malformed-json'],
    expected: { error: { code: 'NetworkError', attempts: 3, possiblyApplied: true } },
  },
  'an invalid request': {
    request: { DeleteImageType: 'ImageId', ImageIds: ['a\nb'] },
    expected: { error: { code: 'ValidationFailed', kind: 'validation' } },
  },
};

describe.each(VARIANTS)('%s transport', (_name, make) => {
  for (const signatureAlgorithm of ['ACS3-HMAC-SHA256', 'HMAC-SHA1'] as const) {
    for (const method of ['POST', 'GET'] as const) {
      it(`${signatureAlgorithm} ${method}: both paths answer every scenario alike`, async () => {
        const base = { credentials: DEFAULT_EMULATOR_CREDENTIALS, signatureAlgorithm, method };
        const direct = make(base);
        const seen: string[] = [];
        const viaMiddleware = make(base);
        viaMiddleware.use(passThrough(seen));
        for (const [name, s] of Object.entries(SCENARIOS)) {
          const answers = [];
          for (const c of [direct, viaMiddleware]) {
            vod.state.reset();
            vod.state.add([{ imageId: 'img1', url: 'https://media.example.com/img1.png' }]);
            if (s.gone === true) vod.state.reset();
            vod.faults.set(
              s.faults === undefined
                ? {}
                : { failNext: { count: s.faults[0], fault: s.faults[1] } },
            );
            const outcome = visible(
              await c.deleteImage(s.request ?? REQUEST, { context: { maxAttempts: 3 } }),
            );
            answers.push({
              outcome,
              sent: vod.requests().length,
              left: vod.state.images().map((i) => i.imageId),
            });
          }
          expect(answers[0]?.outcome, name).toMatchObject(s.expected);
          expect(answers[1], name).toEqual(answers[0]);
        }
        expect(seen.length).toBe(Object.keys(SCENARIOS).length - 1);
      });
    }
  }

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
    expect(sent?.headers['user-agent']).toMatch(/^vodkit\/\S+ \(node\/[^)]+\) vodkit-test\/1$/);
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

describe("the openapi-fetch path follows openapi-fetch's documented patterns", () => {
  const make = (o: Partial<Omit<VodClientOptions, 'throwOnError'>> = {}): VodClient =>
    createVodClient({
      endpoint: vod.url,
      credentials: DEFAULT_EMULATOR_CREDENTIALS,
      retry: FAST_RETRY,
      ...o,
    });

  it('a middleware that clones and reads the response leaves a delete a success', async () => {
    const c = make();
    const read: unknown[] = [];
    c.use({
      async onResponse({ response }) {
        read.push(await response.clone().json());
        return undefined;
      },
    });
    const { data, error } = await c.deleteImage(REQUEST);
    expect(error).toBeUndefined();
    expect(read).toEqual([{ RequestId: data?.requestId }]);
    expect(vod.state.images().map((i) => i.imageId)).toEqual(['img2']);

    vod.state.reset();
    const gone = await c.deleteImage(REQUEST);
    expect(gone.error?.code).toBe('NoSuchResource');
    expect(read[1]).toMatchObject({ Code: 'NoSuchResource', RequestId: gone.error?.requestId });
  });

  it('the response is a real Response with the headers the service sent', async () => {
    const c = make();
    const seen: { isResponse: boolean; type: string | null; status: number }[] = [];
    c.use({
      onResponse({ response }) {
        seen.push({
          isResponse: response instanceof Response,
          type: response.headers.get('content-type'),
          status: response.status,
        });
        return undefined;
      },
    });
    await c.deleteImage(REQUEST);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ isResponse: true, status: 200 });
    expect(seen[0]?.type).toMatch(/json/);
  });

  it('a replaced response decides the outcome', async () => {
    const c = make();
    c.use({
      onResponse() {
        return new Response(JSON.stringify({ Code: 'Forbidden.RAM', Message: 'denied' }), {
          status: 403,
          headers: { 'content-type': 'application/json' },
        });
      },
    });
    const { error } = await c.deleteImage(REQUEST);
    expect(error).toMatchObject({ code: 'Forbidden.RAM', httpStatus: 403, attempts: 1 });
  });

  it('a replaced request is the one signed and sent, and carries no vodkit keys', async () => {
    for (const signatureAlgorithm of ['ACS3-HMAC-SHA256', 'HMAC-SHA1'] as const) {
      vod.state.reset();
      vod.state.add([{ imageId: 'img2', url: 'https://media.example.com/img2.png' }]);
      const c = make({ signatureAlgorithm });
      const keys: string[] = [];
      c.use({
        onRequest({ request }) {
          for (const key in request) if (key.startsWith('vodkit')) keys.push(key);
          const headers = new Headers(request.headers);
          headers.set('x-acs-trace', 'trace-2');
          // A middleware may send a different request: here, another image.
          return new Request(request.url, {
            method: request.method,
            headers,
            body: 'DeleteImageType=ImageId&ImageIds=img2',
          });
        },
      });
      const { data, error } = await c.deleteImage(REQUEST);
      expect(error).toBeUndefined();
      expect(data?.requestId).toBeTypeOf('string');
      expect(keys).toEqual([]);
      const [sent] = vod.requests();
      expect(sent?.headers['x-acs-trace']).toBe('trace-2');
      expect(sent?.params['ImageIds']).toBe('img2');
      expect(vod.state.images()).toEqual([]);
    }
  });

  it('a middleware may answer by itself: nothing is sent', async () => {
    const c = make();
    c.use({
      onRequest() {
        return new Response(JSON.stringify({ RequestId: 'from-middleware' }), { status: 200 });
      },
    });
    const { data } = await c.deleteImage(REQUEST);
    expect(data).toEqual({ requestId: 'from-middleware' });
    expect(vod.requests()).toHaveLength(0);
  });

  it('a 2xx without a RequestId from middleware is an error, not a success', async () => {
    const c = make();
    c.use({ onResponse: () => new Response('{}', { status: 200 }) });
    const { error } = await c.deleteImage(REQUEST);
    expect(error).toMatchObject({ code: 'NetworkError', possiblyApplied: true });
  });

  it('onError sees the typed error and may answer instead', async () => {
    const c = make({ retry: { ...FAST_RETRY, maxAttempts: 2 } });
    const errors: unknown[] = [];
    c.use({
      onError({ error }) {
        errors.push(error);
        return new Response(JSON.stringify({ RequestId: 'recovered' }), { status: 200 });
      },
    });
    vod.faults.failNext(2, 'reset');
    const { data } = await c.deleteImage(REQUEST);
    expect(data).toEqual({ requestId: 'recovered' });
    expect(errors).toEqual([expect.objectContaining({ code: 'NetworkError', attempts: 2 })]);
  });

  it('a transport of your own without headerEntries still shows the headers the client reads', async () => {
    const c = createVodClient({
      endpoint: 'http://127.0.0.1:1',
      credentials: DEFAULT_EMULATOR_CREDENTIALS,
      transport: () =>
        Promise.resolve({
          status: 200,
          header: (name: string) => (name === 'content-type' ? 'application/json' : null),
          body: '{"RequestId":"custom"}',
        }),
    });
    const types: (string | null)[] = [];
    c.use({
      onResponse({ response }) {
        types.push(response.headers.get('content-type'));
        return undefined;
      },
    });
    expect((await c.deleteImage(REQUEST)).data).toEqual({ requestId: 'custom' });
    expect(types).toEqual(['application/json']);
  });
});
