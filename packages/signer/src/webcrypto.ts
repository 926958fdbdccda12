import type { SignerCrypto } from './crypto.js';

const utf8 = new TextEncoder();

type HashName = 'SHA-1' | 'SHA-256';

// No key cache: a cache would keep secrets alive in module state.
async function hmac(hash: HashName, secret: string, data: string): Promise<Uint8Array> {
  const key = await globalThis.crypto.subtle.importKey(
    'raw',
    utf8.encode(secret),
    { name: 'HMAC', hash },
    false,
    ['sign'],
  );
  return new Uint8Array(await globalThis.crypto.subtle.sign('HMAC', key, utf8.encode(data)));
}

const hex = (bytes: Uint8Array): string =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

// HMAC outputs are 20 or 32 bytes, so spreading them into arguments is safe.
const base64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));

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
