import { canonicalize } from './encode.js';
import type { ParamMap } from './encode.js';
import { andThen } from './crypto.js';
import type { Awaitable, SignerCrypto } from './crypto.js';
import { check, matches, requireInput, requireWord } from './errors.js';
import { checkCredentials, collectParams, takeClockAndNonce } from './options.js';
import type { Params, SigningContext } from './options.js';
import { formatTimestamp } from './time.js';
import { isUrlHost } from './url-parts.js';

/** Input of a V2 (`HMAC-SHA1`, `SignatureVersion=1.0`) RPC signature. */
export interface V2SignInput extends SigningContext {
  /** The real HTTP method; it is part of the string-to-sign. */
  readonly method: 'GET' | 'POST';
  /** The API action, e.g. `DeleteImage`. */
  readonly action: string;
  /** The API version, e.g. `2017-03-21`. */
  readonly version: string;
  /** The API parameters (common parameters are added by the signer). */
  readonly params?: Params | undefined;
  /** Response format; defaults to `JSON` (VOD's own default is XML, so it is always sent). */
  readonly format?: string | undefined;
}

/** A V2-signed parameter set and every intermediate string. */
export interface V2SignResult {
  /** `HMAC-SHA1`. */
  readonly algorithm: 'HMAC-SHA1';
  /** Every parameter to send, decoded, including the common ones and `Signature`. */
  readonly params: Readonly<ParamMap>;
  /**
   * The same set, percent-encoded (`Signature` last): the query after `?` for GET, or the
   * `application/x-www-form-urlencoded` body for POST.
   */
  readonly encoded: string;
  /** The canonicalized query string (sorted, encoded, without `Signature`). */
  readonly canonicalQuery: string;
  /** `METHOD&%2F&percentEncode(canonicalQuery)`. */
  readonly stringToSign: string;
  /** Base64 HMAC-SHA1 of the string-to-sign with key `secret + "&"`. */
  readonly signature: string;
  /** The `Timestamp` sent. */
  readonly timestamp: string;
  /** The `SignatureNonce` sent. */
  readonly nonce: string;
}

/** Parameter names the V2 signer owns. */
export const V2_COMMON_PARAMS: ReadonlySet<string> = new Set([
  'Action',
  'Version',
  'Format',
  'AccessKeyId',
  'SignatureMethod',
  'SignatureVersion',
  'SignatureNonce',
  'Timestamp',
  'SecurityToken',
  'Signature',
]);

/** Builds the V2 string-to-sign from a complete, decoded parameter map (without `Signature`). */
export function v2StringToSign(
  method: string,
  params: Readonly<ParamMap>,
): { canonicalQuery: string; stringToSign: string } {
  const canonicalQuery = canonicalize(params, 'params');
  // The canonical string holds only unreserved characters, `%`, `=` and `&`, which
  // encodeURIComponent escapes exactly as percentEncode does: one native pass instead of a
  // second percentEncode per parameter.
  return { canonicalQuery, stringToSign: `${method}&%2F&${encodeURIComponent(canonicalQuery)}` };
}

/** The V2 HMAC key: the secret followed by `&`, with or without STS. */
export const v2Key = (secret: string): string => `${secret}&`;

/** Signs a V2 RPC request with the given crypto; sync when `crypto` is. */
export function signV2With(crypto: SignerCrypto, input: V2SignInput): Awaitable<V2SignResult> {
  requireInput(input);
  const method = matches(input.method, 'method', /^(?:GET|POST)$/, 'must be "GET" or "POST"');
  const creds = checkCredentials(input.credentials);
  const params = collectParams(
    input.params,
    'params',
    Object.create(null) as ParamMap,
    V2_COMMON_PARAMS,
  );
  const { ms, nonce } = takeClockAndNonce(input, crypto.nonce);
  const timestamp = formatTimestamp(ms);
  params['Action'] = requireWord(input.action, 'action');
  params['Version'] = requireWord(input.version, 'version');
  params['Format'] = requireWord(input.format ?? 'JSON', 'format');
  params['AccessKeyId'] = creds.accessKeyId;
  params['SignatureMethod'] = 'HMAC-SHA1';
  params['SignatureVersion'] = '1.0';
  params['SignatureNonce'] = nonce;
  params['Timestamp'] = timestamp;
  if (creds.securityToken !== undefined) params['SecurityToken'] = creds.securityToken;

  const { canonicalQuery, stringToSign } = v2StringToSign(method, params);
  return andThen(
    // The V2 key, the secret and `&`: what v2Key (the verifier's) writes.
    crypto.hmacSha1Base64(`${creds.accessKeySecret}&`, stringToSign),
    (signature) => {
      params['Signature'] = signature;
      return {
        algorithm: 'HMAC-SHA1',
        params,
        // Base64 has none of `!'()*`, so the native encoder alone is percentEncode here.
        encoded: `${canonicalQuery}&Signature=${encodeURIComponent(signature)}`,
        canonicalQuery,
        stringToSign,
        signature,
        timestamp,
        nonce,
      };
    },
  );
}

/** Input of {@link presignV2Url}: a GET signature plus where to send it. */
export interface V2PresignInput extends Omit<V2SignInput, 'method'> {
  /**
   * `https://host[:port]` (or `http://…`), without path, query or trailing slash, the host as
   * URL writes it: e.g. `https://vod.cn-shanghai.aliyuncs.com` or `http://[::1]:4010`.
   */
  readonly endpoint: string;
}

/** A presigned GET URL plus the signature's intermediate strings. */
export interface V2PresignResult extends V2SignResult {
  /** The URL to GET; it stays valid for the server's timestamp window (15 minutes). */
  readonly url: string;
}

const ORIGIN = /^https?:\/\/(.*)$/;

/** Presigns a GET URL with the given crypto; sync when `crypto` is. */
export function presignV2UrlWith(
  crypto: SignerCrypto,
  input: V2PresignInput,
): Awaitable<V2PresignResult> {
  requireInput(input);
  const endpoint = input.endpoint;
  check(
    isUrlHost(ORIGIN.exec(typeof endpoint === 'string' ? endpoint : '')?.[1]),
    'endpoint',
    'must be http[s]://host[:port] as URL writes it',
  );
  return andThen(signV2With(crypto, { ...input, method: 'GET' }), (r) => ({
    ...r,
    url: `${endpoint}/?${r.encoded}`,
  }));
}
