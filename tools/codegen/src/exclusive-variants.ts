/**
 * Makes the variants of each `oneOf` exclusive in the types: every variant gets the other
 * variants' fields as optional `never`. Excess property checks only hold for object literals,
 * so without this a value such as `{ DeleteImageType: 'ImageId', ImageIds, ImageURLs }` held
 * in a variable (or `as const`) type-checks as `DeleteImageByImageIds`, while the spec's
 * `additionalProperties: false` refuses it.
 */
import type { TransformNodeOptions } from 'openapi-typescript';
import ts from 'typescript';
import type { OpenApiDocument } from './load-spec.ts';

const SCHEMA_REF = '#/components/schemas/';

const propertiesOf = (schema: Record<string, unknown> | undefined): string[] =>
  Object.keys((schema?.['properties'] as Record<string, unknown> | undefined) ?? {});

/**
 * For each schema that is a variant of some `oneOf` of `$ref`s, the fields of its sibling
 * variants that it does not have itself, keyed by the schema's path (`#/components/schemas/X`).
 */
export function foreignFields(spec: OpenApiDocument): Map<string, string[]> {
  const schemas = spec.components.schemas;
  const foreign = new Map<string, string[]>();
  for (const schema of Object.values(schemas)) {
    const oneOf = schema['oneOf'];
    if (!Array.isArray(oneOf)) continue;
    const refs = oneOf
      .map((v) => (v as { $ref?: unknown }).$ref)
      .filter((r): r is string => typeof r === 'string' && r.startsWith(SCHEMA_REF));
    const fields = new Map(refs.map((r) => [r, propertiesOf(schemas[r.slice(SCHEMA_REF.length)])]));
    for (const [ref, own] of fields) {
      const others = [...fields].filter(([r]) => r !== ref).flatMap(([, f]) => f);
      const extra = [...new Set(others)].filter((f) => !own.includes(f));
      foreign.set(ref, [...new Set([...(foreign.get(ref) ?? []), ...extra])].sort());
    }
  }
  return foreign;
}

/** An optional `never` property: present in the type only to be refused. */
function neverField(name: string): ts.PropertySignature {
  const field = ts.factory.createPropertySignature(
    undefined,
    ts.factory.createIdentifier(name),
    ts.factory.createToken(ts.SyntaxKind.QuestionToken),
    ts.factory.createKeywordTypeNode(ts.SyntaxKind.NeverKeyword),
  );
  return ts.addSyntheticLeadingComment(
    field,
    ts.SyntaxKind.MultiLineCommentTrivia,
    `* A field of another variant: never allowed here. `,
    true,
  );
}

/** An openapi-typescript `postTransform` adding each variant's foreign fields as `?: never`. */
export function exclusiveVariants(
  foreign: ReadonlyMap<string, readonly string[]>,
): (type: ts.TypeNode, options: TransformNodeOptions) => ts.TypeNode | undefined {
  return (type, options) => {
    const extra = foreign.get(options.path ?? '');
    if (extra === undefined || extra.length === 0 || !ts.isTypeLiteralNode(type)) return undefined;
    return ts.factory.updateTypeLiteralNode(
      type,
      ts.factory.createNodeArray([...type.members, ...extra.map(neverField)]),
    );
  };
}
