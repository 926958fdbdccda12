/**
 * The main entry bundles for browsers with no Node built-ins. Budget: client + signer (the
 * whole main entry, with @vodkit/types' constants, openapi-fetch left external) under 10 kB
 * min+gzip; the whole entry with openapi-fetch and a typical app's bundle are printed and held
 * under 11 kB so regressions show.
 */
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { expect, it } from 'vitest';

const here = fileURLToPath(new URL('.', import.meta.url));
const entry = fileURLToPath(new URL('../src/index.ts', import.meta.url));

async function bundle(
  contents: string,
  external: string[] = [],
): Promise<{ text: string; min: number; gz: number; inputs: string[] }> {
  const out = await build({
    stdin: { contents, resolveDir: here, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    external,
    logLevel: 'silent',
  });
  const code = out.outputFiles[0]?.contents ?? new Uint8Array();
  return {
    text: new TextDecoder().decode(code),
    min: code.byteLength,
    gz: gzipSync(code, { level: 9 }).byteLength,
    inputs: Object.keys(out.metafile.inputs),
  };
}

const ALL = `export * from ${JSON.stringify(entry)};`;
const APP = `import { createVodClient } from ${JSON.stringify(entry)};
const client = createVodClient({ region: 'cn-shanghai', credentials: { accessKeyId: 'a', accessKeySecret: 'b' } });
client.deleteImage({ DeleteImageType: 'ImageId', ImageIds: ['x'] }).then(console.log);`;

it('client + signer: under 10 kB min+gzip, no node: imports', async () => {
  const own = await bundle(ALL, ['openapi-fetch']);
  expect(own.text).not.toMatch(/["']node:|require\(/);
  expect(own.inputs.filter((i) => /src\/node|node:/.test(i))).toEqual([]);
  console.log(`@vodkit/client main entry, client + signer: ${own.min} B min, ${own.gz} B gzip`);
  expect(own.gz).toBeLessThan(10_000);
});

it('with openapi-fetch: the whole entry and a typical app stay under 11 kB min+gzip', async () => {
  const all = await bundle(ALL);
  const app = await bundle(APP);
  expect(all.text).not.toMatch(/["']node:|require\(/);
  console.log(`@vodkit/client main entry with openapi-fetch: ${all.min} B min, ${all.gz} B gzip`);
  console.log(`typical app (createVodClient + deleteImage): ${app.min} B min, ${app.gz} B gzip`);
  expect(all.gz).toBeLessThan(11_000);
  expect(app.gz).toBeLessThan(11_000);
});
