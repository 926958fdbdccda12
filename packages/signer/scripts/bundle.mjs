/**
 * Writes dist/index.js, dist/v2-entry.js, dist/node.js, dist/verify-entry.js, dist/redact.js and
 * dist/encode-entry.js (after `tsc -b` has written the declarations): one ESM bundle per entry,
 * with the code they share in chunks, so every entry holds the same classes (`instanceof
 * SignerInputError` works across them). Node built-ins stay imports.
 *
 * Why bundle: a cold import resolves, reads and links every module, and that, not the code, is
 * what an import of many small modules spends its time on (the bench's import rows show it).
 */
import { bundleEntries } from '@vodkit/bundle';

await bundleEntries(new URL('../', import.meta.url), {
  index: 'src/index.ts',
  'v2-entry': 'src/v2-entry.ts',
  node: 'src/node.ts',
  'verify-entry': 'src/verify-entry.ts',
  redact: 'src/redact.ts',
  'encode-entry': 'src/encode-entry.ts',
});
