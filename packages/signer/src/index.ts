/**
 * `@vodkit/signer`: Alibaba Cloud API request signing (V2 `HMAC-SHA1` RPC, which sends
 * `SignatureVersion=1.0` on the wire, and V3 `ACS3-HMAC-SHA256`) on WebCrypto only: no `node:` imports, no `Buffer`, no dependencies.
 * Server-side verification lives in `@vodkit/signer/verify` (browsers never need it, so it stays
 * out of this entry), `@vodkit/signer/v3` holds V3 signing alone for bundles that never sign V2,
 * and `@vodkit/signer/redact` the redaction of secrets; on Node, `@vodkit/signer/node` offers the
 * signers and the verifier synchronously over `node:crypto`.
 *
 * @packageDocumentation
 */
import { presignRpcUrlWith, signRpcWith } from './rpc.js';
import type { RpcPresignInput, RpcPresignResult, RpcSignInput, RpcSignResult } from './rpc.js';
import { webCrypto } from './webcrypto.js';

/**
 * Signs an RPC request with the V2 algorithm (`HMAC-SHA1`, `SignatureVersion=1.0`).
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
 * Presigns a V2 GET URL.
 *
 * @example
 * const { url } = await presignRpcUrl({ endpoint: 'https://vod.cn-shanghai.aliyuncs.com',
 *   action: 'DeleteImage', version: '2017-03-21', params, credentials });
 */
export async function presignRpcUrl(input: RpcPresignInput): Promise<RpcPresignResult> {
  return presignRpcUrlWith(webCrypto, input);
}

// V3 signing is `@vodkit/signer/v3`'s, re-exported: one function whichever entry a bundle imports.
export { signAcs3 } from './v3-entry.js';
export { webCrypto } from './webcrypto.js';
export { signRpcWith, presignRpcUrlWith, rpcStringToSign, RPC_COMMON_PARAMS } from './rpc.js';
export type { RpcSignInput, RpcSignResult, RpcPresignInput, RpcPresignResult } from './rpc.js';
export { signAcs3With, acs3CanonicalRequest, acs3SignCanonical, ACS3_ALGORITHMS } from './acs3.js';
export type { Acs3SignInput, Acs3SignResult, Acs3Algorithm, Acs3AlgorithmName } from './acs3.js';
export { percentEncode } from './encode.js';
export type { ParamMap } from './encode.js';
export { SignerInputError } from './errors.js';
export type { Awaitable, SignerCrypto } from './crypto.js';
export type { Credentials, Params, SigningContext } from './options.js';
export { formatTimestamp } from './time.js';
