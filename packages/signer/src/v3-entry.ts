/**
 * `@vodkit/signer/v3`: V3 (`ACS3-HMAC-SHA256`) signing alone, on WebCrypto. The main entry holds
 * the same functions and V2 besides; a bundle that only signs V3 (the client's, whose V2 signing
 * loads on first use) imports this one, so V2 stays out of what it loads at start.
 *
 * @packageDocumentation
 */
import { signAcs3With } from './acs3.js';
import type { Acs3SignInput, Acs3SignResult } from './acs3.js';
import { webCrypto } from './webcrypto.js';

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

export { webCrypto } from './webcrypto.js';
export { signAcs3With, acs3CanonicalRequest, acs3SignCanonical, ACS3_ALGORITHMS } from './acs3.js';
export type { Acs3SignInput, Acs3SignResult, Acs3Algorithm, Acs3AlgorithmName } from './acs3.js';
export { percentEncode } from './encode.js';
export type { ParamMap } from './encode.js';
export { SignerInputError } from './errors.js';
export type { Awaitable, SignerCrypto } from './crypto.js';
export type { Credentials, Params, SigningContext } from './options.js';
export { formatTimestamp } from './time.js';
