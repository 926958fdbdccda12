import type { SignerCrypto } from './crypto.js';

const utf8 = new TextEncoder();

type HashName = 'SHA-1' | 'SHA-256';
type Key = Awaited<ReturnType<SubtleCrypto['importKey']>>;

// importKey costs about as much as the HMAC itself, and a client signs with the same secret again
// and again, so keep the last imported key per hash. One entry each bounds the memory.
const lastKey = new Map<HashName, { secret: string; key: Promise<Key> }>();

function hmacKey(hash: HashName, secret: string): Promise<Key> {
  const hit = lastKey.get(hash);
  if (hit?.secret === secret) return hit.key;
  const key = globalThis.crypto.subtle.importKey(
    'raw',
    utf8.encode(secret),
    { name: 'HMAC', hash },
    false,
    ['sign'],
  );
  lastKey.set(hash, { secret, key });
  return key;
}

async function hmac(hash: HashName, secret: string, data: string): Promise<Uint8Array> {
  const key = await hmacKey(hash, secret);
  return new Uint8Array(await globalThis.crypto.subtle.sign('HMAC', key, utf8.encode(data)));
}

function hex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += (b < 16 ? '0' : '') + b.toString(16);
  return out;
}

function base64(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

/**
 * The default {@link SignerCrypto}: WebCrypto (`globalThis.crypto.subtle`) and `TextEncoder`
 * only, so it runs unchanged in browsers, Deno, Bun, workers and Node ≥ 20.
 */
export const webCrypto: SignerCrypto = {
  async hmacSha1Base64(key, data) {
    return base64(await hmac('SHA-1', key, data));
  },
  async sha256Hex(data) {
    // WebCrypto's types reject views over a SharedArrayBuffer; bodies never are one.
    const bytes = typeof data === 'string' ? utf8.encode(data) : (data as Uint8Array<ArrayBuffer>);
    return hex(new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes)));
  },
  async hmacSha256Hex(key, data) {
    return hex(await hmac('SHA-256', key, data));
  },
};
