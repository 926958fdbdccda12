/** Per-account request rate limiting. */
export interface RateLimiter {
  /**
   * Takes one slot for `accountId` at time `now` (ms). Returns `0` when the request may go on,
   * otherwise the ms until the next slot frees up.
   */
  take(accountId: string, now: number): number;
  /** Forgets every account's history. */
  reset(): void;
}

/**
 * A token bucket per account: `qps` tokens, refilled continuously at `qps` per second, so at most
 * `qps` requests pass in any one-second burst and the long-run rate is `qps`. `Infinity` (or any
 * non-finite or non-positive value) disables limiting.
 */
export function createRateLimiter(qps: number): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const unlimited = !Number.isFinite(qps) || qps <= 0;
  return {
    take(accountId, now) {
      if (unlimited) return 0;
      const bucket = buckets.get(accountId) ?? { tokens: qps, at: now };
      // A clock that goes backwards (an injected one) refills nothing rather than going negative.
      const elapsed = Math.max(0, now - bucket.at);
      bucket.tokens = Math.min(qps, bucket.tokens + (elapsed * qps) / 1000);
      bucket.at = now;
      buckets.set(accountId, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.ceil(((1 - bucket.tokens) * 1000) / qps);
    },
    reset() {
      buckets.clear();
    },
  };
}
