/**
 * `@vodkit/signer/node`: the signer's functions, synchronous, over `node:crypto`: V3 (the main
 * entry's), V2 (`@vodkit/signer/v2`'s) and the verifier (`@vodkit/signer/verify`'s) in one entry,
 * since bundle size does not matter on Node. Same inputs, results and code as those entries: one
 * implementation per algorithm, with the synchronous `node:crypto` digests injected instead of
 * WebCrypto's.
 *
 * @packageDocumentation
 */
import { expectSync } from './crypto.js';
import { presignV2UrlWith, signV2With } from './v2.js';
import type { V2PresignInput, V2PresignResult, V2SignInput, V2SignResult } from './v2.js';
import { signV3With } from './v3.js';
import type { V3SignInput, V3SignResult } from './v3.js';
import { verifyRequestWith } from './verify.js';
import type { KeyRecord, ReceivedRequest, VerifyOptions, VerifyResult } from './verify.js';
import type { Awaitable } from './crypto.js';
import { nodeCrypto } from './node-crypto.js';

/**
 * Signs an RPC request with V2 (`HMAC-SHA1`), synchronously.
 *
 * @example
 * ```ts
 * const { encoded } = signV2({ method: 'POST', action: 'DeleteImage', version: '2017-03-21',
 *   params: { DeleteImageType: 'ImageId', ImageIds: 'a,b' }, credentials });
 * ```
 */
export function signV2(input: V2SignInput): V2SignResult {
  // The same code as the WebCrypto entry, with synchronous node:crypto injected.
  return expectSync(signV2With(nodeCrypto, input), 'signV2');
}

/** Presigns a V2 GET URL, synchronously. */
export function presignV2Url(input: V2PresignInput): V2PresignResult {
  return expectSync(presignV2UrlWith(nodeCrypto, input), 'presignV2Url');
}

/** Signs a request with V3 (`ACS3-HMAC-SHA256`), synchronously. */
export function signV3(input: V3SignInput): V3SignResult {
  return expectSync(signV3With(nodeCrypto, input), 'signV3');
}

/** {@link VerifyOptions} whose key lookup answers synchronously. */
export interface SyncVerifyOptions extends VerifyOptions {
  /** A synchronous key lookup. */
  readonly lookup: (accessKeyId: string) => KeyRecord | undefined;
}

/**
 * Verifies a received request signed with either algorithm: synchronously when the key lookup
 * is synchronous, otherwise as a promise.
 *
 * @example
 * ```ts
 * const r = verifyRequest(received, { lookup: (id) => keys.get(id) });
 * ```
 */
export function verifyRequest(request: ReceivedRequest, options: SyncVerifyOptions): VerifyResult;
/** Verifies with an asynchronous key lookup. */
export function verifyRequest(
  request: ReceivedRequest,
  options: VerifyOptions,
): Awaitable<VerifyResult>;
export function verifyRequest(
  request: ReceivedRequest,
  options: VerifyOptions,
): Awaitable<VerifyResult> {
  return verifyRequestWith(nodeCrypto, request, options);
}

export { nodeCrypto } from './node-crypto.js';
export { createNonceCache } from './nonce-cache.js';
export { decodeForm, isFormContentType } from './encode.js';
export type { NonceCache, NonceCacheOptions } from './nonce-cache.js';
export { constantTimeEqual, DEFAULT_MAX_SKEW_MS } from './verify.js';
export type {
  ReceivedRequest,
  KeyRecord,
  KeyLookup,
  VerifyOptions,
  VerifyResult,
  VerifySuccess,
  VerifyFailure,
  VerifyErrorCode,
  VerifiedAlgorithm,
} from './verify.js';
export type { V2SignInput, V2SignResult, V2PresignInput, V2PresignResult } from './v2.js';
export type { V3SignInput, V3SignResult, V3AlgorithmName } from './v3.js';
export type { Credentials, Params, SigningContext } from './options.js';
export { SignerInputError } from './errors.js';
