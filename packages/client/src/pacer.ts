import { QPS_LIMIT_PER_ACCOUNT } from '@vodkit/types';
import { sleep } from './sleep.js';

/** A token-bucket pacer: `acquire()` resolves when the next call may start. */
export interface Pacer {
  /** Waits for a token; rejects with the signal's reason on abort. */
  acquire(signal?: AbortSignal): Promise<void>;
  /** Halves the rate after a throttled attempt; it recovers slowly on its own. */
  slowDown(): void;
  /** The current interval between calls, in ms. */
  readonly intervalMs: number;
}

/** Options of {@link createPacer}. */
export interface PacerOptions {
  /** Calls per second; defaults to the spec's `QPS_LIMIT_PER_ACCOUNT`. */
  readonly qps?: number | undefined;
  /** Tokens that may accumulate while idle; defaults to 1 (evenly spaced calls). */
  readonly burst?: number | undefined;
  /** Current time in ms; defaults to `Date.now`. */
  readonly now?: (() => number) | undefined;
}

/**
 * Creates a token bucket that refills at `qps` per second. Slots are handed out in order, so
 * concurrent callers never exceed the rate; after {@link Pacer.slowDown} the interval doubles
 * (up to one second) and shrinks back by 5% per call.
 *
 * @example
 * ```ts
 * const pacer = createPacer({ qps: 50 }); await pacer.acquire();
 * ```
 */
export function createPacer(options: PacerOptions = {}): Pacer {
  const qps = options.qps ?? QPS_LIMIT_PER_ACCOUNT;
  if (!(qps > 0)) throw new RangeError('qps: must be greater than 0');
  const now = options.now ?? Date.now;
  const base = 1000 / qps;
  const burst = Math.max(1, options.burst ?? 1);
  let interval = base;
  let next = now() - (burst - 1) * base;
  let lastSlowDown = -Infinity;
  return {
    acquire(signal) {
      const t = now();
      const at = Math.max(t - (burst - 1) * interval, next);
      next = at + interval;
      interval = Math.max(base, interval * 0.95);
      return sleep(at - t, signal);
    },
    slowDown() {
      // Concurrent calls see the same throttling episode: count it once per interval.
      const t = now();
      if (t - lastSlowDown < interval) return;
      lastSlowDown = t;
      interval = Math.min(1000, interval * 2);
      next = Math.max(next, t + interval);
    },
    get intervalMs() {
      return interval;
    },
  };
}
