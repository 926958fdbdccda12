/**
 * Size budget: the main entry, bundled for browsers, minified and gzipped with esbuild, stays
 * under 3 kB. The figure is printed on every run so regressions show up in the log.
 */
import { fileURLToPath } from 'node:url';
import { measureBrowserBundle } from '@vodkit/test-browser';
import { expect, it } from 'vitest';

const BUDGET_BYTES = 3000;

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
