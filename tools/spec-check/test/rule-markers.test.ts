/**
 * Whose rule is it: the spec marks vodkit's stricter rules with `x-vodkit-rules`, and the
 * service's view of the spec (what a validator of real traffic uses) relaxes exactly those.
 */
import { describe, expect, it } from 'vitest';
import { createSpecValidator, loadSpec, serviceView } from '@vodkit/emulator';

const spec = loadSpec();
const strict = createSpecValidator(spec).schema('DeleteImageRequest');
const service = createSpecValidator(serviceView(spec)).schema('DeleteImageRequest');

/** Every schema node that carries `x-vodkit-rules`, with the keywords it marks. */
function markedRules(node: unknown, path = '#', out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((item, i) => markedRules(item, `${path}/${i}`, out));
  else if (node !== null && typeof node === 'object') {
    const rules = (node as Record<string, unknown>)['x-vodkit-rules'];
    if (rules !== null && typeof rules === 'object') {
      for (const keyword of Object.keys(rules)) {
        expect(Object.hasOwn(node, keyword), `${path} marks ${keyword}, which it lacks`).toBe(true);
        out.push(`${path} ${keyword}`);
      }
    }
    for (const [key, value] of Object.entries(node)) {
      if (key !== 'x-vodkit-rules') markedRules(value, `${path}/${key}`, out);
    }
  }
  return out;
}

describe('x-vodkit-rules', () => {
  it("marks exactly vodkit's rules: own fields only, All alone, no repeats, at most four kinds, no control characters or lone surrogates", () => {
    expect(markedRules(spec.components.schemas).sort()).toEqual(
      [
        '#/ImageURL pattern',
        '#/ImageId pattern',
        '#/VideoId pattern',
        '#/DeleteImageByImageURLs additionalProperties',
        '#/DeleteImageByImageIds additionalProperties',
        '#/DeleteImageByVideoId additionalProperties',
        '#/ImageTypeSelection/oneOf/1 maxItems',
        '#/ImageTypeSelection/oneOf/1 uniqueItems',
        '#/ImageTypeSelection/oneOf/1 items',
      ].sort(),
    );
  });

  it('serviceView leaves the spec it is given untouched', () => {
    const before = JSON.stringify(spec);
    serviceView(spec);
    expect(JSON.stringify(spec)).toBe(before);
  });

  const vodkitOnly: [string, Record<string, unknown>][] = [
    ['a field of another variant', { DeleteImageType: 'ImageId', ImageIds: ['a'], VideoId: 'v' }],
    ['an unknown field', { DeleteImageType: 'ImageId', ImageIds: ['a'], Colour: 'red' }],
    [
      'All with a kind',
      { DeleteImageType: 'VideoId', VideoId: 'v', ImageType: ['All', 'CoverSnapshot'] },
    ],
    [
      'a repeated kind',
      { DeleteImageType: 'VideoId', VideoId: 'v', ImageType: ['CoverSnapshot', 'CoverSnapshot'] },
    ],
    ['a line break in an ID', { DeleteImageType: 'ImageId', ImageIds: ['a\r\nb'] }],
    [
      'a lone surrogate in a video ID',
      { DeleteImageType: 'VideoId', VideoId: 'v\uD800', ImageType: 'All' },
    ],
  ];
  it.each(vodkitOnly)('%s: refused by the strict schema, accepted by the service view', (_n, r) => {
    expect(strict(r)).toBe(false);
    expect(service(r)).toBe(true);
  });

  const serviceRules: [string, Record<string, unknown>][] = [
    ['no DeleteImageType', { ImageIds: ['a'] }],
    ['21 image IDs', { DeleteImageType: 'ImageId', ImageIds: Array.from({ length: 21 }, String) }],
    ['an empty list', { DeleteImageType: 'ImageURL', ImageURLs: [] }],
    ['two videos', { DeleteImageType: 'VideoId', VideoId: 'a,b', ImageType: 'All' }],
    ['an unknown kind', { DeleteImageType: 'VideoId', VideoId: 'v', ImageType: ['Poster'] }],
    ['a missing VideoId', { DeleteImageType: 'VideoId', ImageType: 'All' }],
  ];
  it.each(serviceRules)("%s: the service's own rule, refused by both", (_n, r) => {
    expect(strict(r)).toBe(false);
    expect(service(r)).toBe(false);
  });
});

describe('the spec states what the documentation does not', () => {
  const post = spec.paths['/']?.['post'] as Record<string, unknown>;
  it('names its assumptions: partial batches, a missing video, ignored fields', () => {
    const assumptions = post['x-assumptions'] as Record<string, { vodkitDefault: string }>;
    expect(Object.keys(assumptions)).toEqual(['partialBatch', 'missingVideo', 'ignoredFields']);
    expect(assumptions['partialBatch']?.vodkitDefault).toBe('fail-whole-call');
  });

  it('lists the three request shapes real clients send', () => {
    expect(post['x-request-shapes']).toEqual([
      expect.objectContaining({ method: 'GET', fields: 'query' }),
      expect.objectContaining({ method: 'POST', fields: 'query', body: 'empty' }),
      expect.objectContaining({ method: 'POST', fields: 'form body' }),
    ]);
    expect((post['requestBody'] as { required: boolean }).required).toBe(false);
  });

  it('accepts the hidden gateway fields on the wire, marked as such', () => {
    for (const name of ['RegionId', 'OwnerId', 'ResourceOwnerId', 'ResourceOwnerAccount']) {
      const param = spec.components.parameters[name] as unknown as Record<string, unknown>;
      expect(param['in'], name).toBe('query');
      expect(param['x-gateway-internal'], name).toBe(true);
    }
  });
});
