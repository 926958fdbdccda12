/**
 * `@vodkit/signer`: Alibaba Cloud API request signing (V1 `HMAC-SHA1` RPC and V3
 * `ACS3-HMAC-SHA256`) and server-side verification, on WebCrypto only: no `node:` imports, no
 * `Buffer`, no dependencies. On Node, `@vodkit/signer/node` offers the same functions
 * synchronously over `node:crypto`, several times faster.
 *
 * @packageDocumentation
 */
import { presignRpcUrlWith, signRpcWith } from './rpc.js';
import type { RpcPresignInput, RpcPresignResult, RpcSignInput, RpcSignResult } from './rpc.js';
import { signAcs3With } from './acs3.js';
import type { Acs3SignInput, Acs3SignResult } from './acs3.js';
import { verifyRequestWith } from './verify.js';
import type { ReceivedRequest, VerifyOptions, VerifyResult } from './verify.js';
import { webCrypto } from './webcrypto.js';

/**
 * Signs an RPC request with the V1 algorithm (`HMAC-SHA1`, `SignatureVersion=1.0`).
 *
 * @example
 * const { encoded } = await signRpc({
 *   method: 'POST', action: 'DeleteImage', version: '2017-03-21',
 *   params: { DeleteImageType: 'ImageId', ImageIds: 'a,b' },
 *   credentials: { accessKeyId, accessKeySecret },
 * });
 * await fetch('https://vod.cn-shanghai.aliyuncs.com/', {
 *   method: 'POST', body: encoded,
 *   headers: { 'content-type': 'application/x-www-form-urlencoded' },
 * });
 */
export async function signRpc(input: RpcSignInput): Promise<RpcSignResult> {
  return signRpcWith(webCrypto, input);
}

/**
 * Presigns a V1 GET URL.
 *
 * @example
 * const { url } = await presignRpcUrl({ endpoint: 'https://vod.cn-shanghai.aliyuncs.com',
 *   action: 'DeleteImage', version: '2017-03-21', params, credentials });
 */
export async function presignRpcUrl(input: RpcPresignInput): Promise<RpcPresignResult> {
  return presignRpcUrlWith(webCrypto, input);
}

/**
 * Signs a request with V3 (`ACS3-HMAC-SHA256`): returns the headers to add, the query and body.
 *
 * @example
 * const s = await signAcs3({ method: 'POST', host: 'vod.cn-shanghai.aliyuncs.com',
 *   action: 'DeleteImage', version: '2017-03-21', query: params, credentials });
 * await fetch(`https://${host}/?${s.query}`, { method: 'POST', headers: s.headers });
 */
export async function signAcs3(input: Acs3SignInput): Promise<Acs3SignResult> {
  return signAcs3With(webCrypto, input);
}

/**
 * Verifies a received request signed with either algorithm. Never throws for a bad request:
 * failures come back as `{ ok: false, code, httpStatus, message }`.
 *
 * @example
 * const r = await verifyRequest({ method, path, query, headers, body }, { lookup: (id) => keys.get(id) });
 * if (!r.ok) return reply(r.httpStatus, { Code: r.code, Message: r.message });
 */
export async function verifyRequest(
  request: ReceivedRequest,
  options: VerifyOptions,
): Promise<VerifyResult> {
  return verifyRequestWith(webCrypto, request, options);
}

export { webCrypto } from './webcrypto.js';
export { signRpcWith, presignRpcUrlWith, rpcStringToSign, RPC_COMMON_PARAMS } from './rpc.js';
export type { RpcSignInput, RpcSignResult, RpcPresignInput, RpcPresignResult } from './rpc.js';
export { signAcs3With, acs3CanonicalRequest, acs3SignCanonical, ACS3_ALGORITHMS } from './acs3.js';
export type { Acs3SignInput, Acs3SignResult, Acs3Algorithm, Acs3AlgorithmName } from './acs3.js';
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
export type { NonceCache, NonceCacheOptions } from './nonce-cache.js';
export { redactSigned } from './redact.js';
export { percentEncode } from './encode.js';
export type { ParamMap } from './encode.js';
export { SignerInputError } from './errors.js';
export type { Awaitable, SignerCrypto } from './crypto.js';
export type { Credentials, Params, SigningContext } from './options.js';
export { formatTimestamp, parseTimestamp } from './time.js';
