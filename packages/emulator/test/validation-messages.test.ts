/** The gateway's wording: message shapes and which ajv error speaks for a rejected request. */
import type { ErrorObject } from 'ajv';
import { describe, expect, test } from 'vitest';
import { explainParameter, invalid, missing, pickError } from '../src/validation-messages.js';

const error = (
  keyword: string,
  instancePath = '',
  params: Record<string, unknown> = {},
): ErrorObject => ({
  keyword,
  instancePath,
  schemaPath: '#',
  params,
});

describe('messages', () => {
  test('MissingParameter and InvalidParameter name the field and the rule', () => {
    expect(missing('VideoId', 'it is required')).toEqual({
      ok: false,
      code: 'MissingParameter',
      field: 'VideoId',
      rule: 'it is required',
      message:
        'The input parameter "VideoId" that is mandatory for processing this request is not supplied (it is required).',
    });
    expect(invalid('ImageIds', 'It is empty.').message).toBe(
      'The specified parameter "ImageIds" is not valid. It is empty.',
    );
  });

  test('a common parameter: enum and const values are listed, other rules use ajv words', () => {
    expect(
      explainParameter('Format', [error('enum', '', { allowedValues: ['JSON', 'XML'] })]).rule,
    ).toBe('It must be one of JSON, XML.');
    expect(
      explainParameter('Action', [error('const', '', { allowedValue: 'DeleteImage' })]).rule,
    ).toBe('It must be DeleteImage.');
    expect(explainParameter('X', [{ ...error('pattern'), message: 'must match' }]).rule).toBe(
      'It must match.',
    );
    expect(explainParameter('X', undefined).rule).toBe('It breaks the schema.');
  });
});

describe('pickError', () => {
  test('a missing or unknown field speaks first, then the deepest error; oneOf summaries and types last', () => {
    const deep = error('pattern', '/ImageIds/3');
    expect(
      pickError([
        error('oneOf'),
        error('type', '/ImageIds/3/x'),
        deep,
        error('maxItems', '/ImageIds'),
      ]),
    ).toBe(deep);
    const required = error('required', '', { missingProperty: 'VideoId' });
    expect(pickError([deep, required])).toBe(required);
    const type = error('type', '/VideoId');
    expect(pickError([error('oneOf'), type])).toBe(type);
    expect(pickError([error('oneOf')])).toBeUndefined();
  });
});
