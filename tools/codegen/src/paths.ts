/** Where codegen reads and writes, relative to the repository root. */
import { fileURLToPath } from 'node:url';

/** Absolute path of the repository root. */
export const repoRoot: string = fileURLToPath(new URL('../../../', import.meta.url));

/** The hand-written OpenAPI document: the single source of truth. */
export const specPath: string = `${repoRoot}spec/vod.openapi.yaml`;

/** Folder of the generated, committed files of `@vodkit/types`. */
export const generatedDir: string = `${repoRoot}packages/types/src/generated/`;

/** Folder of the generated, committed files of `@vodkit/emulator` (its precompiled validators). */
export const emulatorGeneratedDir: string = `${repoRoot}packages/emulator/src/generated/`;
