/**
 * Turns the spec into `schema.d.ts` with openapi-typescript, plus two rules of our own: short
 * bounded arrays become bounded tuples, and the variants of a `oneOf` exclude each other's fields.
 */
import { readFile } from 'node:fs/promises';
import openapiTS, { astToString, transformSchemaObject } from 'openapi-typescript';
import type { SchemaObject, TransformNodeOptions } from 'openapi-typescript';
import ts from 'typescript';
import { exclusiveVariants, foreignFields } from './exclusive-variants.ts';
import { parseSpec } from './load-spec.ts';

/** Arrays with at most this many items are typed as bounded tuples. */
const MAX_TUPLE_LENGTH = 32;

/**
 * openapi-typescript only emits length-checked tuples while the union of every allowed length
 * stays tiny, so `maxItems: 20` would fall back to `string[]` and a 21-item or empty list would
 * type-check. One tuple with `minItems` required and the rest optional elements
 * (`readonly [T, T?, ...]`) states both bounds in a single type. It is `readonly` so that
 * `as const` literals are accepted as well as mutable arrays.
 */
function boundedTuple(
  schemaObject: SchemaObject,
  options: TransformNodeOptions,
): ts.TypeNode | undefined {
  if (!('type' in schemaObject) || schemaObject.type !== 'array') return undefined;
  const { minItems, maxItems, items } = schemaObject;
  if (typeof maxItems !== 'number' || maxItems > MAX_TUPLE_LENGTH || items === undefined) {
    return undefined;
  }
  if (Array.isArray(items)) return undefined;
  const required = typeof minItems === 'number' ? minItems : 0;
  const itemType = transformSchemaObject(items, {
    ...options,
    path: `${options.path ?? ''}/items`,
  });
  const elements: ts.TypeNode[] = [];
  for (let index = 0; index < maxItems; index += 1) {
    elements.push(index < required ? itemType : ts.factory.createOptionalTypeNode(itemType));
  }
  return ts.factory.createTypeOperatorNode(
    ts.SyntaxKind.ReadonlyKeyword,
    ts.factory.createTupleTypeNode(elements),
  );
}

/** Generates the TypeScript declarations for the spec at `specUrl`. */
export async function generateSchemaTypes(specUrl: URL): Promise<string> {
  const spec = parseSpec(await readFile(specUrl, 'utf8'));
  const ast = await openapiTS(specUrl, {
    transform: boundedTuple,
    postTransform: exclusiveVariants(foreignFields(spec)),
    // Each variant of the request states its own fields only; keep additionalProperties: false.
    additionalProperties: false,
    alphabetize: false,
    silent: true,
  });
  // openapi-typescript tags the discriminator properties it adds with JSDoc's `@enum {string}`;
  // TSDoc reads `{string}` as a malformed inline tag, and the type says it already.
  return astToString(ast).replace(/^[ \t]*\* @enum \{[^}\n]*\}\n/gm, '');
}
