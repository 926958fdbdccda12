/**
 * Precompiles the emulator's validators: ajv's standalone code (ESM) for every schema and every
 * common parameter of the spec, in both profiles (`strict`: the spec; `service`: its
 * `serviceView`), and the DeleteImage request's shape as data. The emulator then starts without
 * loading ajv or the document. The schemas are turned into JSON Schema by the emulator's own
 * adapter, the one a custom document is compiled with at run time, so both compile the same.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneModule from 'ajv/dist/standalone/index.js';
import formatsModule from 'ajv-formats';
import {
  AJV_OPTIONS,
  addSpecSchemas,
  requestShape,
  SCHEMA_ROOT,
  parameterId,
  schemaId,
  serviceView,
} from '../../../packages/emulator/src/openapi-schema.ts';
import type { OpenApiDocument } from './load-spec.ts';

// Both are CommonJS with `exports.default`; NodeNext types the default import as the module.
const standaloneCode = standaloneModule.default;
const addFormats = formatsModule.default;

const PROFILES = ['service', 'strict'] as const;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function exportName(profile: string, kind: 'schema' | 'parameter', name: string): string {
  if (!IDENTIFIER.test(name)) {
    throw new Error(`codegen: ${kind} name ${JSON.stringify(name)} is not a JavaScript identifier`);
  }
  return `${profile}_${kind}_${name}`;
}

/**
 * Makes ajv's ESM output a module Node can load: ajv refers to its runtime helpers (and to the
 * formats plugin's functions, when a schema uses a format) as `require("ajv/dist/runtime/x")`,
 * so the module gets a `require` of its own; ajv and ajv-formats stay plain CommonJS packages.
 * A helper is required on its first call, so that loading the module loads no CommonJS.
 */
function asEsModule(code: string): string {
  const body = code
    .replace(/^"use strict";/, '')
    // The validators are reached through the typed PRECOMPILED table only: an untyped export
    // would need declarations that plain JavaScript cannot give.
    .replace(/^export const (\w+) = /gm, 'const $1 = ')
    .replace(
      /^const (func\d+) = (require\("[^"]+"\)\.default);$/gm,
      'let $1Loaded;\nconst $1 = (...args) => ($1Loaded ??= $2)(...args);',
    );
  if (!/\brequire\(/.test(body)) return body;
  return [
    "import { createRequire } from 'node:module';",
    'const require = createRequire(import.meta.url);',
    body,
  ].join('\n');
}

function mapOf(entries: readonly (readonly [string, string])[]): string {
  const lines = entries.map(([name, variable]) => `    [${JSON.stringify(name)}, ${variable}],`);
  return `new Map([\n${lines.join('\n')}\n  ])`;
}

/**
 * Builds the source of `validators.ts` (without the header): the standalone validators and
 * `PRECOMPILED`, the typed table the emulator reads them from.
 */
export function generateValidators(spec: OpenApiDocument): string {
  const ajv = new Ajv2020({
    ...AJV_OPTIONS,
    code: { source: true, esm: true, lines: true },
  });
  // Sets `code.formats`: the generated code reaches a format's function as
  // `require("ajv-formats/dist/formats").fullFormats[name]`.
  addFormats(ajv);
  const refs: Record<string, string> = {};
  const tables: string[] = [];
  for (const profile of PROFILES) {
    const view = profile === 'service' ? serviceView(spec) : spec;
    const root = `${SCHEMA_ROOT}/${profile}`;
    addSpecSchemas(ajv, view, root);
    const schemas = Object.keys(view.components.schemas).map((name) => {
      const variable = exportName(profile, 'schema', name);
      refs[variable] = schemaId(root, name);
      return [name, variable] as const;
    });
    const parameters = requestShape(view).commonParameters.map((name) => {
      const variable = exportName(profile, 'parameter', name);
      refs[variable] = parameterId(root, name);
      return [name, variable] as const;
    });
    tables.push(
      `  ${profile}: {\n  schemas: ${mapOf(schemas)},\n  parameters: ${mapOf(parameters)},\n  },`,
    );
  }
  return [
    '// @ts-nocheck: ajv standalone code, plain JavaScript; PRECOMPILED at the end is typed.',
    "import type { SchemaValidateFunction } from '../schema-validate-function.js';",
    asEsModule(standaloneCode(ajv, refs)),
    '',
    '/** The validators of one profile: every schema and every common parameter, by name. */',
    'export interface PrecompiledValidators {',
    '  readonly schemas: ReadonlyMap<string, SchemaValidateFunction>;',
    '  readonly parameters: ReadonlyMap<string, SchemaValidateFunction>;',
    '}',
    '',
    '/** The precompiled validators of each profile. */',
    'export const PRECOMPILED: Readonly<Record<"service" | "strict", PrecompiledValidators>> = {',
    ...tables,
    '};',
    '',
  ].join('\n');
}

/** Builds the source of `request-shape.ts` (without the header): the request's shape per profile. */
export function generateRequestShapes(spec: OpenApiDocument): string {
  const shapes = Object.fromEntries(
    PROFILES.map((profile) => [
      profile,
      requestShape(profile === 'service' ? serviceView(spec) : spec),
    ]),
  );
  return [
    "import type { RequestShape } from '../openapi-schema.js';",
    '',
    '/** The DeleteImage request as each profile reads the spec: discriminator, variants, common parameters. */',
    `export const REQUEST_SHAPES: Readonly<Record<"service" | "strict", RequestShape>> = ${JSON.stringify(shapes, null, 2)};`,
    '',
  ].join('\n');
}
