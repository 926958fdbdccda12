import { describe, expect, it } from 'vitest';
import { MAX_IMAGE_IDS, MAX_IMAGE_URLS } from '@vodkit/types';
import type { DeleteImageRequest } from '@vodkit/types';
import { VodValidationError } from '../src/index.ts';
import { toWireParams } from '../src/validate.ts';

const ids = (n: number): string[] => Array.from({ length: n }, (_, i) => `id${i}`);
const bad = (value: unknown): DeleteImageRequest => value as DeleteImageRequest;

function rejects(request: unknown, field: string, rule: RegExp): void {
  try {
    toWireParams(bad(request));
  } catch (error) {
    expect(error).toBeInstanceOf(VodValidationError);
    const e = error as VodValidationError;
    expect(e.field).toBe(field);
    expect(e.rule).toMatch(rule);
    expect(e.code).toBe('ValidationFailed');
    expect(e.attempts).toBe(0);
    expect(e.message).toContain(field);
    return;
  }
  throw new Error(`accepted ${JSON.stringify(request)}`);
}

describe('toWireParams', () => {
  it('joins lists with commas for every variant', () => {
    expect(toWireParams({ DeleteImageType: 'ImageId', ImageIds: ['a', 'b'] })).toEqual({
      DeleteImageType: 'ImageId',
      ImageIds: 'a,b',
    });
    expect(
      toWireParams({
        DeleteImageType: 'ImageURL',
        ImageURLs: ['https://x/1.png', 'http://y/2.png'],
      }),
    ).toEqual({
      DeleteImageType: 'ImageURL',
      ImageURLs: 'https%3A%2F%2Fx%2F1.png,http%3A%2F%2Fy%2F2.png',
    });
    expect(
      toWireParams({
        DeleteImageType: 'VideoId',
        VideoId: 'v1',
        ImageType: ['CoverSnapshot', 'SpriteSnapshot'],
      }),
    ).toEqual({
      DeleteImageType: 'VideoId',
      VideoId: 'v1',
      ImageType: 'CoverSnapshot,SpriteSnapshot',
    });
    expect(toWireParams({ DeleteImageType: 'VideoId', VideoId: 'v1', ImageType: 'All' })).toEqual({
      DeleteImageType: 'VideoId',
      VideoId: 'v1',
      ImageType: 'All',
    });
  });

  it(`accepts exactly ${MAX_IMAGE_IDS} IDs and ${MAX_IMAGE_URLS} URLs, and not one more`, () => {
    expect(
      toWireParams(bad({ DeleteImageType: 'ImageId', ImageIds: ids(MAX_IMAGE_IDS) })),
    ).toBeDefined();
    rejects(
      { DeleteImageType: 'ImageId', ImageIds: ids(MAX_IMAGE_IDS + 1) },
      'ImageIds',
      /at most 20/,
    );
    const urls = (n: number): string[] => ids(n).map((i) => `https://h/${i}`);
    expect(
      toWireParams(bad({ DeleteImageType: 'ImageURL', ImageURLs: urls(MAX_IMAGE_URLS) })),
    ).toBeDefined();
    rejects(
      { DeleteImageType: 'ImageURL', ImageURLs: urls(MAX_IMAGE_URLS + 1) },
      'ImageURLs',
      /at most 20/,
    );
  });

  it('names the field and the rule for every broken rule', () => {
    rejects(null, 'request', /object/);
    rejects({ DeleteImageType: 'Nope' }, 'DeleteImageType', /one of ImageURL, ImageId, VideoId/);
    rejects({ DeleteImageType: 'ImageId', ImageIds: [] }, 'ImageIds', /at least 1/);
    rejects({ DeleteImageType: 'ImageId', ImageIds: 'a,b' }, 'ImageIds', /array/);
    rejects({ DeleteImageType: 'ImageId', ImageIds: ['a', ''] }, 'ImageIds[1]', /non-empty/);
    rejects({ DeleteImageType: 'ImageId', ImageIds: ['a,b'] }, 'ImageIds[0]', /comma/);
    rejects({ DeleteImageType: 'ImageId', ImageIds: [7] }, 'ImageIds[0]', /string/);
    rejects({ DeleteImageType: 'ImageURL', ImageURLs: ['ftp://x'] }, 'ImageURLs[0]', /http/);
    rejects({ DeleteImageType: 'ImageURL', ImageURLs: ['https://x/a,b'] }, 'ImageURLs[0]', /comma/);
    rejects(
      { DeleteImageType: 'ImageId', ImageIds: ['a'], VideoId: 'v' },
      'VideoId',
      /not a field of the ImageId variant/,
    );
    rejects({ DeleteImageType: 'VideoId', VideoId: 'a,b', ImageType: 'All' }, 'VideoId', /one ID/);
    rejects({ DeleteImageType: 'VideoId', ImageType: 'All' }, 'VideoId', /non-empty/);
    rejects({ DeleteImageType: 'VideoId', VideoId: 'v', ImageType: 'Cover' }, 'ImageType', /All/);
    rejects({ DeleteImageType: 'VideoId', VideoId: 'v', ImageType: [] }, 'ImageType', /at least 1/);
    rejects(
      { DeleteImageType: 'VideoId', VideoId: 'v', ImageType: ['All'] },
      'ImageType[0]',
      /stands alone/,
    );
    rejects(
      { DeleteImageType: 'VideoId', VideoId: 'v', ImageType: ['CoverSnapshot', 'CoverSnapshot'] },
      'ImageType[1]',
      /repeat/,
    );
    rejects(
      {
        DeleteImageType: 'VideoId',
        VideoId: 'v',
        ImageType: [
          'CoverSnapshot',
          'NormalSnapshot',
          'SpriteSnapshot',
          'SpriteOriginSnapshot',
          'CoverSnapshot',
        ],
      },
      'ImageType',
      /at most 4/,
    );
  });

  it('reads own keys only: names of Object.prototype are no variant and no field', () => {
    for (const type of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      rejects({ DeleteImageType: type }, 'DeleteImageType', /one of ImageURL, ImageId, VideoId/);
    }
    // A request parsed from JSON can hold an own "__proto__" key: it is a stray field.
    rejects(
      JSON.parse('{"DeleteImageType":"ImageId","ImageIds":["a"],"__proto__":{"x":1}}'),
      '__proto__',
      /not a field/,
    );
    // Inherited fields are not the request's own.
    const inherited = Object.create({ ImageIds: ['a'] }) as Record<string, unknown>;
    inherited['DeleteImageType'] = 'ImageId';
    rejects(inherited, 'ImageIds', /array/);
    rejects(Object.create({ DeleteImageType: 'ImageId' }), 'DeleteImageType', /one of/);
    rejects([], 'request', /object/);
  });

  it('refuses what HTTP or UTF-8 cannot carry, naming the item', () => {
    rejects({ DeleteImageType: 'ImageId', ImageIds: ['a', 'b\r\nc'] }, 'ImageIds[1]', /control/);
    rejects(
      { DeleteImageType: 'VideoId', VideoId: 'v\u0000', ImageType: 'All' },
      'VideoId',
      /control/,
    );
    rejects(
      { DeleteImageType: 'ImageURL', ImageURLs: ['https://x/\uD800.png'] },
      'ImageURLs[0]',
      /lone UTF-16 surrogate/,
    );
    // A valid astral character is fine.
    expect(toWireParams({ DeleteImageType: 'ImageId', ImageIds: ['😀'] })['ImageIds']).toBe('😀');
  });
});
