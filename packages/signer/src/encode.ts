import { loneSurrogate } from './errors.js';

// encodeURIComponent leaves these five unescaped; Alibaba's percentEncode (RFC 3986) escapes them.
const RESERVED_LEFT = /[!'()*]/g;
const escapeOne = (c: string): string => `%${c.charCodeAt(0).toString(16).toUpperCase()}`;
const UNRESERVED = /^[\w.~-]*$/;

/**
 * Alibaba's `percentEncode`: UTF-8 bytes, `A-Z a-z 0-9 - _ . ~` kept, everything else `%XY` with
 * uppercase hex (space is `%20`, never `+`).
 *
 * @throws `SignerInputError` naming `field` if `value` holds a lone UTF-16 surrogate.
 * @example
 * ```ts
 * percentEncode("a b*~") === "a%20b%2A~"
 * ```
 */
export function percentEncode(value: string, field = 'value'): string {
  // Most names and values are unreserved characters only: nothing to encode, nothing to check.
  if (UNRESERVED.test(value)) return value;
  let out: string;
  try {
    out = encodeURIComponent(value);
  } catch {
    // URIError: the only input encodeURIComponent rejects is a lone surrogate.
    throw loneSurrogate(field);
  }
  // A no-match replace returns the same string.
  return out.replace(RESERVED_LEFT, escapeOne);
}

/**
 * Throws if `value` holds a lone UTF-16 surrogate: such strings have no UTF-8 form, so the two
 * sides of a signature could not agree on the bytes. Percent-encoding is the one built-in check
 * that rejects exactly those strings, in every runtime.
 */
export function requireWellFormed(value: string, field: string): string {
  percentEncode(value, field);
  return value;
}

/** Parameter name → value, as signed. */
export type ParamMap = Record<string, string>;

/**
 * Sorts by raw name in UTF-16 code-unit order (JavaScript's default, as the official SDKs do; for
 * the ASCII names Alibaba uses this equals the byte order the docs ask for) and joins
 * `percentEncode(name)=percentEncode(value)` with `&`.
 */
export function canonicalize(params: Readonly<ParamMap>, field: string): string {
  let out = '';
  for (const name of Object.keys(params).sort()) {
    const value = params[name];
    if (value === undefined) continue;
    const f = `${field}.${name}`;
    out += `${out === '' ? '' : '&'}${percentEncode(name, f)}=${percentEncode(value, f)}`;
  }
  return out;
}

/** Form-decodes one name or value; most have nothing to decode, so skip the work then. */
function decodeFormComponent(text: string): string {
  if (!text.includes('%') && !text.includes('+')) return text;
  return decodeURIComponent(text.replaceAll('+', ' '));
}

/**
 * Decodes an `application/x-www-form-urlencoded` string (a raw query or form body) into `into`,
 * reading a literal `+` as a space, as form decoding conventionally does. It keeps going after a
 * problem, so a server can still read parameters such as `Format` for its error answer, and the
 * first repeat of a name is the one kept.
 *
 * @returns the first problem met (a bad `%` escape, a repeated name), or `undefined`.
 */
export function decodeForm(raw: string, into: ParamMap, where: string): string | undefined {
  let problem: string | undefined;
  if (raw === '') return undefined;
  for (const part of raw.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    let name: string;
    let value: string;
    try {
      name = decodeFormComponent(eq < 0 ? part : part.slice(0, eq));
      value = eq < 0 ? '' : decodeFormComponent(part.slice(eq + 1));
    } catch {
      problem ??= `${where} holds an invalid percent-encoding`;
      continue;
    }
    if (Object.hasOwn(into, name)) {
      problem ??= `parameter "${name}" appears more than once`;
      continue;
    }
    into[name] = value;
  }
  return problem;
}

const FORM_CONTENT_TYPE = /^application\/x-www-form-urlencoded\s*(?:;|$)/i;

/** Whether a `content-type` declares a form body, whose fields are request parameters. */
export function isFormContentType(contentType: string | undefined): boolean {
  return contentType !== undefined && FORM_CONTENT_TYPE.test(contentType);
}
