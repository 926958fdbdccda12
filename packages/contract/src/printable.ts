/**
 * Text from a target made safe to print: a hostile answer could carry ESC sequences, CR or BEL
 * that rewrite what a person reads in a terminal (a FAIL turned into a pass, a line erased), or
 * bidirectional marks that reorder it. Everything the suite prints or reports that a target could
 * have written passes through {@link printable}.
 */

// C0 controls but newline and tab, DEL, C1 controls; U+2028/U+2029 (line breaks to some
// readers); the bidirectional marks, embeddings, overrides and isolates.
const UNPRINTABLE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex -- as above, newline and tab too
const UNPRINTABLE_LINE = /[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const escape = (c: string): string => {
  if (c === '\n') return '\\n';
  if (c === '\r') return '\\r';
  if (c === '\t') return '\\t';
  const code = c.charCodeAt(0);
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
};

/**
 * `text` with every control character written as an escape (`\x1b`, `\r`, `\u202e`); newlines
 * and tabs are kept, so a multi-line reproducer stays readable. Idempotent: an escaped text
 * holds no control character.
 */
export const printable = (text: string): string => text.replace(UNPRINTABLE, escape);

/** {@link printable}, newlines and tabs escaped too: for one line of text from a target. */
export const printableLine = (text: string): string => text.replace(UNPRINTABLE_LINE, escape);
