/**
 * Writes dist/index.js and dist/bin.js (after `tsc -b` has written the declarations): one ESM
 * bundle per entry, with the code they share in a chunk, so both hold the same classes.
 * @vodkit/signer and @vodkit/types are bundled in; Node built-ins stay imports, and ajv stays a
 * dependency the code requires at run time (the precompiled validators' helpers on first use,
 * the compiler only for a custom document).
 *
 * Why: resolving, reading and linking some fifty modules was most of a cold start's cost once the
 * validators were precompiled (the bench's start-up rows show it).
 */
import { bundleEntries } from '@vodkit/bundle';

await bundleEntries(new URL('../', import.meta.url), {
  index: 'src/index.ts',
  bin: 'src/bin.ts',
});
