/**
 * The clock a client signs with: the system's, shifted by what the service's `Date` header said
 * after it refused a timestamp as skewed. One per client, so every later call signs with the
 * corrected time.
 */

/** A clock the service's time can correct. */
export interface SkewClock {
  /** The time to sign with, in epoch ms. */
  readonly now: () => number;
  /** Learns the offset between the system clock and `serverNow` (epoch ms), and keeps it. */
  correct(serverNow: number): void;
}

/**
 * The service's time from a `Date` header, or `undefined` when there is none or it does not
 * parse. The header has second precision: the answer aims at the middle of that second, so the
 * error either way is at most half a second.
 *
 * @example
 * ```ts
 * serverTimeOf('Tue, 03 Dec 2024 10:00:00 GMT'); // Date.UTC(2024, 11, 3, 10, 0, 0, 500)
 * ```
 */
export function serverTimeOf(date: string | null): number | undefined {
  const ms = Date.parse(date ?? '');
  return Number.isNaN(ms) ? undefined : ms + 500;
}

/** A {@link SkewClock} over `systemNow` (the system clock by default), not yet corrected. */
export function skewClock(systemNow: () => number = Date.now): SkewClock {
  let offsetMs = 0;
  return {
    now: () => systemNow() + offsetMs,
    correct(serverNow) {
      offsetMs = serverNow - systemNow();
    },
  };
}
