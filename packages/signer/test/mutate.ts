/** Single-character changes for the "verify rejects any tampering" tests. */

/**
 * Replaces the code point at `at` (modulo the length) with `ch`, or with another character when
 * `ch` is already there; an empty string gets `ch` inserted. The result always differs from `s`.
 */
export function changeOneChar(s: string, at: number, ch: string): string {
  const points = Array.from(s); // code points, so a surrogate pair is never split
  if (points.length === 0) return ch;
  const i = at % points.length;
  points[i] = points[i] === ch ? (ch === 'a' ? 'b' : 'a') : ch;
  return points.join('');
}
