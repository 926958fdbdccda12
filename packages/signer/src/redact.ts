/**
 * `@vodkit/signer/redact`: the one redactor of secrets in vodkit. It knows where a request
 * carries its secrets (V2's `Signature` and `SecurityToken` parameters, V3's `authorization`
 * signature and token header, cookies and proxy credentials) and every form a secret travels or
 * is quoted in (raw, escaped in quotes, percent-, double percent- and form-encoded, lower-case
 * hex), and removes them: by name from a request (`redactRequest`, `redactParams`,
 * `redactHeaders`), by value from any text (`redactText`), an error and everything it holds
 * (`redactError`) or a signing result (`redactSigned`). The client, the emulator's request log and
 * the contract suite's reproducers all use it. Pure functions over plain data, no `node:` imports.
 *
 * @packageDocumentation
 */
import type { V3SignResult } from './v3.js';
import { percentEncode } from './encode.js';
import type { V2SignResult } from './v2.js';

/** What stands where a secret was, unless the caller picks another mark. */
export const REDACTED = '***';

/** Request parameters whose value is a secret: V2's `Signature` and `SecurityToken`. */
export const SECRET_PARAMS: ReadonlySet<string> = new Set(['Signature', 'SecurityToken']);

/**
 * Request headers (lower case) whose whole value is a secret. `authorization` is masked in part
 * (see {@link redactHeaders}).
 */
export const SECRET_HEADERS: ReadonlySet<string> = new Set([
  'x-acs-security-token',
  'cookie',
  'proxy-authorization',
]);

/** `encode(value)`, or `''` for a lone surrogate, which cannot travel percent-encoded at all. */
const tryEncode = (encode: (value: string) => string, value: string): string => {
  try {
    return encode(value);
  } catch {
    return '';
  }
};

/**
 * Every form `value` travels or is quoted in: raw; escaped by `JSON.stringify` or `util.inspect`
 * (backslashes doubled, the quote escaped); percent-encoded as the signer sends it, twice as V2's
 * string-to-sign holds it, by `encodeURIComponent` and as a form field; and each encoded form with
 * lower-case hex, as some loggers print it. Without duplicates or empty strings.
 *
 * @example
 * ```ts
 * secretForms('a+b').includes('a%2Bb') === true
 * ```
 */
export function secretForms(value: string): string[] {
  const once = tryEncode(percentEncode, value);
  const encoded = [
    once,
    tryEncode(percentEncode, once),
    tryEncode(encodeURIComponent, value),
    new URLSearchParams([['', value]]).toString().slice(1),
  ];
  const escaped = value.replace(/\\/g, '\\\\');
  return [
    ...new Set([
      value,
      JSON.stringify(value).slice(1, -1),
      escaped,
      escaped.replace(/'/g, "\\'"),
      ...encoded,
      ...encoded.map((e) => e.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())),
    ]),
  ].filter(Boolean);
}

/** Every form of every value, longest first: a longer form is replaced whole before a shorter one could split it. */
const formsOfAll = (values: readonly string[]): string[] =>
  [...new Set(values.flatMap(secretForms))].sort((a, b) => b.length - a.length);

/** `text` with every one of `forms` replaced by `mark`. */
function strip(text: string, forms: readonly string[], mark: string): string {
  let out = text;
  for (const form of forms) out = out.split(form).join(mark);
  // A short secret may be part of the mark, or two halves may meet: delete until none is
  // left (each pass shortens the text, so this ends).
  while (forms.some((f) => out.includes(f))) for (const f of forms) out = out.split(f).join('');
  return out;
}

/**
 * `text` with every form (see {@link secretForms}) of every one of `values` replaced by `mark`;
 * where a removal would leave a form behind (a secret inside the mark, two halves that meet),
 * that is deleted too.
 *
 * @example
 * ```ts
 * redactText('key=a%2Bb', ['a+b']) === 'key=***'
 * ```
 */
export function redactText(
  text: string,
  values: readonly string[],
  mark: string = REDACTED,
): string {
  return strip(text, formsOfAll(values), mark);
}

/** Options of {@link redactError}. */
export interface RedactErrorOptions {
  /** What stands where a secret was; default {@link REDACTED}. */
  readonly mark?: string | undefined;
}

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

/**
 * Removes every form of every one of `values` from `error` in place, deeply (message, stack,
 * every string property, causes, `errors`, eight levels), and cuts long texts after that (500
 * characters, a stack 2,000); identifiers (`name`, `kind`, `code`, `requestId`, `hostId`) lose
 * only values of 8 characters or more. A property that cannot be written is deleted. Returns
 * `error`. Only for objects the caller made (or copied), never one it was handed and must not
 * change.
 *
 * @example
 * ```ts
 * redactError(new Error(`bad key ${secret}`), [secret]).message === 'bad key ***'
 * ```
 */
export function redactError<E>(
  error: E,
  values: readonly string[],
  options: RedactErrorOptions = {},
): E {
  if (typeof error !== 'object' || error === null) return error;
  const mark = options.mark ?? REDACTED;
  const forms = formsOfAll(values);
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
        ? strip(v, long, mark)
        : strip(v, forms, mark).slice(0, key === 'stack' ? MAX_STACK : MAX_TEXT);
      try {
        o[key] = out;
      } catch {
        // Not writable (a frozen error): better gone than shown.
        Reflect.deleteProperty(o, key);
      }
    }
  };
  clean(error as Record<string, unknown>, 0);
  return error;
}

/**
 * Decoded request parameters with the secret ones ({@link SECRET_PARAMS}) read `***`.
 *
 * @example
 * ```ts
 * redactParams({ Action: 'DeleteImage', Signature: 's' }) // { Action: 'DeleteImage', Signature: '***' }
 * ```
 */
export function redactParams(params: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, SECRET_PARAMS.has(k) ? REDACTED : v]),
  );
}

/** Request headers as `node:http` or a plain object holds them. */
export type HeaderBag = Readonly<Record<string, string | readonly string[] | undefined>>;

/**
 * Request headers with their secrets masked as `***`: tokens, cookies and proxy credentials
 * entirely ({@link SECRET_HEADERS}), and in `authorization` the signature and any `Basic` or
 * `Bearer` credential (the rest, credential ID and signed header names, helps debugging). Names
 * are matched in any case and kept as given; list values are joined with `, `; absent ones
 * dropped.
 *
 * @example
 * ```ts
 * redactHeaders({ authorization: 'ACS3-HMAC-SHA256 Credential=k,Signature=ab' }).authorization
 * // 'ACS3-HMAC-SHA256 Credential=k,Signature=***'
 * ```
 */
export function redactHeaders(headers: HeaderBag): Record<string, string> {
  const out: [string, string][] = [];
  for (const [name, v] of Object.entries(headers)) {
    if (v === undefined) continue;
    const value = typeof v === 'string' ? v : v.join(', ');
    const lower = name.toLowerCase();
    out.push([
      name,
      SECRET_HEADERS.has(lower)
        ? REDACTED
        : lower === 'authorization'
          ? value
              .replace(/Signature=[^,\s]*/g, `Signature=${REDACTED}`)
              .replace(/^(Basic|Bearer) .*/i, `$1 ${REDACTED}`)
          : value,
    ]);
  }
  // fromEntries defines `__proto__` as an own key instead of setting the prototype.
  return Object.fromEntries(out);
}

const SECRET_PARAM_IN_TEXT = new RegExp(`(^|[?&])(${[...SECRET_PARAMS].join('|')})=[^&]*`, 'g');

/**
 * A URL or form-encoded body with the values of {@link SECRET_PARAMS} read `***`.
 *
 * @example
 * ```ts
 * redactQuery('https://h/?A=1&Signature=x%2B') === 'https://h/?A=1&Signature=***'
 * ```
 */
export function redactQuery(text: string): string {
  return text.replace(SECRET_PARAM_IN_TEXT, `$1$2=${REDACTED}`);
}

/** A request as it goes on the wire: a URL, headers and perhaps a form-encoded body. */
export interface WireRequestLike {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | undefined;
}

/**
 * A copy of `request` with its secrets masked as `***`: the secret parameters in the URL and the
 * body ({@link redactQuery}) and the secret headers ({@link redactHeaders}).
 *
 * @example
 * ```ts
 * redactRequest({ url: 'http://h/?Signature=x', headers: {} }).url === 'http://h/?Signature=***'
 * ```
 */
export function redactRequest<R extends WireRequestLike>(request: R): R {
  return {
    ...request,
    url: redactQuery(request.url),
    headers: redactHeaders(request.headers),
    ...(request.body === undefined ? {} : { body: redactQuery(request.body) }),
  };
}

/**
 * Returns a copy of a signing result with the STS token and the signature masked as `***`, in
 * every form (see {@link secretForms}), in every string field and in `params`/`headers`, for dry
 * runs and logs. The AccessKey secret is never in a result to begin with. The signature is
 * masked because a signed request can be replayed until its timestamp expires.
 *
 * @example
 * ```ts
 * console.log(redactSigned(await signV2(input)).encoded); // …&Signature=***
 * ```
 */
export function redactSigned<T extends V2SignResult | V3SignResult>(result: T): T {
  const token =
    result.params['SecurityToken'] ??
    (result as Partial<V3SignResult>).headers?.['x-acs-security-token'];
  const forms = formsOfAll(token === undefined ? [result.signature] : [result.signature, token]);
  const mask = (value: unknown): unknown =>
    typeof value === 'string' ? strip(value, forms, REDACTED) : value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(result)) {
    out[k] =
      k === 'params' || k === 'headers'
        ? Object.fromEntries(Object.entries(v as object).map(([n, s]) => [n, mask(s)]))
        : mask(v);
  }
  return out as T;
}
