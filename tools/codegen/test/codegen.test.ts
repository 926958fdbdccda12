/** Codegen's own rules, checked on the real spec and on small hand-made documents. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateConstants } from '../src/constants.ts';
import { loadSpec, parseSpec } from '../src/load-spec.ts';
import { specPath } from '../src/paths.ts';
import { generateSchemaTypes } from '../src/schema-types.ts';

async function typesFor(yaml: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'vodkit-codegen-'));
  const file = join(dir, 'spec.yaml');
  await writeFile(file, yaml);
  return generateSchemaTypes(pathToFileURL(file));
}

const arraySpec = (bounds: string): string => `
openapi: 3.1.0
info: { title: t, version: '1' }
paths: {}
components:
  schemas:
    List:
      type: array
      ${bounds}
      items: { type: string }
`;

describe('bounded arrays', () => {
  it('become a readonly tuple with minItems required and the rest optional elements', async () => {
    const types = await typesFor(arraySpec('minItems: 1\n      maxItems: 3'));
    expect(types.replace(/\s+/g, ' ')).toContain('List: readonly [ string, string?, string? ];');
  });

  it('stay plain arrays when there is no upper bound', async () => {
    const types = await typesFor(arraySpec('minItems: 1'));
    expect(types).toContain('List: string[];');
  });

  it('stay plain arrays above the tuple size limit', async () => {
    const types = await typesFor(arraySpec('minItems: 1\n      maxItems: 100'));
    expect(types).toContain('List: string[];');
  });
});

const unionSpec = `
openapi: 3.1.0
info: { title: t, version: '1' }
paths: {}
components:
  schemas:
    Request:
      oneOf:
        - $ref: '#/components/schemas/ById'
        - $ref: '#/components/schemas/ByName'
      discriminator:
        propertyName: Kind
        mapping: { Id: '#/components/schemas/ById', Name: '#/components/schemas/ByName' }
    ById:
      type: object
      additionalProperties: false
      required: [Kind, Id]
      properties: { Kind: { type: string, const: Id }, Id: { type: string } }
    ByName:
      type: object
      additionalProperties: false
      required: [Kind, Name]
      properties:
        Kind: { type: string, const: Name }
        Name: { type: string }
        Tag: { type: string }
    Unrelated:
      type: object
      properties: { Id: { type: string } }
`;

describe('oneOf variants', () => {
  it("carry every sibling's fields, and only those, as optional never", async () => {
    const types = (await typesFor(unionSpec)).replace(/\/\*\*[^]*?\*\//g, '').replace(/\s+/g, ' ');
    expect(types).toContain('ById: { Kind: "Id"; Id: string; Name?: never; Tag?: never; };');
    expect(types).toContain('ByName: { Kind: "Name"; Name: string; Tag?: string; Id?: never; };');
    // A schema outside the union is left alone.
    expect(types).toContain('Unrelated: { Id?: string; };');
  });

  it("hold for the real spec: each DeleteImage variant refuses the others' fields", async () => {
    const types = (await generateSchemaTypes(pathToFileURL(specPath))).replace(/\s+/g, ' ');
    for (const [variant, foreign] of [
      ['DeleteImageByImageURLs', ['ImageIds', 'ImageType', 'VideoId']],
      ['DeleteImageByImageIds', ['ImageType', 'ImageURLs', 'VideoId']],
      ['DeleteImageByVideoId', ['ImageIds', 'ImageURLs']],
    ] as const) {
      const body = new RegExp(`${variant}: \\{(.*?)\\};`).exec(types)?.[1] ?? '';
      for (const field of foreign) expect(body).toContain(`${field}?: never;`);
    }
  });
});

describe('constants', () => {
  it('come from the spec, not from literals in the generator', async () => {
    const spec = await loadSpec(specPath);
    const source = generateConstants(spec);
    expect(source).toContain('export const MAX_IMAGE_IDS = 20;');
    // Change the spec and the constant follows.
    const changed = parseSpec(
      JSON.stringify({
        ...spec,
        components: {
          ...spec.components,
          schemas: {
            ...spec.components.schemas,
            ImageIdList: { ...spec.components.schemas['ImageIdList'], maxItems: 7 },
          },
        },
      }),
    );
    expect(generateConstants(changed)).toContain('export const MAX_IMAGE_IDS = 7;');
  });

  it('fail with the spec location when something they need is missing', async () => {
    const spec = await loadSpec(specPath);
    const broken = { ...spec, components: { ...spec.components, schemas: {} } };
    expect(() => generateConstants(broken)).toThrow(/components\.schemas\.DeleteImageRequest/);
  });

  it('fail with the location when an x- extension field is missing', async () => {
    const spec = await loadSpec(specPath);
    const post = spec.paths['/']?.['post'] as Record<string, unknown>;
    const broken = {
      ...spec,
      paths: { '/': { post: { ...post, 'x-alibaba-rate-limit': { scope: 'account' } } } },
    };
    expect(() => generateConstants(broken)).toThrow(
      'paths./.post.x-alibaba-rate-limit.requestsPerSecond',
    );
  });
});
