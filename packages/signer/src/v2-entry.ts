/**
 * `@vodkit/signer/v2`: V2 RPC signing (`HMAC-SHA1`, which sends `SignatureVersion=1.0` on the
 * wire) on WebCrypto, and GET URLs presigned with it. Kept out of the main entry, which holds V3
 * (`ACS3-HMAC-SHA256`, Alibaba's current algorithm), so a bundle that signs only V3 carries no V2
 * code. What both algorithms share (`SignerCrypto`, `webCrypto`, `percentEncode`,
 * `SignerInputError`, `Credentials`) is the main entry's: import it from `@vodkit/signer`.
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

export { signV2With, presignV2UrlWith, v2StringToSign, V2_COMMON_PARAMS } from './v2.js';
export type { V2SignInput, V2SignResult, V2PresignInput, V2PresignResult } from './v2.js';
