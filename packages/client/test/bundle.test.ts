/**
 * The main entry bundles for browsers with no Node built-ins. Budget: what a browser app that
 * imports `createVodClient` loads at start (client, @vodkit/types' constants and percentEncode
 * from `@vodkit/signer/encode`), counted as a browser downloads it: the entry chunk and every
 * chunk it imports statically, each minified and gzipped on its own, summed, at most 10 000 B.
 * The signer comes with the first call that signs, openapi-fetch once middleware or `raw()`
 * needs it, the bulk runner with the first `deleteImages`, each in a chunk of its own. Every
 * export at once (helpers an app may not use) is printed and held under 11 kB so regressions
 * show. tools/release-check/test/sizes.test.ts holds the same budget on the packed tarball.
 */
import { fileURLToPath } from 'node:url';
import { measureBrowserBundle } from '@vodkit/test-browser';
import type { BundleSize } from '@vodkit/test-browser';
import { expect, it } from 'vitest';

const here = fileURLToPath(new URL('.', import.meta.url));
const entry = fileURLToPath(new URL('../src/index.ts', import.meta.url));

const bundle = (contents: string, external: string[] = []): Promise<BundleSize> =>
  measureBrowserBundle({ contents, resolveDir: here }, external);

const ALL = `export * from ${JSON.stringify(entry)};`;
const APP = `import { createVodClient } from ${JSON.stringify(entry)};
const client = createVodClient({ region: 'cn-shanghai', credentials: { accessKeyId: 'a', accessKeySecret: 'b' } });
client.deleteImage({ DeleteImageType: 'ImageId', ImageIds: ['x'] }).then(console.log);`;

it('client + signer, every export: under 11 kB min+gzip, no node: imports', async () => {
  const own = await bundle(ALL, ['openapi-fetch']);
  expect(own.text).not.toMatch(/["']node:|require\(/);
  expect(own.inputs.filter((i) => /src\/node|node:/.test(i))).toEqual([]);
  console.log(`@vodkit/client main entry, client + signer: ${own.min} B min, ${own.gz} B gzip`);
  // Every export, helpers an app may not use included (the option and bulk checks, pacer,
  // providers); what an app loads is held to 10 kB below.
  expect(own.gz).toBeLessThan(11_000);
});

it('with openapi-fetch: an app using createVodClient loads at most 10 000 B min+gzip at start', async () => {
  const app = await bundle(APP);
  const all = await bundle(ALL);
  expect(app.text).not.toMatch(/["']node:|require\(/);
  expect(all.text).not.toMatch(/["']node:|require\(/);
  console.log(
    `app (createVodClient + deleteImage) at start: ${app.min} B min, ${app.gz} B gzip in ${app.chunks.filter((c) => c.atStart).length} files (budget 10000 B); ${app.lazyGz} B later`,
  );
  // Nothing of signing at start (V3's Authorization header, V2's SignatureVersion): it loads with
  // the first call that signs.
  const start = app.chunks.filter((c) => c.atStart).map((c) => c.text);
  const later = app.chunks.filter((c) => !c.atStart).map((c) => c.text);
  for (const signing of [' Credential=', 'SignatureVersion']) {
    expect(
      start.some((text) => text.includes(signing)),
      signing,
    ).toBe(false);
    expect(
      later.some((text) => text.includes(signing)),
      signing,
    ).toBe(true);
  }
  console.log(`every export of the main entry: ${all.min} B min, ${all.gz} B gzip`);
  expect(app.gz).toBeLessThanOrEqual(10_000);
  expect(all.gz).toBeLessThan(11_000);
});
