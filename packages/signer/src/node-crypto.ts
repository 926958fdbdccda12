import { createHash, createHmac } from 'node:crypto';
import type { SignerCrypto } from './crypto.js';

/**
 * A synchronous {@link SignerCrypto} on `node:crypto`. On Node a WebCrypto call costs several
 * times the HMAC it performs (promise, buffer copies, key import); this one costs the HMAC.
 */
export const nodeCrypto: SignerCrypto = {
  hmacSha1Base64: (key, data) => createHmac('sha1', key).update(data, 'utf8').digest('base64'),
  sha256Hex: (data) =>
    typeof data === 'string'
      ? createHash('sha256').update(data, 'utf8').digest('hex')
      : createHash('sha256').update(data).digest('hex'),
  hmacSha256Hex: (key, data) => createHmac('sha256', key).update(data, 'utf8').digest('hex'),
};
