/**
 * The vector loop in a real browser: headless Chromium (Debian's `/usr/bin/chromium`, driven by
 * playwright-core) runs every fixture vector through the *built* main (V3), v2 and verify entries,
 * bundled by esbuild for the browser. The page is served from 127.0.0.1 because WebCrypto and
 * `crypto.randomUUID` exist only in secure contexts.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundleForBrowser, withBrowserPage } from '@vodkit/test-browser';
import { expect, it } from 'vitest';
import { VECTORS } from './vectors.fixture.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const dist = fileURLToPath(new URL('../dist/', import.meta.url));

// Written as source text so type-checking does not depend on dist/ existing; esbuild resolves it.
const ENTRY = `
import { signV3 } from ${JSON.stringify(`${dist}index.js`)};
import { signV2 } from ${JSON.stringify(`${dist}v2-entry.js`)};
import { verifyRequest } from ${JSON.stringify(`${dist}verify-entry.js`)};
import { checkVector } from './vector-check.ts';
import { VECTORS } from './vectors.fixture.ts';
globalThis.runVectors = async () => {
  const api = { signV2, signV3, verifyRequest };
  const results = [];
  for (const v of VECTORS) results.push({ name: v.name, diffs: await checkVector(api, v) });
  return { secure: globalThis.isSecureContext, node: typeof process !== 'undefined', results };
};
`;

interface PageResult {
  secure: boolean;
  node: boolean;
  results: { name: string; diffs: string[] }[];
}

it('every vector passes in headless Chromium through the bundled WebCrypto entries', async () => {
  if (!existsSync(`${dist}index.js`)) {
    throw new Error(
      'dist/index.js is missing: run `pnpm --filter @vodkit/signer run build` first.',
    );
  }
  const script = await bundleForBrowser({ contents: ENTRY, resolveDir: here });
  const out = await withBrowserPage(script, (page) =>
    page.evaluate(() =>
      (globalThis as unknown as { runVectors: () => Promise<PageResult> }).runVectors(),
    ),
  );
  expect(out.secure).toBe(true);
  expect(out.node).toBe(false);
  expect(out.results.map((r) => r.name)).toEqual(VECTORS.map((v) => v.name));
  expect(out.results.filter((r) => r.diffs.length > 0)).toEqual([]);
});
