import { canonicalize } from './encode.js';
import type { ParamMap } from './encode.js';
import { andThen } from './crypto.js';
import type { Awaitable, SignerCrypto } from './crypto.js';
import { SignerInputError, requireString, requireWellFormed } from './errors.js';
import { checkCredentials, collectParams, takeNonce } from './options.js';
import type { Params, SigningContext } from './options.js';
import { formatTimestamp } from './time.js';

/** One V3 algorithm: how it hashes the payload and canonical request, and how it signs. */
export interface Acs3Algorithm {
  /** Lowercase hex digest, used for `x-acs-content-sha256` and the canonical request. */
  hashHex(crypto: SignerCrypto, data: string | Uint8Array): Awaitable<string>;
  /** Lowercase hex signature of the string-to-sign. */
  signHex(crypto: SignerCrypto, secret: string, stringToSign: string): Awaitable<string>;
}

/**
 * Names of the V3 algorithms this build implements. `ACS3-HMAC-SM3` and `ACS3-RSA-SHA256` share
 * the request layout and would be one more entry in {@link ACS3_ALGORITHMS} each (plus the
 * primitives in {@link SignerCrypto}).
 */
export type Acs3AlgorithmName = 'ACS3-HMAC-SHA256';

/** The V3 algorithm table. */
export const ACS3_ALGORITHMS: Readonly<Record<Acs3AlgorithmName, Acs3Algorithm>> = {
  'ACS3-HMAC-SHA256': {
    hashHex: (crypto, data) => crypto.sha256Hex(data),
    // Unlike V1, the key is the bare secret, without a trailing `&`.
    signHex: (crypto, secret, stringToSign) => crypto.hmacSha256Hex(secret, stringToSign),
  },
};

/** Looks up a V3 algorithm by name; `undefined` for names this build does not implement. */
export function acs3Algorithm(name: string): Acs3Algorithm | undefined {
  return Object.hasOwn(ACS3_ALGORITHMS, name)
    ? ACS3_ALGORITHMS[name as Acs3AlgorithmName]
    : undefined;
}

/** Whether a lowercase header name is covered by the V3 signature. */
export const isSignedHeader = (name: string): boolean =>
  name === 'host' || name === 'content-type' || name.startsWith('x-acs-');

/**
 * Builds the V3 canonical request. `headers` are the signed headers with lowercase names and
 * trimmed values, in any order.
 */
export function acs3CanonicalRequest(
  method: string,
  path: string,
  canonicalQuery: string,
  headers: Readonly<Record<string, string>>,
  hashedPayload: string,
): { canonicalRequest: string; signedHeaders: string } {
  const sorted = Object.entries(headers).sort(([a], [b]) => (a < b ? -1 : 1));
  let block = '';
  for (const [n, v] of sorted) block += `${n}:${v}\n`;
  const signedHeaders = sorted.map(([n]) => n).join(';');
  return {
    canonicalRequest: `${method}\n${path}\n${canonicalQuery}\n${block}\n${signedHeaders}\n${hashedPayload}`,
    signedHeaders,
  };
}

/** Hashes a canonical request and signs it: `ALG\nhex(hash(canonicalRequest))` → hex signature. */
export function acs3SignCanonical(
  crypto: SignerCrypto,
  name: Acs3AlgorithmName,
  secret: string,
  canonicalRequest: string,
): Awaitable<{ stringToSign: string; signature: string }> {
  const alg = ACS3_ALGORITHMS[name];
  return andThen(alg.hashHex(crypto, canonicalRequest), (digest) => {
    const stringToSign = `${name}\n${digest}`;
    return andThen(alg.signHex(crypto, secret, stringToSign), (signature) => ({
      stringToSign,
      signature,
    }));
  });
}

/** Input of a V3 (`ACS3-*`) signature. */
export interface Acs3SignInput extends SigningContext {
  /** The real HTTP method, e.g. `POST`. */
  readonly method: string;
  /** The endpoint host, e.g. `vod.cn-shanghai.aliyuncs.com`; signed as the `host` header. */
  readonly host: string;
  /** The request path as sent (already encoded); `/` for RPC APIs, the default. */
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
  /** Extra headers; `content-type` and `x-acs-*` ones are signed, others just passed along. */
  readonly headers?: Readonly<Record<string, string | undefined>> | undefined;
  /** The algorithm; defaults to `ACS3-HMAC-SHA256`. */
  readonly algorithm?: Acs3AlgorithmName | undefined;
}

/** A V3 signature: what to send, and every intermediate string. */
export interface Acs3SignResult {
  /** The algorithm used. */
  readonly algorithm: Acs3AlgorithmName;
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

const OWN_HEADERS = new Set([
  'host',
  'authorization',
  'x-acs-action',
  'x-acs-version',
  'x-acs-date',
  'x-acs-signature-nonce',
  'x-acs-content-sha256',
  'x-acs-security-token',
]);
const TOKEN = /^[!#$%&'*+.^_`|~0-9a-z-]+$/;
const HEADER_VALUE = /^[\t\x20-\x7e]*$/;

/** Signs a V3 request with the given crypto; sync when `crypto` is. */
export function signAcs3With(
  crypto: SignerCrypto,
  input: Acs3SignInput,
): Awaitable<Acs3SignResult> {
  const name = input.algorithm ?? 'ACS3-HMAC-SHA256';
  if (acs3Algorithm(name) === undefined) {
    throw new SignerInputError(
      'algorithm',
      `must be one of ${Object.keys(ACS3_ALGORITHMS).join(', ')}`,
    );
  }
  const method = requireString(input.method, 'method', true);
  if (!/^[A-Z]+$/.test(method))
    throw new SignerInputError('method', 'must be an uppercase HTTP method such as "POST"');
  const host = requireString(input.host, 'host', true);
  if (!/^[\w.-]+(?::\d+)?$/.test(host))
    throw new SignerInputError('host', 'must be a host name with an optional :port');
  const path = requireString(input.path ?? '/', 'path', true);
  if (!path.startsWith('/')) throw new SignerInputError('path', 'must start with "/"');
  const creds = checkCredentials(input.credentials);

  const headers: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [raw, value] of Object.entries(input.headers ?? {})) {
    if (value === undefined) continue;
    const n = raw.toLowerCase();
    const field = `headers.${raw}`;
    if (!TOKEN.test(n)) throw new SignerInputError(field, 'is not a valid header name');
    if (OWN_HEADERS.has(n)) throw new SignerInputError(field, 'is set by the signer; remove it');
    if (Object.hasOwn(headers, n))
      throw new SignerInputError(field, 'is given twice (names are case-insensitive)');
    const v = requireString(value, field, false);
    if (!HEADER_VALUE.test(v))
      throw new SignerInputError(
        field,
        'must be printable ASCII (tab allowed), without line breaks',
      );
    headers[n] = v.trim();
  }

  const queryParams = collectParams(
    input.query,
    'query',
    Object.create(null) as ParamMap,
    new Set(),
  );
  const canonicalQuery = canonicalize(queryParams, 'query').canonical;
  const params = Object.assign(Object.create(null) as ParamMap, queryParams);
  let body: string | Uint8Array = '';
  if (input.form !== undefined) {
    if (input.body !== undefined)
      throw new SignerInputError('form', 'cannot be combined with body; pass one');
    if (Object.hasOwn(headers, 'content-type'))
      throw new SignerInputError('headers.content-type', 'is set by the signer when form is used');
    const form = collectParams(input.form, 'form', Object.create(null) as ParamMap, new Set());
    body = canonicalize(form, 'form').canonical;
    collectParams(form, 'form', params, new Set());
    headers['content-type'] = 'application/x-www-form-urlencoded';
  } else if (input.body !== undefined) {
    body = input.body;
    if (typeof body === 'string') requireWellFormed(body, 'body');
    else if (!(body instanceof Uint8Array)) {
      throw new SignerInputError('body', 'expected a string or a Uint8Array');
    }
  }

  const timestamp = formatTimestamp((input.clock ?? Date.now)());
  const nonce = takeNonce(input);
  headers['x-acs-action'] = requireString(input.action, 'action', true);
  headers['x-acs-version'] = requireString(input.version, 'version', true);
  headers['x-acs-date'] = timestamp;
  headers['x-acs-signature-nonce'] = nonce;
  if (creds.securityToken !== undefined) {
    if (!HEADER_VALUE.test(creds.securityToken)) {
      throw new SignerInputError(
        'credentials.securityToken',
        'must be printable ASCII to travel in the x-acs-security-token header',
      );
    }
    headers['x-acs-security-token'] = creds.securityToken;
  }

  return andThen(ACS3_ALGORITHMS[name].hashHex(crypto, body), (hashedPayload) => {
    headers['x-acs-content-sha256'] = hashedPayload;
    const signed: Record<string, string> = { host };
    for (const [n, v] of Object.entries(headers)) if (isSignedHeader(n)) signed[n] = v;
    const { canonicalRequest, signedHeaders } = acs3CanonicalRequest(
      method,
      path,
      canonicalQuery,
      signed,
      hashedPayload,
    );
    return andThen(
      acs3SignCanonical(crypto, name, creds.accessKeySecret, canonicalRequest),
      ({ stringToSign, signature }) => {
        headers['authorization'] =
          `${name} Credential=${creds.accessKeyId},SignedHeaders=${signedHeaders},Signature=${signature}`;
        return {
          algorithm: name,
          headers: { ...headers },
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
