/** Formats epoch milliseconds as Alibaba's `YYYY-MM-DDThh:mm:ssZ` (UTC, no milliseconds). */
export function formatTimestamp(ms: number): string {
  // A signer formats the same second many times over: remember the last second.
  const second = Math.floor(ms / 1000);
  if (second !== last[0]) {
    // The signers refuse a clock outside 1970–9999 before it gets here (toISOString would throw
    // or write a six-digit year); a verifier only formats times it parsed from four digits.
    last = [second, `${new Date(second * 1000).toISOString().slice(0, 19)}Z`];
  }
  return last[1];
}
let last: [number, string] = [NaN, ''];

const TIMESTAMP = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)Z$/;

/**
 * Parses the strict `YYYY-MM-DDThh:mm:ssZ` form; returns epoch ms, or `undefined` for anything
 * else (including out-of-range fields such as month 13, which `Date` would silently roll over).
 */
export function parseTimestamp(value: string): number | undefined {
  const m = TIMESTAMP.exec(value);
  if (m === null) return undefined;
  const ms = Date.parse(value);
  // A round trip rejects February 30th and friends that Date.parse would normalise.
  return Number.isNaN(ms) || formatTimestamp(ms) !== value ? undefined : ms;
}
