import { describe, expect, it } from 'vitest';
import { DOCUMENTED_ERRORS } from '@vodkit/types';
import { DEFAULT_RETRY } from '../src/index.ts';
import { backoffDelay, classify, parseRetryAfter } from '../src/retry.ts';
import { resolveRetry } from '../src/client-config.ts';

describe('retry policy table', () => {
  it('agrees with the spec on every documented code', () => {
    for (const [code, e] of Object.entries(DOCUMENTED_ERRORS)) {
      expect(classify(e.httpStatus, code).retryable, code).toBe(e.retryable);
    }
  });

  it('classifies throttling, server, client and skew', () => {
    expect(classify(400, 'Throttling.User')).toEqual({ cls: 'throttling', retryable: true });
    expect(classify(400, 'Throttling.Whatever')).toEqual({ cls: 'throttling', retryable: true });
    expect(classify(503, 'ServiceUnAvailable')).toEqual({ cls: 'server', retryable: true });
    for (const s of [500, 502, 503, 504]) expect(classify(s, undefined).retryable).toBe(true);
    expect(classify(501, 'NotImplemented')).toEqual({ cls: 'server', retryable: false });
    expect(classify(500, 'SignatureDoesNotMatch')).toEqual({ cls: 'client', retryable: false });
    expect(classify(400, 'SomethingNew')).toEqual({ cls: 'client', retryable: false });
    expect(classify(400, 'InvalidTimeStamp.Expired')).toEqual({
      cls: 'clock-skew',
      retryable: false,
    });
  });
});

describe('backoff', () => {
  it('is exponential with full jitter under a cap', () => {
    const top = resolveRetry({ random: () => 0.999999 });
    expect(backoffDelay(1, false, undefined, top)).toBe(DEFAULT_RETRY.baseDelayMs - 1);
    expect(backoffDelay(3, false, undefined, top)).toBe(4 * DEFAULT_RETRY.baseDelayMs - 1);
    expect(backoffDelay(2, true, undefined, top)).toBe(2 * DEFAULT_RETRY.throttlingBaseDelayMs - 1);
    expect(backoffDelay(40, false, undefined, top)).toBe(DEFAULT_RETRY.maxDelayMs - 1);
    expect(backoffDelay(3, false, undefined, resolveRetry({ random: () => 0 }))).toBe(0);
    expect(
      backoffDelay(3, false, undefined, resolveRetry({ maxDelayMs: 50, random: () => 0.5 })),
    ).toBe(25);
  });

  it('honours x-acs-retry-after as a floor under the cap', () => {
    const zero = resolveRetry({ random: () => 0 });
    expect(backoffDelay(1, true, 700, zero)).toBe(700);
    expect(backoffDelay(1, true, 60_000, { ...zero, maxDelayMs: 1000 })).toBe(1000);
    expect(parseRetryAfter('250')).toBe(250);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('-1')).toBeUndefined();
  });
});
