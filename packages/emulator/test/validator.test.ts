/**
 * The exported spec validator: every request example in the spec passes after a wire round trip
 * (lists comma-joined), every error example is a valid VodError, and the decoding rules hold.
 */
import { LIST_SEPARATOR } from '@vodkit/types';
import { describe, expect, test } from 'vitest';
import {
  createRequestValidator,
  createSpecValidator,
  decodeDeleteImageParams,
  defaultRequestValidator,
  loadSpec,
} from '../src/index.js';

const spec = loadSpec() as ReturnType<typeof loadSpec> & {
  components: { examples: Record<string, { value: Record<string, unknown> }> };
};
const examples = Object.entries(spec.components.examples);
const requests = examples.filter(([, e]) => 'DeleteImageType' in e.value);
const errors = examples.filter(([, e]) => 'Code' in e.value);

/** The wire form of a request object: lists joined with `,`. */
const toWire = (value: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k,
      Array.isArray(v) ? v.join(LIST_SEPARATOR) : String(v),
    ]),
  );

describe('spec validator', () => {
  test('the spec has request and error examples to check', () => {
    expect(requests.length).toBeGreaterThanOrEqual(6);
    expect(errors.length).toBeGreaterThanOrEqual(20);
  });

  test.each(requests)('request example %s passes and decodes back to itself', (_name, example) => {
    const result = defaultRequestValidator().validate({
      Action: 'DeleteImage',
      Format: 'JSON',
      ...toWire(example.value),
    });
    expect(result).toEqual({ ok: true, request: example.value });
  });

  test.each(errors)('error example %s is a VodError', (_name, example) => {
    expect(createSpecValidator(spec).validate('VodError', example.value)).toEqual([]);
  });

  test('validate() reports problems as short lines', () => {
    const specs = createSpecValidator(spec);
    expect(specs.validate('DeleteImageResponse', { RequestId: 'x' })).toEqual([]);
    expect(specs.validate('DeleteImageResponse', {})).toEqual([
      "/ required: must have required property 'RequestId'",
    ]);
    expect(() => specs.schema('Nope')).toThrow(/no schema named Nope/);
  });

  test('decoding: lists split on commas, ImageType=All stays a string, empty values are absent, common parameters are left out', () => {
    expect(
      decodeDeleteImageParams({
        Action: 'DeleteImage',
        Signature: 's',
        DeleteImageType: 'VideoId',
        VideoId: 'v',
        ImageType: 'All',
        ImageIds: '',
      }),
    ).toEqual({ DeleteImageType: 'VideoId', VideoId: 'v', ImageType: 'All' });
    expect(
      decodeDeleteImageParams({
        ImageType: 'CoverSnapshot,NormalSnapshot',
        ImageURLs: 'https://a/1.png',
      }),
    ).toEqual({
      ImageType: ['CoverSnapshot', 'NormalSnapshot'],
      ImageURLs: ['https://a/1.png'],
    });
  });

  test('a validator built from a changed spec follows the change', () => {
    const changed = structuredClone(spec) as unknown as {
      components: { schemas: Record<string, { maxItems?: number }> };
    };
    const list = changed.components.schemas['ImageIdList'];
    if (list === undefined) throw new Error('no ImageIdList in the spec');
    list.maxItems = 2;
    const validator = createRequestValidator(
      createSpecValidator(changed as unknown as typeof spec),
    );
    const result = validator.validate({ DeleteImageType: 'ImageId', ImageIds: 'a,b,c' });
    expect(result).toMatchObject({
      ok: false,
      code: 'InvalidParameter',
      field: 'ImageIds',
      rule: 'It holds 3 items; at most 2 are allowed.',
    });
  });
});
