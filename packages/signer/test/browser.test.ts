/**
 * The vector loop in a real browser: headless Chromium (Debian's `/usr/bin/chromium`, driven by
 * playwright-core) runs every fixture vector through the *built* main entry and verify entry,
 * bundled by esbuild for the browser. The page is served from 127.0.0.1 because WebCrypto and
 * `crypto.randomUUID` exist only in secure contexts.
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { expect, it } from 'vitest';
import { VECTORS } from './vectors.fixture.js';

const CHROMIUM = '/usr/bin/chromium';
const here = fileURLToPath(new URL('.', import.meta.url));
const dist = fileURLToPath(new URL('../dist/', import.meta.url));

// Written as source text so type-checking does not depend on dist/ existing; esbuild resolves it.
const ENTRY = `
import { signRpc, signAcs3 } from ${JSON.stringify(`${dist}index.js`)};
import { verifyRequest } from ${JSON.stringify(`${dist}verify-entry.js`)};
import { checkVector } from './vector-check.ts';
import { VECTORS } from './vectors.fixture.ts';
globalThis.runVectors = async () => {
  const api = { signRpc, signAcs3, verifyRequest };
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

it('every vector passes in headless Chromium through the bundled main entry', async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. Install Debian's package: apt-get update && apt-get install -y chromium (do not run "playwright install").`,
    );
  }
  if (!existsSync(`${dist}index.js`)) {
    throw new Error(
      'dist/index.js is missing: run `pnpm --filter @vodkit/signer run build` first.',
    );
  }
  const bundle = await build({
    stdin: { contents: ENTRY, resolveDir: here, loader: 'ts', sourcefile: 'browser-entry.ts' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]?.text ?? '';
  expect(script).not.toMatch(/require\(["']node:|from ["']node:/);

  const server = createServer((req, res) => {
    res.setHeader('content-type', req.url === '/bundle.js' ? 'text/javascript' : 'text/html');
    res.end(
      req.url === '/bundle.js' ? script : '<!doctype html><script src="/bundle.js"></script>',
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    const out = await page.evaluate(() =>
      (globalThis as unknown as { runVectors: () => Promise<PageResult> }).runVectors(),
    );
    expect(out.secure).toBe(true);
    expect(out.node).toBe(false);
    expect(out.results.map((r) => r.name)).toEqual(VECTORS.map((v) => v.name));
    expect(out.results.filter((r) => r.diffs.length > 0)).toEqual([]);
  } finally {
    await browser.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) =>
      server.close(() => {
        resolve();
      }),
    );
  }
});
