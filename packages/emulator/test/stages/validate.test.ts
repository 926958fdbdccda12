/**
 * The `validate` stage: the spec's rules, with the service profile ignoring vodkit's stricter ones.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MAX_IMAGE_IDS } from '@vodkit/types';
import { startEmulator } from '../../src/index.js';
import type { RunningEmulator } from '../../src/index.js';
import { expectError, expectSuccess, useFixture } from '../support/fixture.js';
import { byIds, callV2, callV3, seeded } from '../support/rpc.js';

const fx = useFixture();

describe('validation against the spec', () => {
  const cases: [string, Record<string, string>, string, string][] = [
    ['no DeleteImageType', { ImageIds: 'a' }, 'MissingParameter', '"DeleteImageType"'],
    [
      'an empty DeleteImageType',
      { DeleteImageType: '', ImageIds: 'a' },
      'MissingParameter',
      '"DeleteImageType"',
    ],
    [
      'an unknown DeleteImageType',
      { DeleteImageType: 'Album' },
      'InvalidParameter',
      'must be one of ImageURL, ImageId, VideoId',
    ],
    ['ImageId without ImageIds', { DeleteImageType: 'ImageId' }, 'MissingParameter', '"ImageIds"'],
    [
      'an empty ImageIds',
      { DeleteImageType: 'ImageId', ImageIds: '' },
      'MissingParameter',
      '"ImageIds"',
    ],
    [
      'ImageURL without ImageURLs',
      { DeleteImageType: 'ImageURL', ImageIds: 'a' },
      'MissingParameter',
      '"ImageURLs"',
    ],
    [
      'VideoId without ImageType',
      { DeleteImageType: 'VideoId', VideoId: 'v' },
      'MissingParameter',
      '"ImageType"',
    ],
    [
      `${MAX_IMAGE_IDS + 1} image IDs`,
      {
        DeleteImageType: 'ImageId',
        ImageIds: Array.from({ length: MAX_IMAGE_IDS + 1 }, (_, i) => `id${i}`).join(','),
      },
      'InvalidParameter',
      `It holds ${MAX_IMAGE_IDS + 1} items; at most ${MAX_IMAGE_IDS} are allowed.`,
    ],
    [
      'an empty item',
      { DeleteImageType: 'ImageId', ImageIds: 'a,,b' },
      'InvalidParameter',
      'Item 2 is empty',
    ],
    [
      'a URL that is not http(s)',
      { DeleteImageType: 'ImageURL', ImageURLs: 'ftp://x/y.png' },
      'InvalidParameter',
      'does not match the pattern',
    ],
    [
      'an unknown kind',
      { DeleteImageType: 'VideoId', VideoId: 'v', ImageType: 'CoverSnapshot,Poster' },
      'InvalidParameter',
      'Item 2 (Poster) must be All or a set of CoverSnapshot',
    ],
    [
      'All with a kind',
      { DeleteImageType: 'VideoId', VideoId: 'v', ImageType: 'All,CoverSnapshot' },
      'InvalidParameter',
      'All stands alone',
    ],
    [
      'a repeated kind',
      { DeleteImageType: 'VideoId', VideoId: 'v', ImageType: 'CoverSnapshot,CoverSnapshot' },
      'InvalidParameter',
      'same item twice',
    ],
    [
      'two videos',
      { DeleteImageType: 'VideoId', VideoId: 'v1,v2', ImageType: 'All' },
      'InvalidParameter',
      '"VideoId"',
    ],
    [
      'a field of another variant',
      { DeleteImageType: 'ImageId', ImageIds: 'a', VideoId: 'v' },
      'InvalidParameter',
      'not accepted when DeleteImageType is ImageId',
    ],
    [
      'an unknown field',
      { DeleteImageType: 'ImageId', ImageIds: 'a', Colour: 'red' },
      'InvalidParameter',
      '"Colour" is not valid. It is not a parameter of DeleteImage.',
    ],
  ];
  /** vodkit's own rules (`x-vodkit-rules`): only the strict profile enforces them. */
  const VODKIT_RULES: ReadonlySet<string> = new Set([
    'All with a kind',
    'a repeated kind',
    'a field of another variant',
    'an unknown field',
  ]);
  let strict: RunningEmulator;
  beforeAll(async () => {
    strict = await startEmulator({ now: () => fx.clock, qps: Infinity, profile: 'strict' });
  });
  afterAll(async () => {
    await strict.close();
  });

  test.each(cases)('%s → %s', async (name, params, code, text) => {
    const targets = VODKIT_RULES.has(name) ? [strict] : [fx.vod, strict];
    for (const target of targets) {
      for (const answer of [
        await callV2(target.url, params, { time: fx.clock }),
        await callV3(target.url, params, { time: fx.clock }),
      ]) {
        expect(expectError(answer, code)).toContain(text);
      }
    }
  });

  test.each([...VODKIT_RULES])(
    'the service profile does not enforce vodkit’s rule: %s',
    async (name) => {
      const params = cases.find(([n]) => n === name)?.[1] ?? {};
      fx.vod.state.add([
        { imageId: 'a' },
        { imageId: 'vc', videoId: 'v', kind: 'CoverSnapshot' },
        { imageId: 'vn', videoId: 'v', kind: 'NormalSnapshot' },
      ]);
      expectSuccess(await callV2(fx.vod.url, params, { time: fx.clock }));
      const deleted = fx.vod.requests().at(-1)?.deleted ?? [];
      expect(deleted.length).toBeGreaterThan(0);
      // All stands for every kind, even listed with one.
      if (name === 'All with a kind') expect(deleted).toEqual(['vc', 'vn']);
    },
  );

  test('an unknown Format is InvalidParameter naming Format', async () => {
    expect(
      expectError(
        await callV2(fx.vod.url, byIds('a'), { time: fx.clock, format: 'YAML' }),
        'InvalidParameter',
      ),
    ).toContain('"Format"');
  });

  test('RegionId, a common parameter of the gateway, is accepted', async () => {
    expectSuccess(
      await callV2(
        fx.vod.url,
        { ...seeded(fx.vod, 'a'), RegionId: 'cn-shanghai' },
        { time: fx.clock },
      ),
    );
  });
});
