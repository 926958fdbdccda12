/**
 * `@vodkit/signer/node`: the signer's functions, synchronous, over `node:crypto`. Same inputs,
 * results and code as the main entry: one implementation per algorithm, with the synchronous
 * `node:crypto` digests injected instead of WebCrypto's.
 *
 * @packageDocumentation
 */
import { expectSync } from './crypto.js';
import { presignRpcUrlWith, signRpcWith } from './rpc.js';
import type { RpcPresignInput, RpcPresignResult, RpcSignInput, RpcSignResult } from './rpc.js';
import { signAcs3With } from './acs3.js';
import type { Acs3SignInput, Acs3SignResult } from './acs3.js';
import { verifyRequestWith } from './verify.js';
import type { KeyRecord, ReceivedRequest, VerifyOptions, VerifyResult } from './verify.js';
import type { Awaitable } from './crypto.js';
import { nodeCrypto } from './node-crypto.js';

/**
 * Signs an RPC request with V2 (`HMAC-SHA1`), synchronously.
 *
 * @example
 * const { encoded } = signRpc({ method: 'POST', action: 'DeleteImage', version: '2017-03-21',
 *   params: { DeleteImageType: 'ImageId', ImageIds: 'a,b' }, credentials });
 */
export function signRpc(input: RpcSignInput): RpcSignResult {
  // The same code as the WebCrypto entry, with synchronous node:crypto injected.
  return expectSync(signRpcWith(nodeCrypto, input), 'signRpc');
}

/** Presigns a V2 GET URL, synchronously. */
export function presignRpcUrl(input: RpcPresignInput): RpcPresignResult {
  return expectSync(presignRpcUrlWith(nodeCrypto, input), 'presignRpcUrl');
}

/** Signs a request with V3 (`ACS3-HMAC-SHA256`), synchronously. */
export function signAcs3(input: Acs3SignInput): Acs3SignResult {
  return expectSync(signAcs3With(nodeCrypto, input), 'signAcs3');
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
 * const r = verifyRequest(received, { lookup: (id) => keys.get(id) });
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
export type { RpcSignInput, RpcSignResult, RpcPresignInput, RpcPresignResult } from './rpc.js';
export type { Acs3SignInput, Acs3SignResult, Acs3AlgorithmName } from './acs3.js';
export type { Credentials, Params, SigningContext } from './options.js';
export { SignerInputError } from './errors.js';
