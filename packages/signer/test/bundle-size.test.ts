/**
 * Size budget: the main entry, bundled for browsers, minified and gzipped with esbuild, stays
 * under 3 kB. The figure is printed on every run so regressions show up in the log.
 */
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { expect, it } from 'vitest';

const BUDGET_BYTES = 3000;

it(`main entry: minified + gzipped under ${BUDGET_BYTES} bytes`, async () => {
  const out = await build({
    entryPoints: [fileURLToPath(new URL('../src/index.ts', import.meta.url))],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const code = out.outputFiles[0]?.contents ?? new Uint8Array();
  const gzipped = gzipSync(code, { level: 9 }).byteLength;
  console.log(
    `@vodkit/signer main entry: ${code.byteLength} B minified, ${gzipped} B gzipped (budget ${BUDGET_BYTES} B)`,
  );
  expect(gzipped).toBeLessThan(BUDGET_BYTES);
});
