/**
 * Size budgets, from the packed tarballs installed with npm into a scratch project, as a user
 * gets them:
 * - a browser app's start bundle (`createVodClient` and one `deleteImage`) ≤ 10 000 B, counted
 *   as a browser downloads it: the entry chunk and every chunk it imports statically, each
 *   minified and gzipped on its own, summed (chunks behind a dynamic `import()` load later);
 * - `@vodkit/signer`'s main entry (V3 signing and what both algorithms share; V2 is
 *   `@vodkit/signer/v2`), every export with what it imports, ≤ 3 000 B min+gzip;
 * - `@vodkit/client` with its dependencies, the whole `node_modules` npm writes, ≤ 1 MiB.
 * Each test prints its figure with its budget.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { measureBrowserBundle } from '@vodkit/test-browser';
import { beforeAll, expect, it } from 'vitest';
import { footprint } from '../src/footprint.ts';
import { packPackage } from '../src/pack.ts';
import { publishablePackages } from '../src/workspace-packages.ts';

const run = promisify(execFile);
const APP_START_BUDGET = 10_000;
const SIGNER_MAIN_BUDGET = 3_000;
const CLIENT_INSTALL_BUDGET = 1024 * 1024;
/** The client and the workspace packages it depends on; npm fetches nothing else of ours. */
const INSTALLED = ['@vodkit/client', '@vodkit/signer', '@vodkit/types'];

let scratch = '';

beforeAll(async () => {
  const destination = await mkdtemp(join(tmpdir(), 'vodkit-pack-sizes-'));
  const tarballs: string[] = [];
  for (const pkg of publishablePackages().filter((p) => INSTALLED.includes(p.manifest.name))) {
    tarballs.push((await packPackage(pkg.dir, destination)).tarball);
  }
  expect(tarballs).toHaveLength(INSTALLED.length);
  scratch = await mkdtemp(join(tmpdir(), 'vodkit-sizes-'));
  await writeFile(
    join(scratch, 'package.json'),
    JSON.stringify({ name: 'scratch', private: true, type: 'module' }),
  );
  await run(
    'npm',
    ['install', '--no-audit', '--no-fund', '--omit=dev', '--loglevel=error', ...tarballs],
    { cwd: scratch, timeout: 170_000 },
  );
}, 180_000);

const kb = (bytes: number): string => `${(bytes / 1000).toFixed(2)} kB`;

it(`a browser app's start bundle (createVodClient + deleteImage) is at most ${kb(APP_START_BUDGET)}, chunk by chunk`, async () => {
  const app = await measureBrowserBundle({
    contents: `import { createVodClient } from '@vodkit/client';
const client = createVodClient({ region: 'cn-shanghai', credentials: { accessKeyId: 'a', accessKeySecret: 'b' } });
client.deleteImage({ DeleteImageType: 'ImageId', ImageIds: ['x'] }).then(console.log);`,
    resolveDir: scratch,
    loader: 'js',
  });
  const start = app.chunks.filter((chunk) => chunk.atStart);
  console.log(
    `browser app start: ${kb(app.gz)} min+gzip in ${start.length} files (${start.map((c) => c.gz).join(' + ')} B), budget ${kb(APP_START_BUDGET)}; ${kb(app.lazyGz)} more on demand`,
  );
  expect(app.text).not.toMatch(/["']node:/);
  // The figure is the per-file sum, never less than the biggest file.
  expect(app.gz).toBe(start.reduce((sum, chunk) => sum + chunk.gz, 0));
  expect(app.gz).toBeLessThanOrEqual(APP_START_BUDGET);
});

it(`@vodkit/signer's main entry, every export, is at most ${kb(SIGNER_MAIN_BUDGET)}`, async () => {
  const signer = await measureBrowserBundle({
    contents: `export * from '@vodkit/signer';`,
    resolveDir: scratch,
    loader: 'js',
  });
  console.log(
    `@vodkit/signer main entry: ${signer.min} B min, ${kb(signer.gz)} min+gzip, budget ${kb(SIGNER_MAIN_BUDGET)}`,
  );
  expect(signer.inputs.some((input) => input.includes('node_modules/@vodkit/signer/dist/'))).toBe(
    true,
  );
  // V2 is `@vodkit/signer/v2`'s: the parameters only it sets never reach the main entry.
  expect(signer.text).not.toContain('SignatureMethod');
  expect(signer.gz).toBeLessThanOrEqual(SIGNER_MAIN_BUDGET);
});

it('@vodkit/client installs with its dependencies in at most 1 MiB', async () => {
  const modules = await footprint(join(scratch, 'node_modules'));
  const client = await footprint(join(scratch, 'node_modules', '@vodkit', 'client'));
  console.log(
    `@vodkit/client install: ${(modules.bytes / 1024).toFixed(1)} KiB in ${modules.files} files (the client itself ${(client.bytes / 1024).toFixed(1)} KiB), budget 1024 KiB`,
  );
  expect(client.files).toBeGreaterThan(0);
  expect(modules.bytes).toBeLessThanOrEqual(CLIENT_INSTALL_BUDGET);
});
