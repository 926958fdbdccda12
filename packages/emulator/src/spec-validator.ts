/**
 * The emulator's runtime view of the spec: the OpenAPI document `@vodkit/types` ships, compiled
 * with ajv (JSON Schema 2020-12, the OpenAPI 3.1 dialect), and the wire decoding of DeleteImage
 * parameters. Exported so other packages (contract tests) can validate requests and responses
 * against exactly the same schemas.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { IMAGE_TYPE_ALL, LIST_SEPARATOR } from '@vodkit/types';
import type { DeleteImageRequest } from '@vodkit/types';

const require = createRequire(import.meta.url);
// ajv-formats is CommonJS with a default export; NodeNext sees the module object.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/** The OpenAPI document, as far as the emulator reads it. */
export interface OpenApiDocument {
  readonly components: {
    readonly schemas: Readonly<Record<string, unknown>>;
    readonly parameters: Readonly<Record<string, { name: string; in: string; schema: unknown }>>;
  };
  readonly paths: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

/** Loads `@vodkit/types/openapi.json`, the document the types are generated from. */
export function loadSpec(): OpenApiDocument {
  const path = require.resolve('@vodkit/types/openapi.json');
  return JSON.parse(readFileSync(path, 'utf8')) as OpenApiDocument;
}

const SCHEMA_ROOT = 'https://vodkit.invalid/openapi';

/**
 * Makes spec schemas compilable: OpenAPI refs (`#/components/schemas/X`) point into the
 * `$defs` of one schema document, and `discriminator.mapping` is dropped because ajv rejects it
 * (it derives the mapping from each variant's `const`).
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

/** Validators for the spec's schemas. */
export interface SpecValidator {
  /** The document the validators come from. */
  readonly spec: OpenApiDocument;
  /** The ajv validator of `components.schemas[name]`; throws for an unknown name. */
  schema(name: string): ValidateFunction;
  /** Compiles an inline schema taken from the spec (its refs resolve against the spec). */
  inline(schema: unknown): ValidateFunction;
  /**
   * Validates `value` against `components.schemas[name]` and returns the problems as short
   * lines (`/path keyword: message`); an empty array means valid. Handy for responses:
   * `validate('DeleteImageResponse', body)`, `validate('VodError', body)`.
   */
  validate(name: string, value: unknown): string[];
}

/** Builds a strict ajv instance that knows every schema of `spec` (default: {@link loadSpec}). */
export function createSpecValidator(spec: OpenApiDocument = loadSpec()): SpecValidator {
  const ajv = new Ajv2020({ strict: true, allErrors: true, discriminator: true });
  addFormats(ajv);
  // OpenAPI's own schema keywords are annotations for ajv.
  ajv.addVocabulary(['xml', 'example', 'externalDocs']);
  for (const keyword of collectExtensionKeywords(spec.components.schemas, new Set())) {
    ajv.addKeyword(keyword);
  }
  ajv.addSchema({ $id: SCHEMA_ROOT, $defs: toJsonSchema(spec.components.schemas, '') });
  let inlineCount = 0;
  const schema = (name: string): ValidateFunction => {
    const validate = ajv.getSchema(`${SCHEMA_ROOT}#/$defs/${name}`);
    if (validate === undefined) throw new Error(`no schema named ${name} in the spec`);
    return validate;
  };
  return {
    spec,
    schema,
    inline(inlineSchema) {
      inlineCount += 1;
      const converted = toJsonSchema(inlineSchema, SCHEMA_ROOT) as Record<string, unknown>;
      return ajv.compile({ ...converted, $id: `${SCHEMA_ROOT}/inline/${inlineCount}` });
    },
    validate(name, value) {
      const validate = schema(name);
      return validate(value) ? [] : describeErrors(validate.errors);
    },
  };
}

/** A short, stable rendering of ajv errors. */
export function describeErrors(errors: readonly ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map(
    (error) => `${error.instancePath || '/'} ${error.keyword}: ${error.message ?? ''}`,
  );
}

/** Names the spec's list-valued fields carry on the wire, comma-joined. */
const LIST_FIELDS: ReadonlySet<string> = new Set(['ImageURLs', 'ImageIds', 'ImageType']);

/** The request object parameter: its properties are the DeleteImage fields, not one parameter. */
const REQUEST_SCHEMA_REF = '#/components/schemas/DeleteImageRequest';

/**
 * The spec's common (query) parameters of the operation, with their schemas: the signature's
 * and the hidden gateway fields (`RegionId`, `OwnerId`, ...), which the operation never sees.
 */
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

/**
 * One `ImageURLs` item as sent: percent-encoded on its own (what the spec asks, and vodkit's
 * client does), or, from older clients, the bare URL. An encoded URL never starts with
 * `http://`, so the two cannot be confused; an item that does not decode stays as sent.
 */
function decodeUrlItem(item: string): string {
  if (!/^https?%3A/i.test(item)) return item;
  try {
    return decodeURIComponent(item);
  } catch {
    return item;
  }
}

/**
 * Turns decoded wire parameters into the request object the spec describes: common parameters
 * are left out, empty values count as absent, `ImageURLs`/`ImageIds` split on `,` (each URL
 * percent-decoded when it was sent encoded), and `ImageType` is the string `All` or a list of
 * kinds.
 *
 * @example decodeDeleteImageParams({ DeleteImageType: 'ImageId', ImageIds: 'a,b' })
 * // → { DeleteImageType: 'ImageId', ImageIds: ['a', 'b'] }
 */
export function decodeDeleteImageParams(
  params: Readonly<Record<string, string>>,
  ignore: ReadonlySet<string> = defaultIgnored(),
): Record<string, unknown> {
  const out = Object.create(null) as Record<string, unknown>;
  for (const [name, value] of Object.entries(params)) {
    if (ignore.has(name) || value === '') continue;
    if (!LIST_FIELDS.has(name)) out[name] = value;
    else if (name === 'ImageType' && value === IMAGE_TYPE_ALL) out[name] = value;
    else if (name === 'ImageURLs') out[name] = value.split(LIST_SEPARATOR).map(decodeUrlItem);
    else out[name] = value.split(LIST_SEPARATOR);
  }
  return out;
}

let ignoredCache: ReadonlySet<string> | undefined;
function defaultIgnored(): ReadonlySet<string> {
  ignoredCache ??= new Set(commonParameters(defaultRequestValidator().spec).map((p) => p.name));
  return ignoredCache;
}

/** The outcome of {@link RequestValidator.validate}. */
export type RequestValidation =
  | { readonly ok: true; readonly request: DeleteImageRequest }
  | {
      readonly ok: false;
      /** `MissingParameter` or `InvalidParameter`. */
      readonly code: 'MissingParameter' | 'InvalidParameter';
      /** The parameter at fault. */
      readonly field: string;
      /** The rule broken, in words. */
      readonly rule: string;
      /** The gateway-style message naming the field and the rule. */
      readonly message: string;
    };

/** Validates DeleteImage wire parameters against the spec. */
export interface RequestValidator {
  /** The document the rules come from. */
  readonly spec: OpenApiDocument;
  /**
   * Validates decoded wire parameters (common ones included): the common parameters against
   * their own schemas, the rest decoded by {@link decodeDeleteImageParams} against the variant
   * `DeleteImageType` selects (through the spec's discriminator mapping).
   */
  validate(params: Readonly<Record<string, string>>): RequestValidation;
}

const shown = (value: unknown): string => {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 64 ? `${text.slice(0, 61)}...` : text;
};

function missing(field: string, rule: string): RequestValidation {
  return {
    ok: false,
    code: 'MissingParameter',
    field,
    rule,
    message: `The input parameter "${field}" that is mandatory for processing this request is not supplied (${rule}).`,
  };
}

function invalid(field: string, rule: string): RequestValidation {
  return {
    ok: false,
    code: 'InvalidParameter',
    field,
    rule,
    message: `The specified parameter "${field}" is not valid. ${rule}`,
  };
}

/** Picks the most telling ajv error: the deepest one, skipping `oneOf` summaries and `type`. */
function pickError(errors: readonly ErrorObject[]): ErrorObject | undefined {
  const useful = errors.filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'if');
  const pool = useful.some((e) => e.keyword !== 'type' && e.keyword !== 'const')
    ? useful.filter((e) => e.keyword !== 'type' && e.keyword !== 'const')
    : useful;
  const first = pool.find((e) => e.keyword === 'required' || e.keyword === 'additionalProperties');
  if (first !== undefined) return first;
  return [...pool].sort((a, b) => b.instancePath.length - a.instancePath.length)[0];
}

/** Words for one ajv error of a decoded DeleteImage request. */
function explain(
  error: ErrorObject,
  request: Readonly<Record<string, unknown>>,
  type: string,
  variantFields: ReadonlySet<string>,
): RequestValidation {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required') {
    const field = String(params['missingProperty']);
    return missing(field, `it is required when DeleteImageType is ${type}`);
  }
  if (error.keyword === 'additionalProperties') {
    const field = String(params['additionalProperty']);
    return invalid(
      field,
      variantFields.has(field)
        ? `It is not accepted when DeleteImageType is ${type}.`
        : 'It is not a parameter of DeleteImage.',
    );
  }
  const [, field = '', index] = error.instancePath.split('/');
  const value = request[field];
  const item =
    index === undefined
      ? ''
      : `Item ${Number(index) + 1} (${shown((value as unknown[])[Number(index)])}) `;
  switch (error.keyword) {
    case 'maxItems':
      return invalid(
        field,
        `It holds ${(value as unknown[]).length} items; at most ${String(params['limit'])} are allowed.`,
      );
    case 'minItems':
      return invalid(field, `It must hold at least ${String(params['limit'])} item.`);
    case 'uniqueItems':
      return invalid(
        field,
        `It lists the same item twice (items ${Number(params['j']) + 1} and ${Number(params['i']) + 1}).`,
      );
    case 'minLength':
      return invalid(field, `${item === '' ? 'It' : `Item ${Number(index) + 1}`} is empty.`);
    case 'pattern':
      return invalid(
        field,
        `${item || `The value (${shown(value)}) `}does not match the pattern ${String(params['pattern'])}.`,
      );
    case 'enum': {
      const allowed = (params['allowedValues'] as unknown[]).map(String);
      if (field === 'ImageType') {
        return Array.isArray(value) && value.includes(IMAGE_TYPE_ALL)
          ? invalid(
              field,
              `${IMAGE_TYPE_ALL} stands alone: it cannot be combined with a snapshot kind.`,
            )
          : invalid(
              field,
              `${item}must be ${IMAGE_TYPE_ALL} or a set of ${allowed.filter((k) => k !== IMAGE_TYPE_ALL).join(', ')}.`,
            );
      }
      return invalid(
        field,
        `${item || `The value (${shown(value)}) `}must be one of ${allowed.join(', ')}.`,
      );
    }
    default:
      return invalid(field || 'DeleteImageType', `${item}${error.message ?? 'breaks the schema'}.`);
  }
}

/**
 * Which rules a {@link RequestValidator} enforces: `service`, the service's own (fields of
 * another variant and unknown fields ignored, `x-vodkit-rules` relaxed); `strict`, every rule of
 * the spec, vodkit's included.
 */
export type ValidationProfile = 'service' | 'strict';

/**
 * Builds a {@link RequestValidator} over `spec` (default: {@link loadSpec}) for `profile`
 * (default `strict`). For `service`, pass a validator of {@link serviceView}, or none.
 */
export function createRequestValidator(
  specValidator?: SpecValidator,
  profile: ValidationProfile = 'strict',
): RequestValidator {
  const compiled =
    specValidator ??
    (profile === 'service' ? createSpecValidator(serviceView(loadSpec())) : createSpecValidator());
  const { spec } = compiled;
  const union = spec.components.schemas['DeleteImageRequest'] as {
    discriminator: { propertyName: string; mapping: Record<string, string> };
  };
  const tag = union.discriminator.propertyName;
  const variants = new Map<
    string,
    { validate: ValidateFunction; fields: ReadonlySet<string>; own: ReadonlySet<string> }
  >();
  const allFields = new Set<string>();
  for (const [value, ref] of Object.entries(union.discriminator.mapping)) {
    const name = ref.replace('#/components/schemas/', '');
    const variant = spec.components.schemas[name] as { properties: Record<string, unknown> };
    for (const f of Object.keys(variant.properties)) allFields.add(f);
    variants.set(value, {
      validate: compiled.schema(name),
      fields: allFields,
      own: new Set(Object.keys(variant.properties)),
    });
  }
  const common = commonParameters(spec).map((p) => ({
    name: p.name,
    validate: compiled.inline(p.schema),
  }));
  const ignore = new Set(common.map((c) => c.name));
  return {
    spec,
    validate(params) {
      for (const c of common) {
        const value = params[c.name];
        if (value !== undefined && !c.validate(value)) {
          const e = c.validate.errors?.[0];
          const p = (e?.params ?? {}) as Record<string, unknown>;
          const rule =
            e?.keyword === 'enum'
              ? `It must be one of ${(p['allowedValues'] as unknown[]).map(String).join(', ')}.`
              : e?.keyword === 'const'
                ? `It must be ${String(p['allowedValue'])}.`
                : `It ${e?.message ?? 'breaks the schema'}.`;
          return invalid(c.name, rule);
        }
      }
      const request = decodeDeleteImageParams(params, ignore);
      const type = request[tag];
      if (type === undefined) return missing(tag, 'it selects what to delete');
      const variant = typeof type === 'string' ? variants.get(type) : undefined;
      if (variant === undefined) {
        return invalid(tag, `It must be one of ${[...variants.keys()].join(', ')}.`);
      }
      // The service ignores what is not a field of the chosen variant.
      const checked =
        profile === 'service'
          ? Object.fromEntries(Object.entries(request).filter(([name]) => variant.own.has(name)))
          : request;
      if (variant.validate(checked)) return { ok: true, request: checked as DeleteImageRequest };
      const error = pickError(variant.validate.errors ?? []);
      return error === undefined
        ? invalid(tag, 'The request breaks the schema.')
        : explain(error, checked, type as string, variant.fields);
    },
  };
}

const sharedValidators = new Map<ValidationProfile, RequestValidator>();
/**
 * A shared {@link RequestValidator} over the shipped spec for `profile` (default `strict`),
 * compiled on first use.
 */
export function defaultRequestValidator(profile: ValidationProfile = 'strict'): RequestValidator {
  let validator = sharedValidators.get(profile);
  if (validator === undefined) {
    validator = createRequestValidator(undefined, profile);
    sharedValidators.set(profile, validator);
  }
  return validator;
}
