/**
 * The request schema rejects every combination that cannot be a valid DeleteImage call, and says
 * which field broke which rule.
 */
import { describe, expect, it } from 'vitest';
import { createSpecValidator, describeErrors, loadSpec } from '@vodkit/emulator';

const validate = createSpecValidator(loadSpec()).schema('DeleteImageRequest');
const ids = (count: number): string[] =>
  Array.from({ length: count }, (_, index) => index.toString(16).padStart(32, '0'));

describe('DeleteImageRequest schema', () => {
  it.each([
    [
      'ImageURL with one URL',
      { DeleteImageType: 'ImageURL', ImageURLs: ['https://media.example.com/a.png'] },
    ],
    ['ImageId with 20 IDs', { DeleteImageType: 'ImageId', ImageIds: ids(20) }],
    ['VideoId with All', { DeleteImageType: 'VideoId', VideoId: 'v1', ImageType: 'All' }],
    [
      'VideoId with every kind',
      {
        DeleteImageType: 'VideoId',
        VideoId: 'v1',
        ImageType: ['CoverSnapshot', 'NormalSnapshot', 'SpriteSnapshot', 'SpriteOriginSnapshot'],
      },
    ],
  ])('accepts %s', (_name, request) => {
    expect(validate(request), describeErrors(validate.errors).join('\n')).toBe(true);
  });

  it.each([
    [
      'ImageIds with DeleteImageType=VideoId',
      { DeleteImageType: 'VideoId', VideoId: 'v1', ImageType: 'All', ImageIds: ['a'] },
      '/ additionalProperties',
    ],
    [
      'ImageURLs with DeleteImageType=ImageId',
      { DeleteImageType: 'ImageId', ImageIds: ['a'], ImageURLs: ['https://x/a.png'] },
      '/ additionalProperties',
    ],
    ['21 image IDs', { DeleteImageType: 'ImageId', ImageIds: ids(21) }, '/ImageIds maxItems'],
    [
      '21 image URLs',
      { DeleteImageType: 'ImageURL', ImageURLs: ids(21).map((id) => `https://x/${id}.png`) },
      '/ImageURLs maxItems',
    ],
    ['an empty ImageIds list', { DeleteImageType: 'ImageId', ImageIds: [] }, '/ImageIds minItems'],
    [
      'an empty ImageURLs list',
      { DeleteImageType: 'ImageURL', ImageURLs: [] },
      '/ImageURLs minItems',
    ],
    [
      'ImageType All plus another kind',
      { DeleteImageType: 'VideoId', VideoId: 'v1', ImageType: ['All', 'CoverSnapshot'] },
      '/ImageType/0 enum',
    ],
    [
      'ImageType as a comma-joined string',
      { DeleteImageType: 'VideoId', VideoId: 'v1', ImageType: 'All,CoverSnapshot' },
      '/ImageType const',
    ],
    [
      'an empty ImageType set',
      { DeleteImageType: 'VideoId', VideoId: 'v1', ImageType: [] },
      '/ImageType minItems',
    ],
    [
      'a repeated snapshot kind',
      { DeleteImageType: 'VideoId', VideoId: 'v1', ImageType: ['CoverSnapshot', 'CoverSnapshot'] },
      '/ImageType uniqueItems',
    ],
    [
      'an unknown field',
      { DeleteImageType: 'ImageId', ImageIds: ['a'], Force: 'true' },
      '/ additionalProperties',
    ],
    ['a missing DeleteImageType', { ImageIds: ['a'] }, '/ discriminator'],
    [
      'an unknown DeleteImageType',
      { DeleteImageType: 'ImageName', ImageIds: ['a'] },
      '/ discriminator',
    ],
    ['VideoId without ImageType', { DeleteImageType: 'VideoId', VideoId: 'v1' }, '/ required'],
    [
      'two video IDs in VideoId',
      { DeleteImageType: 'VideoId', VideoId: 'v1,v2', ImageType: 'All' },
      '/VideoId pattern',
    ],
    [
      'an image ID containing a comma',
      { DeleteImageType: 'ImageId', ImageIds: ['a,b'] },
      '/ImageIds/0 pattern',
    ],
    [
      'an image URL that is not http(s)',
      { DeleteImageType: 'ImageURL', ImageURLs: ['ftp://x/a.png'] },
      '/ImageURLs/0 pattern',
    ],
  ])('rejects %s', (_name, request, expected) => {
    expect(validate(request)).toBe(false);
    // The first error names the field and the rule, which is what users will be shown.
    expect(describeErrors(validate.errors).map((line) => line.split(':')[0])).toContain(expected);
  });
});

describe('DeleteImageRequest schema error messages', () => {
  it('names the discriminator when DeleteImageType is missing or unknown', () => {
    for (const request of [
      { ImageIds: ['a'] },
      { DeleteImageType: 'ImageName', ImageIds: ['a'] },
    ]) {
      expect(validate(request)).toBe(false);
      expect(describeErrors(validate.errors).join('\n')).toContain('DeleteImageType');
    }
  });
});
