/**
 * Interop with the official Alibaba packages: the fixture's stored values, the official clients'
 * real request path over a local capture server, and property-based random inputs. Signatures
 * must be equal; `verifyRequest` must accept what the official packages sign and reject any
 * single-character change to it.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as main from '../src/index.js';
import * as verifyEntry from '../src/verify-entry.js';
import * as node from '../src/node.js';
import * as v2Entry from '../src/v2-entry.js';
import type { Credentials } from '../src/index.js';
import type { ReceivedRequest } from '../src/verify-entry.js';
import type { SyncVerifyOptions } from '../src/node.js';
import { startCapture } from './capture.js';
import type { CaptureServer } from './capture.js';
import { changeOneChar } from './mutate.js';
import { docFormEncode, officialV3, officialV2Params, officialV2Signature } from './official.js';
import { openApiClientRequest, popCoreRequest } from './official-clients.js';
import { AK, FIXED_NONCE, FIXED_TIME, VECTORS } from './vectors.fixture.js';
import type { V3Vector, V2Vector } from './vectors.fixture.js';

const RUNS = 500;
const v2Vectors = VECTORS.filter((v): v is V2Vector => v.kind === 'v2');
const v3Vectors = VECTORS.filter((v): v is V3Vector => v.kind === 'v3');

const fixed = (v: V2Vector | V3Vector) => ({
  credentials: v.input.credentials ?? AK,
  timestamp: v.input.time ?? FIXED_TIME,
  nonce: v.input.nonce ?? FIXED_NONCE,
});
const ctxOf = (c: { credentials: Credentials; timestamp: string; nonce: string }) => ({
  credentials: c.credentials,
  clock: () => Date.parse(c.timestamp),
  nonce: () => c.nonce,
});
const keysFor = (c: Credentials, timestamp: string): SyncVerifyOptions => ({
  lookup: (id) =>
    id === c.accessKeyId
      ? { secret: c.accessKeySecret, securityToken: c.securityToken }
      : undefined,
  clock: () => Date.parse(timestamp),
});
const pickOne = <T>(items: readonly T[], n: number): T => {
  const item = items[n % items.length];
  if (item === undefined) throw new Error('pickOne: empty list');
  return item;
};
const decodeParam = (wire: string, name: string): string | null =>
  new URLSearchParams(wire).get(name);

describe('stored fixture values equal the official packages', () => {
  it.each(v2Vectors.map((v) => [v.name, v] as const))('%s', (_n, v) => {
    expect(officialV2Signature({ ...v.input, ...fixed(v) })).toBe(v.expected.signature);
  });
  it.each(v3Vectors.map((v) => [v.name, v] as const))('%s', (_n, v) => {
    const o = officialV3({ ...v.input, ...fixed(v) });
    expect(o.authorization).toBe(v.expected.authorization);
    expect(o.hashedPayload).toBe(v.expected.hashedPayload);
    if (v.expected.body !== undefined) expect(o.body).toBe(v.expected.body);
  });
});

describe('official clients over HTTP (127.0.0.1)', () => {
  let server: CaptureServer;
  beforeAll(async () => {
    server = await startCapture();
  });
  afterAll(async () => {
    await server.close();
  });
  const last = (): ReceivedRequest => {
    const r = server.requests.at(-1);
    if (r === undefined) throw new Error('the official client sent nothing');
    return r;
  };

  it.each(v2Vectors.map((v) => [v.name, v] as const))('pop-core V2: %s', async (_n, v) => {
    const f = fixed(v);
    const params = Object.fromEntries(
      Object.entries(v.input.params ?? {}).filter((e): e is [string, string] => e[1] !== undefined),
    );
    await popCoreRequest(
      server.host,
      v.input.method,
      v.input.action,
      v.input.version,
      { ...params, ...(v.input.format === undefined ? {} : { Format: v.input.format }) },
      f.credentials,
      f.timestamp,
      f.nonce,
    );
    const wire = last();
    const sent = decodeParam(
      v.input.method === 'GET' ? wire.query : String(wire.body),
      'Signature',
    );
    const ours = node.signV2({ ...v.input, ...ctxOf(f) });
    expect(sent).toBe(ours.signature);
    // pop-core sends exactly our encoding, parameter for parameter.
    expect(v.input.method === 'GET' ? wire.query : wire.body).toBe(ours.encoded);
    const verdict = await verifyEntry.verifyRequest(wire, keysFor(f.credentials, f.timestamp));
    expect(verdict).toMatchObject({ ok: true, algorithm: 'HMAC-SHA1', nonce: f.nonce });
  });

  it.each(v2Vectors.filter((v) => v.input.format === undefined).map((v) => [v.name, v] as const))(
    'openapi-client V2 (signatureAlgorithm "v2"): %s',
    async (_n, v) => {
      const f = fixed(v);
      const params = Object.fromEntries(
        Object.entries(v.input.params ?? {}).filter(
          (e): e is [string, string] => e[1] !== undefined,
        ),
      );
      const asForm = v.input.method === 'POST';
      await openApiClientRequest(
        server.host,
        'v2',
        v.input.method,
        v.input.action,
        v.input.version,
        asForm ? {} : params,
        asForm ? params : undefined,
        f.credentials,
        f.timestamp,
        f.nonce,
      );
      const wire = last();
      // openapi-client sends Format=json (lowercase) and keeps the signature in the query.
      const ours = node.signV2({ ...v.input, format: 'json', ...ctxOf(f) });
      expect(decodeParam(wire.query, 'Signature')).toBe(ours.signature);
      expect(node.verifyRequest(wire, keysFor(f.credentials, f.timestamp))).toMatchObject({
        ok: true,
      });
    },
  );

  it.each(v3Vectors.filter((v) => v.input.body === undefined).map((v) => [v.name, v] as const))(
    'openapi-client V3: %s',
    async (_n, v) => {
      const f = fixed(v);
      const strip = (p: Readonly<Record<string, string | undefined>> | undefined) =>
        Object.fromEntries(
          Object.entries(p ?? {}).filter((e): e is [string, string] => e[1] !== undefined),
        );
      const method = v.input.method as 'GET' | 'POST';
      await openApiClientRequest(
        server.host,
        'ACS3-HMAC-SHA256',
        method,
        v.input.action,
        v.input.version,
        strip(v.input.query),
        v.input.form === undefined ? undefined : strip(v.input.form),
        f.credentials,
        f.timestamp,
        f.nonce,
      );
      const wire = last();
      expect(
        await verifyEntry.verifyRequest(wire, keysFor(f.credentials, f.timestamp)),
      ).toMatchObject({
        ok: true,
        algorithm: 'ACS3-HMAC-SHA256',
        nonce: f.nonce,
      });
      if (v.input.form === undefined && v.input.headers === undefined) {
        // Same headers as the SDK adds (credentials provider, STS key id): same signature.
        const sts = f.credentials.securityToken !== undefined;
        const ours = node.signV3({
          ...v.input,
          host: server.host,
          headers: {
            'x-acs-credentials-provider': sts ? 'static_sts' : 'static_ak',
            ...(sts ? { 'x-acs-accesskey-id': f.credentials.accessKeyId } : {}),
          },
          ...ctxOf(f),
        });
        expect(wire.headers['authorization']).toBe(ours.headers['authorization']);
      }
    },
  );
});

// ---- property-based: random inputs ----

const RESERVED_RPC = v2Entry.V2_COMMON_PARAMS;
const anyText = fc.string({ unit: 'binary', maxLength: 24 });
const safeName = fc.stringMatching(/^[A-Za-z][A-Za-z0-9._~-]{0,11}$/);
const printable = fc
  .stringMatching(/^[\x21-\x7e](?:[\x20-\x7e]{0,20}[\x21-\x7e])?$/)
  .filter((s) => s.length > 0);
const credentials = fc.record(
  {
    accessKeyId: fc.stringMatching(/^[A-Za-z0-9.]{1,24}$/),
    // Any text but control characters, which the signers refuse in credentials.
    accessKeySecret: fc
      .string({ unit: 'binary', minLength: 1, maxLength: 30 })
      // eslint-disable-next-line no-control-regex -- the characters refused
      .map((s) => s.replace(/[\0-\x1f\x7f-\x9f]/g, 'x')),
    securityToken: printable,
  },
  { requiredKeys: ['accessKeyId', 'accessKeySecret'] },
);
const timestamp = fc
  .date({
    min: new Date('2000-01-01T00:00:00Z'),
    max: new Date('2099-12-31T23:59:59Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().replace(/\.\d{3}Z$/, 'Z'));
const nonce = fc.stringMatching(/^[A-Za-z0-9-]{1,36}$/);
const rpcParams = fc
  .dictionary(
    fc.oneof(safeName, fc.string({ unit: 'binary', minLength: 1, maxLength: 12 })),
    anyText,
    {
      maxKeys: 6,
    },
  )
  // openapi-util copies parameters into a plain `{}`, so one named `__proto__` silently vanishes
  // from its signature; vodkit signs it like any other name (its maps have no prototype).
  .map((p) =>
    Object.fromEntries(
      Object.entries(p).filter(([k]) => !RESERVED_RPC.has(k) && k !== '__proto__'),
    ),
  );

const rpcCase = fc.record({
  method: fc.constantFrom('GET' as const, 'POST' as const),
  action: safeName,
  version: fc.stringMatching(/^\d{4}-\d\d-\d\d$/),
  params: rpcParams,
  credentials,
  timestamp,
  nonce,
});

describe(`property: V2 signatures equal @alicloud/openapi-util (${RUNS} runs each)`, () => {
  it('node entry', () => {
    fc.assert(
      fc.property(rpcCase, (c) => {
        const ours = node.signV2({ ...c, ...ctxOf(c) });
        expect(ours.signature).toBe(officialV2Signature(c));
      }),
      { numRuns: RUNS },
    );
  });
  it('@vodkit/signer/v2 (WebCrypto)', async () => {
    await fc.assert(
      fc.asyncProperty(rpcCase, async (c) => {
        const ours = await v2Entry.signV2({ ...c, ...ctxOf(c) });
        expect(ours.signature).toBe(officialV2Signature(c));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('property: V2 signatures equal pop-core over HTTP (100 runs)', () => {
  let server: CaptureServer;
  beforeAll(async () => {
    server = await startCapture();
  });
  afterAll(async () => {
    await server.close();
  });
  it('pop-core RPCClient.request', async () => {
    await fc.assert(
      fc.asyncProperty(rpcCase, async (c) => {
        await popCoreRequest(
          server.host,
          c.method,
          c.action,
          c.version,
          c.params,
          c.credentials,
          c.timestamp,
          c.nonce,
        );
        const wire = server.requests.at(-1) as ReceivedRequest;
        const ours = node.signV2({ ...c, ...ctxOf(c) });
        expect(c.method === 'GET' ? wire.query : wire.body).toBe(ours.encoded);
      }),
      { numRuns: 100 },
    );
  });
});

const v3Case = fc
  .record({
    method: fc.constantFrom('GET', 'POST'),
    action: safeName,
    version: fc.stringMatching(/^\d{4}-\d\d-\d\d$/),
    query: fc.dictionary(safeName, anyText, { maxKeys: 5 }),
    form: fc.option(fc.dictionary(safeName, anyText, { minKeys: 1, maxKeys: 5 }), {
      nil: undefined,
    }),
    headers: fc.dictionary(
      fc.stringMatching(/^x-acs-(?:retry-[a-z]{1,8}|meta-[a-z0-9]{1,8})$/),
      printable,
      { maxKeys: 3 },
    ),
    credentials,
    timestamp,
    nonce,
  })
  .map((c) => ({
    ...c,
    // A form travels in a POST body, and its names must not repeat query names.
    form:
      c.method === 'POST' && c.form !== undefined
        ? Object.fromEntries(Object.entries(c.form).filter(([k]) => !Object.hasOwn(c.query, k)))
        : undefined,
  }));

type V3Case = typeof v3Case extends fc.Arbitrary<infer T> ? T : never;

describe(`property: V3 authorizations equal @alicloud/openapi-util (${RUNS} runs each)`, () => {
  const check = (c: V3Case, ours: main.V3SignResult): void => {
    const o = officialV3({ ...c, host: 'vod.cn-shanghai.aliyuncs.com' });
    expect(ours.headers['authorization']).toBe(o.authorization);
    expect(ours.body).toBe(o.body);
  };
  it('node entry', () => {
    fc.assert(
      fc.property(v3Case, (c) => {
        check(c, node.signV3({ ...c, host: 'vod.cn-shanghai.aliyuncs.com', ...ctxOf(c) }));
      }),
      { numRuns: RUNS },
    );
  });
  it('main entry (WebCrypto)', async () => {
    await fc.assert(
      fc.asyncProperty(v3Case, async (c) => {
        check(c, await main.signV3({ ...c, host: 'vod.cn-shanghai.aliyuncs.com', ...ctxOf(c) }));
      }),
      { numRuns: RUNS },
    );
  });
});

// ---- property-based: verify accepts official signatures and rejects any one-character change ----

const change = fc.record({
  at: fc.nat(),
  ch: fc.constantFrom('a', 'Z', '0', '%', '+', '~', '*', ' ', '图', '😀'),
});
const asciiChange = fc.record({
  at: fc.nat(),
  ch: fc.constantFrom('a', 'Z', '0', '%', '+', '~', '*', '-'),
});

describe(`property: verify V2 (${RUNS} runs)`, () => {
  it('accepts what openapi-util signs and rejects a one-character change', () => {
    const target = fc.constantFrom('value', 'name', 'method', 'secret');
    fc.assert(
      fc.property(rpcCase, target, fc.nat(), change, (c, what, pick, edit) => {
        const params = officialV2Params(c);
        params['Signature'] = officialV2Signature(c);
        const wire = (p: Record<string, string>, method: string): ReceivedRequest =>
          method === 'GET'
            ? { method, path: '/', query: docFormEncode(p), headers: {}, body: '' }
            : {
                method,
                path: '/',
                query: '',
                headers: { 'content-type': 'application/x-www-form-urlencoded' },
                body: docFormEncode(p),
              };
        const keys = keysFor(c.credentials, c.timestamp);
        const good = node.verifyRequest(wire(params, c.method), keys);
        expect(good).toMatchObject({ ok: true, accessKeyId: c.credentials.accessKeyId });

        const name = pickOne(Object.keys(params).sort(), pick);
        let bad: ReceivedRequest = wire(params, c.method);
        let badKeys = keys;
        if (what === 'value') {
          bad = wire(
            { ...params, [name]: changeOneChar(params[name] ?? '', edit.at, edit.ch) },
            c.method,
          );
        } else if (what === 'name') {
          const { [name]: value, ...rest } = params;
          bad = wire({ ...rest, [changeOneChar(name, edit.at, edit.ch)]: value ?? '' }, c.method);
        } else if (what === 'method') {
          bad = { ...bad, method: changeOneChar(c.method, edit.at, 'X') };
        } else {
          const secret = changeOneChar(c.credentials.accessKeySecret, edit.at, edit.ch);
          badKeys = keysFor({ ...c.credentials, accessKeySecret: secret }, c.timestamp);
        }
        const verdict = node.verifyRequest(bad, badKeys);
        expect(verdict.ok).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });
});

describe(`property: verify V3 (${RUNS} runs)`, () => {
  it('accepts what openapi-util signs and rejects a one-character change', async () => {
    const target = fc.constantFrom('query', 'form', 'header', 'body', 'method', 'secret');
    await fc.assert(
      fc.asyncProperty(
        v3Case,
        target,
        fc.nat(),
        change,
        asciiChange,
        async (c, what, pick, edit, ascii) => {
          const host = 'vod.cn-shanghai.aliyuncs.com';
          const o = officialV3({ ...c, host });
          const headers: Record<string, string> = { ...o.headers, authorization: o.authorization };
          const request = (
            query: Record<string, string>,
            body: string,
            h: Record<string, string>,
            method: string,
          ): ReceivedRequest => ({
            method,
            path: '/',
            query: docFormEncode(query),
            headers: h,
            body,
          });
          const keys = keysFor(c.credentials, c.timestamp);
          expect(
            await verifyEntry.verifyRequest(request(c.query, o.body, headers, c.method), keys),
          ).toMatchObject({
            ok: true,
          });

          let bad = request(c.query, o.body, headers, c.method);
          let badKeys = keys;
          const pickFrom = (m: Record<string, string>): string | undefined => {
            const names = Object.keys(m).sort();
            return names.length === 0 ? undefined : pickOne(names, pick);
          };
          const q = pickFrom(c.query);
          const f = c.form === undefined ? undefined : pickFrom(c.form);
          if (what === 'query' && q !== undefined) {
            bad = request(
              { ...c.query, [q]: changeOneChar(c.query[q] ?? '', edit.at, edit.ch) },
              o.body,
              headers,
              c.method,
            );
          } else if (what === 'form' && c.form !== undefined && f !== undefined) {
            const form = { ...c.form, [f]: changeOneChar(c.form[f] ?? '', edit.at, edit.ch) };
            bad = request(c.query, docFormEncode(form), headers, c.method);
          } else if (what === 'body') {
            bad = request(c.query, changeOneChar(o.body, edit.at, ascii.ch), headers, c.method);
          } else if (what === 'header' || what === 'query' || what === 'form') {
            const h = pickOne(Object.keys(headers).sort(), pick);
            bad = request(
              c.query,
              o.body,
              { ...headers, [h]: changeOneChar(headers[h] ?? '', ascii.at, ascii.ch) },
              c.method,
            );
          } else if (what === 'method') {
            bad = { ...bad, method: changeOneChar(c.method, edit.at, 'X') };
          } else {
            const secret = changeOneChar(c.credentials.accessKeySecret, edit.at, edit.ch);
            badKeys = keysFor({ ...c.credentials, accessKeySecret: secret }, c.timestamp);
          }
          const verdict = await verifyEntry.verifyRequest(bad, badKeys);
          expect(verdict.ok).toBe(false);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
