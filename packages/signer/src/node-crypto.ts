import type * as Crypto from 'node:crypto';
import type { SignerCrypto } from './crypto.js';
import { nodeCryptoModule } from './node-crypto-module.js';

type HashName = 'sha1' | 'sha256';
type OneShot = typeof Crypto.hash;

// crypto.hash (Node ≥ 20.12) hashes in one native call. createHash/createHmac build a stream
// object per call, which costs more than hashing a kilobyte (≈1.7 µs of the 2.4 µs an HMAC-SHA1
// over a V1 string-to-sign takes here). Looked up on first use, with the module: `undefined`
// on older Node 20 releases, which then take createHash/createHmac.
let oneShotHash: OneShot | undefined;
let looked = false;
function oneShot(): OneShot | undefined {
  if (!looked) {
    oneShotHash = (nodeCryptoModule() as { hash?: OneShot }).hash;
    looked = true;
  }
  return oneShotHash;
}

/** SHA-256 of nothing: the `x-acs-content-sha256` of every bodiless V3 request. */
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/**
 * HMAC (RFC 2104) for one key: `H(K^opad ‖ H(K^ipad ‖ data))` with both SHA-1 and SHA-256 on
 * 64-byte blocks. For a key of at most 64 ASCII characters `K^ipad` is ASCII too, so the inner
 * input is one string the hash encodes itself; `outer` holds `K^opad` followed by room for the
 * inner digest, and `sha1`/`sha256` view it with room for 20 and 32 digest bytes.
 */
interface Pads {
  readonly key: string;
  readonly inner: string;
  readonly outer: Buffer;
  readonly sha1: Buffer;
  readonly sha256: Buffer;
}

// The last key's pads, so that signing many requests with one credential derives them once.
// This keeps a secret-derived value in module state, as any cached key object would.
let last: Pads | undefined;

function padsFor(key: string): Pads | undefined {
  if (last?.key === key) return last;
  // Longer keys are hashed first (RFC 2104 §2) and non-ASCII ones are not single bytes: both
  // stay with createHmac.
  if (key.length > 64 || !/^[\0-\x7f]*$/.test(key)) return undefined;
  let inner = '';
  const outer = Buffer.alloc(64 + 32);
  for (let i = 0; i < 64; i += 1) {
    const byte = i < key.length ? key.charCodeAt(i) : 0;
    inner += String.fromCharCode(byte ^ 0x36);
    outer[i] = byte ^ 0x5c;
  }
  last = { key, inner, outer, sha1: outer.subarray(0, 84), sha256: outer };
  return last;
}

function hmac(name: HashName, key: string, data: string, encoding: 'base64' | 'hex'): string {
  const hash = oneShot();
  const pads = hash === undefined ? undefined : padsFor(key);
  if (hash === undefined || pads === undefined) {
    return nodeCryptoModule().createHmac(name, key).update(data, 'utf8').digest(encoding);
  }
  // A binary (latin1) string is the cheapest way out of crypto.hash for raw bytes (a Buffer result costs
  // half a microsecond more); writing it back the same way restores the same bytes.
  pads.outer.write(hash(name, pads.inner + data, 'binary'), 64, 'binary');
  return hash(name, name === 'sha1' ? pads.sha1 : pads.sha256, encoding);
}

/** Base64 HMAC-SHA1, synchronously: {@link nodeCrypto}'s, typed as the plain string it is. */
export const hmacSha1Base64 = (key: string, data: string): string =>
  hmac('sha1', key, data, 'base64');

/** Hex SHA-256 of a string's UTF-8 bytes, synchronously (the V3 fast path's digest). */
export function sha256Hex(data: string): string {
  if (data.length === 0) return EMPTY_SHA256;
  const hash = oneShot();
  return hash === undefined
    ? nodeCryptoModule().createHash('sha256').update(data).digest('hex')
    : hash('sha256', data, 'hex');
}

/** Hex HMAC-SHA256, synchronously: {@link nodeCrypto}'s, typed as the plain string it is. */
export const hmacSha256Hex = (key: string, data: string): string =>
  hmac('sha256', key, data, 'hex');

/**
 * A synchronous {@link SignerCrypto} on `node:crypto`. On Node a WebCrypto call costs several
 * times the HMAC it performs (promise, buffer copies, key import); this one costs the digests,
 * computed with one-shot `crypto.hash` calls where the running Node has it (≥ 20.12; older
 * versions fall back to `createHmac`/`createHash`). The HMAC pads of the last key used (an
 * ASCII key of at most 64 characters) are kept in module memory, so signing many requests with
 * one credential derives them once. `node:crypto` itself loads with the first digest.
 */
export const nodeCrypto: SignerCrypto = {
  hmacSha1Base64,
  sha256Hex,
  hmacSha256Hex,
};
