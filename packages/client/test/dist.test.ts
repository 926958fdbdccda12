/**
 * The built entries (bundle.mjs): both share one chunk, so an error from the Node client is an
 * instance of the main entry's classes; the Node entry loads `node:fs`/`node:os`/`node:path`
 * only when a file credential provider runs, and the built-in fetch not at all without middleware.
 */
import { execFile, execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { expect, it } from 'vitest';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));

interface Entry {
  createVodClient: (options: object) => {
    deleteImage: (request: object) => Promise<{ error?: unknown }>;
    deleteImages: (options: object) => Promise<unknown>;
  };
  VodError: abstract new (...args: never[]) => unknown;
  VodValidationError: abstract new (...args: never[]) => unknown;
}

const load = async (file: string): Promise<Entry> => {
  if (!existsSync(`${dist}${file}`)) {
    throw new Error(
      `dist/${file} is missing: run \`pnpm --filter @vodkit/client run build\` first.`,
    );
  }
  return (await import(`${dist}${file}`)) as Entry;
};

it('the Node and main entries share their classes', async () => {
  const main = await load('index.js');
  const node = await load('node/index.js');
  expect(node.VodError).toBe(main.VodError);
  const client = node.createVodClient({
    endpoint: 'http://127.0.0.1:9',
    credentials: { accessKeyId: 'a', accessKeySecret: 'b' },
  });
  const { error } = await client.deleteImage({ DeleteImageType: 'ImageId', ImageIds: [] });
  expect(error).toBeInstanceOf(main.VodValidationError);
  expect(error).toBeInstanceOf(main.VodError);
  // Bulk deletes load in a chunk of their own on first use, with the same classes.
  await expect(client.deleteImages({ imageIds: ['a'], concurrency: 0 })).rejects.toBeInstanceOf(
    main.VodValidationError,
  );
});

it('the Node entry imports file-system modules only when a file provider runs', async () => {
  await load('node/index.js');
  const text = readFileSync(`${dist}node/index.js`, 'utf8');
  expect(text).not.toMatch(/^import[^;]*["']node:(fs|fs\/promises|os|path)["']/m);
  expect(text).toMatch(/import\(["']node:fs\/promises["']\)/);
});

it('a Node client without middleware never loads the built-in fetch (openapi-fetch waits)', () => {
  // A fresh process: the test runner itself has loaded undici.
  const script = `
    const m = await import(${JSON.stringify(`${dist}node/index.js`)});
    const has = () => process.moduleLoadList.some((name) => name.includes('undici'));
    const c = m.createVodClient({ endpoint: 'http://127.0.0.1:9', credentials: { accessKeyId: 'a', accessKeySecret: 'b' } });
    const before = has();
    await c.raw();
    console.log(JSON.stringify([before, has()]));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
  });
  expect(JSON.parse(out)).toEqual([false, true]);
});

it('importing the Node entry loads no network module; a call loads node:net alone, and its idle connection does not keep the process alive', async () => {
  // The server lives here and keeps connections open for a minute: the child exits only if its
  // idle keep-alive connection is unreferenced.
  const server = createServer((req, res) => {
    req.resume();
    res.end('{"RequestId":"R"}');
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const script = `
    const loaded = () => process.moduleLoadList
      .filter((name) => /^NativeModule (net|tls|http|https|crypto)$/.test(name))
      .map((name) => name.slice('NativeModule '.length));
    const m = await import(${JSON.stringify(`${dist}node/index.js`)});
    const atImport = loaded();
    const c = m.createVodClient({ endpoint: 'http://127.0.0.1:${port}', credentials: { accessKeyId: 'a', accessKeySecret: 'b' } });
    const { data } = await c.deleteImage({ DeleteImageType: 'ImageId', ImageIds: ['x'] });
    console.log(JSON.stringify({ atImport, afterCall: loaded().filter((m) => m !== 'crypto'), requestId: data.requestId }));`;
  try {
    const out = await new Promise<string>((resolve, reject) => {
      execFile(
        process.execPath,
        ['--input-type=module', '-e', script],
        { encoding: 'utf8', timeout: 20_000 },
        (error, stdout) => {
          if (error === null) resolve(stdout);
          else reject(new Error(`the child failed: ${error.message}`));
        },
      );
    });
    expect(JSON.parse(out)).toEqual({ atImport: [], afterCall: ['net'], requestId: 'R' });
  } finally {
    server.closeAllConnections();
    server.close();
  }
});

it("an app's minifier renames classes, not error names", async () => {
  const dir = await mkdtemp(join(tmpdir(), 'vodkit-minified-'));
  const out = join(dir, 'app.mjs');
  await esbuild.build({
    entryPoints: [`${dist}index.js`],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    outfile: out,
    logLevel: 'silent',
  });
  await writeFile(join(dir, 'package.json'), '{"type":"module"}');
  const app = (await import(out)) as Entry;
  const client = app.createVodClient({
    endpoint: 'http://127.0.0.1:9',
    credentials: { accessKeyId: 'a', accessKeySecret: 'b' },
  });
  const { error } = await client.deleteImage({ DeleteImageType: 'ImageId', ImageIds: [] });
  expect((error as Error).name).toBe('VodValidationError');
  expect(String(error)).toMatch(/^VodValidationError: ImageIds/);
});
