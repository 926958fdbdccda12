/**
 * `deleteImage` from headless Chromium (Debian's `/usr/bin/chromium`, driven by playwright-core)
 * through the *built* main entry bundled by esbuild for the browser, against the emulator on
 * another origin (its CORS option answers the preflight). Both algorithms, both methods.
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { expect, it } from 'vitest';
import { DEFAULT_EMULATOR_CREDENTIALS, emulator } from './support.ts';

const CHROMIUM = '/usr/bin/chromium';
const here = fileURLToPath(new URL('.', import.meta.url));
const dist = fileURLToPath(new URL('../dist/', import.meta.url));

// Source text, so type-checking does not depend on dist/ existing; esbuild resolves it.
const ENTRY = `
import { createVodClient } from ${JSON.stringify(`${dist}index.js`)};
globalThis.runDeletes = async (endpoint, credentials) => {
  const out = [];
  for (const signatureAlgorithm of ['ACS3-HMAC-SHA256', 'HMAC-SHA1']) {
    for (const method of ['POST', 'GET']) {
      const client = createVodClient({ endpoint, credentials, signatureAlgorithm, method });
      const id = signatureAlgorithm + '-' + method;
      const { data, error } = await client.deleteImage({ DeleteImageType: 'ImageId', ImageIds: [id] });
      out.push({ id, requestId: data?.requestId, error: error && { name: error.name, code: error.code } });
    }
  }
  const bad = createVodClient({ endpoint, credentials: { ...credentials, accessKeySecret: 'wrong' } });
  const { error } = await bad.deleteImage({ DeleteImageType: 'ImageId', ImageIds: ['x'] });
  return { secure: globalThis.isSecureContext, node: typeof process !== 'undefined', out,
    bad: { name: error?.name, code: error?.code, httpStatus: error?.httpStatus, attempts: error?.attempts } };
};
`;

interface PageResult {
  secure: boolean;
  node: boolean;
  out: { id: string; requestId?: string; error?: { name: string; code: string } }[];
  bad: { name?: string; code?: string; httpStatus?: number; attempts?: number };
}

it('deleteImage runs in headless Chromium against the emulator', async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. Install Debian's package: apt-get update && apt-get install -y chromium (do not run "playwright install").`,
    );
  }
  if (!existsSync(`${dist}index.js`)) {
    throw new Error(
      'dist/index.js is missing: run `pnpm --filter @vodkit/client run build` first.',
    );
  }
  const bundle = await build({
    stdin: { contents: ENTRY, resolveDir: here, loader: 'js', sourcefile: 'browser-entry.js' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]?.text ?? '';
  expect(script).not.toMatch(/require\(["']node:|from ["']node:/);

  const ids = ['ACS3-HMAC-SHA256-POST', 'ACS3-HMAC-SHA256-GET', 'HMAC-SHA1-POST', 'HMAC-SHA1-GET'];
  const vod = await emulator({ cors: true, images: ids.map((imageId) => ({ imageId })) });
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
    const out = await page.evaluate(
      ([endpoint, credentials]) =>
        (
          globalThis as unknown as {
            runDeletes: (e: string, c: object) => Promise<PageResult>;
          }
        ).runDeletes(endpoint, credentials),
      [vod.url, DEFAULT_EMULATOR_CREDENTIALS] as const,
    );
    expect(out.secure).toBe(true);
    expect(out.node).toBe(false);
    expect(out.out.map((r) => [r.id, r.error])).toEqual(ids.map((id) => [id, undefined]));
    expect(out.out.every((r) => typeof r.requestId === 'string')).toBe(true);
    expect(out.bad).toEqual({
      name: 'VodClientError',
      code: 'SignatureDoesNotMatch',
      httpStatus: 400,
      attempts: 1,
    });
    for (const id of ids) expect(vod.state.has(id)).toBe(false);
    expect(vod.requests().filter((r) => r.status === 200)).toHaveLength(4);
  } finally {
    await browser.close();
    await vod.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) =>
      server.close(() => {
        resolve();
      }),
    );
  }
});
