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
import { presignV2UrlWith, signV2With } from './v2.js';
import type { V2PresignInput, V2PresignResult, V2SignInput, V2SignResult } from './v2.js';
import { webCrypto } from './webcrypto.js';

/**
 * Signs an RPC request with the V2 algorithm (`HMAC-SHA1`, `SignatureVersion=1.0`).
 *
 * @example
 * ```ts
 * const { encoded } = await signV2({
 *   method: 'POST', action: 'DeleteImage', version: '2017-03-21',
 *   params: { DeleteImageType: 'ImageId', ImageIds: 'a,b' },
 *   credentials: { accessKeyId, accessKeySecret },
 * });
 * await fetch('https://vod.cn-shanghai.aliyuncs.com/', {
 *   method: 'POST', body: encoded,
 *   headers: { 'content-type': 'application/x-www-form-urlencoded' },
 * });
 * ```
 */
export async function signV2(input: V2SignInput): Promise<V2SignResult> {
  return signV2With(webCrypto, input);
}

/**
 * Presigns a V2 GET URL.
 *
 * @example
 * ```ts
 * const { url } = await presignV2Url({ endpoint: 'https://vod.cn-shanghai.aliyuncs.com',
 *   action: 'DeleteImage', version: '2017-03-21', params, credentials });
 * ```
 */
export async function presignV2Url(input: V2PresignInput): Promise<V2PresignResult> {
  return presignV2UrlWith(webCrypto, input);
}

// V3 signing is `@vodkit/signer/v3`'s, re-exported: one function whichever entry a bundle imports.
export { signV3 } from './v3-entry.js';
export { webCrypto } from './webcrypto.js';
export { signV2With, presignV2UrlWith, v2StringToSign, V2_COMMON_PARAMS } from './v2.js';
export type { V2SignInput, V2SignResult, V2PresignInput, V2PresignResult } from './v2.js';
export { signV3With, v3CanonicalRequest, v3SignCanonical, V3_ALGORITHMS } from './v3.js';
export type { V3SignInput, V3SignResult, V3Algorithm, V3AlgorithmName } from './v3.js';
export { percentEncode } from './encode.js';
export type { ParamMap } from './encode.js';
export { SignerInputError } from './errors.js';
export type { Awaitable, SignerCrypto } from './crypto.js';
export type { Credentials, Params, SigningContext } from './options.js';
export { formatTimestamp } from './time.js';
