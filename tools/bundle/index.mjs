/**
 * Writes a package's entries into its `dist/` as ESM bundles (after `tsc -b` has written the
 * declarations), with the code they share in chunks, so every entry holds the same classes and
 * `instanceof` works across them. Node built-ins stay imports; the platform is neutral, so an
 * entry that imports none runs in browsers and edge runtimes.
 *
 * @param {URL} packageRoot - The package folder (ends with `/`).
 * @param {Record<string, string>} entryPoints - Output name (without `.js`) to source path,
 *   relative to the package folder.
 * @param {{ define?: Record<string, string> }} [options] - `define`: build-time constants
 *   (esbuild's), such as the package's version.
 * @returns {Promise<void>}
 *
 * @example await bundleEntries(new URL('./', import.meta.url), { index: 'src/index.ts' });
 */
import { readdir, rm } from 'node:fs/promises';
import { build } from 'esbuild';

export async function bundleEntries(packageRoot, entryPoints, options = {}) {
  const outdir = new URL('dist/', packageRoot).pathname;
  // Chunks from an earlier build: names carry a hash, so old ones are not overwritten.
  for (const name of await readdir(outdir)) {
    if (name.startsWith('chunk-')) await rm(outdir + name);
  }
  await build({
    absWorkingDir: packageRoot.pathname,
    entryPoints,
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'neutral',
    // The neutral platform reads no package "main" by default; CommonJS dependencies (ini) have
    // only that.
    mainFields: ['module', 'main'],
    target: 'es2022',
    external: ['node:*'],
    chunkNames: 'chunk-[hash]',
    // No source maps: the bundles are unminified, so a stack trace reads as it stands. Maps that
    // point at src/ (not shipped) are useless, and maps with the sources embedded would grow the
    // client's install from about 880 KiB to 1390 KiB, past its 1 MiB budget.
    sourcemap: false,
    logLevel: 'warning',
    define: options.define ?? {},
  });
}
