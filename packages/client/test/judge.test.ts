/**
 * The send loop's judgement as a table: an attempt's result and where the call stands in, what
 * to do out. Responses here are plain data (the judge reads status, headers and body), and the
 * jitter's random source is fixed, so every row has exactly one answer.
 */
import { describe, expect, it } from 'vitest';
import { TransportClosedError, TransportTimeoutError } from '../src/index.ts';
import { judge } from '../src/judge.ts';
import type { CallState, Verdict } from '../src/judge.ts';
import type { AttemptResult } from '../src/attempt.ts';
import { resolveRetry } from '../src/client-config.ts';

const policy = { retry: resolveRetry({ random: () => 0.5 }), timeoutMs: 5000 };
const DATE = 'Tue, 03 Dec 2024 10:00:00 GMT';

/** A final answer as a transport hands it over. */
function answer(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): AttemptResult {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return {
    response: { status, body: text, header: (name) => headers[name.toLowerCase()] ?? null },
  };
}
const failed = (error: unknown): AttemptResult => ({ error });
const at = (attempt: number, more: Partial<CallState> = {}): CallState => ({
  attempt,
  maxAttempts: 4,
  clockCorrected: false,
  possiblyApplied: false,
  ...more,
});

const OK = answer(200, { RequestId: 'R1' });
const THROTTLED = answer(400, { Code: 'Throttling.User', Message: 'slow down' });
const SKEW = answer(400, { Code: 'InvalidTimeStamp.Expired' }, { date: DATE });
const UNAVAILABLE = answer(503, { Code: 'ServiceUnavailable' });
const BAD_PARAMETER = answer(400, { Code: 'InvalidParameter' });
const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });

/** A verdict with the parts a row checks (the response object itself is not compared). */
function shape(v: Verdict): unknown {
  switch (v.kind) {
    case 'done':
      return { kind: v.kind, json: v.json, cls: v.failure?.cls };
    case 'retry':
      return { kind: v.kind, delayMs: v.delayMs, cls: v.failure?.cls, lost: v.lost };
    case 'correct-clock':
      return { kind: v.kind, serverNow: v.serverNow, then: shape(v.then) };
    case 'give-up': {
      const { name, code, attempts, possiblyApplied, retryable } = v.error;
      return { kind: v.kind, name, code, attempts, possiblyApplied, retryable };
    }
  }
}

type Row = [name: string, result: AttemptResult, state: CallState, expected: unknown];
const ROWS: Row[] = [
  ['a 200 with a RequestId is done', OK, at(1), { kind: 'done', json: { RequestId: 'R1' } }],
  [
    'a 200 with a cut body is retried, the attempt maybe applied',
    answer(200, '{"Reque'),
    at(1),
    { kind: 'retry', delayMs: 50, lost: true },
  ],
  [
    'a non-retryable code is done at once',
    BAD_PARAMETER,
    at(1),
    { kind: 'done', json: { Code: 'InvalidParameter' }, cls: 'client' },
  ],
  [
    'a retryable code is retried after the backoff (half of 100 ms × 2^0)',
    UNAVAILABLE,
    at(1),
    { kind: 'retry', delayMs: 50, cls: 'server' },
  ],
  [
    'the backoff doubles per attempt',
    UNAVAILABLE,
    at(3),
    { kind: 'retry', delayMs: 200, cls: 'server' },
  ],
  [
    'throttling backs off from the throttling base (500 ms)',
    THROTTLED,
    at(1),
    { kind: 'retry', delayMs: 250, cls: 'throttling' },
  ],
  [
    'x-acs-retry-after is a floor',
    answer(400, { Code: 'Throttling.User' }, { 'x-acs-retry-after': '700' }),
    at(1),
    { kind: 'retry', delayMs: 700, cls: 'throttling' },
  ],
  [
    'a lower-case code is read like Code',
    answer(400, { code: 'Throttling.User' }),
    at(1),
    { kind: 'retry', delayMs: 250, cls: 'throttling' },
  ],
  [
    'the last attempt ends with the answer, retryable or not',
    THROTTLED,
    at(4),
    { kind: 'done', json: { Code: 'Throttling.User', Message: 'slow down' }, cls: 'throttling' },
  ],
  [
    'a skew answer corrects the clock to the middle of the Date second, then retries at once',
    SKEW,
    at(1),
    {
      kind: 'correct-clock',
      serverNow: Date.parse(DATE) + 500,
      then: { kind: 'retry', delayMs: 0 },
    },
  ],
  [
    'on the last attempt the clock is still corrected, for the next call',
    SKEW,
    at(4),
    {
      kind: 'correct-clock',
      serverNow: Date.parse(DATE) + 500,
      then: { kind: 'done', json: { Code: 'InvalidTimeStamp.Expired' }, cls: 'clock-skew' },
    },
  ],
  [
    'a second skew answer in one call is final',
    SKEW,
    at(2, { clockCorrected: true }),
    { kind: 'done', json: { Code: 'InvalidTimeStamp.Expired' }, cls: 'clock-skew' },
  ],
  [
    'a skew answer without a Date is final',
    answer(400, { Code: 'InvalidTimeStamp.Expired' }),
    at(1),
    { kind: 'done', json: { Code: 'InvalidTimeStamp.Expired' }, cls: 'clock-skew' },
  ],
  [
    'an interim status is no answer',
    answer(103, ''),
    at(1),
    { kind: 'retry', delayMs: 50, lost: true },
  ],
  [
    'a transport failure after sending is retried, maybe applied',
    failed(new TransportClosedError('reset')),
    at(1),
    { kind: 'retry', delayMs: 50, lost: true },
  ],
  [
    'a refused connection is retried, never applied',
    failed(refused),
    at(1),
    { kind: 'retry', delayMs: 50, lost: false },
  ],
  [
    'a transport failure marked not sent was never applied',
    failed(new TransportClosedError('tunnel refused', { sent: false })),
    at(1),
    { kind: 'retry', delayMs: 50, lost: false },
  ],
  [
    'the last attempt timing out gives up with a timeout error',
    failed(new TransportTimeoutError(5000)),
    at(4),
    {
      kind: 'give-up',
      name: 'VodTimeoutError',
      code: 'Timeout',
      attempts: 4,
      possiblyApplied: true,
      retryable: true,
    },
  ],
  [
    'the last attempt refused gives up with a network error, applied only if an earlier one was',
    failed(refused),
    at(4, { possiblyApplied: true }),
    {
      kind: 'give-up',
      name: 'VodNetworkError',
      code: 'NetworkError',
      attempts: 4,
      possiblyApplied: true,
      retryable: true,
    },
  ],
  [
    'nothing sent in any attempt: not applied',
    failed(refused),
    at(4),
    {
      kind: 'give-up',
      name: 'VodNetworkError',
      code: 'NetworkError',
      attempts: 4,
      possiblyApplied: false,
      retryable: true,
    },
  ],
];

describe('judge', () => {
  it.each(ROWS)('%s', (_name, result, state, expected) => {
    expect(shape(judge(result, state, policy))).toEqual(expected);
  });

  it('says what the give-up error says', () => {
    const timeout = judge(failed(new TransportTimeoutError(5000)), at(4), policy);
    expect(timeout.kind === 'give-up' && timeout.error.message).toBe(
      'timed out after 5000 ms (4 attempts)',
    );
    const cut = judge(answer(200, 'garbled'), at(4), policy);
    expect(cut.kind === 'give-up' && cut.error.message).toBe(
      'network error: malformed response body (HTTP 200) (4 attempts)',
    );
  });

  it('classifies an error answer once, for the loop and the error alike', () => {
    const v = judge(UNAVAILABLE, at(4), policy);
    expect(v.kind === 'done' && v.failure).toEqual({ cls: 'server', retryable: true });
  });
});
