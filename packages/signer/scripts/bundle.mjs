/**
 * Writes dist/index.js, dist/node.js and dist/verify-entry.js (after `tsc -b` has written the
 * declarations): one ESM bundle per entry, with the code they share in chunks, so every entry
 * holds the same classes (`instanceof SignerInputError` works across them). Node built-ins stay
 * imports.
 *
 * Why: as 19 modules, a cold `import('@vodkit/signer/node')` took ~16 ms more than importing an
 * empty module on the bench machine; resolving, reading and linking each module is the cost, not
 * the code.
 */
import { readdir, rm } from 'node:fs/promises';
import { build } from 'esbuild';

const root = new URL('../', import.meta.url);
const outdir = new URL('dist/', root).pathname;
// Chunks from an earlier build: names carry a hash, so old ones are not overwritten.
for (const name of await readdir(outdir)) {
  if (name.startsWith('chunk-')) await rm(outdir + name);
}
await build({
  absWorkingDir: root.pathname,
  entryPoints: {
    index: 'src/index.ts',
    node: 'src/node.ts',
    'verify-entry': 'src/verify-entry.ts',
  },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  external: ['node:*'],
  chunkNames: 'chunk-[hash]',
  sourcemap: true,
  // The maps point at src/ (not shipped); embedding the sources would double dist.
  sourcesContent: false,
  logLevel: 'warning',
});
