/**
 * The OpenAPI-to-JSON-Schema adapter: turns the spec's schemas and common parameters into schema
 * documents ajv (JSON Schema 2020-12, the OpenAPI 3.1 dialect) compiles, and reads the shape of
 * the DeleteImage request from it. tools/codegen uses it at build time to precompile the
 * emulator's validators; {@link createSpecValidator} uses it to compile a custom document at run
 * time, so both compile exactly the same schemas.
 *
 * It imports nothing: ajv is handed in by the caller, so loading this module never loads ajv.
 */

/** The OpenAPI document, as far as the emulator reads it. */
export interface OpenApiDocument {
  readonly components: {
    readonly schemas: Readonly<Record<string, unknown>>;
    readonly parameters: Readonly<Record<string, { name: string; in: string; schema: unknown }>>;
  };
  readonly paths: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

/** The ajv options every spec validator is compiled with (code generation options aside). */
export const AJV_OPTIONS: {
  readonly strict: true;
  readonly allErrors: true;
  readonly discriminator: true;
  readonly inlineRefs: false;
} = { strict: true, allErrors: true, discriminator: true, inlineRefs: false };

/** The base URI of the schema documents; never fetched. */
export const SCHEMA_ROOT = 'https://vodkit.invalid/openapi';

/** The URI of `components.schemas[name]` in the schema document under `root`. */
export function schemaId(root: string, name: string): string {
  return `${root}#/$defs/${name}`;
}

/** The URI of the schema of the common parameter `name` (its wire name) under `root`. */
export function parameterId(root: string, name: string): string {
  return `${root}/parameters/${name}`;
}

/** The part of ajv the adapter calls, so that it needs no import of ajv. */
export interface SchemaRegistry {
  addSchema(schema: object): unknown;
}

/** The shape of the DeleteImage request, read from the spec; see {@link requestShape}. */
export interface RequestShape {
  /** The discriminator property: `DeleteImageType`. */
  readonly discriminator: string;
  /** The variants in the order of the discriminator mapping. */
  readonly variants: readonly {
    /** The discriminator value that selects it, e.g. `ImageId`. */
    readonly value: string;
    /** Its name under `components.schemas`. */
    readonly schema: string;
    /** Its own fields. */
    readonly fields: readonly string[];
  }[];
  /**
   * The operation's common (query) parameters, by wire name: the signature's and the hidden
   * gateway fields (`RegionId`, `OwnerId`, ...), which the operation never sees.
   */
  readonly commonParameters: readonly string[];
}

// Keywords that annotate and never validate: dropped before compiling, which keeps the compiled
// code free of prose and lets ajv's strict mode reject any keyword it does not know.
const ANNOTATIONS: ReadonlySet<string> = new Set([
  'title',
  'description',
  'example',
  'examples',
  'externalDocs',
  'xml',
  'deprecated',
]);
// Keywords whose value is a map of name → schema, or a list of schemas, or one schema.
const SCHEMA_MAPS: ReadonlySet<string> = new Set([
  'properties',
  'patternProperties',
  '$defs',
  'dependentSchemas',
]);
const SCHEMA_LISTS: ReadonlySet<string> = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
const SCHEMA_VALUES: ReadonlySet<string> = new Set([
  'items',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'additionalProperties',
  'propertyNames',
  'unevaluatedItems',
  'unevaluatedProperties',
  'contentSchema',
]);

const isObject = (node: unknown): node is Record<string, unknown> =>
  node !== null && typeof node === 'object' && !Array.isArray(node);

function mapValues(
  node: Readonly<Record<string, unknown>>,
  f: (value: unknown) => unknown,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) out[key] = f(value);
  return out;
}

/**
 * One spec schema as ajv compiles it: OpenAPI refs (`#/components/schemas/X`) point into the
 * `$defs` of the schema document at `refBase` (`''`: the document the schema sits in),
 * `discriminator.mapping` is dropped because ajv rejects it (it derives the mapping from each
 * variant's `const`), and annotations and `x-` extensions are left out.
 */
export function toJsonSchema(node: unknown, refBase: string): unknown {
  if (!isObject(node)) return node;
  const schema = (value: unknown): unknown => toJsonSchema(value, refBase);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (ANNOTATIONS.has(key) || key.startsWith('x-')) continue;
    if (key === '$ref' && typeof value === 'string') {
      out[key] = value.replace('#/components/schemas/', `${refBase}#/$defs/`);
    } else if (key === 'discriminator' && isObject(value)) {
      out[key] = { propertyName: value['propertyName'] };
    } else if (SCHEMA_MAPS.has(key) && isObject(value)) {
      out[key] = mapValues(value, schema);
    } else if (SCHEMA_LISTS.has(key) && Array.isArray(value)) {
      out[key] = value.map(schema);
    } else if (SCHEMA_VALUES.has(key)) {
      out[key] = schema(value);
    } else {
      out[key] = value;
    }
  }
  return out;
}

/**
 * The spec as a validator of real traffic reads it: every keyword a schema lists under
 * `x-vodkit-rules` (vodkit's stricter rules) is replaced by the service's form given there, or
 * dropped where that is `null`. The result is a new document; `spec` is not changed.
 */
export function serviceView(spec: OpenApiDocument): OpenApiDocument {
  const relax = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(relax);
    if (node === null || typeof node !== 'object') return node;
    const rules = (node as Record<string, unknown>)['x-vodkit-rules'];
    const serviceForms = new Map<string, unknown>(
      rules !== null && typeof rules === 'object'
        ? Object.entries(rules).map(([keyword, rule]) => [
            keyword,
            (rule as { service?: unknown } | null)?.service ?? null,
          ])
        : [],
    );
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      const service = serviceForms.get(key);
      if (service === undefined) out[key] = relax(value);
      else if (service !== null) out[key] = relax(service);
    }
    return out;
  };
  return {
    ...spec,
    components: {
      ...spec.components,
      schemas: relax(spec.components.schemas) as OpenApiDocument['components']['schemas'],
    },
  };
}

/** The request object parameter: its properties are the DeleteImage fields, not one parameter. */
const REQUEST_SCHEMA_REF = '#/components/schemas/DeleteImageRequest';

/** The operation's common (query) parameters, with their schemas. */
function commonParameters(spec: OpenApiDocument): { name: string; schema: unknown }[] {
  const post = spec.paths['/']?.['post'] as { parameters?: { $ref?: string }[] } | undefined;
  const out: { name: string; schema: unknown }[] = [];
  for (const p of post?.parameters ?? []) {
    const key = p.$ref?.replace('#/components/parameters/', '');
    const param = key === undefined ? undefined : spec.components.parameters[key];
    const isRequestObject =
      (param?.schema as { $ref?: unknown } | undefined)?.$ref === REQUEST_SCHEMA_REF;
    if (param?.in === 'query' && !isRequestObject)
      out.push({ name: param.name, schema: param.schema });
  }
  return out;
}

/** Reads the DeleteImage request's discriminator, variants and common parameters from `spec`. */
export function requestShape(spec: OpenApiDocument): RequestShape {
  const union = spec.components.schemas['DeleteImageRequest'] as {
    discriminator: { propertyName: string; mapping: Record<string, string> };
  };
  return {
    discriminator: union.discriminator.propertyName,
    variants: Object.entries(union.discriminator.mapping).map(([value, ref]) => {
      const schema = ref.replace('#/components/schemas/', '');
      const variant = spec.components.schemas[schema] as { properties: Record<string, unknown> };
      return { value, schema, fields: Object.keys(variant.properties) };
    }),
    commonParameters: commonParameters(spec).map((p) => p.name),
  };
}

/**
 * Adds the schema documents of `spec` to `ajv` under `root`: one document whose `$defs` are the
 * spec's schemas ({@link schemaId}), and one per common parameter ({@link parameterId}).
 */
export function addSpecSchemas(ajv: SchemaRegistry, spec: OpenApiDocument, root: string): void {
  ajv.addSchema({
    $id: root,
    $defs: mapValues(spec.components.schemas, (s) => toJsonSchema(s, '')),
  });
  for (const parameter of commonParameters(spec)) {
    const schema = toJsonSchema(parameter.schema, root) as Record<string, unknown>;
    ajv.addSchema({ ...schema, $id: parameterId(root, parameter.name) });
  }
}
