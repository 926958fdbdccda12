/**
 * The client's hand-written validation (`toWireParams`) accepts exactly what the spec's
 * `DeleteImageRequest` schema accepts (strict, vodkit's rules included), checked with ajv on
 * thousands of random requests, valid and invalid, as plain JavaScript could pass them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSpecValidator } from '@vodkit/emulator';
import { IMAGE_TYPE_ALL, MAX_IMAGE_IDS, SNAPSHOT_KINDS } from '@vodkit/types';
import { VodValidationError } from '../src/index.ts';
import { toWireParams } from '../src/validate.ts';

const schema = createSpecValidator().schema('DeleteImageRequest');

/** What the client says of a request: accepted, or refused with a validation error. */
function clientAccepts(request: unknown): boolean {
  try {
    toWireParams(request as Parameters<typeof toWireParams>[0]);
    return true;
  } catch (error) {
    // Anything but a validation error (a TypeError, say) is a bug in itself.
    if (!(error instanceof VodValidationError)) throw error;
    return false;
  }
}

const FIELDS = ['DeleteImageType', 'ImageURLs', 'ImageIds', 'VideoId', 'ImageType'] as const;
// Printable ASCII, plus what plain JavaScript can pass and HTTP or UTF-8 cannot carry: CR, LF,
// NUL, DEL, lone surrogates (and a valid astral character, which must pass).
const nasty = fc.constantFrom('\r', '\n', '\u0000', '\u007f', '\uD800', '\uDFFF', '😀', 'é');
const text = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 12 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.string({ maxLength: 6 }), nasty, fc.string({ maxLength: 6 }))
      .map(([a, n, b]) => a + n + b),
  },
);
const id = fc.oneof(fc.stringMatching(/^[0-9a-f]{1,32}$/), text);
const url = fc.oneof(
  fc.webUrl({ withQueryParameters: true }),
  fc.constantFrom(
    'https://x/a b.png',
    'http://y/%25.png',
    'ftp://z/q.png',
    'https://',
    'https://a,b',
  ),
  text.map((t) => `https://${t}`),
);
const kind = fc.constantFrom(...SNAPSHOT_KINDS, IMAGE_TYPE_ALL, 'Poster', '');
const list = <T>(item: fc.Arbitrary<T>): fc.Arbitrary<T[]> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.array(item, { minLength: 1, maxLength: MAX_IMAGE_IDS }) },
    { weight: 1, arbitrary: fc.array(item, { minLength: 0, maxLength: MAX_IMAGE_IDS + 3 }) },
  );
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  text,
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(text, { maxLength: 3 }),
  fc.object({ maxDepth: 1 }),
);

/** Requests close to valid: each variant's own fields, often one of them broken or a stray added. */
const nearlyValid: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(
    fc.oneof(
      fc.record({ DeleteImageType: fc.constant('ImageURL'), ImageURLs: list(url) }),
      fc.record({ DeleteImageType: fc.constant('ImageId'), ImageIds: list(id) }),
      fc.record({
        DeleteImageType: fc.constant('VideoId'),
        VideoId: id,
        ImageType: fc.oneof(
          fc.constant(IMAGE_TYPE_ALL),
          fc.uniqueArray(fc.constantFrom(...SNAPSHOT_KINDS), { minLength: 1, maxLength: 4 }),
          fc.array(kind, { maxLength: 6 }),
          kind,
        ),
      }),
    ),
    fc.option(fc.tuple(fc.constantFrom(...FIELDS, 'Colour', 'RegionId'), anyValue), {
      freq: 3,
    }),
    fc.option(fc.constantFrom(...FIELDS), { freq: 4 }),
  )
  .map(([request, extra, removed]) => {
    const out: Record<string, unknown> = { ...request };
    if (extra !== null) out[extra[0]] = extra[1];
    if (removed !== null) Reflect.deleteProperty(out, removed);
    return out;
  });

/** Anything shaped like an object: random keys from the fields and beyond, random values. */
const anyObject: fc.Arbitrary<Record<string, unknown>> = fc.dictionary(
  fc.constantFrom(...FIELDS, 'Colour', 'constructor'),
  fc.oneof(anyValue, list(url), list(id), kind, fc.constantFrom('ImageURL', 'ImageId', 'VideoId')),
  { maxKeys: 5 },
);

describe('toWireParams agrees with the spec schema (ajv)', () => {
  it('on thousands of near-valid requests', () => {
    let accepted = 0;
    fc.assert(
      fc.property(nearlyValid, (request) => {
        const expected = schema(request);
        expect(clientAccepts(request), JSON.stringify(request)).toBe(expected);
        if (expected) accepted += 1;
      }),
      { numRuns: 5000, seed: 20261201 },
    );
    // Both sides of the rule are exercised, not just one.
    expect(accepted).toBeGreaterThan(300);
    expect(accepted).toBeLessThan(4500);
  });

  it('on thousands of arbitrary objects', () => {
    fc.assert(
      fc.property(anyObject, (request) => {
        expect(clientAccepts(request), JSON.stringify(request)).toBe(schema(request));
      }),
      { numRuns: 5000, seed: 1 },
    );
  });

  it('on values that are not objects at all', () => {
    for (const value of [null, 'ImageId', 42, [], true]) {
      expect(clientAccepts(value)).toBe(schema(value));
    }
  });

  it('on sparse arrays, which JSON cannot hold: a hole is an error naming the item', () => {
    // eslint-disable-next-line no-sparse-arrays -- the point of the test
    const sparse = ['a', , 'b'];
    expect(() =>
      toWireParams({ DeleteImageType: 'ImageId', ImageIds: sparse as [string] }),
    ).toThrow('ImageIds[1]: is missing (a hole in a sparse array)');
  });
});
