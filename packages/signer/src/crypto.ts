/** A value, or a promise of it: lets one signing core serve sync and async crypto. */
export type Awaitable<T> = T | PromiseLike<T>;

/**
 * The hash and HMAC primitives the signer needs, with the output encodings the algorithms use.
 * Implementations may be synchronous (`@vodkit/signer/node`) or asynchronous (WebCrypto, the
 * default). Strings are hashed as their UTF-8 bytes.
 */
export interface SignerCrypto {
  /** Base64 of HMAC-SHA1(key, data): the V2 (`HMAC-SHA1`) signature. */
  hmacSha1Base64(key: string, data: string): Awaitable<string>;
  /** Lowercase hex of SHA-256(data). */
  sha256Hex(data: string | Uint8Array): Awaitable<string>;
  /** Lowercase hex of HMAC-SHA256(key, data). */
  hmacSha256Hex(key: string, data: string): Awaitable<string>;
  /**
   * A fresh nonce, for calls that give none; defaults to `crypto.randomUUID()` of the global
   * WebCrypto. The node entry passes `node:crypto`'s.
   */
  nonce?: (() => string) | undefined;
}

/** True for promises and other thenables. */
export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

/**
 * Applies `next` to `value`, waiting only if `value` is a promise. With synchronous crypto the
 * whole signing pipeline therefore stays synchronous: no microtask per step.
 */
export function andThen<T, U>(value: Awaitable<T>, next: (value: T) => Awaitable<U>): Awaitable<U> {
  // isThenable, inlined: this file is in the browser bundle, isThenable's other user is not.
  return typeof (value as { then?: unknown } | null)?.then === 'function'
    ? Promise.resolve(value).then(next)
    : next(value as T);
}

/**
 * Unwraps a result that must be synchronous because every input to it was. Throws if a
 * promise appears anyway (a sync entry point given an async crypto or key lookup).
 */
export function expectSync<T>(value: Awaitable<T>, what: string): T {
  if (isThenable(value)) {
    throw new TypeError(
      `${what}: got a promise; use the async entries ('@vodkit/signer', '@vodkit/signer/v2', '@vodkit/signer/verify')`,
    );
  }
  return value;
}
