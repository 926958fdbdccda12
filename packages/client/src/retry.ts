import { FINAL_ERROR_CODES, RETRYABLE_ERROR_CODES, THROTTLING_ERROR_CODE } from '@vodkit/types';

/** How a failed attempt is treated; the values of the policy tables. */
export type FailureClass = 'throttling' | 'server' | 'client' | 'clock-skew';

/** Retry settings. Every field has a default; see {@link DEFAULT_RETRY}. */
export interface RetryOptions {
  /** Attempts in total, the first included (1 disables retries). */
  readonly maxAttempts?: number | undefined;
  /** Base delay of the exponential backoff, in ms. */
  readonly baseDelayMs?: number | undefined;
  /** Base delay after a throttling error, in ms. */
  readonly throttlingBaseDelayMs?: number | undefined;
  /** Upper bound of any single delay, in ms (also caps `x-acs-retry-after`). */
  readonly maxDelayMs?: number | undefined;
  /** Random source in [0, 1) for the jitter; defaults to `Math.random`. */
  readonly random?: (() => number) | undefined;
}

/** The defaults of {@link RetryOptions}. */
export const DEFAULT_RETRY: {
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly throttlingBaseDelayMs: number;
  readonly maxDelayMs: number;
} = {
  maxAttempts: 4,
  baseDelayMs: 100,
  throttlingBaseDelayMs: 500,
  maxDelayMs: 20_000,
};

/** Retry settings with every default filled in, as the client holds them after construction. */
export interface ResolvedRetry {
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly throttlingBaseDelayMs: number;
  readonly maxDelayMs: number;
  readonly random: () => number;
}

/** HTTP statuses that are retryable whatever the code (gateway and load-balancer failures). */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([500, 502, 503, 504]);

/**
 * Error codes by class, as data. Built from the spec's lists of retryable and final codes (it
 * lists both `ServiceUnavailable` and VOD's `ServiceUnAvailable`) plus the clock-skew code,
 * which is retryable once after the client corrects its clock from the response `Date` header.
 * A null-prototype object: a `Code` such as "constructor" from a server finds nothing here.
 */
export const CODE_CLASSES: Readonly<Record<string, FailureClass>> = Object.freeze(
  Object.assign(
    Object.create(null) as Record<string, FailureClass>,
    Object.fromEntries<FailureClass>([
      ...FINAL_ERROR_CODES.map((code): [string, FailureClass] => [code, 'client']),
      ...RETRYABLE_ERROR_CODES.map((code): [string, FailureClass] => [
        code,
        code.startsWith('Throttling') ? 'throttling' : 'server',
      ]),
      ['InvalidTimeStamp.Expired', 'clock-skew'],
    ]),
  ),
);

/** A failed response's class and whether the policy retries it. */
export interface FailureDecision {
  /** The class from {@link CODE_CLASSES}, else from the status. */
  readonly cls: FailureClass;
  /** Throttling, a retryable code, or a status in {@link RETRYABLE_STATUSES}. */
  readonly retryable: boolean;
}

const THROTTLING_PREFIX = THROTTLING_ERROR_CODE.slice(0, THROTTLING_ERROR_CODE.indexOf('.'));

/**
 * Classifies a failed response by its code first (the set is open: any `Throttling*` code
 * throttles), then by its status. Clock skew is reported as not retryable here: the client
 * retries it once only after correcting its clock.
 */
export function classify(httpStatus: number, code: string | undefined): FailureDecision {
  const cls: FailureClass =
    (code === undefined ? undefined : CODE_CLASSES[code]) ??
    (code?.startsWith(THROTTLING_PREFIX) === true
      ? 'throttling'
      : httpStatus >= 500
        ? 'server'
        : 'client');
  const retryable =
    cls === 'throttling' ||
    (cls === 'server' &&
      (RETRYABLE_STATUSES.has(httpStatus) ||
        (code !== undefined && CODE_CLASSES[code] === 'server')));
  return { cls, retryable };
}

/**
 * The delay before attempt `attempt + 1` (attempt counts from 1): exponential backoff with full
 * jitter, capped; a server's `x-acs-retry-after` (ms) is honoured as a floor, under the cap.
 */
export function backoffDelay(
  attempt: number,
  throttled: boolean,
  retryAfterMs: number | undefined,
  options: ResolvedRetry,
): number {
  const cap = options.maxDelayMs;
  const base = throttled ? options.throttlingBaseDelayMs : options.baseDelayMs;
  const ceiling = Math.min(cap, base * 2 ** (attempt - 1));
  const jittered = Math.floor(options.random() * ceiling);
  return retryAfterMs === undefined ? jittered : Math.min(cap, Math.max(retryAfterMs, jittered));
}

/** Parses `x-acs-retry-after` (milliseconds, as Alibaba's cores read it). */
export function parseRetryAfter(value: string | null | undefined): number | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const ms = Number(value);
  return Number.isFinite(ms) && ms >= 0 ? ms : undefined;
}
