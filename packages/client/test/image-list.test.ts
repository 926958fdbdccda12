/**
 * checkImageList turns a string[] of unknown length into the 1–20 list type by the rules the
 * client applies before sending: the same field, rule and message as deleteImage's own error,
 * for any value plain JavaScript can pass, and never a throw. A list it accepts is sent as is.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '@vodkit/emulator';
import { VodValidationError, checkImageList, createVodClient } from '../src/index.ts';
import { DEFAULT_EMULATOR_CREDENTIALS, emulator } from './support.ts';

const ids = (n: number): string[] => Array.from({ length: n }, (_, i) => `id${i}`);
/** What plain JavaScript may hand over where the types say `string[]`. */
const untyped = (value: unknown): string[] => value as string[];

// A client whose every call fails at validation, so nothing is sent: the reference errors.
const offline = createVodClient({
  endpoint: 'http://127.0.0.1:1',
  credentials: DEFAULT_EMULATOR_CREDENTIALS,
});

/** The error deleteImage gives for the same list, to compare field, rule and message with. */
async function clientErrorFor(field: 'ImageIds' | 'ImageURLs', items: unknown) {
  const request =
    field === 'ImageIds'
      ? { DeleteImageType: 'ImageId', ImageIds: items }
      : { DeleteImageType: 'ImageURL', ImageURLs: items };
  const { error } = await offline.deleteImage(request as never);
  return error;
}

// eslint-disable-next-line no-sparse-arrays -- the hole is the point
const sparse = ['a', , 'c'];

const REFUSED: readonly [string, 'ImageIds' | 'ImageURLs', unknown, string, RegExp][] = [
  ['an empty list', 'ImageIds', [], 'ImageIds', /at least 1 item/],
  ['21 IDs', 'ImageIds', ids(21), 'ImageIds', /at most 20 items/],
  ['21 URLs', 'ImageURLs', ids(21).map((i) => `https://x/${i}`), 'ImageURLs', /at most 20/],
  ['a number among the IDs', 'ImageIds', ['a', 7], 'ImageIds[1]', /non-empty string/],
  ['null among the URLs', 'ImageURLs', ['https://x/a', null], 'ImageURLs[1]', /non-empty string/],
  ['an empty ID', 'ImageIds', [''], 'ImageIds[0]', /non-empty string/],
  ['a CR LF in an ID', 'ImageIds', ['a', 'b\r\nX-Evil: 1'], 'ImageIds[1]', /control characters/],
  ['a NUL in a URL', 'ImageURLs', ['https://x/a\u0000b'], 'ImageURLs[0]', /control characters/],
  ['a lone surrogate', 'ImageIds', ['a\uD800'], 'ImageIds[0]', /lone UTF-16 surrogate/],
  ['a comma in an ID', 'ImageIds', ['a,b'], 'ImageIds[0]', /comma/],
  ['a URL that is not http(s)', 'ImageURLs', ['ftp://x/a.png'], 'ImageURLs[0]', /http\(s\) URL/],
  ['a hole in a sparse array', 'ImageIds', sparse, 'ImageIds[1]', /hole/],
  ['a comma-joined string', 'ImageIds', 'a,b', 'ImageIds', /must be an array/],
  ['undefined', 'ImageURLs', undefined, 'ImageURLs', /must be an array/],
  ['an array-like object', 'ImageIds', { length: 1, 0: 'a' }, 'ImageIds', /must be an array/],
];

describe('checkImageList', () => {
  it.each(REFUSED)(
    'refuses %s with the error deleteImage would give',
    async (_, field, items, at, rule) => {
      const { data, error } = checkImageList(field, untyped(items));
      expect(data).toBeUndefined();
      expect(error).toBeInstanceOf(VodValidationError);
      expect(error).toMatchObject({ field: at, code: 'ValidationFailed', attempts: 0 });
      expect(error?.rule).toMatch(rule);
      // One rule, one message: the client's own check says exactly the same.
      const fromClient = (await clientErrorFor(field, items)) as VodValidationError;
      expect(fromClient).toBeInstanceOf(VodValidationError);
      expect([error?.field, error?.rule, error?.message]).toEqual([
        fromClient.field,
        fromClient.rule,
        fromClient.message,
      ]);
    },
  );

  it('refuses a field that has no list, from plain JavaScript', () => {
    const { error } = checkImageList('VideoId' as 'ImageIds', ['a']);
    expect(error).toMatchObject({ field: 'field', rule: 'must be ImageIds or ImageURLs' });
  });

  it('accepts 1 and 20 items and returns a dense copy with the same items', () => {
    for (const n of [1, 20]) {
      const input = ids(n);
      const { data, error } = checkImageList('ImageIds', input);
      expect(error).toBeUndefined();
      expect(data).toEqual(input);
      expect(data).not.toBe(input);
      // The caller changing its array afterwards cannot break the checked list.
      input.push('extra');
      expect(data).toHaveLength(n);
    }
    expect(checkImageList('ImageURLs', ['https://x/a b.png']).data).toEqual(['https://x/a b.png']);
  });
});

describe('a checked list goes straight into deleteImage', () => {
  let vod: RunningEmulator;
  beforeAll(async () => {
    vod = await emulator({ images: ids(3).map((imageId) => ({ imageId })) });
  });
  afterAll(async () => {
    await vod.close();
  });

  it('deletes what the database listed, no cast', async () => {
    const fromDatabase: string[] = ids(3);
    const { data: ImageIds, error } = checkImageList('ImageIds', fromDatabase);
    if (error !== undefined) throw error;
    const vodClient = createVodClient({
      endpoint: vod.url,
      credentials: DEFAULT_EMULATOR_CREDENTIALS,
    });
    const outcome = await vodClient.deleteImage({ DeleteImageType: 'ImageId', ImageIds });
    expect(outcome.error).toBeUndefined();
    expect(vod.state.size).toBe(0);
  });
});
