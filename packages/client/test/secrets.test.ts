/**
 * No secret in any error, from any source. Hostile transports, fetches, middleware, credential
 * providers, bulk callbacks and server answers quote the AccessKey secret, the STS token and the
 * signatures of the call in every form they travel in; the client must remove them by value from
 * the message, the cause chain (AggregateError `errors` too), every string property, the stack
 * and `util.inspect(error, { depth: Infinity })`, under both algorithms and both methods.
 */
import { inspect } from 'node:util';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '@vodkit/emulator';
import {
  VodCredentialsError,
  VodError,
  createVodClient,
  fetchTransport,
} from '../src/node/index.ts';
import type {
  Transport,
  TransportRequest,
  VodClient,
  VodClientOptions,
} from '../src/node/index.ts';
import { DEFAULT_ACCOUNT_ID } from '@vodkit/emulator';
import { FAST_RETRY, emulator } from './support.ts';

// Printable ASCII (what credentials may hold), full of regex and encoding metacharacters.
const SECRET = String.raw`sk+/=.*?(x)[y]{z}|^$\"%20&a=b~!'secret-0123`;
const TOKEN = String.raw`CAIS+tok/en==$&$1\u0041"%2F*()!'~token-4567`;
const REQUEST = { DeleteImageType: 'ImageId', ImageIds: ['img-1'] } as const;

/** RFC 3986 encoding, as the signer sends values (written here independently of it). */
const rfc3986 = (v: string): string =>
  encodeURIComponent(v).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
const formEncoded = (v: string): string => new URLSearchParams([['', v]]).toString().slice(1);
const lowerHex = (v: string): string => v.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());

/** Every form a value travels or is quoted in. */
function formsOf(value: string): string[] {
  const encoded = [encodeURIComponent(value), rfc3986(value), formEncoded(value)];
  encoded.push(rfc3986(rfc3986(value)));
  return [
    ...new Set([
      value,
      JSON.stringify(value).slice(1, -1),
      inspect(value).slice(1, -1),
      ...encoded,
      ...encoded.map(lowerHex),
    ]),
  ];
}

/** What a hostile party that saw the request (or knows the credentials) puts in its error. */
function leak(request?: TransportRequest): string {
  const seen =
    request === undefined
      ? ''
      : `${request.method} ${request.url} headers=${JSON.stringify(request.headers)} body=${request.body ?? ''}`;
  return [
    `boom ${seen}`,
    `secret=${SECRET} uri=${encodeURIComponent(SECRET)} form=${formEncoded(SECRET)}`,
    `token=${TOKEN} pct=${rfc3986(TOKEN)} form=${formEncoded(TOKEN)} lower=${lowerHex(rfc3986(TOKEN))}`,
    `json=${JSON.stringify({ SECRET, TOKEN })} twice=${rfc3986(rfc3986(TOKEN))}`,
    ...[...signatures].flatMap((s) => [s, rfc3986(s), formEncoded(s), `Signature=${s}`]),
  ].join(' ');
}

/** Signatures of every request a hostile party saw in this test, taken off the wire. */
const signatures = new Set<string>();
// Each test's client knows its own signatures, not those of the tests before it.
beforeEach(() => {
  signatures.clear();
});
function recordSignature(url: string, headers: Readonly<Record<string, string>>, body = ''): void {
  const v3 = /Signature=([0-9a-f]{64})/.exec(headers['authorization'] ?? '')?.[1];
  if (v3 !== undefined) signatures.add(v3);
  for (const part of [url.slice(url.indexOf('?') + 1), body]) {
    const v2 = new URLSearchParams(part).get('Signature');
    if (v2 !== null) signatures.add(v2);
  }
}
const sawRequest = (r: TransportRequest): TransportRequest => {
  recordSignature(r.url, r.headers, r.body);
  return r;
};

/** Every string an error shows: message, stack, string properties, causes, `errors`. */
function stringsOf(
  value: unknown,
  skipKeys: ReadonlySet<string>,
  seen = new Set<unknown>(),
): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null || seen.has(value)) return [];
  seen.add(value);
  const out: string[] = [];
  for (const key of Reflect.ownKeys(value)) {
    // Skipped with the identifiers: the brand (a symbol key) lists class names.
    if (typeof key === 'string' ? skipKeys.has(key) : skipKeys.size > 0) continue;
    out.push(...stringsOf((value as Record<PropertyKey, unknown>)[key], skipKeys, seen));
  }
  return out;
}

const NO_SKIP: ReadonlySet<string> = new Set();

/** Fails naming the secret form and where it showed, if any form of any secret shows. */
function expectClean(
  value: unknown,
  secrets: readonly string[] = [SECRET, TOKEN, ...signatures],
): void {
  const strings = stringsOf(value, NO_SKIP);
  // Half a secret is a leak too: what a cut before redaction would keep.
  for (const half of [SECRET.slice(0, 5), TOKEN.slice(0, 5)]) {
    expect(strings.find((s) => s.includes(half))).toBeUndefined();
  }
  const places = [...strings, inspect(value, { depth: Infinity, showHidden: true })];
  for (const secret of secrets) {
    for (const form of formsOf(secret)) {
      const at = places.find((p) => p.includes(form));
      expect(at === undefined ? undefined : `${form} in: ${at}`).toBeUndefined();
    }
  }
}

type Options = Omit<VodClientOptions, 'throwOnError'>;
const COMBOS: readonly Pick<Options, 'signatureAlgorithm' | 'method'>[] = [
  { signatureAlgorithm: 'ACS3-HMAC-SHA256', method: 'POST' },
  { signatureAlgorithm: 'ACS3-HMAC-SHA256', method: 'GET' },
  { signatureAlgorithm: 'HMAC-SHA1', method: 'POST' },
  { signatureAlgorithm: 'HMAC-SHA1', method: 'GET' },
];
const CREDENTIALS = { accessKeyId: 'STS.hostile', accessKeySecret: SECRET, securityToken: TOKEN };

const hostileTransports: Record<string, Transport> = {
  'a transport that throws synchronously': (r) => {
    throw new Error(leak(sawRequest(r)));
  },
  'a transport that rejects with a nested chain, an AggregateError and string properties': (r) => {
    sawRequest(r);
    const inner = Object.assign(new Error(leak(r)), { code: TOKEN, detail: leak(r) });
    return Promise.reject(
      new AggregateError(
        [new Error(leak(r)), Object.assign(new Error('x'), { code: SECRET })],
        leak(r),
        {
          cause: Object.assign(new TypeError(leak(r)), { cause: inner, request: r }),
        },
      ),
    );
  },
  'a transport whose answer cannot be read': (r) => {
    sawRequest(r);
    return Promise.resolve({
      status: 200,
      header: () => null,
      get body(): string {
        throw new RangeError(leak(r));
      },
    });
  },
  'a server that echoes the token, the secret and the signature': (r) => {
    sawRequest(r);
    const body = JSON.stringify({
      Code: 'InvalidSecurityToken.Malformed',
      Message: `${'x'.repeat(480)} ${leak(r)}`,
      RequestId: 'request-kept-0001',
      HostId: 'vod.cn-shanghai.aliyuncs.com',
      Recommend: leak(r),
    });
    return Promise.resolve({ status: 400, header: () => null, body });
  },
  'a hostile message 500 characters in, so a cut would halve the secret': (r) => {
    sawRequest(r);
    return Promise.reject(new Error(`${'y'.repeat(495)}${SECRET} ${TOKEN} ${leak(r)}`));
  },
};

const hostileFetches: Record<string, NonNullable<Options['fetch']>> = {
  'a custom fetch that rejects quoting the request headers': (url, init) => {
    recordSignature(url, init.headers as Record<string, string>, init.body as string | undefined);
    return Promise.reject(
      new TypeError(
        `fetch failed: ${JSON.stringify(init.headers)} ${init.body as string} ${leak()}`,
      ),
    );
  },
  'a custom fetch that throws synchronously': (url, init) => {
    recordSignature(url, init.headers as Record<string, string>, init.body as string | undefined);
    throw new Error(`headers ${inspect(init.headers)} ${leak()}`);
  },
};

describe.each(COMBOS)('$signatureAlgorithm $method', (combo) => {
  const make = (o: Partial<Options>): VodClient =>
    createVodClient({
      endpoint: 'https://vod.cn-shanghai.aliyuncs.com',
      credentials: CREDENTIALS,
      retry: { ...FAST_RETRY, maxAttempts: 2 },
      ...combo,
      ...o,
    });

  it.each(Object.entries(hostileTransports))('%s', async (_, transport) => {
    const { error } = await make({ transport }).deleteImage(REQUEST);
    expect(VodError.isInstance(error)).toBe(true);
    expectClean(error);
  });

  it.each(Object.entries(hostileFetches))('%s', async (_, fetch) => {
    const { error } = await make({ fetch }).deleteImage(REQUEST);
    expect(error?.code).toBe('NetworkError');
    expectClean(error);
  });

  it('throwOnError throws the same clean error', async () => {
    const vod = createVodClient({
      endpoint: 'https://vod.cn-shanghai.aliyuncs.com',
      credentials: CREDENTIALS,
      retry: { maxAttempts: 1 },
      transport: Object.values(hostileTransports)[1],
      throwOnError: true,
      ...combo,
    });
    const thrown = await vod.deleteImage(REQUEST).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(VodError.isInstance(thrown)).toBe(true);
    expectClean(thrown);
  });

  it('dry run output masks the token and signature; its errors are clean', async () => {
    const out = await make({}).dryRun(REQUEST);
    expectClean(out, [SECRET, TOKEN]);
    expect(JSON.stringify(out)).toContain('***');
    const failing = make({ credentials: () => Promise.reject(new Error(leak())) });
    const thrown = await failing.dryRun(REQUEST).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(thrown).toBeInstanceOf(VodCredentialsError);
    expectClean(thrown);
  });

  it('the bulk runner: chunk errors and what onProgress threw', async () => {
    const result = await make({ transport: Object.values(hostileTransports)[1] }).deleteImages({
      imageIds: Array.from({ length: 45 }, (_, i) => `bulk-${i}`),
      maxAttempts: 2,
      onProgress: () => {
        throw Object.assign(new Error(leak()), { token: TOKEN });
      },
    });
    expect(result.failed).toBe(3);
    expect(result.callbackError?.message).toContain('boom');
    expectClean(result);
  });
});

describe('credential providers', () => {
  const client = (credentials: Options['credentials'], transport?: Transport): VodClient =>
    createVodClient({
      endpoint: 'https://vod.cn-shanghai.aliyuncs.com',
      credentials,
      retry: { ...FAST_RETRY, maxAttempts: 3 },
      transport: transport ?? (() => Promise.reject(new Error('connect ECONNRESET'))),
    });

  it('a provider that throws, quoting the secret it has not yet handed over', async () => {
    const { error } = await client(() =>
      Promise.reject(new Error(`bad config ${leak()}`)),
    ).deleteImage(REQUEST);
    expect(error).toMatchObject({ code: 'CredentialsFailed' });
    expectClean(error);
  });

  it('a provider that served credentials, then fails quoting them (plain and VodError)', async () => {
    for (const failure of [
      () => new Error(`refresh of ${SECRET} failed`),
      () => new VodCredentialsError(`refresh of ${TOKEN} failed`, { code: 'CredentialsMalformed' }),
    ]) {
      let calls = 0;
      const provider = (): Promise<typeof CREDENTIALS> =>
        ++calls === 1 ? Promise.resolve(CREDENTIALS) : Promise.reject(failure());
      const { error } = await client(provider).deleteImage(REQUEST);
      expect(error).toBeInstanceOf(VodCredentialsError);
      expectClean(error);
    }
  });
});

describe('middleware, against the emulator', () => {
  let vod: RunningEmulator;
  beforeAll(async () => {
    vod = await emulator({
      stsTokens: [
        { ...CREDENTIALS, expiresAt: Date.now() + 3_600_000, accountId: DEFAULT_ACCOUNT_ID },
      ],
      images: [{ imageId: 'img-1' }],
    });
  });
  afterAll(async () => {
    await vod.close();
  });
  // A real transport to the emulator that notes each signature, as a middleware that logs
  // requests below it could quote them.
  const wire = fetchTransport();
  const make = (o: Partial<Options> = {}): VodClient =>
    createVodClient({
      endpoint: vod.url,
      credentials: CREDENTIALS,
      retry: { ...FAST_RETRY, maxAttempts: 2 },
      transport: (r) => wire(sawRequest(r)),
      ...o,
    });

  it.each(COMBOS)(
    'onRequest, onResponse and onError that throw: $signatureAlgorithm $method',
    async (combo) => {
      const thrower = (where: string) => () => {
        throw new Error(`${where}: ${leak()}`);
      };
      for (const middleware of [
        { onRequest: thrower('onRequest') },
        { onResponse: thrower('onResponse') },
        {
          onResponse: () => {
            return new Response(
              JSON.stringify({ Code: 'Forbidden', Message: leak(), RequestId: `id ${TOKEN}` }),
              { status: 403 },
            );
          },
        },
      ]) {
        vod.state.reset([{ imageId: 'img-1' }]);
        signatures.clear();
        const c = make(combo);
        c.use(middleware);
        const { error } = await c.deleteImage(REQUEST);
        expect(VodError.isInstance(error)).toBe(true);
        expectClean(error);
      }
      // onError sees the send loop's error clean, and what it throws is cleaned too.
      signatures.clear();
      const c = make({ ...combo, transport: Object.values(hostileTransports)[1] });
      const seen: unknown[] = [];
      c.use({
        onError({ error }) {
          seen.push(error);
          throw new Error(`onError: ${leak()}`);
        },
      });
      const { error } = await c.deleteImage(REQUEST);
      expect(seen).toHaveLength(1);
      expectClean(seen[0]);
      expectClean(error);
    },
  );

  it('a real answer keeps its code, requestId and message', async () => {
    const c = make({ credentials: { ...CREDENTIALS, accessKeySecret: `${SECRET}-wrong` } });
    const { error } = await c.deleteImage(REQUEST);
    const answered = vod.requests().at(-1);
    expect(error?.code).toBe('SignatureDoesNotMatch');
    expect(error?.requestId).toBe(answered?.requestId);
    expect(error?.message.startsWith('SignatureDoesNotMatch: ')).toBe(true);
    expect(error?.message).not.toContain('<redacted>');
  });
});

describe('property: any secret and token, any text around them', () => {
  // Printable ASCII, as credentials are; short ones included.
  const credential = fc.stringMatching(/^[\x21-\x7e]{1,24}$/);
  const text = fc.string({ maxLength: 30, unit: 'binary' });

  it('never shows in the message, the causes, any string property or the stack', async () => {
    await fc.assert(
      fc.asyncProperty(credential, credential, text, text, text, async (secret, token, a, b, c) => {
        const sigs: string[] = [];
        const client = createVodClient({
          endpoint: 'https://vod.cn-shanghai.aliyuncs.com',
          credentials: { accessKeyId: 'STS.prop', accessKeySecret: secret, securityToken: token },
          retry: { maxAttempts: 1 },
          signatureAlgorithm: a.length % 2 === 0 ? 'ACS3-HMAC-SHA256' : 'HMAC-SHA1',
          transport: (r) => {
            const before = signatures.size;
            sawRequest(r);
            sigs.push(...[...signatures].slice(before));
            const quoted = `${a}${secret}${b}${token}${c}${rfc3986(token)}${formEncoded(secret)}`;
            return Promise.reject(new Error(quoted, { cause: new Error(`${c}${token}${a}`) }));
          },
        });
        const { error } = await client.deleteImage(REQUEST);
        // Class names, codes and property names may hold a very short secret by chance; the
        // client redacts identifiers only for values of 8 characters or more.
        const shortOnes = [secret, token].filter((s) => s.length < 8);
        const values = stringsOf(error, new Set(['name', 'kind', 'code', 'requestId', 'hostId']));
        for (const s of [secret, token, ...sigs]) {
          for (const form of formsOf(s)) {
            const at = values.find((v) => v.includes(form));
            expect(at === undefined ? undefined : `${form} in: ${at}`).toBeUndefined();
          }
        }
        if (shortOnes.length === 0) expectClean(error, [secret, token, ...sigs]);
      }),
      { numRuns: 300 },
    );
  });
});
