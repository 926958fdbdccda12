/**
 * HTTP behaviour against the real emulator on port 0: every variant, both algorithms, both
 * methods, all three transports, STS; faults retried with fresh nonces; non-retryable errors at once.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '@vodkit/emulator';
import type { DeleteImageRequest } from '@vodkit/types';
import { createVodClient as createWebClient } from '../src/index.ts';
import {
  VodClientError,
  VodNetworkError,
  VodServerError,
  VodThrottlingError,
  VodTimeoutError,
  VodValidationError,
  createVodClient,
  nodeTransport,
} from '../src/node/index.ts';
import type { VodClientOptions, VodCredentials, VodError } from '../src/node/index.ts';
import { DEFAULT_EMULATOR_CREDENTIALS, FAST_RETRY, emulator, nonceOf } from './support.ts';

const STS: VodCredentials = {
  accessKeyId: 'STS.vodkitTemporaryKey',
  accessKeySecret: 'sts-secret-value-never-shown',
  securityToken: 'sts-token-value-never-shown',
};
const HOUR = 3_600_000;

let vod: RunningEmulator;
beforeAll(async () => {
  vod = await emulator({
    qps: Infinity,
    stsTokens: [
      {
        ...STS,
        securityToken: STS.securityToken ?? '',
        expiresAt: Date.now() + HOUR,
        accountId: '1',
      },
    ],
    accounts: [
      {
        accountId: '1',
        accessKeys: [
          DEFAULT_EMULATOR_CREDENTIALS,
          { accessKeyId: 'LTAIdisabled', accessKeySecret: 'x', active: false },
          {
            accessKeyId: 'LTAIreadonly',
            accessKeySecret: 'y',
            policy: { deny: ['vod:DeleteImage'] },
          },
        ],
      },
    ],
  });
});
afterAll(async () => {
  await vod.close();
});
beforeEach(() => {
  vod.state.reset();
  vod.faults.set({});
});

const seed = (): void => {
  vod.state.add([
    { imageId: 'img1', url: 'https://media.example.com/img1.png' },
    { imageId: 'img2', url: 'https://media.example.com/img2.png' },
    { imageId: 'snap1', videoId: 'vid1', kind: 'CoverSnapshot' },
    { imageId: 'snap2', videoId: 'vid1', kind: 'NormalSnapshot' },
  ]);
};

const client = (o: Partial<Omit<VodClientOptions, 'throwOnError'>> = {}) =>
  createVodClient({
    endpoint: vod.url,
    credentials: DEFAULT_EMULATOR_CREDENTIALS,
    retry: FAST_RETRY,
    ...o,
  });

const VARIANTS: { name: string; request: DeleteImageRequest; gone: string[] }[] = [
  {
    name: 'ImageId',
    request: { DeleteImageType: 'ImageId', ImageIds: ['img1', 'img2'] },
    gone: ['img1', 'img2'],
  },
  {
    name: 'ImageURL',
    request: {
      DeleteImageType: 'ImageURL',
      ImageURLs: ['https://media.example.com/img1.png', 'https://media.example.com/img2.png'],
    },
    gone: ['img1', 'img2'],
  },
  {
    name: 'VideoId',
    request: { DeleteImageType: 'VideoId', VideoId: 'vid1', ImageType: ['CoverSnapshot'] },
    gone: ['snap1'],
  },
];

const createHttpClient = (
  options: Parameters<typeof createVodClient>[0],
): ReturnType<typeof createVodClient> =>
  createVodClient({ ...options, transport: nodeTransport() });

describe.each([
  ['socket transport (Node default)', createVodClient],
  ['node:http transport', createHttpClient],
  ['global fetch', createWebClient],
] as const)('%s', (_name, create) => {
  for (const algorithm of ['ACS3-HMAC-SHA256', 'HMAC-SHA1'] as const) {
    for (const method of ['POST', 'GET'] as const) {
      for (const credentials of [DEFAULT_EMULATOR_CREDENTIALS, STS]) {
        const who = credentials === STS ? 'STS' : 'AK';
        it(`${algorithm} ${method} ${who}: every variant deletes`, async () => {
          const c = create({
            endpoint: vod.url,
            credentials,
            signatureAlgorithm: algorithm,
            method,
          });
          for (const v of VARIANTS) {
            seed();
            const { data, error } = await c.deleteImage(v.request);
            expect(error, v.name).toBeUndefined();
            expect(data?.requestId).toMatch(/^[0-9A-F-]{36}$/);
            for (const id of v.gone) expect(vod.state.has(id), `${v.name} ${id}`).toBe(false);
          }
          const seen = vod.requests().slice(-3);
          expect(seen.map((r) => [r.method, r.algorithm, r.status])).toEqual(
            Array.from({ length: 3 }, () => [method, algorithm, 200]),
          );
          expect(seen.every((r) => r.accessKeyId === credentials.accessKeyId)).toBe(true);
        });
      }
    }
  }
});

describe('retryable faults are retried with fresh nonces', () => {
  const faults = [
    'InternalError',
    'ServiceUnavailable',
    'Throttling.User',
    'Throttling.Api',
    { code: 'BadGateway', httpStatus: 502 },
    { code: 'GatewayTimeout', httpStatus: 504 },
    'reset',
    'malformed-json',
    'truncated',
  ];
  for (const fault of faults) {
    const label = typeof fault === 'string' ? fault : `${fault.code} ${fault.httpStatus}`;
    for (const algorithm of ['ACS3-HMAC-SHA256', 'HMAC-SHA1'] as const) {
      it(`${label} twice, then success (${algorithm})`, async () => {
        seed();
        vod.faults.failNext(2, fault);
        const { data, error } = await client({ signatureAlgorithm: algorithm }).deleteImage({
          DeleteImageType: 'ImageId',
          ImageIds: ['img1'],
        });
        expect(error).toBeUndefined();
        expect(data?.requestId).toBeTypeOf('string');
        expect(vod.state.has('img1')).toBe(false);
        const seen = vod.requests();
        expect(seen).toHaveLength(3);
        expect(seen.map((r) => r.fault !== undefined)).toEqual([true, true, false]);
        expect(new Set(seen.map(nonceOf)).size).toBe(3);
      });
    }
  }

  it('gives up after maxAttempts with the right class and fields', async () => {
    vod.faults.failNext(10, 'ServiceUnavailable');
    const { error } = await client({ retry: { ...FAST_RETRY, maxAttempts: 3 } }).deleteImage({
      DeleteImageType: 'ImageId',
      ImageIds: ['img1'],
    });
    expect(error).toBeInstanceOf(VodServerError);
    expect(error).toMatchObject({
      code: 'ServiceUnavailable',
      httpStatus: 503,
      retryable: true,
      attempts: 3,
    });
    expect(error?.requestId).toBeTypeOf('string');
    expect(error?.hostId).toBeTypeOf('string');
    expect(vod.requests()).toHaveLength(3);

    vod.faults.failNext(10, 'Throttling.User');
    const throttled = await client({ retry: { ...FAST_RETRY, maxAttempts: 2 } }).deleteImage({
      DeleteImageType: 'ImageId',
      ImageIds: ['img1'],
    });
    expect(throttled.error).toBeInstanceOf(VodThrottlingError);
    expect(throttled.error).toMatchObject({
      code: 'Throttling.User',
      httpStatus: 400,
      attempts: 2,
    });

    vod.faults.failNext(10, 'reset');
    const reset = await client({ retry: { ...FAST_RETRY, maxAttempts: 2 } }).deleteImage({
      DeleteImageType: 'ImageId',
      ImageIds: ['img1'],
    });
    expect(reset.error).toBeInstanceOf(VodNetworkError);
    expect(reset.error).toMatchObject({ code: 'NetworkError', attempts: 2, retryable: true });
  });

  it('honours x-acs-retry-after', async () => {
    seed();
    vod.faults.set({ failNext: { count: 1, fault: 'Throttling.User' }, retryAfterMs: 300 });
    const started = performance.now();
    const { error } = await client({ retry: { ...FAST_RETRY, maxDelayMs: 5000 } }).deleteImage({
      DeleteImageType: 'ImageId',
      ImageIds: ['img1'],
    });
    expect(error).toBeUndefined();
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });
});

describe('non-retryable errors come back at once', () => {
  const cases: [string, Partial<VodClientOptions>, string, number, typeof VodClientError][] = [
    [
      'wrong secret',
      { credentials: { ...DEFAULT_EMULATOR_CREDENTIALS, accessKeySecret: 'wrong-secret-xyz' } },
      'SignatureDoesNotMatch',
      400,
      VodClientError,
    ],
    [
      'unknown key',
      { credentials: { accessKeyId: 'LTAInope', accessKeySecret: 'z' } },
      'InvalidAccessKeyId.NotFound',
      404,
      VodClientError,
    ],
    [
      'disabled key',
      { credentials: { accessKeyId: 'LTAIdisabled', accessKeySecret: 'x' } },
      'InvalidAccessKeyId.Inactive',
      400,
      VodClientError,
    ],
    [
      'RAM deny',
      { credentials: { accessKeyId: 'LTAIreadonly', accessKeySecret: 'y' } },
      'Forbidden.RAM',
      403,
      VodClientError,
    ],
    [
      'bad STS token',
      { credentials: { ...STS, securityToken: 'forged-token-value' } },
      'InvalidSecurityToken',
      400,
      VodClientError,
    ],
    ['a missing image', {}, 'NoSuchResource', 404, VodClientError],
  ];
  for (const [name, options, code, status, cls] of cases) {
    for (const algorithm of ['ACS3-HMAC-SHA256', 'HMAC-SHA1'] as const) {
      it(`${name} (${algorithm}): ${code}`, async () => {
        const { data, error } = await client({
          ...options,
          signatureAlgorithm: algorithm,
        }).deleteImage({
          DeleteImageType: 'ImageId',
          ImageIds: ['img1'],
        });
        expect(data).toBeUndefined();
        expect(error).toBeInstanceOf(cls);
        if (error === undefined) return;
        const e: VodError = error;
        expect(e.code.startsWith(code)).toBe(true);
        expect(e).toMatchObject({
          httpStatus: status,
          retryable: false,
          attempts: 1,
          kind: 'client',
        });
        expect(e.requestId).toBeTypeOf('string');
        expect(vod.requests()).toHaveLength(1);
        const c = (options.credentials ?? DEFAULT_EMULATOR_CREDENTIALS) as VodCredentials;
        for (const secret of [c.accessKeySecret, c.securityToken ?? c.accessKeySecret]) {
          expect(e.message).not.toContain(secret);
        }
        expect(e.message).not.toMatch(/string to sign|Signature=|https?:\/\//);
      });
    }
  }

  it('throwOnError rejects with the same error, and returns { requestId } on success', async () => {
    seed();
    const ok = await createVodClient({
      endpoint: vod.url,
      credentials: DEFAULT_EMULATOR_CREDENTIALS,
      throwOnError: true,
    }).deleteImage({
      DeleteImageType: 'ImageId',
      ImageIds: ['img1'],
    });
    expect(ok.requestId).toBeTypeOf('string');
    await expect(
      createVodClient({
        endpoint: vod.url,
        credentials: { accessKeyId: 'LTAInope', accessKeySecret: 'z' },
        throwOnError: true,
      }).deleteImage({ DeleteImageType: 'ImageId', ImageIds: ['img1'] }),
    ).rejects.toMatchObject({ code: 'InvalidAccessKeyId.NotFound', attempts: 1 });
  });

  it('an invalid request never reaches the network', async () => {
    const { error } = await client().deleteImage({
      DeleteImageType: 'ImageId',
      ImageIds: ['a,b'],
    });
    expect(error).toMatchObject({ kind: 'validation', field: 'ImageIds[0]', attempts: 0 });
    expect(vod.requests()).toHaveLength(0);
  });
});

describe('clock skew', () => {
  it('corrects the clock from the Date header after InvalidTimeStamp.Expired, once', async () => {
    const skewed = await emulator({ now: () => Date.now() + 2 * HOUR });
    try {
      const c = createVodClient({
        endpoint: skewed.url,
        credentials: DEFAULT_EMULATOR_CREDENTIALS,
        retry: { maxAttempts: 1 },
      });
      skewed.state.add([{ imageId: 'k1' }]);
      const first = await c.deleteImage({ DeleteImageType: 'ImageId', ImageIds: ['k1'] });
      // One attempt allowed: the skew error comes back, but the clock is corrected for the next call.
      expect(first.error).toMatchObject({ code: 'InvalidTimeStamp.Expired', retryable: false });
      const second = await c.deleteImage({ DeleteImageType: 'ImageId', ImageIds: ['k1'] });
      expect(second.error).toBeUndefined();
      const c2 = createVodClient({
        endpoint: skewed.url,
        credentials: DEFAULT_EMULATOR_CREDENTIALS,
        signatureAlgorithm: 'HMAC-SHA1',
      });
      skewed.state.add([{ imageId: 'k2' }]);
      const retried = await c2.deleteImage({ DeleteImageType: 'ImageId', ImageIds: ['k2'] });
      expect(retried.error).toBeUndefined();
      const seen = skewed.requests().slice(-2);
      expect(seen.map((r) => r.code)).toEqual(['InvalidTimeStamp.Expired', undefined]);
    } finally {
      await skewed.close();
    }
  });
});

describe('timeouts and aborts', () => {
  it('times out each attempt and reports a timeout error after the last', async () => {
    vod.faults.set({ latencyMs: 1500 });
    const started = performance.now();
    const { error } = await client({
      timeoutMs: 150,
      retry: { ...FAST_RETRY, maxAttempts: 2 },
    }).deleteImage({
      DeleteImageType: 'ImageId',
      ImageIds: ['img1'],
    });
    expect(error).toBeInstanceOf(VodTimeoutError);
    expect(error).toMatchObject({ code: 'Timeout', attempts: 2, retryable: true });
    expect(performance.now() - started).toBeLessThan(1400);
  });

  it('a timed-out attempt is retried and can then succeed', async () => {
    seed();
    vod.faults.set({ latencyMs: 1500 });
    const c = client({ timeoutMs: 200, retry: { ...FAST_RETRY, maxAttempts: 3 } });
    const pending = c.deleteImage({ DeleteImageType: 'ImageId', ImageIds: ['img1'] });
    await new Promise((r) => setTimeout(r, 100));
    vod.faults.set({});
    const { error } = await pending;
    expect(error).toBeUndefined();
  });

  for (const [name, create] of [
    ['socket transport', createVodClient],
    ['node:http transport', createHttpClient],
    ['global fetch', createWebClient],
  ] as const) {
    it(`a caller abort is not retried and rejects as an abort (${name})`, async () => {
      vod.faults.set({ latencyMs: 1000 });
      const controller = new AbortController();
      const c = create({
        endpoint: vod.url,
        credentials: DEFAULT_EMULATOR_CREDENTIALS,
        retry: FAST_RETRY,
      });
      const pending = c.deleteImage(
        { DeleteImageType: 'ImageId', ImageIds: ['img1'] },
        { signal: controller.signal },
      );
      setTimeout(() => {
        controller.abort();
      }, 100);
      await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
      await new Promise((r) => setTimeout(r, 50));
      expect(vod.requests().length).toBeLessThanOrEqual(1);
    });
  }

  it('an already-aborted signal sends nothing', async () => {
    const c = client();
    await expect(
      c.deleteImage(
        { DeleteImageType: 'ImageId', ImageIds: ['img1'] },
        { signal: AbortSignal.abort() },
      ),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(vod.requests()).toHaveLength(0);
  });
});

describe('openapi-fetch middleware and dry runs', () => {
  it('raw middleware runs once per call; its headers are sent (and signed under V3)', async () => {
    seed();
    vod.faults.failNext(1, 'InternalError');
    const c = client();
    let calls = 0;
    c.use({
      onRequest({ request }) {
        calls++;
        request.headers.set('x-acs-trace', 'trace-1');
        return undefined;
      },
    });
    const { error } = await c.deleteImage({ DeleteImageType: 'ImageId', ImageIds: ['img1'] });
    expect(error).toBeUndefined();
    expect(calls).toBe(1);
    const seen = vod.requests();
    expect(seen).toHaveLength(2);
    expect(seen.map((r) => r.headers['x-acs-trace'])).toEqual(['trace-1', 'trace-1']);
  });

  it('dryRun returns the signed request, redacted unless asked, and sends nothing', async () => {
    const c = client({ credentials: STS, signatureAlgorithm: 'HMAC-SHA1', method: 'GET' });
    const req = { DeleteImageType: 'ImageId', ImageIds: ['img1', 'img2'] } as const;
    const dry = await c.dryRun(req);
    expect(dry.method).toBe('GET');
    expect(dry.url).toContain('ImageIds=img1%2Cimg2');
    expect(dry.url).toContain('Signature=***');
    expect(dry.url).not.toContain(STS.securityToken);
    const raw = await c.dryRun(req, { revealSecrets: true });
    expect(raw.url).toContain(`SecurityToken=${STS.securityToken ?? ''}`);
    expect(JSON.stringify([dry, raw])).not.toContain(STS.accessKeySecret);
    const v3 = await client({ credentials: STS }).dryRun(req);
    expect(v3.headers['authorization']).toMatch(/Signature=\*\*\*$/);
    expect(v3.headers['x-acs-security-token']).toBe('***');
    expect(v3.body).toBe('DeleteImageType=ImageId&ImageIds=img1%2Cimg2');
    expect(vod.requests()).toHaveLength(0);
  });
});

describe('ImageURLs are percent-encoded one by one before the join', () => {
  it('round-trips URLs with spaces, %, +, non-ASCII and a query through the emulator, both algorithms', async () => {
    const urls = [
      'https://media.example.com/a b.png',
      'https://media.example.com/100%25.png',
      'https://media.example.com/c+d.png',
      'https://media.example.com/图片/é.png',
      'https://media.example.com/q.png?auth_key=1-0-0-abc&w=100',
    ] as const;
    for (const signatureAlgorithm of ['ACS3-HMAC-SHA256', 'HMAC-SHA1'] as const) {
      for (const method of ['POST', 'GET'] as const) {
        vod.state.reset(urls.map((url, i) => ({ imageId: `e${i}`, url })));
        const { error } = await client({ signatureAlgorithm, method }).deleteImage({
          DeleteImageType: 'ImageURL',
          ImageURLs: [...urls],
        });
        expect(error, `${signatureAlgorithm} ${method}`).toBeUndefined();
        expect(vod.state.size).toBe(0);
        expect(vod.requests().at(-1)?.params['ImageURLs']).toBe(
          urls.map((u) => encodeURIComponent(u)).join(','),
        );
      }
    }
  });
});

describe('regions follow the spec', () => {
  it('the newer regions resolve to their hosts', async () => {
    for (const [region, host] of [
      ['me-central-1', 'vod.me-central-1.aliyuncs.com'],
      ['cn-north-2-gov-1', 'vod.cn-north-2-gov-1.aliyuncs.com'],
    ] as const) {
      const c = createVodClient({ region, credentials: DEFAULT_EMULATOR_CREDENTIALS });
      const dry = await c.dryRun({ DeleteImageType: 'ImageId', ImageIds: ['a'] });
      expect(dry.url.startsWith(`https://${host}/`)).toBe(true);
    }
  });
});

describe('bad options are refused when the client is made, naming the option and what is allowed', () => {
  // Plain objects, as a JavaScript caller could pass them: the types would refuse most of these.
  const cases: readonly [string, Record<string, unknown>, string, RegExp][] = [
    [
      'an endpoint with a path',
      { endpoint: 'http://127.0.0.1:1/vod' },
      'endpoint',
      /must be an origin/,
    ],
    [
      'an endpoint with a user',
      { endpoint: 'https://user:pw@vod.example.com' },
      'endpoint',
      /no user/,
    ],
    ['an endpoint with a query', { endpoint: 'https://vod.example.com/?x=1' }, 'endpoint', /query/],
    ['an endpoint with port 0', { endpoint: 'http://127.0.0.1:0' }, 'endpoint', /port 1-65535/],
    ['an endpoint with a bad port', { endpoint: 'http://127.0.0.1:99999' }, 'endpoint', /origin/],
    [
      'an endpoint with a line break',
      { endpoint: 'http://127.0.0.1:1\r\nx: y' },
      'endpoint',
      /origin/,
    ],
    [
      'an endpoint of another scheme',
      { endpoint: 'ftp://vod.example.com' },
      'endpoint',
      /http\[s\]/,
    ],
    ['an endpoint that is not a string', { endpoint: 42 }, 'endpoint', /origin/],
    ['an unknown region', { region: 'mars-1' }, 'region', /unknown "mars-1"/],
    [
      'a deactivated region (documented once, no longer served)',
      { region: 'ap-south-1' },
      'region',
      /unknown "ap-south-1"/,
    ],
    [
      'a region named like an Object property',
      { region: 'constructor' },
      'region',
      /unknown "constructor"/,
    ],
    [
      'a user agent with a line break',
      { userAgent: 'app/1.0\r\nx-injected: 1' },
      'userAgent',
      /printable ASCII/,
    ],
    [
      'a user agent with non-ASCII',
      { userAgent: 'app/1.0 (café)' },
      'userAgent',
      /printable ASCII/,
    ],
    ['a lower-case method', { method: 'post' }, 'method', /one of POST, GET/],
    [
      'an unknown algorithm',
      { signatureAlgorithm: 'HMAC-SHA256' },
      'signatureAlgorithm',
      /ACS3-HMAC-SHA256, HMAC-SHA1/,
    ],
    ['a timeout of NaN', { timeoutMs: Number.NaN }, 'timeoutMs', /milliseconds from 1/],
    ['an infinite timeout', { timeoutMs: Infinity }, 'timeoutMs', /milliseconds/],
    ['a timeout as a string', { timeoutMs: '1000' }, 'timeoutMs', /number/],
    [
      'zero attempts',
      { retry: { maxAttempts: 0 } },
      'retry.maxAttempts',
      /whole number from 1 to 100/,
    ],
    ['fractional attempts', { retry: { maxAttempts: 1.5 } }, 'retry.maxAttempts', /whole number/],
    ['a negative delay', { retry: { baseDelayMs: -1 } }, 'retry.baseDelayMs', /from 0/],
    [
      'a misspelt retry option',
      { retry: { maxAttempt: 3 } },
      'retry.maxAttempt',
      /unknown; known: maxAttempts/,
    ],
    ['a misspelt option', { regoin: 'cn-shanghai' }, 'regoin', /unknown; known: .*region/],
    ['fetch that is not a function', { fetch: 'fetch' }, 'fetch', /function/],
    [
      'credentials without a secret',
      { credentials: { accessKeyId: 'a' } },
      'credentials.accessKeySecret',
      /non-empty/,
    ],
    ['credentials as a string', { credentials: 'LTAI:secret' }, 'credentials', /or a provider/],
    [
      'a token with a line break',
      { credentials: { accessKeyId: 'a', accessKeySecret: 'b', securityToken: 't\nx' } },
      'credentials.securityToken',
      /printable ASCII/,
    ],
  ];
  for (const [name, extra, field, rule] of cases) {
    it(name, () => {
      let thrown: unknown;
      try {
        const options = { credentials: DEFAULT_EMULATOR_CREDENTIALS, ...extra };
        createVodClient(options as unknown as Parameters<typeof createVodClient>[0]);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(VodValidationError);
      const e = thrown as VodValidationError;
      expect(e).toMatchObject({ field, code: 'InvalidOption', attempts: 0 });
      expect(e.rule).toMatch(rule);
      expect(e.message.startsWith(`${field}: `)).toBe(true);
      // A secret is never quoted, even when it is the bad value.
      expect(e.message).not.toContain(DEFAULT_EMULATOR_CREDENTIALS.accessKeySecret);
    });
  }

  it('options that are not an object are refused too', () => {
    for (const options of [undefined, null, 'cn-shanghai', 7]) {
      expect(() =>
        createVodClient(options as unknown as Parameters<typeof createVodClient>[0]),
      ).toThrow(VodValidationError);
    }
  });
});
