import { createRequire } from 'node:module';
import type * as Crypto from 'node:crypto';

let loaded: typeof Crypto | undefined;

/**
 * `node:crypto`, loaded on first call rather than on import, so an app that imports the signer
 * but signs later, or never, does not load it at startup.
 * `process.getBuiltinModule` (Node ≥ 20.16) loads it synchronously; older Node 20 releases get
 * the same module through `require`.
 */
export function nodeCryptoModule(): typeof Crypto {
  loaded ??= (
    typeof process.getBuiltinModule === 'function'
      ? process.getBuiltinModule('node:crypto')
      : createRequire(import.meta.url)('node:crypto')
  ) as typeof Crypto;
  return loaded;
}
