/**
 * Both Node transports against proxies that misbehave on CONNECT (small `node:net` servers on
 * 127.0.0.1): one table, the same answers from either transport. A proxy that answers badly is
 * a network error naming it (never its credentials) with nothing applied; one that stalls, at
 * any point before the request could leave (no answer, half an answer, a tunnel whose far end
 * never answers the TLS hello, an `https://` proxy that never finishes its own handshake), is
 * ended by `timeoutMs` as a timeout and by the caller's signal as an abort, promptly, with
 * nothing applied either.
 */
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { createVodClient, nodeTransport, socketTransport } from '../src/node/index.ts';
import type { Transport } from '../src/node/index.ts';
import { DEFAULT_EMULATOR_CREDENTIALS, within } from './support.ts';
import { startHostileProxy } from './proxy-server.ts';
import type { HostileBehaviour, HostileProxy } from './proxy-server.ts';

const PASSWORD = 'pr0xy-s3cret';
const BASIC = Buffer.from(`user:${PASSWORD}`).toString('base64');
const TRANSPORTS: [string, (proxy: string) => Transport][] = [
  ['socketTransport', (proxy) => socketTransport({ proxy })],
  ['nodeTransport', (proxy) => nodeTransport({ proxy })],
];

let proxy: HostileProxy | undefined;
afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
});

const clientThrough = (
  make: (proxy: string) => Transport,
  p: HostileProxy,
  scheme: 'http' | 'https',
  timeoutMs: number,
) =>
  createVodClient({
    // Never reached: every behaviour here stops at the proxy.
    endpoint: 'https://vod.test:4443',
    credentials: DEFAULT_EMULATOR_CREDENTIALS,
    transport: make(`${scheme}://user:${PASSWORD}@${p.label}`),
    retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 },
    timeoutMs,
  });

/** Waits (a bounded loop) for the client to have closed every connection it made to the proxy. */
async function expectConnectionsClosed(p: HostileProxy): Promise<void> {
  for (let i = 0; i < 100 && p.open() > 0; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  expect(p.open()).toBe(0);
}

const expectNoSecret = (error: unknown): void => {
  const shown = inspect(error, { depth: 8 });
  expect(shown).not.toContain(PASSWORD);
  expect(shown).not.toContain(BASIC);
};

/** Proxies that answer CONNECT with something other than a tunnel: the message they give. */
const ANSWERS: [string, HostileBehaviour, RegExp][] = [
  [
    'closes before answering',
    'close',
    /proxy 127\.0\.0\.1:\d+ closed the connection during CONNECT/,
  ],
  [
    'answers 407',
    'refuse-407',
    /proxy 127\.0\.0\.1:\d+ refused the tunnel to vod\.test:4443: HTTP 407/,
  ],
  [
    'answers 502',
    'refuse-502',
    /proxy 127\.0\.0\.1:\d+ refused the tunnel to vod\.test:4443: HTTP 502/,
  ],
  ['answers garbage', 'garbage', /proxy 127\.0\.0\.1:\d+: malformed answer to CONNECT/],
  [
    'answers a head that never ends',
    'endless-head',
    /proxy 127\.0\.0\.1:\d+: its answer to CONNECT is too long/,
  ],
];

/** Proxies that stall before the request could leave, and where the stall is. */
const STALLS: [string, HostileBehaviour, 'http' | 'https', RegExp][] = [
  [
    'never answers CONNECT',
    'stall',
    'http',
    /waiting for proxy 127\.0\.0\.1:\d+ to open the tunnel/,
  ],
  [
    'sends half an answer and stalls',
    'partial',
    'http',
    /waiting for proxy 127\.0\.0\.1:\d+ to open the tunnel/,
  ],
  [
    'opens a tunnel whose far end never answers the TLS hello',
    'silent-tunnel',
    'http',
    /in the TLS handshake with vod\.test:4443/,
  ],
  [
    'is https:// and never finishes its own TLS handshake',
    'stall',
    'https',
    /waiting for proxy 127\.0\.0\.1:\d+ to open the tunnel/,
  ],
];

describe.each(TRANSPORTS)('%s through a hostile proxy', (_name, make) => {
  it.each(ANSWERS)(
    'a proxy that %s: a network error naming it, nothing applied',
    async (_d, behaviour, message) => {
      proxy = await startHostileProxy(behaviour);
      const client = clientThrough(make, proxy, 'http', 5_000);
      const { error } = await within(
        5_000,
        client.deleteImage({ DeleteImageType: 'ImageId', ImageIds: ['img1'] }),
      );
      expect(error).toMatchObject({
        kind: 'network',
        code: 'NetworkError',
        attempts: 2,
        possiblyApplied: false,
      });
      expect(error?.message).toMatch(message);
      expect(proxy.connects()).toBe(2);
      expectNoSecret(error);
      await client.close();
    },
  );

  it.each(STALLS)(
    'a proxy that %s: timeoutMs ends it as a timeout, nothing applied',
    async (_d, behaviour, scheme, where) => {
      proxy = await startHostileProxy(behaviour);
      const client = clientThrough(make, proxy, scheme, 200);
      const started = performance.now();
      const { error } = await within(
        5_000,
        client.deleteImage({ DeleteImageType: 'ImageId', ImageIds: ['img1'] }),
      );
      // Two attempts of 200 ms each, and little more.
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(error).toMatchObject({
        kind: 'timeout',
        code: 'Timeout',
        attempts: 2,
        possiblyApplied: false,
      });
      expect((error?.cause as Error | undefined)?.message).toMatch(where);
      expectNoSecret(error);
      // No tunnel is left half open, before close() too.
      await expectConnectionsClosed(proxy);
      await client.close();
    },
  );

  it.each(STALLS)(
    'a proxy that %s: the caller’s signal ends it with its reason',
    async (_d, behaviour, scheme) => {
      proxy = await startHostileProxy(behaviour);
      // Only the signal can end this one in time.
      const client = clientThrough(make, proxy, scheme, 60_000);
      const controller = new AbortController();
      const reason = new Error('the caller gave up');
      setTimeout(() => {
        controller.abort(reason);
      }, 100);
      const started = performance.now();
      const outcome = await within(
        5_000,
        client
          .deleteImage(
            { DeleteImageType: 'ImageId', ImageIds: ['img1'] },
            { signal: controller.signal },
          )
          .then(
            () => 'resolved',
            (error: unknown) => error,
          ),
      );
      expect(outcome).toBe(reason);
      expect(performance.now() - started).toBeLessThan(1_000);
      await expectConnectionsClosed(proxy);
      await client.close();
    },
  );
});
