/**
 * `@vodkit/signer`: Alibaba Cloud API request signing with V3 (`ACS3-HMAC-SHA256`, Alibaba's
 * current algorithm) on WebCrypto only: no `node:` imports, no `Buffer`, no dependencies. It also
 * holds what every signing entry shares: the crypto interface and its WebCrypto implementation,
 * percent-encoding, timestamps, the input error and the credential types.
 *
 * The other jobs have entries of their own, so a bundle carries only the code it uses: V2
 * (`HMAC-SHA1` RPC, `SignatureVersion=1.0` on the wire) is `@vodkit/signer/v2`, server-side
 * verification `@vodkit/signer/verify`, the redaction of secrets `@vodkit/signer/redact`; on Node,
 * `@vodkit/signer/node` offers both signers and the verifier synchronously over `node:crypto`.
 *
 * @packageDocumentation
 */
import { signV3With } from './v3.js';
import type { V3SignInput, V3SignResult } from './v3.js';
import { webCrypto } from './webcrypto.js';

/**
 * Signs a request with V3 (`ACS3-HMAC-SHA256`): returns the headers to add, the query and body.
 *
 * @example
 * ```ts
 * const s = await signV3({ method: 'POST', host: 'vod.cn-shanghai.aliyuncs.com',
 *   action: 'DeleteImage', version: '2017-03-21', query: params, credentials });
 * await fetch(`https://${host}/?${s.query}`, { method: 'POST', headers: s.headers });
 * ```
 */
export async function signV3(input: V3SignInput): Promise<V3SignResult> {
  return signV3With(webCrypto, input);
}

export { webCrypto } from './webcrypto.js';
export { signV3With, v3CanonicalRequest, v3SignCanonical, V3_ALGORITHMS } from './v3.js';
export type { V3SignInput, V3SignResult, V3Algorithm, V3AlgorithmName } from './v3.js';
export { percentEncode } from './encode.js';
export type { ParamMap } from './encode.js';
export { SignerInputError } from './errors.js';
export type { Awaitable, SignerCrypto } from './crypto.js';
export type { Credentials, Params, SigningContext } from './options.js';
export { formatTimestamp } from './time.js';
