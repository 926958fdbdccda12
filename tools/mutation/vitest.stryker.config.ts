/**
 * The only test Stryker runs: the contract suite (suite/*.test.ts) against the in-process
 * emulator. Every `@vodkit/*` package the suite and the emulator import resolves to its
 * TypeScript source, not its built dist, so what runs is the source Stryker instrumented.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const source = (path: string): string =>
  fileURLToPath(new URL(`../../packages/${path}`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@vodkit\/contract$/, replacement: source('contract/src/index.ts') },
      { find: /^@vodkit\/contract\/vitest$/, replacement: source('contract/src/vitest.ts') },
      { find: /^@vodkit\/emulator$/, replacement: source('emulator/src/index.ts') },
      { find: /^@vodkit\/signer$/, replacement: source('signer/src/index.ts') },
      { find: /^@vodkit\/signer\/node$/, replacement: source('signer/src/node.ts') },
      { find: /^@vodkit\/signer\/redact$/, replacement: source('signer/src/redact.ts') },
      { find: /^@vodkit\/signer\/verify$/, replacement: source('signer/src/verify-entry.ts') },
      { find: /^@vodkit\/signer\/v3$/, replacement: source('signer/src/v3-entry.ts') },
      { find: /^@vodkit\/types$/, replacement: source('types/src/index.ts') },
    ],
  },
  test: {
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['suite/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 30_000,
  },
});
