/**
 * Verifying received requests: the dispatcher that picks the algorithm's verifier (V2 in
 * `verify-v2.ts`, V3 in `verify-v3.ts`); the shared types live in `verify-common.ts`.
 */
import type { Awaitable, SignerCrypto } from './crypto.js';
import { fail, header, readParams } from './verify-common.js';
import type { ReceivedRequest, VerifyOptions, VerifyResult } from './verify-common.js';
import { verifyV2 } from './verify-v2.js';
import { verifyV3 } from './verify-v3.js';

export { constantTimeEqual, DEFAULT_MAX_SKEW_MS } from './verify-common.js';
export type {
  KeyLookup,
  KeyRecord,
  ReceivedRequest,
  VerifiedAlgorithm,
  VerifyErrorCode,
  VerifyFailure,
  VerifyOptions,
  VerifyResult,
  VerifySuccess,
} from './verify-common.js';

/**
 * Verifies a received request signed with either algorithm (`Authorization: ACS3-…` selects V3,
 * otherwise the V2 `Signature` parameter is checked). Order of checks: structure, timestamp
 * format and window, key lookup, STS token, body hash (V3), signature. Nonce replay is left to
 * the caller (see {@link createNonceCache}), to be checked only on success.
 */
export function verifyRequestWith(
  crypto: SignerCrypto,
  req: ReceivedRequest,
  options: VerifyOptions,
): Awaitable<VerifyResult> {
  const params = readParams(req);
  if (typeof params === 'string')
    return fail('InvalidParameter', `The request is malformed: ${params}.`);
  const authorization = header(req, 'authorization');
  if (authorization?.startsWith('ACS3-') === true) {
    return verifyV3(crypto, req, authorization, params, options);
  }
  return verifyV2(crypto, req, params.all, options);
}
