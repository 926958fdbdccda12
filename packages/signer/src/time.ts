/** Formats epoch milliseconds as Alibaba's `YYYY-MM-DDThh:mm:ssZ` (UTC, no milliseconds). */
export function formatTimestamp(ms: number): string {
  // toISOString throws a RangeError for an invalid time, which is what a broken clock deserves.
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

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
