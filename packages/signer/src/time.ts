const pad = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/** Formats epoch milliseconds as Alibaba's `YYYY-MM-DDThh:mm:ssZ` (UTC, no milliseconds). */
export function formatTimestamp(ms: number): string {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime()))
    throw new RangeError('clock: returned a value that is not a valid time');
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}Z`
  );
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
