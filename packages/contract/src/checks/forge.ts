/**
 * A signer of the suite's own, for requests the real signer refuses to make: a `Timestamp` in
 * another format, a `SignatureMethod` that does not match the algorithm, a wrong API name, a V3
 * algorithm name no one implements, an `Authorization` header missing a part. Each such request
 * is signed consistently over what it sends, so a target that answers anything but the rule's
 * error lets the malformed value through rather than tripping over a bad signature.
 */
import { createHash, createHmac } from 'node:crypto';
import { formatTimestamp, percentEncode, v3CanonicalRequest } from '@vodkit/signer';
import { v2StringToSign } from '@vodkit/signer/v2';
import { ACTION, API_VERSION } from '@vodkit/types';
import type { SignOptions, WireRequest } from '../wire.js';

/** What to change; `undefined` as a value leaves the field out. */
export interface Forgery {
  /** V2 common parameters to set or (with `undefined`) to leave out: `Timestamp`, `SignatureMethod`… */
  readonly common?: Readonly<Record<string, string | undefined>> | undefined;
  /** V3 headers to set or leave out: `x-acs-date`, `x-acs-action`… */
  readonly headers?: Readonly<Record<string, string | undefined>> | undefined;
  /** V3: the algorithm name written in `Authorization` and the string-to-sign. */
  readonly v3Name?: string | undefined;
  /** V3: headers sent but left out of `SignedHeaders`. */
  readonly unsigned?: readonly string[] | undefined;
  /** V3: rewrites the `Authorization` header from its parts (a part missing, a part garbled). */
  readonly authorization?:
    | ((parts: {
        readonly name: string;
        readonly credential: string;
        readonly signedHeaders: string;
        readonly signature: string;
      }) => string)
    | undefined;
  /** V2: leave the `Signature` parameter out. */
  readonly noSignature?: boolean | undefined;
  /** The request path; default `/`. */
  readonly path?: string | undefined;
}

const FORM = 'application/x-www-form-urlencoded';

const canonical = (params: Readonly<Record<string, string>>): string =>
  Object.keys(params)
    .sort()
    .map((k) => `${percentEncode(k)}=${percentEncode(params[k] ?? '')}`)
    .join('&');

/** `fields` with `changes` made: set, or (`undefined`) left out. */
function changed(
  fields: Readonly<Record<string, string>>,
  changes: Readonly<Record<string, string | undefined>> | undefined,
): Record<string, string> {
  const merged: Record<string, string | undefined> = { ...fields, ...changes };
  return Object.fromEntries(
    Object.entries(merged).filter((e): e is [string, string] => e[1] !== undefined),
  );
}

function forgeV2(options: SignOptions, forgery: Forgery, now: number, nonce: string): WireRequest {
  const method = options.shape === 'get-query' ? 'GET' : 'POST';
  const { credentials } = options;
  const params = changed(
    {
      ...options.params,
      Action: ACTION,
      Version: API_VERSION,
      Format: 'JSON',
      AccessKeyId: credentials.accessKeyId,
      SignatureMethod: 'HMAC-SHA1',
      SignatureVersion: '1.0',
      SignatureNonce: nonce,
      Timestamp: formatTimestamp(now),
      ...(credentials.securityToken === undefined
        ? {}
        : { SecurityToken: credentials.securityToken }),
    },
    forgery.common,
  );
  const { canonicalQuery, stringToSign } = v2StringToSign(method, params);
  const signature = createHmac('sha1', `${credentials.accessKeySecret}&`)
    .update(stringToSign)
    .digest('base64');
  const encoded =
    forgery.noSignature === true
      ? canonicalQuery
      : `${canonicalQuery}&Signature=${encodeURIComponent(signature)}`;
  const base = `${options.url}${forgery.path ?? '/'}`;
  if (options.shape === 'get-query') return { method, url: `${base}?${encoded}`, headers: {} };
  if (options.shape === 'post-query') {
    return { method, url: `${base}?${encoded}`, headers: { 'content-type': FORM }, body: '' };
  }
  return { method, url: base, headers: { 'content-type': FORM }, body: encoded };
}

function forgeV3(options: SignOptions, forgery: Forgery, now: number, nonce: string): WireRequest {
  const method = options.shape === 'get-query' ? 'GET' : 'POST';
  const path = forgery.path ?? '/';
  const inBody = options.shape === 'post-form';
  const query = inBody ? '' : canonical(options.params);
  const body = inBody ? canonical(options.params) : '';
  const { credentials } = options;
  const headers = changed(
    {
      host: new URL(options.url).host,
      'x-acs-action': ACTION,
      'x-acs-version': API_VERSION,
      'x-acs-date': formatTimestamp(now),
      'x-acs-signature-nonce': nonce,
      'x-acs-content-sha256': createHash('sha256').update(body).digest('hex'),
      ...(method === 'POST' ? { 'content-type': FORM } : {}),
      ...(credentials.securityToken === undefined
        ? {}
        : { 'x-acs-security-token': credentials.securityToken }),
    },
    forgery.headers,
  );
  const signed = Object.fromEntries(
    Object.entries(headers).filter(([n]) => !(forgery.unsigned ?? []).includes(n)),
  );
  const { canonicalRequest, signedHeaders } = v3CanonicalRequest(
    method,
    path,
    query,
    signed,
    headers['x-acs-content-sha256'] ?? '',
  );
  const name = forgery.v3Name ?? 'ACS3-HMAC-SHA256';
  const stringToSign = `${name}\n${createHash('sha256').update(canonicalRequest).digest('hex')}`;
  const signature = createHmac('sha256', credentials.accessKeySecret)
    .update(stringToSign)
    .digest('hex');
  const parts = { name, credential: credentials.accessKeyId, signedHeaders, signature };
  headers['authorization'] =
    forgery.authorization?.(parts) ??
    `${name} Credential=${parts.credential},SignedHeaders=${signedHeaders},Signature=${signature}`;
  const url = `${options.url}${path}${query === '' ? '' : `?${query}`}`;
  return method === 'GET' ? { method, url, headers } : { method, url, headers, body };
}

/** A `sign` for {@link CallSpec} that makes the forged request. */
export function forge(forgery: Forgery): (options: SignOptions) => WireRequest {
  return (options) => {
    const now = (options.clock ?? Date.now)();
    const nonce = options.nonce?.() ?? `forged-${now}-${Math.random().toString(36).slice(2)}`;
    return options.algorithm === 'V2'
      ? forgeV2(options, forgery, now, nonce)
      : forgeV3(options, forgery, now, nonce);
  };
}
