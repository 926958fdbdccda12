/**
 * Size budgets: each browser entry, bundled for browsers, minified and gzipped with esbuild. The
 * main entry (V3 and what both algorithms share) stays under 3 kB here, as
 * tools/release-check/test/sizes.test.ts holds the packed one; `@vodkit/signer/v2` (V2 with the
 * shared code it needs) under 2.5 kB; `@vodkit/signer/redact` (what the client loads with its
 * first error or dry run) under 2 kB; `@vodkit/signer/encode` (percentEncode, what the client's
 * main entry loads at start) under 500 B. The figures are printed on every run so regressions
 * show up in the log.
 */
import { fileURLToPath } from 'node:url';
import { measureBrowserBundle } from '@vodkit/test-browser';
import { expect, it } from 'vitest';

const BUDGETS = {
  'index.ts': 3000,
  'v2-entry.ts': 2500,
  'redact.ts': 2000,
  'encode-entry.ts': 500,
} as const;

it.each(Object.entries(BUDGETS))(
  '%s: minified + gzipped under its budget',
  async (file, budget) => {
    const entry = fileURLToPath(new URL(`../src/${file}`, import.meta.url));
    const { min, gz: gzipped } = await measureBrowserBundle({
      contents: `export * from ${JSON.stringify(entry)};`,
      resolveDir: fileURLToPath(new URL('.', import.meta.url)),
    });
    console.log(
      `@vodkit/signer ${file}: ${min} B minified, ${gzipped} B gzipped (budget ${budget} B)`,
    );
    expect(gzipped).toBeLessThan(budget);
  },
);
