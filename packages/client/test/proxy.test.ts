/**
 * Proxies in the Node transports, against a local proxy (127.0.0.1 only): the `proxy` option
 * and `HTTP_PROXY`/`HTTPS_PROXY`/`NO_PROXY`, CONNECT tunnels for HTTPS endpoints, absolute-form
 * requests for HTTP ones, proxy credentials sent and never shown, and proxy-from-env loaded only
 * when a proxy variable is set.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunningEmulator } from '@vodkit/emulator';
import { createVodClient, nodeTransport, socketTransport } from '../src/node/index.ts';
import type { Transport } from '../src/node/index.ts';
import { DEFAULT_EMULATOR_CREDENTIALS, emulator } from './support.ts';
import { startProxy } from './proxy-server.ts';
import type { TestProxy } from './proxy-server.ts';

const cert = readFileSync(new URL('fixtures/localhost-cert.pem', import.meta.url));
const key = readFileSync(new URL('fixtures/localhost-key.pem', import.meta.url));
const PASSWORD = 'pr0xy-s3cret';
const BASIC = `Basic ${Buffer.from(`user:${PASSWORD}`).toString('base64')}`;

let vod: RunningEmulator;
let proxy: TestProxy;
/** An HTTPS front for the emulator, so a tunnel carries real TLS to a real DeleteImage. */
let front: Server;
let frontPort = 0;
beforeAll(async () => {
  vod = await emulator({ qps: Infinity });
  const target = new URL(vod.url);
  // The Host header passes unchanged: V3 signs it, and the client signed the front's.
  front = createHttpsServer({ cert, key }, (req, res) => {
    const upstream = httpRequest(
      {
        host: '127.0.0.1',
        port: target.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  frontPort = (front.address() as AddressInfo).port;
});
afterAll(async () => {
  await vod.close();
  front.closeAllConnections();
  await new Promise((resolve) => front.close(resolve));
});
beforeEach(async () => {
  proxy = await startProxy();
  vod.state.reset([
    { imageId: 'img1', url: 'https://media.example.com/img1.png' },
    { imageId: 'img2', url: 'https://media.example.com/img2.png' },
  ]);
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await proxy.close();
});

const withAuth = (url: string): string => url.replace('http://', `http://user:${PASSWORD}@`);
type Make = (o: { proxy?: string | false; tls?: { ca: Buffer } }) => Transport;
const TRANSPORTS: [string, Make][] = [
  ['socketTransport', (o) => socketTransport(o)],
  ['nodeTransport', (o) => nodeTransport(o)],
];

describe.each(TRANSPORTS)('%s', (_name, make) => {
  it('an HTTP endpoint through the proxy option: absolute URL, credentials, a verified delete', async () => {
    const port = new URL(vod.url).port;
    // No resolver knows vod.test: the request arrives only through the proxy.
    const transport = make({ proxy: withAuth(proxy.url) });
    for (const signatureAlgorithm of ['ACS3-HMAC-SHA256', 'HMAC-SHA1'] as const) {
      const client = createVodClient({
        endpoint: `http://vod.test:${port}`,
        credentials: DEFAULT_EMULATOR_CREDENTIALS,
        signatureAlgorithm,
        transport,
      });
      const id = signatureAlgorithm === 'HMAC-SHA1' ? 'img1' : 'img2';
      const { data, error } = await client.deleteImage({
        DeleteImageType: 'ImageId',
        ImageIds: [id],
      });
      expect(error).toBeUndefined();
      expect(data?.requestId).toBeTypeOf('string');
    }
    expect(proxy.records.map((r) => [r.kind, r.target, r.authorization])).toEqual([
      ['forward', `http://vod.test:${port}/`, BASIC],
      ['forward', `http://vod.test:${port}/`, BASIC],
    ]);
    expect(vod.state.images()).toEqual([]);
    // The proxy's credentials went to the proxy, not on to the service.
    expect(vod.requests().map((r) => r.headers['proxy-authorization'])).toEqual([
      undefined,
      undefined,
    ]);
    await transport.close?.();
  });

  it('an HTTPS endpoint through a CONNECT tunnel: TLS end to end, the tunnel kept alive', async () => {
    const transport = make({ proxy: withAuth(proxy.url), tls: { ca: cert } });
    const client = createVodClient({
      endpoint: `https://localhost:${frontPort}`,
      credentials: DEFAULT_EMULATOR_CREDENTIALS,
      transport,
    });
    for (const id of ['img1', 'img2']) {
      const { error } = await client.deleteImage({ DeleteImageType: 'ImageId', ImageIds: [id] });
      expect(error).toBeUndefined();
    }
    // One tunnel for both calls: the connection through it was reused.
    expect(proxy.records).toEqual([
      { kind: 'connect', target: `localhost:${frontPort}`, authorization: BASIC },
    ]);
    expect(vod.state.images()).toEqual([]);
    await transport.close?.();
  });

  it('a proxy that refuses the tunnel: a network error that names it, nothing applied, no password', async () => {
    const refusing = await startProxy({ refuseWith: 407 });
    const client = createVodClient({
      endpoint: `https://localhost:${frontPort}`,
      credentials: DEFAULT_EMULATOR_CREDENTIALS,
      transport: make({ proxy: withAuth(refusing.url), tls: { ca: cert } }),
      retry: { maxAttempts: 2, baseDelayMs: 1 },
    });
    const { error } = await client.deleteImage({ DeleteImageType: 'ImageId', ImageIds: ['img1'] });
    await refusing.close();
    expect(error).toMatchObject({ code: 'NetworkError', attempts: 2, possiblyApplied: false });
    expect(error?.message).toContain(`${new URL(refusing.url).host} refused the tunnel`);
    expect(error?.message).toContain('HTTP 407');
    expect(inspect(error, { depth: 8 })).not.toContain(PASSWORD);
    expect(inspect(error, { depth: 8 })).not.toContain(BASIC.slice(6));
    expect(vod.requests()).toEqual([]);
  });

  it('HTTP_PROXY from the environment carries requests to a non-loopback host', async () => {
    vi.stubEnv('HTTP_PROXY', withAuth(proxy.url));
    vi.stubEnv('NO_PROXY', 'elsewhere.test');
    const port = new URL(vod.url).port;
    const transport = make({});
    const client = createVodClient({
      endpoint: `http://vod.test:${port}`,
      credentials: DEFAULT_EMULATOR_CREDENTIALS,
      transport,
    });
    const { error } = await client.deleteImage({ DeleteImageType: 'ImageId', ImageIds: ['img1'] });
    expect(error).toBeUndefined();
    expect(proxy.records).toEqual([
      { kind: 'forward', target: `http://vod.test:${port}/`, authorization: BASIC },
    ]);
    await transport.close?.();
  });

  it('proxy: false and loopback endpoints go straight, whatever the environment says', async () => {
    vi.stubEnv('HTTP_PROXY', proxy.url);
    vi.stubEnv('http_proxy', proxy.url);
    for (const transport of [make({ proxy: false }), make({})]) {
      const client = createVodClient({
        endpoint: vod.url,
        credentials: DEFAULT_EMULATOR_CREDENTIALS,
        transport,
      });
      const { error } = await client.deleteImage({
        DeleteImageType: 'ImageId',
        ImageIds: ['img1'],
      });
      expect(error?.code ?? 'deleted').toMatch(/deleted|NoSuchResource/);
      await transport.close?.();
    }
    expect(proxy.records).toEqual([]);
    expect(vod.requests()).toHaveLength(2);
  });

  it('a bad proxy URL is refused naming where it came from, never quoting it', async () => {
    expect(() => make({ proxy: `socks5://user:${PASSWORD}@127.0.0.1:1080` })).toThrow(
      /^proxy: must be an http:\/\/ or https:\/\/ proxy URL/,
    );
    expect(() => make({ proxy: `http://user:${PASSWORD}@127.0.0.1:1080/path` })).toThrow(
      expect.not.stringContaining(PASSWORD) as unknown,
    );
    vi.stubEnv('HTTPS_PROXY', `socks5://user:${PASSWORD}@127.0.0.1:1080`);
    const client = createVodClient({
      endpoint: 'https://vod.test:1',
      credentials: DEFAULT_EMULATOR_CREDENTIALS,
      transport: make({}),
      retry: { maxAttempts: 1 },
    });
    const { error } = await client.deleteImage({ DeleteImageType: 'ImageId', ImageIds: ['img1'] });
    expect(error?.message).toContain('the proxy in HTTPS_PROXY/HTTP_PROXY/ALL_PROXY');
    expect(inspect(error, { depth: 8 })).not.toContain(PASSWORD);
  });
});

describe('proxy-from-env', () => {
  it('the built client loads proxy-from-env only once a proxy variable is set', () => {
    const dist = fileURLToPath(new URL('../dist/node/index.js', import.meta.url));
    // A fresh process each time: what it loaded is then what the client loaded.
    const script = `
      const { createRequire } = await import('node:module');
      const m = await import(${JSON.stringify(dist)});
      const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((f) => f.includes('proxy-from-env'));
      const c = m.createVodClient({ region: 'cn-shanghai', credentials: { accessKeyId: 'a', accessKeySecret: 'b' }, retry: { maxAttempts: 1 }, timeoutMs: 50 });
      // An unroutable proxy answers at once; without one the call is refused before DNS.
      await c.deleteImage({ DeleteImageType: 'ImageId', ImageIds: ['x'] });
      console.log(JSON.stringify(loaded()));
      await c.close();`;
    const run = (env: NodeJS.ProcessEnv): unknown =>
      JSON.parse(
        execFileSync(process.execPath, ['--input-type=module', '-e', script], {
          encoding: 'utf8',
          env,
        }),
      );
    const clean = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !/_proxy$/i.test(name)),
    );
    expect(run({ ...clean, NO_PROXY: '*' })).toBe(false);
    expect(run({ ...clean, HTTPS_PROXY: 'http://127.0.0.1:9', NO_PROXY: '' })).toBe(true);
  });
});
