/**
 * Writes dist/index.js and dist/node.js (after `tsc -b` has written the declarations): one
 * ESM bundle per entry with the code they share in one chunk, so both entries hold the same
 * classes (`instanceof VodError` works across them). @vodkit/signer, @vodkit/types and
 * openapi-fetch are bundled in too; Node built-ins stay imports.
 *
 * Why: cold `import('@vodkit/client/node')` was ~35 ms as ~40 modules over four packages and
 * ~15 ms as one bundle (median of 21 fresh processes each, vs ~1.3 ms for a no-op import).
 * Bundling only the client's own files gained nothing measurable: resolving and loading the
 * dependency packages' modules is the cost.
 */
import { bundleEntries } from '@vodkit/bundle';

await bundleEntries(new URL('./', import.meta.url), { index: 'src/index.ts', node: 'src/node.ts' });
