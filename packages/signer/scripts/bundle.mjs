/**
 * Writes dist/index.js, dist/node.js, dist/verify-entry.js and dist/v3-entry.js (after `tsc -b`
 * has written the declarations): one ESM bundle per entry, with the code they share in chunks, so
 * every entry holds the same classes (`instanceof SignerInputError` works across them). Node
 * built-ins stay imports. The chunks follow the entries: V2 (rpc.ts) and redact.ts sit in chunks
 * of their own because the v3 entry does not reach them.
 *
 * Why: as 19 modules, a cold `import('@vodkit/signer/node')` took ~16 ms more than importing an
 * empty module on the bench machine; resolving, reading and linking each module is the cost, not
 * the code.
 */
import { bundleEntries } from '@vodkit/bundle';

await bundleEntries(new URL('../', import.meta.url), {
  index: 'src/index.ts',
  node: 'src/node.ts',
  'verify-entry': 'src/verify-entry.ts',
  'v3-entry': 'src/v3-entry.ts',
});
