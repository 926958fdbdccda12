/**
 * IPv6 hosts: a bracketed literal in the form URL writes it (`[::1]`, `[2001:db8::1]:4010`)
 * signs and verifies with both algorithms, equals the official packages (openapi-util for V3;
 * pop-core and openapi-client over a capture server on ::1), and anything else is refused
 * naming `host` (or `endpoint` for presigned URLs).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as main from '../src/index.ts';
import * as node from '../src/node.ts';
import * as v2Entry from '../src/v2-entry.ts';
import * as verifyEntry from '../src/verify-entry.ts';
import { startCapture } from './capture.ts';
import type { CaptureServer } from './capture.ts';
import { officialV3 } from './official.ts';
import { openApiClientRequest, popCoreRequest } from './official-clients.ts';
import { AK, FIXED_NONCE, FIXED_TIME } from './vectors.fixture.ts';

const AT = Date.parse(FIXED_TIME);
const ctx = { credentials: AK, clock: () => AT, nonce: () => FIXED_NONCE };
const DI = { action: 'DeleteImage', version: '2017-03-21' } as const;
const query = { DeleteImageType: 'ImageId', ImageIds: 'a1,b2' };
const lookup = (id: string) => (id === AK.accessKeyId ? { secret: AK.accessKeySecret } : undefined);

/** `[address]` as WHATWG URL (what fetch and node:http send) writes it. */
const bracketed = (address: string): string => new URL(`http://[${address}]/`).hostname;

// First in the file, so it meets a fresh module: the signer remembers the last host it accepted.
it('a fresh module refuses an empty or missing host on its first call', () => {
  for (const host of ['', undefined] as unknown as string[]) {
    expect(() => node.signV3({ method: 'GET', host, ...DI, ...ctx })).toThrow(
      main.SignerInputError,
    );
  }
});

const HOSTS = [
  '[::1]',
  '[::1]:4010',
  '[2001:db8::1]',
  '[2001:db8::1]:443',
  '[::]:1',
  '[::ffff:7f00:1]:65535',
];

describe.each([
  ['node entry', node.signV3, node.verifyRequest],
  ['main entry', main.signV3, verifyEntry.verifyRequest],
] as const)('V3 (%s)', (_label, signV3, verifyRequest) => {
  it.each(HOSTS)('%s signs, verifies and equals openapi-util', async (host) => {
    const r = await signV3({ method: 'POST', host, ...DI, query, ...ctx });
    expect(r.canonicalRequest).toContain(`\nhost:${host}\n`);
    const official = officialV3({
      method: 'POST',
      host,
      ...DI,
      query,
      credentials: AK,
      timestamp: FIXED_TIME,
      nonce: FIXED_NONCE,
    });
    expect(r.headers['authorization']).toBe(official.authorization);
    const verdict = await verifyRequest(
      { method: 'POST', path: '/', query: r.query, body: r.body, headers: { host, ...r.headers } },
      { lookup, clock: () => AT },
    );
    expect(verdict).toMatchObject({ ok: true, algorithm: 'ACS3-HMAC-SHA256' });
  });
});

describe('property: any IPv6 address, written as URL writes it, signs with V3 as openapi-util does', () => {
  it('node entry', () => {
    fc.assert(
      fc.property(
        fc.ipV6(),
        fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
        (address, port) => {
          const host = `${bracketed(address)}${port === undefined ? '' : `:${port}`}`;
          const r = node.signV3({ method: 'GET', host, ...DI, query, ...ctx });
          const official = officialV3({
            method: 'GET',
            host,
            ...DI,
            query,
            credentials: AK,
            timestamp: FIXED_TIME,
            nonce: FIXED_NONCE,
          });
          expect(r.headers['authorization']).toBe(official.authorization);
          // Another spelling of the same address would be sent as URL's spelling: refused.
          if (`[${address}]` !== bracketed(address)) {
            expect(() =>
              node.signV3({ method: 'GET', host: `[${address}]`, ...DI, ...ctx }),
            ).toThrow(main.SignerInputError);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('malformed or unbracketed IPv6 hosts are refused, naming host', () => {
  it.each([
    '::1',
    '::1:4010',
    '[::1',
    '::1]',
    '[]',
    '[:::1]',
    '[1::2::3]',
    '[12345::]',
    '[::g]',
    '[1:2:3:4:5:6:7:8:9]',
    '[::1]:',
    '[::1]:0',
    '[::1]:65536',
    '[::1]x',
    '[fe80::1%eth0]',
    '[fe80::1%25eth0]',
    '[2001:DB8::1]',
    '[0:0:0:0:0:0:0:1]',
    '[::ffff:127.0.0.1]',
    '[[::1]]',
  ])('%s', (host) => {
    let error: unknown;
    try {
      node.signV3({ method: 'GET', host, ...DI, ...ctx });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(main.SignerInputError);
    expect((error as main.SignerInputError).field).toBe('host');
    expect((error as main.SignerInputError).message).toMatch(
      /^host: must be host\[:port\] as URL writes it/,
    );
  });
});

describe('V2 presigned URLs take IPv6 endpoints', () => {
  it.each(['http://[::1]:4010', 'https://[2001:db8::1]'])('%s', async (endpoint) => {
    for (const r of [
      node.presignV2Url({ endpoint, ...DI, params: query, ...ctx }),
      await v2Entry.presignV2Url({ endpoint, ...DI, params: query, ...ctx }),
    ]) {
      const url = new URL(r.url);
      expect(url.origin).toBe(endpoint);
      expect(url.searchParams.get('Signature')).toBe(r.signature);
    }
  });
  it.each(['http://::1:4010', 'http://[::1', 'http://[2001:DB8::1]', 'http://[::1]:0'])(
    'refuses %s',
    (endpoint) => {
      expect(() => node.presignV2Url({ endpoint, ...DI, ...ctx })).toThrow(
        expect.objectContaining({ name: 'SignerInputError', field: 'endpoint' }),
      );
    },
  );
});

describe('official clients over HTTP on ::1', () => {
  let server: CaptureServer;
  beforeAll(async () => {
    server = await startCapture('::1');
  });
  afterAll(async () => {
    await server.close();
  });
  const last = () => {
    const r = server.requests.at(-1);
    if (r === undefined) throw new Error('the official client sent nothing');
    return r;
  };

  it('openapi-client V3: the same authorization for host [::1]:port, and it verifies', async () => {
    await openApiClientRequest(
      server.host,
      'ACS3-HMAC-SHA256',
      'POST',
      DI.action,
      DI.version,
      query,
      undefined,
      AK,
      FIXED_TIME,
      FIXED_NONCE,
    );
    const wire = last();
    expect(wire.headers['host']).toBe(server.host);
    const ours = node.signV3({
      method: 'POST',
      host: server.host,
      ...DI,
      query,
      headers: { 'x-acs-credentials-provider': 'static_ak' },
      ...ctx,
    });
    expect(wire.headers['authorization']).toBe(ours.headers['authorization']);
    expect(node.verifyRequest(wire, { lookup, clock: () => AT })).toMatchObject({ ok: true });
  });

  it.each(['GET', 'POST'] as const)(
    'pop-core V2 %s: the same encoding, and it verifies',
    async (method) => {
      await popCoreRequest(
        server.host,
        method,
        DI.action,
        DI.version,
        query,
        AK,
        FIXED_TIME,
        FIXED_NONCE,
      );
      const wire = last();
      const ours = node.signV2({ method, ...DI, params: query, ...ctx });
      expect(method === 'GET' ? wire.query : wire.body).toBe(ours.encoded);
      expect(node.verifyRequest(wire, { lookup, clock: () => AT })).toMatchObject({
        ok: true,
        algorithm: 'HMAC-SHA1',
      });
    },
  );

  it('our presigned URL for http://[::1]:port is accepted as sent by fetch', async () => {
    const { url } = await v2Entry.presignV2Url({
      endpoint: `http://${server.host}`,
      ...DI,
      params: query,
      ...ctx,
      clock: Date.now,
    });
    const res = await fetch(url);
    expect(res.status).toBe(200);
    const verdict = await verifyEntry.verifyRequest(last(), { lookup });
    expect(verdict).toMatchObject({ ok: true, algorithm: 'HMAC-SHA1' });
  });
});
