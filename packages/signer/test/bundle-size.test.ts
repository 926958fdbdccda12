/**
 * Size budget: the main entry, bundled for browsers, minified and gzipped with esbuild, stays
 * under 3.5 kB. The figure is printed on every run so regressions show up in the log.
 */
import { fileURLToPath } from 'node:url';
import { measureBrowserBundle } from '@vodkit/test-browser';
import { expect, it } from 'vitest';

// 3,000 until issue 15: refusing what cannot be signed safely (credentials, host and path as URL
// writes them, plain-object bags, clock range) took the entry from 2,991 B to 3,450 B.
const BUDGET_BYTES = 3500;

it(`main entry: minified + gzipped under ${BUDGET_BYTES} bytes`, async () => {
  const entry = fileURLToPath(new URL('../src/index.ts', import.meta.url));
  const { min, gz: gzipped } = await measureBrowserBundle({
    contents: `export * from ${JSON.stringify(entry)};`,
    resolveDir: fileURLToPath(new URL('.', import.meta.url)),
  });
  console.log(
    `@vodkit/signer main entry: ${min} B minified, ${gzipped} B gzipped (budget ${BUDGET_BYTES} B)`,
  );
  expect(gzipped).toBeLessThan(BUDGET_BYTES);
});
