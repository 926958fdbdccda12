/**
 * Writes dist/index.js and dist/node/index.js (after `tsc -b` has written the declarations): one
 * ESM bundle per entry with the code they share in one chunk, so both entries hold the same
 * classes (`instanceof VodError` works across them). @vodkit/signer, @vodkit/types and
 * openapi-fetch are bundled in too; Node built-ins stay imports. The package's version is
 * written in for the user-agent, so nothing reads package.json at run time.
 *
 * Why: resolving and loading some forty modules over four packages is most of a cold import's
 * cost, and one bundle per entry removes it (the bench's "import + first call" row shows it).
 */
import { bundleEntries } from '@vodkit/bundle';
import { versionDefine } from './version-define.mjs';

await bundleEntries(
  new URL('./', import.meta.url),
  { index: 'src/index.ts', 'node/index': 'src/node/index.ts' },
  { define: versionDefine },
);
