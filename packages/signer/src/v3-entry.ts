/**
 * `@vodkit/signer/v3`: V3 (`ACS3-HMAC-SHA256`) signing alone, on WebCrypto. The main entry holds
 * the same functions and V2 besides; a bundle that only signs V3 (the client's, whose V2 signing
 * loads on first use) imports this one, so V2 stays out of what it loads at start.
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
