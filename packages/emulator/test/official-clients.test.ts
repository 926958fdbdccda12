/**
 * The official Alibaba Node clients, unmodified, delete images on the emulator in both behaviour
 * profiles, in the three request shapes real clients send: pop-core's form body (and its GET),
 * openapi-client's `v2` path and its default ACS3 path (fields in the query, empty POST body).
 * They get `SignatureDoesNotMatch` with a wrong secret and `NoSuchResource` for a missing image.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_EMULATOR_CREDENTIALS, startEmulator } from '../src/index.js';
import type { RunningEmulator, ValidationProfile } from '../src/index.js';
import { openApiDelete, popCoreDelete } from './support/official.js';

const STS = {
  accessKeyId: 'STS.NUofficialClients',
  accessKeySecret: 'sts-secret-for-official-clients',
  securityToken: 'CAIS-official-client-token',
};

const emulators = new Map<ValidationProfile, RunningEmulator>();
beforeAll(async () => {
  for (const profile of ['service', 'strict'] as const) {
    emulators.set(
      profile,
      await startEmulator({
        profile,
        qps: Infinity,
        stsTokens: [{ ...STS, expiresAt: Date.now() + 3_600_000, accountId: '1000000000000001' }],
      }),
    );
  }
});
afterAll(async () => {
  for (const e of emulators.values()) await e.close();
});

const wrong = { ...DEFAULT_EMULATOR_CREDENTIALS, accessKeySecret: 'not-the-secret' };

type Client = (
  url: string,
  params: Record<string, string>,
  credentials: typeof DEFAULT_EMULATOR_CREDENTIALS & { securityToken?: string },
) => Promise<Record<string, unknown>>;

const clients: [string, string, string, Client][] = [
  [
    '@alicloud/pop-core RPCClient POST',
    'HMAC-SHA1',
    'POST form body',
    (u, p, c) => popCoreDelete(u, p, c, 'POST'),
  ],
  [
    '@alicloud/pop-core RPCClient GET',
    'HMAC-SHA1',
    'GET query',
    (u, p, c) => popCoreDelete(u, p, c, 'GET'),
  ],
  [
    '@alicloud/openapi-client v2',
    'HMAC-SHA1',
    'POST query, empty body',
    (u, p, c) => openApiDelete(u, p, c, 'v2'),
  ],
  [
    '@alicloud/openapi-client default',
    'ACS3-HMAC-SHA256',
    'POST query, empty body',
    (u, p, c) => openApiDelete(u, p, c, 'ACS3-HMAC-SHA256'),
  ],
];

const matrix = (['service', 'strict'] as const).flatMap((profile) =>
  clients.map(([name, algorithm, shape, call]) => [profile, name, algorithm, shape, call] as const),
);

/** The error an official client rejects with, or `undefined` when it resolved. */
const failure = (promise: Promise<unknown>): Promise<Record<string, unknown> | undefined> =>
  promise.then(
    () => undefined,
    (e: unknown) => e as Record<string, unknown>,
  );

describe.each(matrix)('%s profile: %s (%s, %s)', (profile, name, algorithm, shape, callAt) => {
  const tag = `${profile}-${name.replace(/\W+/g, '-')}`;
  let vod: RunningEmulator;
  let call: (
    params: Record<string, string>,
    credentials: Parameters<Client>[2],
  ) => Promise<Record<string, unknown>>;
  beforeAll(() => {
    const e = emulators.get(profile);
    if (e === undefined) throw new Error(`no ${profile} emulator`);
    vod = e;
    call = (params, credentials) => callAt(vod.url, params, credentials);
  });

  test('deletes images by ID, URL and video', async () => {
    vod.state.add([
      { imageId: `${tag}-1` },
      { imageId: `${tag}-2`, url: `https://media.example.com/image/${tag}-2.png?x=1` },
      { imageId: `${tag}-3`, videoId: `${tag}-v`, kind: 'CoverSnapshot' },
      { imageId: `${tag}-4`, videoId: `${tag}-v`, kind: 'SpriteSnapshot' },
    ]);
    const byId = await call(
      { DeleteImageType: 'ImageId', ImageIds: `${tag}-1` },
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
    const last = vod.requests().at(-1);
    expect(last?.algorithm).toBe(algorithm);
    // The request shape is what the test names.
    const inQuery = shape !== 'POST form body';
    expect(last?.method).toBe(shape.split(' ')[0]);
    expect(last?.params['DeleteImageType']).toBe('VideoId');
    if (inQuery) expect(last?.headers['content-length'] ?? '0').toBe('0');
  });

  test('a missing image gets NoSuchResource (404)', async () => {
    const error = await failure(
      call({ DeleteImageType: 'ImageId', ImageIds: `${tag}-never` }, DEFAULT_EMULATOR_CREDENTIALS),
    );
    expect(error?.['code']).toBe('NoSuchResource');
    expect(vod.requests().at(-1)?.status).toBe(404);
  });

  test('ImageURLs encoded item by item round-trip: spaces, %, +, non-ASCII, ?query', async () => {
    const urls = [
      `https://media.example.com/${tag}/a b.png`,
      `https://media.example.com/${tag}/50%25.png`,
      `https://media.example.com/${tag}/c+d.png`,
      `https://media.example.com/${tag}/图片.png`,
      `https://media.example.com/${tag}/q.png?auth_key=1-0-0-x&w=1`,
    ];
    vod.state.add(urls.map((url, i) => ({ imageId: `${tag}-enc${i}`, url })));
    await call(
      { DeleteImageType: 'ImageURL', ImageURLs: urls.map((u) => encodeURIComponent(u)).join(',') },
      DEFAULT_EMULATOR_CREDENTIALS,
    );
    expect(urls.filter((_, i) => vod.state.has(`${tag}-enc${i}`))).toEqual([]);
  });

  test('the hidden gateway fields (RegionId, OwnerId, ResourceOwnerId, ResourceOwnerAccount) are accepted', async () => {
    vod.state.add([{ imageId: `${tag}-hidden` }]);
    await call(
      {
        DeleteImageType: 'ImageId',
        ImageIds: `${tag}-hidden`,
        RegionId: 'cn-shanghai',
        OwnerId: '1000000000000001',
        ResourceOwnerId: '1000000000000001',
        ResourceOwnerAccount: 'owner@example.com',
      },
      DEFAULT_EMULATOR_CREDENTIALS,
    );
    expect(vod.state.has(`${tag}-hidden`)).toBe(false);
  });

  test(`a field of another variant is ${profile === 'service' ? 'ignored, as by the service' : 'InvalidParameter (strict)'}`, async () => {
    vod.state.add([{ imageId: `${tag}-other` }]);
    const error = await failure(
      call(
        { DeleteImageType: 'ImageId', ImageIds: `${tag}-other`, VideoId: 'v' },
        DEFAULT_EMULATOR_CREDENTIALS,
      ),
    );
    if (profile === 'service') {
      expect(error).toBeUndefined();
      expect(vod.state.has(`${tag}-other`)).toBe(false);
    } else {
      expect(error?.['code']).toBe('InvalidParameter');
      expect(vod.state.has(`${tag}-other`)).toBe(true);
    }
  });

  test('works with STS credentials', async () => {
    vod.state.add([{ imageId: `${tag}-sts` }]);
    await call({ DeleteImageType: 'ImageId', ImageIds: `${tag}-sts` }, STS);
    expect(vod.state.has(`${tag}-sts`)).toBe(false);
  });

  test('a wrong secret gets SignatureDoesNotMatch and deletes nothing', async () => {
    vod.state.add([{ imageId: `${tag}-kept` }]);
    const error = await failure(
      call({ DeleteImageType: 'ImageId', ImageIds: `${tag}-kept` }, wrong),
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
