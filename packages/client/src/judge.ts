/**
 * What the send loop does after an attempt, decided from what the attempt ended with and where
 * the call stands: done, retry after a delay, correct the clock first, or give up with an error.
 * A pure function over data (the jitter's random source comes in with the retry settings), so
 * every case is a row in its test; the policy itself is the table in `retry.ts`.
 */
import { VodNetworkError, VodTimeoutError, scrubMessage } from './errors.js';
import type { VodError } from './errors.js';
import { serverTimeOf } from './clock.js';
import { errorCodeOf, isOk, requestIdOf } from './outcome.js';
import { backoffDelay, classify, parseRetryAfter } from './retry.js';
import type { FailureDecision, ResolvedRetry } from './retry.js';
import { TransportError } from './transport-errors.js';
import type { AttemptResult } from './attempt.js';
import type { TransportResponse } from './transport.js';

/** Where a call stands when an attempt has ended; the send loop keeps it, the judge reads it. */
export interface CallState {
  /** This attempt's number, from 1 (after the loop, the attempts made). */
  attempt: number;
  readonly maxAttempts: number;
  /** The clock was already corrected in this call: a second skew answer is final. */
  clockCorrected: boolean;
  /** An earlier attempt may have reached the service before its answer was lost. */
  possiblyApplied: boolean;
}

/** The settings a judgement reads. */
export interface JudgePolicy {
  readonly retry: ResolvedRetry;
  /** The per-attempt timeout, for the message of a timeout error. */
  readonly timeoutMs: number;
}

/** The call ends with this answer: a 2xx with a `RequestId`, or a final error response. */
export interface Done {
  readonly kind: 'done';
  readonly response: TransportResponse;
  /** The body parsed as JSON, or `undefined` when it is not JSON. */
  readonly json: unknown;
  /** How the error response was classified; absent for a success. */
  readonly failure?: FailureDecision | undefined;
}

/** Sleep `delayMs`, then make the next attempt. */
export interface Retry {
  readonly kind: 'retry';
  readonly delayMs: number;
  /** How the error response was classified; absent when the attempt got no answer. */
  readonly failure?: FailureDecision | undefined;
  /** This attempt got no answer, but may have reached the service. */
  readonly lost?: boolean | undefined;
}

/** Correct the clock to `serverNow` (kept for later calls), then do as `then` says. */
export interface CorrectClock {
  readonly kind: 'correct-clock';
  readonly serverNow: number;
  /** Retry at once, or (no attempt left) end with the skew answer. */
  readonly then: Done | Retry;
}

/** The call fails with `error`: no attempt got an answer, and none is left. */
export interface GiveUp {
  readonly kind: 'give-up';
  readonly error: VodError;
}

/** What to do after an attempt. */
export type Verdict = Done | Retry | CorrectClock | GiveUp;

/**
 * Connection failures of a transport of your own that mean the request never left: nothing can
 * have been applied. vodkit's transports say so with {@link TransportError.sent}.
 */
const NOT_SENT: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);
const neverSent = (error: unknown): boolean => {
  for (let e = error, depth = 0; e instanceof Error && depth < 3; depth += 1) {
    if (TransportError.isInstance(e)) return !e.sent;
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && NOT_SENT.has(code)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
};

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

/**
 * An attempt that got no usable answer (`lost`: it may have reached the service): retry after
 * the backoff, or after the last attempt give up with a {@link VodTimeoutError} (when it timed
 * out) or a {@link VodNetworkError}.
 */
function noAnswer(
  error: unknown,
  lost: boolean,
  at: Readonly<CallState>,
  policy: JudgePolicy,
): Retry | GiveUp {
  const { attempt, maxAttempts } = at;
  if (attempt < maxAttempts) {
    return { kind: 'retry', delayMs: backoffDelay(attempt, false, undefined, policy.retry), lost };
  }
  const possiblyApplied = at.possiblyApplied || lost;
  const fields = { retryable: true, attempts: maxAttempts, cause: error, possiblyApplied };
  const reason = error instanceof Error ? scrubMessage(error.message) : 'request failed';
  return {
    kind: 'give-up',
    error:
      TransportError.isInstance(error) && error.reason === 'timeout'
        ? new VodTimeoutError(`timed out after ${policy.timeoutMs} ms (${maxAttempts} attempts)`, {
            code: 'Timeout',
            ...fields,
          })
        : new VodNetworkError(`network error: ${reason} (${maxAttempts} attempts)`, {
            code: 'NetworkError',
            ...fields,
          }),
  };
}

/**
 * Judges one attempt's result.
 *
 * @example
 * ```ts
 * judge({ error: new TransportTimeoutError(5000) }, { attempt: 1, maxAttempts: 4, clockCorrected: false, possiblyApplied: false }, policy); // { kind: 'retry', … }
 * ```
 */
export function judge(
  result: AttemptResult,
  at: Readonly<CallState>,
  policy: JudgePolicy,
): Verdict {
  const { response } = result;
  if (response === undefined) return noAnswer(result.error, !neverSent(result.error), at, policy);
  const { status } = response;
  // Not a final HTTP answer (an interim 1xx, or no status HTTP defines): no answer at all.
  if (status < 200 || status > 599) {
    return noAnswer(new Error(`unexpected HTTP status ${status}`), true, at, policy);
  }
  const json = parseJson(response.body);
  if (isOk(status)) {
    // A 200 whose body is cut or garbled cannot be trusted, so ask again. Deleting is
    // idempotent in effect; if this attempt was applied, the repeat answers NoSuchResource.
    return requestIdOf(json) === undefined
      ? noAnswer(new Error(`malformed response body (HTTP ${status})`), true, at, policy)
      : { kind: 'done', response, json };
  }
  const failure = classify(status, errorCodeOf(json));
  const done: Done = { kind: 'done', response, json, failure };
  const last = at.attempt >= at.maxAttempts;
  const serverNow =
    failure.cls === 'clock-skew' && !at.clockCorrected
      ? serverTimeOf(response.header('date'))
      : undefined;
  if (serverNow !== undefined) {
    return { kind: 'correct-clock', serverNow, then: last ? done : { kind: 'retry', delayMs: 0 } };
  }
  if (!failure.retryable || last) return done;
  const retryAfter = parseRetryAfter(response.header('x-acs-retry-after'));
  const delayMs = backoffDelay(at.attempt, failure.cls === 'throttling', retryAfter, policy.retry);
  return { kind: 'retry', delayMs, failure };
}
