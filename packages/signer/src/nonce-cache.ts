/** A bounded memory of recently seen nonces, for replay rejection (`SignatureNonceUsed`). */
export interface NonceCache {
  /**
   * Records `nonce` and returns `true` if it is not remembered, `false` if it is a replay. Call
   * it only for requests whose signature verified, so forged requests cannot burn nonces. Key it
   * by `accessKeyId + ":" + nonce` if nonces are unique per key only.
   *
   * The nonce is remembered for `ttlMs`, or until `rememberUntil` (epoch ms) when that is later.
   * Pass the request's own time plus the skew window: a request signed for the future stays
   * acceptable until then, so its nonce must be remembered as long.
   */
  use(nonce: string, rememberUntil?: number): boolean;
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
 * ```ts
 * const seen = createNonceCache();
 * if (result.ok && !seen.use(`${result.accessKeyId}:${result.nonce}`)) reply('SignatureNonceUsed');
 * ```
 */
export function createNonceCache(options: NonceCacheOptions = {}): NonceCache {
  const max = options.maxEntries ?? 10_000;
  const ttl = options.ttlMs ?? 15 * 60 * 1000;
  const clock = options.clock ?? Date.now;
  if (!(max >= 1) || !(ttl > 0))
    throw new RangeError('createNonceCache: maxEntries must be ≥ 1 and ttlMs > 0');
  // Map keeps insertion order. Most entries live ttl, so the sweep from the oldest stops at the
  // first live one; an entry kept longer (rememberUntil) can hold the sweep up, never a lookup,
  // which checks the entry's own expiry.
  const expiry = new Map<string, number>();
  return {
    use(nonce, rememberUntil) {
      const now = clock();
      for (const [k, until] of expiry) {
        if (until > now) break;
        expiry.delete(k);
      }
      const known = expiry.get(nonce);
      if (known !== undefined && known > now) return false;
      const until =
        typeof rememberUntil === 'number' && rememberUntil > now + ttl ? rememberUntil : now + ttl;
      expiry.delete(nonce);
      expiry.set(nonce, until);
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
