/**
 * `@vodkit/contract/vitest`: the suite as vitest tests. The only entry that imports vitest, so
 * the main entry and the CLI install and run without it (vitest is an optional peer).
 *
 * @example
 * ```ts
 * import { defineDeleteImageContract } from '@vodkit/contract/vitest';
 * defineDeleteImageContract(); // against an in-process emulator
 * ```
 *
 * @packageDocumentation
 */
export { defineDeleteImageContract } from './define.js';
export type { DefineContractOptions } from './define.js';
