import type * as Crypto from 'node:crypto';
import type { SignerCrypto } from './crypto.js';
import { nodeCryptoModule } from './node-crypto-module.js';

type HashName = 'sha1' | 'sha256';
type OneShot = typeof Crypto.hash;

// crypto.hash (Node ≥ 20.12) hashes in one native call, where createHash builds a stream object
// per call; `undefined` on older Node 20 releases, which then take createHash.
const oneShot = (): OneShot | undefined => (nodeCryptoModule() as { hash?: OneShot }).hash;

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

const ASCII_KEY = /^[\0-\x7f]{0,64}$/;

/**
 * HMAC (RFC 2104) over two one-shot hashes rather than a stream-backed createHmac object per
 * call (tools/bench's signer rows compare them). The key pads are derived afresh on every call and dropped
 * with it, so no secret-derived value outlives the call that used it. Keys longer than a block
 * or not ASCII (whose pads would not be one byte per character) take createHmac.
 */
function hmac(name: HashName, key: string, data: string, encoding: 'base64' | 'hex'): string {
  const hash = oneShot();
  if (hash === undefined || !ASCII_KEY.test(key)) {
    return nodeCryptoModule().createHmac(name, key).update(data, 'utf8').digest(encoding);
  }
  const size = name === 'sha1' ? 20 : 32;
  const outer = Buffer.alloc(64 + size, 0x5c);
  const inner = Buffer.alloc(64, 0x36);
  for (let i = 0; i < key.length; i += 1) {
    const byte = key.charCodeAt(i);
    inner[i] = 0x36 ^ byte;
    outer[i] = 0x5c ^ byte;
  }
  // The pads are ASCII, so their latin1 text hashes as the same bytes in front of UTF-8 data.
  // A binary (latin1) string carries crypto.hash's raw bytes without a Buffer.
  outer.write(hash(name, inner.toString('latin1') + data, 'binary'), 64, 'binary');
  return hash(name, outer, encoding);
}

export const hmacSha1Base64 = (key: string, data: string): string =>
  hmac('sha1', key, data, 'base64');

/** Hex SHA-256 of a string's UTF-8 bytes, synchronously (V3's digest of body and request). */
export function sha256Hex(data: string): string {
  if (data.length === 0) return EMPTY_SHA256;
  const hash = oneShot();
  return hash === undefined
    ? nodeCryptoModule().createHash('sha256').update(data).digest('hex')
    : hash('sha256', data, 'hex');
}

export const hmacSha256Hex = (key: string, data: string): string =>
  hmac('sha256', key, data, 'hex');

/**
 * A synchronous `SignerCrypto` (the interface `@vodkit/signer` exports) on `node:crypto`, without WebCrypto's promise, buffer
 * copies and key import per call: the digests are computed with one-shot `crypto.hash` calls
 * where the running Node has it (≥ 20.12; older
 * versions fall back to `createHmac`/`createHash`). The HMAC pads are derived per call and never
 * kept. `node:crypto` itself loads with the first digest.
 */
export const nodeCrypto: SignerCrypto = {
  hmacSha1Base64,
  sha256Hex,
  hmacSha256Hex,
  // node:crypto's UUID: loaded with the module, not the global WebCrypto.
  nonce: () => nodeCryptoModule().randomUUID(),
};
