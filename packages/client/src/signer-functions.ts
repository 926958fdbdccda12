import type {
  Acs3SignInput,
  Acs3SignResult,
  Awaitable,
  RpcSignInput,
  RpcSignResult,
} from '@vodkit/signer';

/** The two signature algorithms: `HMAC-SHA1` is Alibaba's V2 (RPC), `ACS3-HMAC-SHA256` its V3. */
export type SignatureAlgorithm = 'ACS3-HMAC-SHA256' | 'HMAC-SHA1';

/** Signing functions (the WebCrypto ones in the main entry, the `node:crypto` ones on Node). */
export interface SignerFunctions {
  /** V2 signing (HMAC-SHA1, RPC style). */
  readonly signRpc: (input: RpcSignInput) => Awaitable<RpcSignResult>;
  /** V3 signing (ACS3-HMAC-SHA256). */
  readonly signAcs3: (input: Acs3SignInput) => Awaitable<Acs3SignResult>;
  /** Masks signature and token in a result (the main entry's loads with the first `dryRun`). */
  readonly redactSigned: <T extends RpcSignResult | Acs3SignResult>(result: T) => Awaitable<T>;
}
