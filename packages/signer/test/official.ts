/**
 * Signatures computed by the official Alibaba packages, for the interop test and for the script
 * that stores the fixture's expected values. Nothing here uses vodkit's code: the common
 * parameters and V3 headers are assembled from the reference documentation.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type OpenApiUtilModule from '@alicloud/openapi-util';
import type { Credentials } from '../src/index.js';

// The package is CommonJS with `exports.default = Client`. Loading it with require gives the same
// object under Node, tsx and vitest (whose ESM interop would unwrap `default` differently).
const require = createRequire(import.meta.url);
const OpenApiUtil = (require('@alicloud/openapi-util') as typeof OpenApiUtilModule).default;

// getAuthorization takes a tea `Request`; tea-typescript is openapi-util's own dependency, so
// resolve it from there.
type TeaRequestType = Parameters<typeof OpenApiUtil.getAuthorization>[0];
const fromOpenApiUtil = createRequire(
  createRequire(import.meta.url).resolve('@alicloud/openapi-util'),
);
const TeaRequest = (
  fromOpenApiUtil('@alicloud/tea-typescript') as { Request: new () => TeaRequestType }
).Request;

/** What the official computation needs for a V2 signature. */
export interface OfficialV2Input {
  readonly method: string;
  readonly action: string;
  readonly version: string;
  readonly format?: string | undefined;
  readonly params?: Readonly<Record<string, string | undefined>> | undefined;
  readonly credentials: Credentials;
  readonly timestamp: string;
  readonly nonce: string;
}

/** The complete V2 parameter set as documented (common parameters + API parameters). */
export function officialV2Params(i: OfficialV2Input): Record<string, string> {
  const params: Record<string, string> = {
    Action: i.action,
    Version: i.version,
    Format: i.format ?? 'JSON',
    AccessKeyId: i.credentials.accessKeyId,
    SignatureMethod: 'HMAC-SHA1',
    SignatureVersion: '1.0',
    SignatureNonce: i.nonce,
    Timestamp: i.timestamp,
  };
  if (i.credentials.securityToken !== undefined)
    params['SecurityToken'] = i.credentials.securityToken;
  for (const [k, v] of Object.entries(i.params ?? {})) if (v !== undefined) params[k] = v;
  return params;
}

/** `@alicloud/openapi-util`'s `getRPCSignature` over the documented parameter set. */
export function officialV2Signature(i: OfficialV2Input): string {
  return OpenApiUtil.getRPCSignature(officialV2Params(i), i.method, i.credentials.accessKeySecret);
}

/** The documented form-encoding recipe: form-urlencode, then `+`→`%20`, `*`→`%2A`, `%7E`→`~`. */
export function docFormEncode(form: Readonly<Record<string, string | undefined>>): string {
  const entries = Object.entries(form)
    .filter((e): e is [string, string] => e[1] !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return new URLSearchParams(entries)
    .toString()
    .replaceAll('+', '%20')
    .replaceAll('*', '%2A')
    .replaceAll('%7E', '~');
}

/** What the official computation needs for a V3 signature. */
export interface OfficialV3Input {
  readonly method: string;
  readonly host: string;
  readonly path?: string | undefined;
  readonly action: string;
  readonly version: string;
  readonly query?: Readonly<Record<string, string | undefined>> | undefined;
  readonly form?: Readonly<Record<string, string | undefined>> | undefined;
  readonly body?: string | undefined;
  readonly headers?: Readonly<Record<string, string | undefined>> | undefined;
  readonly credentials: Credentials;
  readonly timestamp: string;
  readonly nonce: string;
}

/** `@alicloud/openapi-util`'s `getAuthorization`, with the headers the V3 docs list. */
export function officialV3(i: OfficialV3Input): {
  authorization: string;
  hashedPayload: string;
  body: string;
  /** Every header the request carries (names as given), without `authorization`. */
  headers: Record<string, string>;
} {
  const body = i.form !== undefined ? docFormEncode(i.form) : (i.body ?? '');
  const hashedPayload = createHash('sha256').update(body, 'utf8').digest('hex');
  const headers: Record<string, string> = {
    host: i.host,
    'x-acs-action': i.action,
    'x-acs-version': i.version,
    'x-acs-date': i.timestamp,
    'x-acs-signature-nonce': i.nonce,
    'x-acs-content-sha256': hashedPayload,
  };
  for (const [k, v] of Object.entries(i.headers ?? {})) if (v !== undefined) headers[k] = v;
  if (i.form !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
  if (i.credentials.securityToken !== undefined) {
    headers['x-acs-security-token'] = i.credentials.securityToken;
  }
  const query: Record<string, string> = {};
  for (const [k, v] of Object.entries(i.query ?? {})) if (v !== undefined) query[k] = v;
  const request = new TeaRequest();
  request.method = i.method;
  request.pathname = i.path ?? '/';
  request.query = query;
  request.headers = headers;
  const authorization = OpenApiUtil.getAuthorization(
    request,
    'ACS3-HMAC-SHA256',
    hashedPayload,
    i.credentials.accessKeyId,
    i.credentials.accessKeySecret,
  );
  return { authorization, hashedPayload, body, headers };
}
