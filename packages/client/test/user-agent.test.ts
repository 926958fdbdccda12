/**
 * The `user-agent` every transport sends outside browsers, read where the emulator received it:
 * `vodkit/<version> (node/<version>; <os>; <arch>)`, then the caller's `userAgent`. The version
 * is the package's. The header is not signed, so a hop that rewrites it breaks no signature.
 * Bad `userAgent` values from plain JavaScript are refused when the client is made.
 * (browser.test.ts checks that a browser keeps its own.)
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '@vodkit/emulator';
import { createVodClient as createWebClient } from '../src/index.ts';
import {
  createVodClient,
  nodeTransport,
  socketTransport,
  VodValidationError,
} from '../src/node/index.ts';
import type { Transport, VodClient } from '../src/node/index.ts';
import { DEFAULT_EMULATOR_CREDENTIALS, emulator } from './support.ts';

const { version } = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
) as { version: string };
const OWN = `vodkit/${version} (node/${process.versions.node}; ${process.platform}; ${process.arch})`;

let vod: RunningEmulator;
beforeAll(async () => {
  vod = await emulator({ qps: Infinity });
});
afterAll(() => vod.close());
beforeEach(() => {
  vod.state.reset([{ imageId: 'img1' }, { imageId: 'img2' }]);
});

interface Options {
  readonly userAgent?: string;
  readonly signatureAlgorithm?: 'ACS3-HMAC-SHA256' | 'HMAC-SHA1';
  readonly transport?: Transport;
}
const base = { credentials: DEFAULT_EMULATOR_CREDENTIALS } as const;
const CLIENTS: [string, (endpoint: string, o: Options) => VodClient][] = [
  [
    'socketTransport (the Node default)',
    (endpoint, o) => createVodClient({ endpoint, ...base, ...o }),
  ],
  [
    'nodeTransport',
    (endpoint, o) => createVodClient({ endpoint, ...base, transport: nodeTransport(), ...o }),
  ],
  [
    'fetch given to the Node entry',
    (endpoint, o) =>
      createVodClient({ endpoint, ...base, fetch: (input, init) => fetch(input, init), ...o }),
  ],
  [
    'the main entry on Node (fetchTransport)',
    (endpoint, o) => createWebClient({ endpoint, ...base, ...o }),
  ],
];

const received = (): (string | undefined)[] => vod.requests().map((r) => r.headers['user-agent']);

describe.each(CLIENTS)('%s', (_name, make) => {
  it('sends vodkit, its version and the runtime; userAgent appends the caller’s product', async () => {
    for (const [userAgent, expected] of [
      [undefined, OWN],
      ['myapp/1.2', `${OWN} myapp/1.2`],
    ] as const) {
      const client = make(vod.url, userAgent === undefined ? {} : { userAgent });
      const { error } = await client.deleteImage({
        DeleteImageType: 'ImageId',
        ImageIds: ['img1'],
      });
      expect(error?.code ?? 'deleted').toMatch(/deleted|NoSuchResource/);
      expect(received().at(-1)).toBe(expected);
      await client.close();
    }
    // The first call deleted img1 (its signature verified), the second found it gone.
    expect(vod.requests().map((r) => r.status)).toEqual([200, 404]);
  });

  it('through middleware too', async () => {
    const client = make(vod.url, { userAgent: 'myapp/1.2' });
    client.use({ onRequest: ({ request }) => request });
    const { error } = await client.deleteImage({ DeleteImageType: 'ImageId', ImageIds: ['img1'] });
    expect(error).toBeUndefined();
    expect(received()).toEqual([`${OWN} myapp/1.2`]);
    await client.close();
  });
});

describe('the header is not signed', () => {
  for (const signatureAlgorithm of ['ACS3-HMAC-SHA256', 'HMAC-SHA1'] as const) {
    it(`${signatureAlgorithm}: a hop that rewrites it after signing breaks nothing`, async () => {
      const send = socketTransport();
      // What a proxy or an APM agent might do to the header, after the client signed.
      const rewriting: Transport = Object.assign(
        (r: Parameters<Transport>[0]) =>
          send({ ...r, headers: { ...r.headers, 'user-agent': 'rewritten/1' } }),
        { close: send.close },
      );
      const client = createVodClient({
        endpoint: vod.url,
        ...base,
        signatureAlgorithm,
        userAgent: 'myapp/1.2',
        transport: rewriting,
      });
      const { error } = await client.deleteImage({
        DeleteImageType: 'ImageId',
        ImageIds: ['img2'],
      });
      expect(error).toBeUndefined();
      const [request] = vod.requests();
      expect(request?.headers['user-agent']).toBe('rewritten/1');
      if (signatureAlgorithm === 'ACS3-HMAC-SHA256') {
        expect(request?.headers['authorization']).toMatch(/SignedHeaders=[^,]*,/);
        expect(request?.headers['authorization']).not.toMatch(/SignedHeaders=[^,]*user-agent/);
      }
      await rewriting.close?.();
    });
  }
});

describe('the userAgent option, from plain JavaScript', () => {
  const BAD: [string, unknown][] = [
    ['a number', 42],
    ['an object', { name: 'myapp' }],
    ['an empty string', ''],
    ['a line break (header injection)', 'myapp/1.2\r\nx-injected: 1'],
    ['a NUL', 'myapp/1.2\0'],
    ['a tab', 'myapp\t1.2'],
    ['DEL', 'myapp/1.2\x7f'],
    ['non-ASCII', 'myapp/1.2 (café)'],
    ['257 characters', `myapp/${'1'.repeat(251)}`],
  ];
  it.each(BAD)('%s is refused naming the option and the rule', (_d, userAgent) => {
    for (const create of [createVodClient, createWebClient]) {
      let thrown: unknown;
      try {
        create({ endpoint: vod.url, ...base, userAgent } as unknown as Parameters<
          typeof createWebClient
        >[0]);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(VodValidationError);
      expect(thrown).toMatchObject({
        code: 'InvalidOption',
        field: 'userAgent',
        rule: 'must be printable ASCII, 1 to 256 characters (a product such as myapp/1.2)',
      });
    }
  });

  it('256 printable characters, spaces and parentheses are fine', () => {
    for (const userAgent of [`myapp/${'1'.repeat(250)}`, 'myapp/1.2 (build 7; linux)']) {
      expect(() => createVodClient({ endpoint: vod.url, ...base, userAgent })).not.toThrow();
    }
  });
});
