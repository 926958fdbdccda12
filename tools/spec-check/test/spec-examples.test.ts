/**
 * Every example in the spec validates against the schema of the place it documents: request
 * bodies, query parameters, responses and schema-level `examples`.
 */
import { describe, expect, it } from 'vitest';
import { createSpecValidator, describeErrors, loadSpec } from '@vodkit/emulator';

// The document `@vodkit/types/openapi.json` ships, read as plain data.
const spec = loadSpec() as unknown as Spec;
const validator = createSpecValidator(loadSpec());

type Node = Record<string, unknown>;
type Spec = Node & { components: Record<string, Node>; paths: Record<string, Node> };

/** Resolves a local `#/components/...` reference of the spec. */
function resolve<T>(node: T | { $ref: string }): T {
  if (node !== null && typeof node === 'object' && '$ref' in node) {
    const path = node.$ref.replace(/^#\//, '').split('/');
    let current: unknown = spec;
    for (const segment of path) current = (current as Node)[segment];
    if (current === undefined) throw new Error(`unresolved reference ${node.$ref}`);
    return current as T;
  }
  return node;
}

interface ExampleCase {
  readonly where: string;
  readonly schema: unknown;
  readonly value: unknown;
}

function examplesOf(where: string, holder: Node, schema: unknown): ExampleCase[] {
  const cases: ExampleCase[] = [];
  if ('example' in holder)
    cases.push({ where: `${where} example`, schema, value: holder['example'] });
  for (const [name, example] of Object.entries(
    (holder['examples'] ?? {}) as Record<string, Node>,
  )) {
    cases.push({ where: `${where} examples.${name}`, schema, value: resolve(example)['value'] });
  }
  return cases;
}

function collectOperationExamples(): ExampleCase[] {
  const cases: ExampleCase[] = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, rawOperation] of Object.entries(item)) {
      const operation = rawOperation as Node;
      const where = `${method.toUpperCase()} ${path}`;
      for (const rawParameter of (operation['parameters'] ?? []) as Node[]) {
        const parameter = resolve(rawParameter);
        cases.push(
          ...examplesOf(
            `${where} parameter ${String(parameter['name'])}`,
            parameter,
            parameter['schema'],
          ),
        );
      }
      const body = operation['requestBody'] ? resolve(operation['requestBody'] as Node) : undefined;
      for (const [type, media] of Object.entries(
        (body?.['content'] ?? {}) as Record<string, Node>,
      )) {
        cases.push(...examplesOf(`${where} requestBody ${type}`, media, media['schema']));
      }
      for (const [status, rawResponse] of Object.entries(
        operation['responses'] as Record<string, Node>,
      )) {
        const response = resolve(rawResponse);
        for (const [type, media] of Object.entries(
          (response['content'] ?? {}) as Record<string, Node>,
        )) {
          cases.push(...examplesOf(`${where} ${status} ${type}`, media, media['schema']));
        }
      }
    }
  }
  return cases;
}

function collectSchemaExamples(): ExampleCase[] {
  const cases: ExampleCase[] = [];
  for (const [name, schema] of Object.entries(spec.components['schemas'] as Record<string, Node>)) {
    for (const [index, value] of ((schema['examples'] ?? []) as unknown[]).entries()) {
      cases.push({
        where: `components.schemas.${name} examples[${index}]`,
        schema: { $ref: `#/components/schemas/${name}` },
        value,
      });
    }
  }
  return cases;
}

const operationExamples = collectOperationExamples();
const schemaExamples = collectSchemaExamples();

describe('spec examples', () => {
  it('documents every request variant and every documented error with an example', () => {
    // Guards the walker itself: an empty walk would make the loop below pass vacuously.
    const bodies = operationExamples.filter((c) => c.where.startsWith('POST / requestBody'));
    expect(bodies.map((c) => (c.value as Node)['DeleteImageType'])).toEqual(
      expect.arrayContaining(['ImageURL', 'ImageId', 'VideoId']),
    );
    const errorCodes = new Set(
      operationExamples
        .filter((c) => /^POST \/ [45]\d\d /.test(c.where))
        .map((c) => (c.value as Node)['Code']),
    );
    const documented = (spec.components['schemas'] as Record<string, Node>)['VodError']?.[
      'x-documented-codes'
    ] as {
      code: string;
    }[];
    expect([...errorCodes].sort()).toEqual(documented.map((entry) => entry.code).sort());
  });

  it.each([...operationExamples, ...schemaExamples].map((c) => [c.where, c] as const))(
    '%s validates against its schema',
    (_where, example) => {
      const validate = validator.inline(example.schema);
      const valid = validate(example.value);
      expect(describeErrors(validate.errors)).toEqual([]);
      expect(valid).toBe(true);
    },
  );

  it('puts each documented error example under the HTTP status the code is documented with', () => {
    const documented = (spec.components['schemas'] as Record<string, Node>)['VodError']?.[
      'x-documented-codes'
    ] as {
      code: string;
      httpStatus: number;
    }[];
    const statusOf = new Map(documented.map((entry) => [entry.code, String(entry.httpStatus)]));
    const misplaced = operationExamples
      .filter((c) => /^POST \/ [45]\d\d /.test(c.where))
      .filter((c) => statusOf.get((c.value as Node)['Code'] as string) !== c.where.split(' ')[2])
      .map((c) => c.where);
    expect(misplaced).toEqual([]);
  });
});
