/**
 * `@vodkit/signer/verify`: server-side verification of requests signed with either algorithm,
 * on WebCrypto, plus the bounded nonce cache for replay rejection. Kept apart from the main entry
 * because only servers (the emulator, tests) need it. On Node, `@vodkit/signer/node` has the same
 * `verifyRequest`, synchronous.
 *
 * @packageDocumentation
 */
import { verifyRequestWith } from './verify.js';
import type { ReceivedRequest, VerifyOptions, VerifyResult } from './verify.js';
import { webCrypto } from './webcrypto.js';

/**
 * Verifies a received request signed with either algorithm. Never throws for a bad request:
 * failures come back as `{ ok: false, code, httpStatus, message }`.
 *
 * @example
 * ```ts
 * const r = await verifyRequest(
 *   { method, path, query, headers, body },
 *   { lookup: (id) => keys.get(id) },
 * );
 * if (!r.ok) return reply(r.httpStatus, { Code: r.code, Message: r.message });
 * if (!nonces.use(`${r.accessKeyId}:${r.nonce}`)) return reply(400, { Code: 'SignatureNonceUsed' });
 * ```
 */
export async function verifyRequest(
  request: ReceivedRequest,
  options: VerifyOptions,
): Promise<VerifyResult> {
  return verifyRequestWith(webCrypto, request, options);
}

export { verifyRequestWith, constantTimeEqual, DEFAULT_MAX_SKEW_MS } from './verify.js';
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
export { createNonceCache } from './nonce-cache.js';
export { decodeForm, isFormContentType } from './encode.js';
export type { NonceCache, NonceCacheOptions } from './nonce-cache.js';
export { parseTimestamp } from './time.js';
