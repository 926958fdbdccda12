/** The OpenAPI-to-JSON-Schema adapter: what it keeps, drops and rewrites, and the request shape. */
import { describe, expect, test } from 'vitest';
import { loadSpec } from '../src/index.js';
import { parameterId, requestShape, schemaId, toJsonSchema } from '../src/openapi-schema.js';

describe('toJsonSchema', () => {
  test('drops annotations and x- extensions, never a property of that name or a value', () => {
    const schema = {
      title: 'T',
      description: 'prose',
      example: { a: 1 },
      'x-vodkit-rules': { maxItems: { service: null } },
      type: 'object',
      required: ['description'],
      properties: {
        description: { type: 'string', description: 'the field called description' },
        'x-custom': { const: { description: 'a value, kept' } },
      },
      items: { examples: ['x'], enum: [{ title: 'kept' }] },
    };
    expect(toJsonSchema(schema, '')).toEqual({
      type: 'object',
      required: ['description'],
      properties: {
        description: { type: 'string' },
        'x-custom': { const: { description: 'a value, kept' } },
      },
      items: { enum: [{ title: 'kept' }] },
    });
  });

  test('points component refs into $defs and drops the discriminator mapping', () => {
    const schema = {
      oneOf: [{ $ref: '#/components/schemas/A' }, { $ref: '#/components/schemas/B' }],
      discriminator: { propertyName: 'Kind', mapping: { a: '#/components/schemas/A' } },
    };
    expect(toJsonSchema(schema, 'https://root')).toEqual({
      oneOf: [{ $ref: 'https://root#/$defs/A' }, { $ref: 'https://root#/$defs/B' }],
      discriminator: { propertyName: 'Kind' },
    });
  });

  test('leaves the input unchanged', () => {
    const schema = { description: 'd', items: { $ref: '#/components/schemas/A' } };
    const copy = structuredClone(schema);
    toJsonSchema(schema, '');
    expect(schema).toEqual(copy);
  });
});

describe('ids and shape', () => {
  test('schema and parameter ids live under their root', () => {
    expect(schemaId('https://r', 'ImageId')).toBe('https://r#/$defs/ImageId');
    expect(parameterId('https://r', 'Action')).toBe('https://r/parameters/Action');
  });

  test('the request shape of the spec: discriminator, variants in mapping order, common parameters', () => {
    const shape = requestShape(loadSpec());
    expect(shape.discriminator).toBe('DeleteImageType');
    expect(shape.variants.map((v) => [v.value, v.schema])).toEqual([
      ['ImageURL', 'DeleteImageByImageURLs'],
      ['ImageId', 'DeleteImageByImageIds'],
      ['VideoId', 'DeleteImageByVideoId'],
    ]);
    expect(shape.variants[2]?.fields).toEqual(['DeleteImageType', 'VideoId', 'ImageType']);
    expect(shape.commonParameters).toEqual(
      expect.arrayContaining(['Action', 'Signature', 'RegionId']),
    );
    for (const field of ['DeleteImageType', 'ImageIds', 'ImageURLs', 'VideoId', 'ImageType']) {
      expect(shape.commonParameters).not.toContain(field);
    }
  });
});
