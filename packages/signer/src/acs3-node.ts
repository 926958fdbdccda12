import { ASCII, matches } from './errors.js';
import type { ParamMap } from './encode.js';
import type { Acs3SignInput, Acs3SignResult } from './acs3.js';
import { formatTimestamp } from './time.js';
import { nullPrototype } from './rpc-node.js';

// Node-only (imported by node.ts alone, so the browser bundle's budget is untouched).

// What percentEncode escapes: everything outside `A-Z a-z 0-9 - _ . ~`.
const NEEDS_ESCAPE = /[^\w.~-]/;
// encodeURIComponent leaves these five unescaped; Alibaba's percentEncode (RFC 3986) escapes them.
const RESERVED_LEFT = /[!'()*]/g;
const escapeOne = (c: string): string => `%${c.charCodeAt(0).toString(16).toUpperCase()}`;

/**
 * `percentEncode(value)`, or `undefined` for a lone surrogate (the caller then leaves the
 * error to the general path). Unlike V1's double encoding, a comma-separated ID list goes
 * through encodeURIComponent too: its output is one flat string, while a comma walk's or
 * replaceAll's is a rope of ~40 pieces that V8 must flatten before hashing the canonical
 * request, which costs more than the scans save (measured: ~0.2 to 0.4 µs per V3 signature;
 * a global-regex replace, flat but slower to build, gains nothing either).
 */
function encodeOnce(value: string): string | undefined {
  if (!NEEDS_ESCAPE.test(value)) return value;
  let once: string;
  try {
    once = encodeURIComponent(value);
  } catch {
    return undefined;
  }
  // Five includes() (memchr) calls cost a fraction of one regex scan over a kilobyte of IDs.
  return once.includes('!') ||
    once.includes("'") ||
    once.includes('(') ||
    once.includes(')') ||
    once.includes('*')
    ? once.replace(RESERVED_LEFT, escapeOne)
    : once;
}

/**
 * Copies `given` (own enumerable names, `undefined` values dropped) into `into`, and returns
 * the canonical `name=value&…` string, sorted by UTF-16 code units, as `canonicalize` would; or
 * `undefined` whenever `given` needs the general path's checks (not an object, a non-string
 * value, a name already in `into`, a lone surrogate).
 */
function collectSorted(given: unknown, into: ParamMap): string | undefined {
  if (given === undefined) return '';
  if (typeof given !== 'object' || given === null) return undefined;
  const names: string[] = [];
  for (const name of Object.keys(given)) {
    const value = (given as Record<string, unknown>)[name];
    if (value === undefined) continue;
    if (typeof value !== 'string' || Object.hasOwn(into, name)) return undefined;
    // `into` is a plain object (see nullPrototype), where this name is the prototype setter.
    if (name === '__proto__') return undefined;
    into[name] = value;
    let j = names.length - 1;
    for (; j >= 0 && (names[j] ?? '') > name; j -= 1) names[j + 1] = names[j] ?? '';
    names[j + 1] = name;
  }
  let out = '';
  for (let i = 0; i < names.length; i += 1) {
    const name = names[i] ?? '';
    const encodedName = encodeOnce(name);
    const encodedValue = encodeOnce(into[name] ?? '');
    if (encodedName === undefined || encodedValue === undefined) return undefined;
    out += i === 0 ? `${encodedName}=${encodedValue}` : `&${encodedName}=${encodedValue}`;
  }
  return out;
}

const plain = (value: unknown): value is string =>
  typeof value === 'string' && /^[^\ud800-\udfff]+$/.test(value);
const HEADER_VALUE = /^[\t\x20-\x7e]*$/;
const HOST = /^[\w.-]+(?::\d+)?$/;
const FORM = 'application/x-www-form-urlencoded';
const ALGORITHM = 'ACS3-HMAC-SHA256';
/** SHA-256 of nothing: the `x-acs-content-sha256` of every bodiless request. */
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** The synchronous digests the fast path needs (node-crypto.ts provides them). */
export interface Acs3Digests {
  /** Lowercase hex SHA-256 of a string's UTF-8 bytes. */
  readonly sha256Hex: (data: string) => string;
  /** Lowercase hex HMAC-SHA256. */
  readonly hmacSha256Hex: (key: string, data: string) => string;
  /** A fresh nonce of unreserved characters, used when the caller gives no nonce source. */
  readonly freshNonce: () => string;
}

/**
 * The node entry's `signAcs3` for the common request shape (no extra headers, no raw body, the
 * default algorithm) when every check passes cheaply: the same result as `signAcs3With`, or
 * `undefined` (before the nonce source or clock is called) when the input needs the general
 * path, which then throws its usual error. The signed headers of that shape are a fixed set, so
 * the canonical header block is one template instead of a map sorted and joined per call.
 */
export function signAcs3Fast(
  input: Acs3SignInput,
  digests: Acs3Digests,
): Acs3SignResult | undefined {
  const {
    algorithm,
    method,
    host,
    headers: extra,
    body: raw,
  } = input as unknown as Record<string, unknown>;
  if (algorithm !== undefined && algorithm !== ALGORITHM) return undefined;
  if (extra !== undefined || raw !== undefined) return undefined;
  if (typeof method !== 'string' || !/^[A-Z]+$/.test(method)) return undefined;
  if (typeof host !== 'string' || !HOST.test(host)) return undefined;
  const path = (input.path as unknown) ?? '/';
  if (typeof path !== 'string' || !path.startsWith('/')) return undefined;
  const creds = input.credentials as unknown;
  if (typeof creds !== 'object' || creds === null) return undefined;
  const { accessKeyId, accessKeySecret, securityToken } = creds as Record<string, unknown>;
  if (!plain(accessKeyId) || !plain(accessKeySecret)) return undefined;
  if (securityToken !== undefined && !(plain(securityToken) && HEADER_VALUE.test(securityToken))) {
    return undefined;
  }
  const { action, version } = input as { action: unknown; version: unknown };
  if (typeof action !== 'string' || typeof version !== 'string') return undefined;
  if (action === '' || version === '') return undefined;

  const params: ParamMap = {};
  const canonicalQuery = collectSorted(input.query, params);
  if (canonicalQuery === undefined) return undefined;
  let body = '';
  const isForm = input.form !== undefined;
  if (isForm) {
    const form: ParamMap = {};
    const encoded = collectSorted(input.form, form);
    if (encoded === undefined) return undefined;
    // The general path rejects a name given in both query and form; leave that to it.
    const formNames = Object.keys(form);
    for (const name of formNames) if (Object.hasOwn(params, name)) return undefined;
    for (const name of formNames) params[name] = form[name] ?? '';
    body = encoded;
  }

  // As takeClockAndNonce: the nonce first, then the clock. A nonce of ours is hex digits,
  // which always pass the nonce check, so only a caller's nonce is tested.
  const nonce =
    input.nonce === undefined
      ? digests.freshNonce()
      : matches(input.nonce(), 'nonce()', /^[\x21-\x7e]+$/, ASCII);
  const timestamp = formatTimestamp((input.clock ?? Date.now)());
  const hashedPayload = body === '' ? EMPTY_SHA256 : digests.sha256Hex(body);

  // The header map in the general path's insertion order.
  const headers: Record<string, string> = {};
  if (isForm) headers['content-type'] = FORM;
  headers['x-acs-action'] = action;
  headers['x-acs-version'] = version;
  headers['x-acs-date'] = timestamp;
  headers['x-acs-signature-nonce'] = nonce;
  if (securityToken !== undefined) headers['x-acs-security-token'] = securityToken;
  headers['x-acs-content-sha256'] = hashedPayload;

  // The signed names in sorted order: content-type < host < x-acs-action < x-acs-content-sha256
  // < x-acs-date < x-acs-security-token < x-acs-signature-nonce < x-acs-version.
  const signedHeaders = `${isForm ? 'content-type;' : ''}host;x-acs-action;x-acs-content-sha256;x-acs-date;${securityToken === undefined ? '' : 'x-acs-security-token;'}x-acs-signature-nonce;x-acs-version`;
  const canonicalRequest = `${method}\n${path}\n${canonicalQuery}\n${isForm ? `content-type:${FORM}\n` : ''}host:${host}\nx-acs-action:${action}\nx-acs-content-sha256:${hashedPayload}\nx-acs-date:${timestamp}\n${securityToken === undefined ? '' : `x-acs-security-token:${securityToken}\n`}x-acs-signature-nonce:${nonce}\nx-acs-version:${version}\n\n${signedHeaders}\n${hashedPayload}`;
  const stringToSign = `${ALGORITHM}\n${digests.sha256Hex(canonicalRequest)}`;
  const signature = digests.hmacSha256Hex(accessKeySecret, stringToSign);
  headers['authorization'] =
    `${ALGORITHM} Credential=${accessKeyId},SignedHeaders=${signedHeaders},Signature=${signature}`;
  return {
    algorithm: ALGORITHM,
    headers: nullPrototype(headers),
    query: canonicalQuery,
    body,
    params: nullPrototype(params),
    canonicalRequest,
    stringToSign,
    signature,
    signedHeaders,
    hashedPayload,
    timestamp,
    nonce,
  };
}
