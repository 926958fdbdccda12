/**
 * Compiles the shipped spec's schemas with ajv (JSON Schema 2020-12, the OpenAPI 3.1 dialect) so
 * tests can validate examples and hand-made requests against exactly what `@vodkit/types` ships.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

const require = createRequire(import.meta.url);
// ajv-formats is CommonJS with a default export; NodeNext sees the module object.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/** The OpenAPI document as `@vodkit/types/openapi.json` ships it. */
export type Spec = Record<string, unknown> & {
  components: Record<string, Record<string, unknown>>;
  paths: Record<string, Record<string, unknown>>;
};

/** Loads the built `openapi.json` through the package's own export. */
export function loadShippedSpec(): Spec {
  const path = require.resolve('@vodkit/types/openapi.json');
  return JSON.parse(readFileSync(path, 'utf8')) as Spec;
}

const SCHEMA_ROOT = 'https://vodkit.invalid/openapi';

/**
 * OpenAPI refs point at `#/components/schemas/X`; ajv compiles a schema document, so the schemas
 * move under `$defs` and refs are rewritten. ajv rejects `discriminator.mapping` (it derives the
 * mapping from each variant's `const`), so mapping is dropped from the copy only.
 */
function toJsonSchema(node: unknown, refBase: string): unknown {
  if (Array.isArray(node)) return node.map((item) => toJsonSchema(item, refBase));
  if (node === null || typeof node !== 'object') return node;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string') {
      result[key] = value.replace('#/components/schemas/', `${refBase}#/$defs/`);
    } else if (key === 'discriminator' && value !== null && typeof value === 'object') {
      result[key] = { propertyName: (value as { propertyName: string }).propertyName };
    } else {
      result[key] = toJsonSchema(value, refBase);
    }
  }
  return result;
}

function collectExtensionKeywords(node: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(node)) {
    for (const item of node) collectExtensionKeywords(item, into);
  } else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('x-')) into.add(key);
      collectExtensionKeywords(value, into);
    }
  }
  return into;
}

/** Validators for the spec's named schemas. */
export interface SpecValidator {
  /** The validator of `components.schemas[name]`. */
  schema(name: string): ValidateFunction;
  /** The validator of an inline schema taken from the spec (refs resolved against it). */
  inline(schema: unknown): ValidateFunction;
}

/** Builds a strict ajv instance that knows every schema of `spec`. */
export function createSpecValidator(spec: Spec): SpecValidator {
  const ajv = new Ajv2020({ strict: true, allErrors: true, discriminator: true });
  addFormats(ajv);
  // OpenAPI's own schema keywords are annotations for ajv.
  ajv.addVocabulary(['xml', 'example', 'externalDocs']);
  for (const keyword of collectExtensionKeywords(spec.components['schemas'], new Set())) {
    ajv.addKeyword(keyword);
  }
  ajv.addSchema({ $id: SCHEMA_ROOT, $defs: toJsonSchema(spec.components['schemas'], '') });
  let inlineCount = 0;
  return {
    schema(name) {
      const validate = ajv.getSchema(`${SCHEMA_ROOT}#/$defs/${name}`);
      if (validate === undefined) throw new Error(`no schema named ${name} in the spec`);
      return validate;
    },
    inline(schema) {
      inlineCount += 1;
      const converted = toJsonSchema(schema, SCHEMA_ROOT) as Record<string, unknown>;
      return ajv.compile({ ...converted, $id: `${SCHEMA_ROOT}/inline/${inlineCount}` });
    },
  };
}

/** A short, stable rendering of ajv errors for assertions and failure messages. */
export function describeErrors(errors: readonly ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map(
    (error) => `${error.instancePath || '/'} ${error.keyword}: ${error.message ?? ''}`,
  );
}
