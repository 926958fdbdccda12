/**
 * The work of `Redactor.error`, loaded with the first error: remove known values, in every
 * form they travel in, from an error and everything it holds. Kept out of the start bundle,
 * since most calls never fail.
 */
import { percentEncode } from '@vodkit/signer/v3';

/** Longest text kept, cut after redaction so that a cut can never keep half a secret. */
const MAX_TEXT = 500;
/** A stack keeps its frames under the (cut) message's length. */
const MAX_STACK = 2000;
/**
 * Identifiers (a code, a request ID, a class name) lose only values of this length or more. No
 * real secret is shorter (an AccessKey secret has 30 characters, a signature 28 or 64, a token
 * hundreds); a shorter one inside `Forbidden.RAM` or a UUID is chance, not a leak.
 */
const MIN_IN_IDENTIFIER = 8;
const IDENTIFIERS: ReadonlySet<string> = new Set(['name', 'kind', 'code', 'requestId', 'hostId']);

/** `encode(value)`, or `''` for a lone surrogate, which cannot travel percent-encoded at all. */
const tryEncode = (encode: (value: string) => string, value: string): string => {
  try {
    return encode(value);
  } catch {
    return '';
  }
};

/** The forms a value travels or is quoted in: raw, escaped in quotes, percent- and form-encoded. */
function formsOf(value: string): string[] {
  const once = tryEncode(percentEncode, value);
  const encoded = [
    once,
    tryEncode(percentEncode, once),
    tryEncode(encodeURIComponent, value),
    new URLSearchParams([['', value]]).toString().slice(1),
  ];
  // Quoted by JSON.stringify or util.inspect: backslashes doubled, the quote escaped.
  const escaped = value.replace(/\\/g, '\\\\');
  return [
    value,
    JSON.stringify(value).slice(1, -1),
    escaped,
    escaped.replace(/'/g, "\\'"),
    ...encoded,
    // Some loggers print percent-escapes in lower case.
    ...encoded.map((e) => e.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())),
  ];
}

/** `text` with every form replaced by a mark. */
function strip(text: string, forms: readonly string[]): string {
  let out = text;
  for (const form of forms) out = out.split(form).join('<redacted>');
  // A short secret may be part of the mark, or two halves may meet: delete until none is
  // left (each pass shortens the text, so this ends).
  while (forms.some((f) => out.includes(f))) for (const f of forms) out = out.split(f).join('');
  return out;
}

/**
 * Removes every form of every one of `values` from `error` in place, deeply (message, stack,
 * every string property, causes, `errors`), and cuts long texts after that.
 */
export function redactValues(error: object, values: readonly string[]): void {
  // Longest first: a longer form is replaced whole before a shorter one could split it.
  const forms = [...new Set(values.flatMap(formsOf))]
    .filter(Boolean)
    .sort((a, b) => b.length - a.length);
  const long = forms.filter((f) => f.length >= MIN_IN_IDENTIFIER);
  const seen = new Set<object>();
  const clean = (o: Record<string, unknown>, depth: number): void => {
    if (seen.has(o) || depth > 8) return;
    seen.add(o);
    for (const key of Object.getOwnPropertyNames(o)) {
      const v = o[key];
      if (typeof v === 'object' && v !== null) clean(v as Record<string, unknown>, depth + 1);
      if (typeof v !== 'string') continue;
      const out = IDENTIFIERS.has(key)
        ? strip(v, long)
        : strip(v, forms).slice(0, key === 'stack' ? MAX_STACK : MAX_TEXT);
      try {
        o[key] = out;
      } catch {
        // Not writable (a frozen error): better gone than shown.
        Reflect.deleteProperty(o, key);
      }
    }
  };
  clean(error as Record<string, unknown>, 0);
}
