/** A bounded memory of recently seen nonces, for replay rejection (`SignatureNonceUsed`). */
export interface NonceCache {
  /**
   * Records `nonce` and returns `true` if it was not seen within the window, `false` if it is a
   * replay. Call it only for requests whose signature verified, so forged requests cannot burn
   * nonces. Key it by `accessKeyId + ":" + nonce` if nonces are unique per key only.
   */
  use(nonce: string): boolean;
  /** Entries currently held. */
  readonly size: number;
  /** Forgets everything. */
  clear(): void;
}

/** Options of {@link createNonceCache}. */
export interface NonceCacheOptions {
  /** Most entries held; the oldest is dropped beyond it. Default 10 000. */
  readonly maxEntries?: number | undefined;
  /** How long a nonce is remembered; match the verifier's window. Default 15 min. */
  readonly ttlMs?: number | undefined;
  /** Time source in epoch ms; defaults to `Date.now`. */
  readonly clock?: (() => number) | undefined;
}

/**
 * Creates a {@link NonceCache}. Entries expire after `ttlMs`; past `maxEntries` the oldest go
 * first, which bounds memory at the cost of forgetting early under a flood (size it above the
 * request rate times the window: 50 QPS × 15 min = 45 000 for one DeleteImage account).
 *
 * @example
 * const seen = createNonceCache();
 * if (result.ok && !seen.use(`${result.accessKeyId}:${result.nonce}`)) reply('SignatureNonceUsed');
 */
export function createNonceCache(options: NonceCacheOptions = {}): NonceCache {
  const max = options.maxEntries ?? 10_000;
  const ttl = options.ttlMs ?? 15 * 60 * 1000;
  const clock = options.clock ?? Date.now;
  if (!(max >= 1) || !(ttl > 0))
    throw new RangeError('createNonceCache: maxEntries must be ≥ 1 and ttlMs > 0');
  // Map keeps insertion order and every entry lives ttl, so the oldest entries are always first.
  const expiry = new Map<string, number>();
  return {
    use(nonce) {
      const now = clock();
      for (const [k, until] of expiry) {
        if (until > now) break;
        expiry.delete(k);
      }
      if (expiry.has(nonce)) return false;
      expiry.set(nonce, now + ttl);
      if (expiry.size > max) {
        for (const oldest of expiry.keys()) {
          expiry.delete(oldest);
          break;
        }
      }
      return true;
    },
    get size() {
      return expiry.size;
    },
    clear() {
      expiry.clear();
    },
  };
}
