/** Codegen's own rules, checked on the real spec and on small hand-made documents. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateConstants } from '../src/constants.ts';
import { loadSpec, parseSpec } from '../src/load-spec.ts';
import { specPath } from '../src/paths.ts';
import { generateSchemaTypes } from '../src/schema-types.ts';
import { generateRequestShapes, generateValidators } from '../src/validators.ts';

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

describe('precompiled validators', () => {
  /** Writes a generated validators module next to this package's ajv and imports it. */
  async function load(source: string): Promise<{
    PRECOMPILED: Record<string, { schemas: Map<string, (data: unknown) => boolean> }>;
  }> {
    const dir = await mkdtemp(join(import.meta.dirname, '..', '.tmp-validators-'));
    try {
      const file = join(dir, 'validators.ts');
      await writeFile(file, source);
      return (await import(pathToFileURL(file).href)) as Awaited<ReturnType<typeof load>>;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  it('are an ES module with one typed export, loading no ajv but its runtime helpers', async () => {
    const source = generateValidators(await loadSpec(specPath));
    expect(source.match(/^export /gm)).toEqual(['export ', 'export ']);
    expect(source).toContain('export const PRECOMPILED: Readonly<Record<"service" | "strict"');
    const required = [...source.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    expect(required.length).toBeGreaterThan(0);
    for (const module of required) expect(module).toMatch(/^ajv\/dist\/runtime\//);
  });

  it("reach a format's function through the formats plugin", async () => {
    const spec = await loadSpec(specPath);
    const withFormat = {
      ...spec,
      components: {
        ...spec.components,
        schemas: { ...spec.components.schemas, When: { type: 'string', format: 'date-time' } },
      },
    };
    const source = generateValidators(withFormat);
    expect(source).toContain('require("ajv-formats/dist/formats").fullFormats');
    const { PRECOMPILED } = await load(source);
    const when = PRECOMPILED['strict']?.schemas.get('When');
    expect(when?.('2024-02-29T12:00:00Z')).toBe(true);
    expect(when?.('yesterday')).toBe(false);
  });

  it('follow the spec: a changed limit changes the code', async () => {
    const spec = await loadSpec(specPath);
    const changed = {
      ...spec,
      components: {
        ...spec.components,
        schemas: {
          ...spec.components.schemas,
          ImageIdList: { ...spec.components.schemas['ImageIdList'], maxItems: 7 },
        },
      },
    };
    const { PRECOMPILED } = await load(generateValidators(changed));
    const ids = PRECOMPILED['strict']?.schemas.get('ImageIdList');
    expect(ids?.(Array.from({ length: 7 }, (_, i) => `id${i}`))).toBe(true);
    expect(ids?.(Array.from({ length: 8 }, (_, i) => `id${i}`))).toBe(false);
  });

  it('carry the request shape of both profiles as data', async () => {
    const source = generateRequestShapes(await loadSpec(specPath));
    expect(source).toContain('export const REQUEST_SHAPES');
    expect(source).toContain('"discriminator": "DeleteImageType"');
    expect(source).toContain('"service": {');
    expect(source).toContain('"strict": {');
  });
});
