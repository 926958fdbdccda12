/**
 * The official Alibaba Node clients, unmodified, delete images on the emulator, and get
 * `SignatureDoesNotMatch` with a wrong secret.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_EMULATOR_CREDENTIALS, startEmulator } from '../src/index.js';
import type { RunningEmulator } from '../src/index.js';
import { openApiDelete, popCoreDelete } from './support/official.js';

const STS = {
  accessKeyId: 'STS.NUofficialClients',
  accessKeySecret: 'sts-secret-for-official-clients',
  securityToken: 'CAIS-official-client-token',
};

let vod: RunningEmulator;
beforeAll(async () => {
  vod = await startEmulator({
    qps: Infinity,
    stsTokens: [{ ...STS, expiresAt: Date.now() + 3_600_000, accountId: '1000000000000001' }],
  });
});
afterAll(async () => {
  await vod.close();
});

const wrong = { ...DEFAULT_EMULATOR_CREDENTIALS, accessKeySecret: 'not-the-secret' };

type Client = (
  params: Record<string, string>,
  credentials: typeof DEFAULT_EMULATOR_CREDENTIALS & { securityToken?: string },
) => Promise<Record<string, unknown>>;

const clients: [string, string, Client][] = [
  [
    '@alicloud/pop-core RPCClient POST',
    'HMAC-SHA1',
    (p, c) => popCoreDelete(vod.url, p, c, 'POST'),
  ],
  ['@alicloud/pop-core RPCClient GET', 'HMAC-SHA1', (p, c) => popCoreDelete(vod.url, p, c, 'GET')],
  ['@alicloud/openapi-client v2', 'HMAC-SHA1', (p, c) => openApiDelete(vod.url, p, c, 'v2')],
  [
    '@alicloud/openapi-client default',
    'ACS3-HMAC-SHA256',
    (p, c) => openApiDelete(vod.url, p, c, 'ACS3-HMAC-SHA256'),
  ],
];

describe.each(clients)('%s (%s)', (name, algorithm, call) => {
  const tag = name.replace(/\W+/g, '-');

  test('deletes images by ID, URL and video', async () => {
    vod.state.add([
      { imageId: `${tag}-1` },
      { imageId: `${tag}-2`, url: `https://media.example.com/image/${tag}-2.png?x=1` },
      { imageId: `${tag}-3`, videoId: `${tag}-v`, kind: 'CoverSnapshot' },
      { imageId: `${tag}-4`, videoId: `${tag}-v`, kind: 'SpriteSnapshot' },
    ]);
    const byId = await call(
      { DeleteImageType: 'ImageId', ImageIds: `${tag}-1,missing-${tag}` },
      DEFAULT_EMULATOR_CREDENTIALS,
    );
    const byUrl = await call(
      {
        DeleteImageType: 'ImageURL',
        ImageURLs: `https://media.example.com/image/${tag}-2.png?x=1`,
      },
      DEFAULT_EMULATOR_CREDENTIALS,
    );
    const byVideo = await call(
      { DeleteImageType: 'VideoId', VideoId: `${tag}-v`, ImageType: 'CoverSnapshot' },
      DEFAULT_EMULATOR_CREDENTIALS,
    );
    for (const answer of [byId, byUrl, byVideo]) {
      // pop-core resolves with the body; openapi-client with { headers, statusCode, body }.
      const body = (answer['body'] ?? answer) as Record<string, unknown>;
      expect(body['RequestId']).toMatch(/^[0-9A-F-]{36}$/);
    }
    expect(vod.state.has(`${tag}-1`)).toBe(false);
    expect(vod.state.has(`${tag}-2`)).toBe(false);
    expect(vod.state.has(`${tag}-3`)).toBe(false);
    expect(vod.state.has(`${tag}-4`)).toBe(true);
    expect(vod.requests().at(-1)?.algorithm).toBe(algorithm);
  });

  test('works with STS credentials', async () => {
    vod.state.add([{ imageId: `${tag}-sts` }]);
    await call({ DeleteImageType: 'ImageId', ImageIds: `${tag}-sts` }, STS);
    expect(vod.state.has(`${tag}-sts`)).toBe(false);
  });

  test('a wrong secret gets SignatureDoesNotMatch and deletes nothing', async () => {
    vod.state.add([{ imageId: `${tag}-kept` }]);
    const error = await call({ DeleteImageType: 'ImageId', ImageIds: `${tag}-kept` }, wrong).then(
      () => undefined,
      (e: unknown) => e as Record<string, unknown>,
    );
    expect(error).toBeDefined();
    // pop-core puts the code in `code`; openapi-client in `code` too (from the body's Code).
    expect(error?.['code']).toBe('SignatureDoesNotMatch');
    expect(String(error?.['message'])).toContain(
      'Specified signature is not matched with our calculation',
    );
    expect(vod.state.has(`${tag}-kept`)).toBe(true);
  });
});
