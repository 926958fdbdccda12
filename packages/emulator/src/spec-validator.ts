/**
 * The emulator's runtime view of the spec: validators of its schemas and of DeleteImage wire
 * parameters. The spec `@vodkit/types` ships comes precompiled (tools/codegen runs ajv's
 * standalone code generation at build time), so neither ajv nor the document is loaded to
 * validate against it; only a custom document is compiled with ajv, when it is given. Exported so
 * other packages (contract tests) can validate requests and responses against exactly the same
 * schemas.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import type { FormatsPlugin } from 'ajv-formats';
import type { DeleteImageRequest } from '@vodkit/types';
import { PRECOMPILED } from './generated/validators.js';
import type { SchemaValidateFunction } from './schema-validate-function.js';

export type { SchemaValidateFunction } from './schema-validate-function.js';
import { REQUEST_SHAPES } from './generated/request-shape.js';
import {
  AJV_OPTIONS,
  addSpecSchemas,
  parameterId,
  requestShape,
  SCHEMA_ROOT,
  schemaId,
  serviceView,
  toJsonSchema,
} from './openapi-schema.js';
import type { OpenApiDocument, RequestShape } from './openapi-schema.js';
import {
  describeErrors,
  explain,
  explainParameter,
  invalid,
  missing,
  pickError,
} from './validation-messages.js';
import type { RequestValidation } from './validation-messages.js';
import { decodeDeleteImageParams } from './wire-decoding.js';

const require = createRequire(import.meta.url);

/** Loads `@vodkit/types/openapi.json`, the document the types are generated from. */
export function loadSpec(): OpenApiDocument {
  const path = require.resolve('@vodkit/types/openapi.json');
  return JSON.parse(readFileSync(path, 'utf8')) as OpenApiDocument;
}

/** Validators for the spec's schemas. */
export interface SpecValidator {
  /** The document the validators come from (the shipped one is read on first use). */
  readonly spec: OpenApiDocument;
  /** The DeleteImage request's discriminator, variants and common parameters. */
  readonly request: RequestShape;
  /** The validator of `components.schemas[name]`; throws for an unknown name. */
  schema(name: string): SchemaValidateFunction;
  /** The validator of the common parameter `name` (its wire name); throws for an unknown one. */
  parameter(name: string): SchemaValidateFunction;
  /**
   * Compiles an inline schema taken from the spec (its refs resolve against the spec) with ajv,
   * which is loaded on the first call.
   */
  inline(schema: unknown): SchemaValidateFunction;
  /**
   * Validates `value` against `components.schemas[name]` and returns the problems as short
   * lines (`/path keyword: message`); an empty array means valid. Handy for responses:
   * `validate('DeleteImageResponse', body)`, `validate('VodError', body)`.
   */
  validate(name: string, value: unknown): string[];
}

/**
 * Which rules a {@link RequestValidator} enforces: `service`, the service's own (fields of
 * another variant and unknown fields ignored, `x-vodkit-rules` relaxed); `strict`, every rule of
 * the spec, vodkit's included.
 */
export type ValidationProfile = 'service' | 'strict';

function lookup(
  validators: ReadonlyMap<string, SchemaValidateFunction>,
  name: string,
  what: string,
): SchemaValidateFunction {
  const validate = validators.get(name);
  if (validate === undefined) throw new Error(`no ${what} named ${name} in the spec`);
  return validate;
}

const shippedValidators = new Map<ValidationProfile, SpecValidator>();
/**
 * The validators of the spec `@vodkit/types` ships, as the `profile` (default `strict`) reads
 * it (`service`: {@link serviceView}), precompiled at build time: neither ajv nor the document
 * is loaded to use them.
 */
export function defaultSpecValidator(profile: ValidationProfile = 'strict'): SpecValidator {
  let validator = shippedValidators.get(profile);
  if (validator === undefined) {
    const { schemas, parameters } = PRECOMPILED[profile];
    let spec: OpenApiDocument | undefined;
    const document = (): OpenApiDocument =>
      (spec ??= profile === 'service' ? serviceView(loadSpec()) : loadSpec());
    // Only an inline schema needs ajv, and the document, at run time.
    let compiler: SpecValidator | undefined;
    const schema = (name: string): SchemaValidateFunction => lookup(schemas, name, 'schema');
    validator = {
      get spec() {
        return document();
      },
      request: REQUEST_SHAPES[profile],
      schema,
      parameter: (name) => lookup(parameters, name, 'common parameter'),
      inline: (inlineSchema) => (compiler ??= createSpecValidator(document())).inline(inlineSchema),
      validate(name, value) {
        const validate = schema(name);
        return validate(value) ? [] : describeErrors(validate.errors);
      },
    };
    shippedValidators.set(profile, validator);
  }
  return validator;
}

/**
 * Compiles the validators of `spec` (default: {@link loadSpec}) with a strict ajv instance, as
 * tools/codegen compiles the shipped spec. ajv is loaded on the first call, not with the module;
 * for the shipped spec, {@link defaultSpecValidator} has them precompiled.
 */
export function createSpecValidator(spec: OpenApiDocument = loadSpec()): SpecValidator {
  const { Ajv2020: Ajv } = require('ajv/dist/2020.js') as { Ajv2020: typeof Ajv2020 };
  // ajv-formats is CommonJS: `require` returns the plugin itself.
  const addFormats = require('ajv-formats') as FormatsPlugin;
  const ajv = new Ajv(AJV_OPTIONS);
  addFormats(ajv);
  addSpecSchemas(ajv, spec, SCHEMA_ROOT);
  const compiled = (id: string, name: string, what: string): SchemaValidateFunction => {
    const validate = ajv.getSchema(id);
    if (validate === undefined) throw new Error(`no ${what} named ${name} in the spec`);
    return validate;
  };
  let shape: RequestShape | undefined;
  const request = (): RequestShape => (shape ??= requestShape(spec));
  const schema = (name: string): SchemaValidateFunction =>
    compiled(schemaId(SCHEMA_ROOT, name), name, 'schema');
  let inlineCount = 0;
  return {
    spec,
    get request() {
      return request();
    },
    schema,
    parameter(name) {
      if (!request().commonParameters.includes(name)) {
        throw new Error(`no common parameter named ${name} in the spec`);
      }
      return compiled(parameterId(SCHEMA_ROOT, name), name, 'common parameter');
    },
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

/** Validates DeleteImage wire parameters against the spec. */
export interface RequestValidator {
  /** The document the rules come from (the shipped one is read on first use). */
  readonly spec: OpenApiDocument;
  /**
   * Validates decoded wire parameters (common ones included): the common parameters against
   * their own schemas, the rest decoded by {@link decodeDeleteImageParams} against the variant
   * `DeleteImageType` selects (through the spec's discriminator mapping).
   */
  validate(params: Readonly<Record<string, string>>): RequestValidation;
}

/**
 * Builds a {@link RequestValidator} from `specValidator` (default: the precompiled
 * {@link defaultSpecValidator} of `profile`) for `profile` (default `strict`). For `service`
 * with a custom document, pass a validator of its {@link serviceView}.
 */
export function createRequestValidator(
  specValidator?: SpecValidator,
  profile: ValidationProfile = 'strict',
): RequestValidator {
  const compiled = specValidator ?? defaultSpecValidator(profile);
  const { discriminator: tag, variants: shapes, commonParameters } = compiled.request;
  const allFields: ReadonlySet<string> = new Set(shapes.flatMap((v) => v.fields));
  const variants = new Map(
    shapes.map((v) => [v.value, { validate: compiled.schema(v.schema), own: new Set(v.fields) }]),
  );
  const common = commonParameters.map((name) => ({ name, validate: compiled.parameter(name) }));
  const ignore = new Set(commonParameters);
  return {
    get spec() {
      return compiled.spec;
    },
    validate(params) {
      for (const c of common) {
        const value = params[c.name];
        if (value !== undefined && !c.validate(value)) {
          return explainParameter(c.name, c.validate.errors);
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
        : explain(error, checked, type as string, allFields);
    },
  };
}

const sharedValidators = new Map<ValidationProfile, RequestValidator>();
/**
 * A shared {@link RequestValidator} over the shipped spec for `profile` (default `strict`),
 * built on first use from the precompiled validators.
 */
export function defaultRequestValidator(profile: ValidationProfile = 'strict'): RequestValidator {
  let validator = sharedValidators.get(profile);
  if (validator === undefined) {
    validator = createRequestValidator(undefined, profile);
    sharedValidators.set(profile, validator);
  }
  return validator;
}
