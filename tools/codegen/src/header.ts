/** The banner every generated file starts with, so nobody edits one by hand. */

/** Builds the generated-file header for a file produced by `generator`. */
export function generatedHeader(generator: string): string {
  return [
    '/**',
    ' * GENERATED FILE: DO NOT EDIT.',
    ` * Source: spec/vod.openapi.yaml. Generator: tools/codegen (${generator}).`,
    ' * Regenerate with `pnpm generate`; `pnpm generate --check` fails when this file is stale.',
    ' */',
    '',
  ].join('\n');
}
