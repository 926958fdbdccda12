/** The skew-corrected clock: the offset learnt from a Date header, aimed at mid-second. */
import { describe, expect, it } from 'vitest';
import { serverTimeOf, skewClock } from '../src/clock.ts';

describe('serverTimeOf', () => {
  it.each([
    ['Tue, 03 Dec 2024 10:00:00 GMT', Date.UTC(2024, 11, 3, 10, 0, 0, 500)],
    ['Tue, 03 Dec 2024 10:00:59 GMT', Date.UTC(2024, 11, 3, 10, 0, 59, 500)],
    ['', undefined],
    ['yesterday', undefined],
    [null, undefined],
  ])('%j → %j', (date, expected) => {
    expect(serverTimeOf(date)).toBe(expected);
  });
});

describe('skewClock', () => {
  it('follows the system clock until corrected, then keeps the offset', () => {
    let system = 1_000_000;
    const clock = skewClock(() => system);
    expect(clock.now()).toBe(1_000_000);
    // The service is two hours ahead.
    clock.correct(system + 7_200_000);
    expect(clock.now()).toBe(1_000_000 + 7_200_000);
    system += 1234;
    expect(clock.now()).toBe(1_001_234 + 7_200_000);
    // A later correction replaces the offset rather than adding to it.
    clock.correct(system - 60_000);
    expect(clock.now()).toBe(system - 60_000);
  });

  it('uses the system clock by default', () => {
    const before = Date.now();
    const now = skewClock().now();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });
});
