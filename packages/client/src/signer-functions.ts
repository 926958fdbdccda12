import type { V3SignInput, V3SignResult, Awaitable } from '@vodkit/signer';
import type { V2SignInput, V2SignResult } from '@vodkit/signer/v2';

/** The two signature algorithms: `HMAC-SHA1` is Alibaba's V2 (RPC), `ACS3-HMAC-SHA256` its V3. */
export type SignatureAlgorithm = 'ACS3-HMAC-SHA256' | 'HMAC-SHA1';

/** Signing functions (the WebCrypto ones in the main entry, the `node:crypto` ones on Node). */
export interface SignerFunctions {
  /** V2 signing (HMAC-SHA1, RPC style). */
  readonly signV2: (input: V2SignInput) => Awaitable<V2SignResult>;
  /** V3 signing (ACS3-HMAC-SHA256). */
  readonly signV3: (input: V3SignInput) => Awaitable<V3SignResult>;
  /** Masks signature and token in a result (the main entry's loads with the first `dryRun`). */
  readonly redactSigned: <T extends V2SignResult | V3SignResult>(result: T) => Awaitable<T>;
}
