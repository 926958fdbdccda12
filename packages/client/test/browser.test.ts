/**
 * `deleteImage` from headless Chromium (Debian's `/usr/bin/chromium`, driven by playwright-core)
 * through the *built* main entry bundled by esbuild for the browser, against the emulator on
 * another origin (its CORS option answers the preflight). Both algorithms, both methods; the
 * browser's own user-agent is what arrives.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundleForBrowser, withBrowserPage } from '@vodkit/test-browser';
import { expect, it } from 'vitest';
import { DEFAULT_EMULATOR_CREDENTIALS, emulator } from './support.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const dist = fileURLToPath(new URL('../dist/', import.meta.url));

// Source text, so type-checking does not depend on dist/ existing; esbuild resolves it.
const ENTRY = `
import { createVodClient } from ${JSON.stringify(`${dist}index.js`)};
globalThis.runDeletes = async (endpoint, credentials) => {
  const out = [];
  for (const signatureAlgorithm of ['ACS3-HMAC-SHA256', 'HMAC-SHA1']) {
    for (const method of ['POST', 'GET']) {
      const client = createVodClient({ endpoint, credentials, signatureAlgorithm, method, userAgent: 'myapp/1.2' });
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
  if (!existsSync(`${dist}index.js`)) {
    throw new Error(
      'dist/index.js is missing: run `pnpm --filter @vodkit/client run build` first.',
    );
  }
  const script = await bundleForBrowser({ contents: ENTRY, resolveDir: here, loader: 'js' });
  const ids = ['ACS3-HMAC-SHA256-POST', 'ACS3-HMAC-SHA256-GET', 'HMAC-SHA1-POST', 'HMAC-SHA1-GET'];
  const vod = await emulator({ cors: true, images: ids.map((imageId) => ({ imageId })) });
  try {
    const out = await withBrowserPage(script, (page) =>
      page.evaluate(
        ([endpoint, credentials]) =>
          (
            globalThis as unknown as {
              runDeletes: (e: string, c: object) => Promise<PageResult>;
            }
          ).runDeletes(endpoint, credentials),
        [vod.url, DEFAULT_EMULATOR_CREDENTIALS] as const,
      ),
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
    // The browser's own user-agent, untouched: the client sets none there, nor the option's.
    for (const r of vod.requests()) {
      expect(r.headers['user-agent']).toMatch(/Chrom/);
      expect(r.headers['user-agent']).not.toMatch(/vodkit|myapp/);
    }
  } finally {
    await vod.close();
  }
});
