/**
 * What both signature verifiers share: the request and result types, the parameter decoding,
 * the time and key checks, and the constant-time compare.
 */
import type { V3AlgorithmName } from './v3.js';
import { decodeForm, isFormContentType } from './encode.js';
import type { ParamMap } from './encode.js';
import { andThen } from './crypto.js';
import type { Awaitable } from './crypto.js';
import { parseTimestamp } from './time.js';

/** A request as a server received it. */
export interface ReceivedRequest {
  /** The HTTP method as received (case-sensitive). */
  readonly method: string;
  /** The request path without the query, as received; V3 signs it verbatim. */
  readonly path: string;
  /** The raw query string without `?` (empty when there is none). */
  readonly query: string;
  /** Headers with lowercase names; repeated headers may be arrays. */
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** The raw body (empty string when there is none). */
  readonly body: string | Uint8Array;
  /** The host the client addressed; defaults to the `host` header. */
  readonly host?: string | undefined;
}

/** What a key lookup knows about an AccessKey ID. */
export interface KeyRecord {
  /** The AccessKey secret. */
  readonly secret: string;
  /** For STS keys: the token that must accompany the key. */
  readonly securityToken?: string | undefined;
  /** A disabled key fails with `InvalidAccessKeyId.Inactive`. */
  readonly disabled?: boolean | undefined;
  /** For STS keys: epoch ms after which the token fails with `InvalidSecurityToken.Expired`. */
  readonly expiresAt?: number | undefined;
}

/** Finds the key for an AccessKey ID; sync or async. `undefined` means unknown. */
export type KeyLookup = (accessKeyId: string) => Awaitable<KeyRecord | undefined>;

/** Options of `verifyRequest`. */
export interface VerifyOptions {
  /** Resolves AccessKey IDs to secrets. */
  readonly lookup: KeyLookup;
  /** Server time in epoch ms; defaults to `Date.now`. */
  readonly clock?: (() => number) | undefined;
  /** Allowed distance between the request's timestamp and the server clock; default 15 min. */
  readonly maxSkewMs?: number | undefined;
}

/** The reasons `verifyRequest` can give, as Alibaba error codes. */
export type VerifyErrorCode =
  | 'IncompleteSignature'
  | 'SignatureDoesNotMatch'
  | 'InvalidTimeStamp.Format'
  | 'InvalidTimeStamp.Expired'
  | 'InvalidAccessKeyId.NotFound'
  | 'InvalidAccessKeyId.Inactive'
  | 'MissingSecurityToken'
  | 'InvalidSecurityToken.Expired'
  | 'InvalidSecurityToken.Malformed'
  | 'InvalidSecurityToken.MismatchWithAccessKey'
  | 'MissingAccessKeyId'
  | 'MissingSignatureNonce'
  | 'MissingTimestamp'
  | 'InvalidParameter';

/** The algorithms verification recognises. */
export type VerifiedAlgorithm = 'HMAC-SHA1' | V3AlgorithmName;

/** A request whose signature holds. */
export interface VerifySuccess {
  /** Discriminant. */
  readonly ok: true;
  /** Which algorithm signed it. */
  readonly algorithm: VerifiedAlgorithm;
  /** The signer's AccessKey ID. */
  readonly accessKeyId: string;
  /** `SignatureNonce` / `x-acs-signature-nonce`, for the caller's replay check. */
  readonly nonce: string;
  /** `Timestamp` / `x-acs-date` as sent. */
  readonly timestamp: string;
  /** The timestamp in epoch ms. */
  readonly time: number;
  /** Query and form-body parameters, decoded, without `Signature`. */
  readonly params: Readonly<ParamMap>;
  /** The server-side string-to-sign. */
  readonly stringToSign: string;
  /** The canonical query string (V2) or canonical request (V3). */
  readonly canonical: string;
}

/** A rejected request. */
export interface VerifyFailure {
  /** Discriminant. */
  readonly ok: false;
  /** The Alibaba error code. */
  readonly code: VerifyErrorCode;
  /** The HTTP status Alibaba answers with for `code`. */
  readonly httpStatus: number;
  /** A gateway-style message; STS tokens are masked as `***`. */
  readonly message: string;
  /** The algorithm, once known. */
  readonly algorithm?: VerifiedAlgorithm;
  /** The AccessKey ID, once known. */
  readonly accessKeyId?: string;
  /** For `SignatureDoesNotMatch`: the server-side string-to-sign, unmasked. */
  readonly stringToSign?: string;
  /** For `SignatureDoesNotMatch`: the canonical query (V2) or canonical request (V3). */
  readonly canonical?: string;
}

/** The outcome of `verifyRequest`. */
export type VerifyResult = VerifySuccess | VerifyFailure;

/** Default timestamp window: 15 minutes either way, as the gateway allows. */
export const DEFAULT_MAX_SKEW_MS: number = 15 * 60 * 1000;

export type Extra = Omit<VerifyFailure, 'ok' | 'code' | 'httpStatus' | 'message'>;

export function fail(code: VerifyErrorCode, message: string, extra?: Extra): VerifyFailure {
  const httpStatus = code === 'InvalidAccessKeyId.NotFound' ? 404 : 400;
  return { ok: false, code, httpStatus, message, ...extra };
}

/** Compares without an early exit, so timing does not reveal how much of a guess was right. */
export function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

export const header = (req: ReceivedRequest, name: string): string | undefined => {
  const v = req.headers[name];
  return v === undefined ? undefined : typeof v === 'string' ? v : v.join(',');
};

/** The decoded parameters: the query alone (V3 signs it) and query ∪ form body (V2 signs that). */
export interface DecodedParams {
  readonly query: ParamMap;
  readonly all: ParamMap;
}

/** Decodes the query and the form body once; a string on malformed input. */
export function readParams(req: ReceivedRequest): DecodedParams | string {
  const query = Object.create(null) as ParamMap;
  const bad = decodeForm(req.query, query, 'the query string');
  if (bad !== undefined) return bad;
  if (!isFormContentType(header(req, 'content-type'))) return { query, all: query };
  const all = Object.assign(Object.create(null) as ParamMap, query);
  const body = typeof req.body === 'string' ? req.body : new TextDecoder().decode(req.body);
  return decodeForm(body, all, 'the form body') ?? { query, all };
}

/** Checks the timestamp and the key, shared by both algorithms. */
export function checkTimeAndKey(
  timestamp: string,
  accessKeyId: string,
  token: string | undefined,
  options: VerifyOptions,
  known: Extra,
  next: (record: KeyRecord, time: number) => Awaitable<VerifyResult>,
): Awaitable<VerifyResult> {
  const time = parseTimestamp(timestamp);
  if (time === undefined) {
    return fail(
      'InvalidTimeStamp.Format',
      'Specified time stamp or date value is not well formatted; expected YYYY-MM-DDThh:mm:ssZ (UTC).',
      known,
    );
  }
  const now = (options.clock ?? Date.now)();
  // Negated so that a NaN clock or skew fails closed: `NaN > x` is false and would accept any time.
  if (!(Math.abs(now - time) <= (options.maxSkewMs ?? DEFAULT_MAX_SKEW_MS))) {
    return fail(
      'InvalidTimeStamp.Expired',
      'Specified time stamp or date value is expired.',
      known,
    );
  }
  return andThen(options.lookup(accessKeyId), (record) => {
    if (record === undefined) {
      return fail('InvalidAccessKeyId.NotFound', 'Specified access key is not found.', known);
    }
    if (record.disabled === true) {
      return fail('InvalidAccessKeyId.Inactive', 'Specified access key is disabled.', known);
    }
    const expected = record.securityToken;
    if (expected !== undefined || token !== undefined) {
      if (token === undefined) {
        return fail('MissingSecurityToken', 'This access key requires a security token.', known);
      }
      if (token === '') {
        return fail(
          'InvalidSecurityToken.Malformed',
          'Specified security token is malformed.',
          known,
        );
      }
      if (expected === undefined || !constantTimeEqual(token, expected)) {
        return fail(
          'InvalidSecurityToken.MismatchWithAccessKey',
          'Specified security token does not belong to this access key.',
          known,
        );
      }
      if (record.expiresAt !== undefined && !(now < record.expiresAt)) {
        return fail('InvalidSecurityToken.Expired', 'Specified security token has expired.', known);
      }
    }
    return next(record, time);
  });
}

/** The gateway's SignatureDoesNotMatch message, before its string-to-sign. */
export const MISMATCH =
  'Specified signature is not matched with our calculation. server string to sign is:';
