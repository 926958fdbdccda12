import { canonicalize, requireWellFormed } from './encode.js';
import type { ParamMap } from './encode.js';
import { andThen } from './crypto.js';
import type { Awaitable, SignerCrypto } from './crypto.js';
import {
  ASCII,
  OWN,
  TWICE,
  check,
  entriesOf,
  matches,
  requireInput,
  requireWord,
} from './errors.js';
import { checkCredentials, collectParams, takeClockAndNonce } from './options.js';
import type { Params, SigningContext } from './options.js';
import { formatTimestamp } from './time.js';
import { HOST_RULE, isUrlHost, isUrlPath } from './url-parts.js';

/** One V3 algorithm: how it hashes the payload and canonical request, and how it signs. */
export interface V3Algorithm {
  /** Lowercase hex digest, used for `x-acs-content-sha256` and the canonical request. */
  hashHex(crypto: SignerCrypto, data: string | Uint8Array): Awaitable<string>;
  /** Lowercase hex signature of the string-to-sign. */
  signHex(crypto: SignerCrypto, secret: string, stringToSign: string): Awaitable<string>;
}

/**
 * Names of the V3 algorithms this build implements. `ACS3-HMAC-SM3` and `ACS3-RSA-SHA256` share
 * the request layout and would be one more entry in `V3_ALGORITHMS` each (plus the
 * primitives in `SignerCrypto`).
 */
export type V3AlgorithmName = 'ACS3-HMAC-SHA256';

/** The V3 algorithm table. */
export const V3_ALGORITHMS: Readonly<Record<V3AlgorithmName, V3Algorithm>> = {
  'ACS3-HMAC-SHA256': {
    hashHex: (crypto, data) => crypto.sha256Hex(data),
    // Unlike V2, the key is the bare secret, without a trailing `&`.
    signHex: (crypto, secret, stringToSign) => crypto.hmacSha256Hex(secret, stringToSign),
  },
};

/** Looks up a V3 algorithm by name; `undefined` for names this build does not implement. */
export const v3Algorithm = (name: string): V3Algorithm | undefined =>
  Object.hasOwn(V3_ALGORITHMS, name) ? V3_ALGORITHMS[name as V3AlgorithmName] : undefined;

/** Whether a lowercase header name is covered by the V3 signature. */
export const isSignedHeader = (name: string): boolean =>
  name === 'host' || name === 'content-type' || name.startsWith('x-acs-');

/**
 * Builds the V3 canonical request. `headers` are the signed headers with lowercase names and
 * trimmed values, in any order.
 */
export function v3CanonicalRequest(
  method: string,
  path: string,
  canonicalQuery: string,
  headers: Readonly<Record<string, string>>,
  hashedPayload: string,
): { canonicalRequest: string; signedHeaders: string } {
  // Default sort is UTF-16 code-unit order, which for lowercase ASCII names is byte order.
  const names = Object.keys(headers).sort();
  let block = '';
  for (const n of names) block += `${n}:${headers[n] ?? ''}\n`;
  const signedHeaders = names.join(';');
  return {
    canonicalRequest: `${method}\n${path}\n${canonicalQuery}\n${block}\n${signedHeaders}\n${hashedPayload}`,
    signedHeaders,
  };
}

/** Hashes a canonical request and signs it: `ALG\nhex(hash(canonicalRequest))` → hex signature. */
export function v3SignCanonical(
  crypto: SignerCrypto,
  name: V3AlgorithmName,
  secret: string,
  canonicalRequest: string,
): Awaitable<{ stringToSign: string; signature: string }> {
  const alg = V3_ALGORITHMS[name];
  return andThen(alg.hashHex(crypto, canonicalRequest), (digest) => {
    const stringToSign = `${name}\n${digest}`;
    return andThen(alg.signHex(crypto, secret, stringToSign), (signature) => ({
      stringToSign,
      signature,
    }));
  });
}

/** Input of a V3 (`ACS3-*`) signature. */
export interface V3SignInput extends SigningContext {
  /** The real HTTP method, e.g. `POST`. */
  readonly method: string;
  /**
   * The endpoint host, e.g. `vod.cn-shanghai.aliyuncs.com`, `127.0.0.1:4010` or `[::1]:4010`;
   * signed as the `host` header, so it must be spelt as URL writes it (lowercase, IPv6 in its
   * canonical bracketed form). Leave out a port that is the scheme's default: clients drop it.
   */
  readonly host: string;
  /**
   * The request path as sent, as URL writes it (percent-encoded, no dot segments); `/` for RPC
   * APIs, the default.
   */
  readonly path?: string | undefined;
  /** The API action (`x-acs-action`). */
  readonly action: string;
  /** The API version (`x-acs-version`). */
  readonly version: string;
  /** Parameters sent in the query string. */
  readonly query?: Params | undefined;
  /** Parameters sent as an `application/x-www-form-urlencoded` body (exclusive with `body`). */
  readonly form?: Params | undefined;
  /** A raw body, hashed as is (exclusive with `form`); pass its `content-type` in `headers`. */
  readonly body?: string | Uint8Array | undefined;
  /**
   * Extra headers, a plain object: names are HTTP tokens, values printable ASCII (tab allowed).
   * `content-type` and `x-acs-*` ones are signed, others just passed along.
   */
  readonly headers?: Readonly<Record<string, string | undefined>> | undefined;
  /** The algorithm; defaults to `ACS3-HMAC-SHA256`. */
  readonly algorithm?: V3AlgorithmName | undefined;
}

/** A V3 signature: what to send, and every intermediate string. */
export interface V3SignResult {
  /** The algorithm used. */
  readonly algorithm: V3AlgorithmName;
  /**
   * Headers to send, lowercase names, including `authorization`. `host` is not included (HTTP
   * clients derive it from the URL) but is signed: send the request to `input.host`.
   */
  readonly headers: Readonly<Record<string, string>>;
  /** The encoded query string to append after `?` (empty when there is none). */
  readonly query: string;
  /** The body to send (empty string when there is none). */
  readonly body: string | Uint8Array;
  /** Every parameter (query and form), decoded. */
  readonly params: Readonly<ParamMap>;
  /** The canonical request that was hashed. */
  readonly canonicalRequest: string;
  /** `ALG\nhex(hash(canonicalRequest))`. */
  readonly stringToSign: string;
  /** Lowercase hex signature. */
  readonly signature: string;
  /** Signed header names joined by `;`. */
  readonly signedHeaders: string;
  /** `x-acs-content-sha256`: hex hash of the body. */
  readonly hashedPayload: string;
  /** The `x-acs-date` sent. */
  readonly timestamp: string;
  /** The `x-acs-signature-nonce` sent. */
  readonly nonce: string;
}

// Header values travel as bytes: printable ASCII (and tab) is what every HTTP stack keeps intact.
const HEADER_VALUE = /^[\t\x20-\x7e]*$/;
// RFC 9110 `token`: anything else is not a header name, or (CR, LF, `:`) ends one early.
const HEADER_NAME = /^[!#-'*+.^`|~\w-]+$/;
const FORM = 'application/x-www-form-urlencoded';

/** Signs a V3 request with the given crypto; sync when `crypto` is. */
export function signV3With(crypto: SignerCrypto, input: V3SignInput): Awaitable<V3SignResult> {
  requireInput(input);
  const name = input.algorithm ?? 'ACS3-HMAC-SHA256';
  check(
    typeof name === 'string' && Object.hasOwn(V3_ALGORITHMS, name),
    'algorithm',
    'must be "ACS3-HMAC-SHA256"',
  );
  const method = matches(input.method, 'method', /^[A-Z]+$/, 'must be an uppercase HTTP method');
  const { host, path = '/' } = input;
  check(isUrlHost(host), 'host', HOST_RULE);
  check(isUrlPath(path), 'path', 'must be a path as URL writes it');
  const creds = checkCredentials(input.credentials);

  const headers = Object.create(null) as Record<string, string>;
  for (const [raw, value] of input.headers === undefined
    ? []
    : entriesOf(input.headers, 'headers')) {
    if (value === undefined) continue;
    // The name stays out of the field: it is what is broken, and may hold CR or LF.
    check(HEADER_NAME.test(raw), 'headers', 'names must be HTTP tokens');
    const n = raw.toLowerCase();
    const field = `headers.${raw}`;
    check(n !== 'host' && n !== 'authorization', field, OWN);
    check(!Object.hasOwn(headers, n), field, TWICE);
    headers[n] = matches(value, field, HEADER_VALUE, ASCII).trim();
  }

  const own = (n: string, v: string): void => {
    check(headers[n] === undefined, `headers.${n}`, OWN);
    headers[n] = v;
  };

  const params = collectParams(input.query, 'query', Object.create(null) as ParamMap);
  const canonicalQuery = canonicalize(params, 'query');
  let body: string | Uint8Array = '';
  if (input.form !== undefined) {
    check(input.body === undefined, 'form', 'cannot be combined with body');
    const form = collectParams(input.form, 'form', Object.create(null) as ParamMap);
    body = canonicalize(form, 'form');
    collectParams(form, 'form', params);
    own('content-type', FORM);
  } else if (input.body !== undefined) {
    body = input.body;
    if (typeof body === 'string') requireWellFormed(body, 'body');
    else check(body instanceof Uint8Array, 'body', 'must be a string or a Uint8Array');
  }

  const { ms, nonce } = takeClockAndNonce(input, crypto.nonce);
  const timestamp = formatTimestamp(ms);
  own('x-acs-action', requireWord(input.action, 'action'));
  own('x-acs-version', requireWord(input.version, 'version'));
  own('x-acs-date', timestamp);
  own('x-acs-signature-nonce', nonce);
  const token = creds.securityToken;
  // checkCredentials made it header-safe.
  if (token !== undefined) own('x-acs-security-token', token);

  return andThen(V3_ALGORITHMS[name].hashHex(crypto, body), (hashedPayload) => {
    own('x-acs-content-sha256', hashedPayload);
    const signed: Record<string, string> = { host };
    // `headers` has a null prototype, so for-in sees exactly its own names (and, unlike
    // Object.entries, allocates nothing per header).
    for (const n in headers) if (isSignedHeader(n)) signed[n] = headers[n] ?? '';
    const { canonicalRequest, signedHeaders } = v3CanonicalRequest(
      method,
      path,
      canonicalQuery,
      signed,
      hashedPayload,
    );
    return andThen(
      v3SignCanonical(crypto, name, creds.accessKeySecret, canonicalRequest),
      ({ stringToSign, signature }) => {
        headers['authorization'] =
          `${name} Credential=${creds.accessKeyId},SignedHeaders=${signedHeaders},Signature=${signature}`;
        return {
          algorithm: name,
          headers,
          query: canonicalQuery,
          body,
          params,
          canonicalRequest,
          stringToSign,
          signature,
          signedHeaders,
          hashedPayload,
          timestamp,
          nonce,
        };
      },
    );
  });
}
