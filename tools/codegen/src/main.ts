/**
 * `pnpm generate`: regenerates `packages/types/src/generated/*` and
 * `packages/emulator/src/generated/*` from the spec.
 * `pnpm generate --check`: regenerates in memory and fails (exit 1) when a committed file differs.
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { generateConstants } from './constants.ts';
import { generatedHeader } from './header.ts';
import { parseSpec } from './load-spec.ts';
import { emulatorGeneratedDir, generatedDir, specPath } from './paths.ts';
import { generateSchemaTypes } from './schema-types.ts';
import { generateRequestShapes, generateValidators } from './validators.ts';

/** One file codegen owns: where it goes and what it must contain. */
interface GeneratedFile {
  readonly path: string;
  readonly contents: string;
}

async function generateAll(): Promise<GeneratedFile[]> {
  const spec = parseSpec(await readFile(specPath, 'utf8'));
  const schemaTypes = await generateSchemaTypes(pathToFileURL(specPath));
  return [
    {
      path: `${generatedDir}schema.d.ts`,
      contents: generatedHeader('openapi-typescript') + schemaTypes,
    },
    {
      path: `${generatedDir}constants.ts`,
      contents: generatedHeader('constants.ts') + generateConstants(spec),
    },
    {
      path: `${emulatorGeneratedDir}validators.ts`,
      contents: generatedHeader('validators.ts, ajv standalone code') + generateValidators(spec),
    },
    {
      path: `${emulatorGeneratedDir}request-shape.ts`,
      contents: generatedHeader('validators.ts') + generateRequestShapes(spec),
    },
  ];
}

async function readIfPresent(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const files = await generateAll();
  if (argv.includes('--check')) {
    const stale: string[] = [];
    for (const file of files) {
      if ((await readIfPresent(file.path)) !== file.contents) stale.push(file.path);
    }
    if (stale.length > 0) {
      console.error(
        `codegen: generated files are out of date with spec/vod.openapi.yaml:\n  ${stale.join('\n  ')}\nRun \`pnpm generate\` and commit the result.`,
      );
      return 1;
    }
    console.log(`codegen: ${files.length} generated files match spec/vod.openapi.yaml`);
    return 0;
  }
  for (const dir of [generatedDir, emulatorGeneratedDir]) await mkdir(dir, { recursive: true });
  for (const file of files) await writeFile(file.path, file.contents);
  console.log(`codegen: wrote ${files.map((file) => file.path).join(', ')}`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
