/**
 * Drives the official clients (`@alicloud/pop-core`, `@alicloud/openapi-client`) against a
 * capture server with a fixed timestamp and nonce, so their real request path can be compared.
 * Both let request-level values override their generated `Timestamp`/`SignatureNonce` (pop-core
 * merges user params last; openapi-client merges request headers/queries last).
 */
import { createRequire } from 'node:module';
import type { Credentials } from '../src/index.js';

const require = createRequire(import.meta.url);

interface PopCoreClient {
  request(
    action: string,
    params: Record<string, string>,
    opts: Record<string, unknown>,
  ): Promise<unknown>;
}
type PopCoreCtor = new (config: Record<string, unknown>) => PopCoreClient;

/** Sends a V2 request through pop-core's `RPCClient.request`. */
export async function popCoreRequest(
  host: string,
  method: 'GET' | 'POST',
  action: string,
  version: string,
  params: Readonly<Record<string, string>>,
  credentials: Credentials,
  timestamp: string,
  nonce: string,
): Promise<void> {
  const RPCClient = require('@alicloud/pop-core') as PopCoreCtor;
  const client = new RPCClient({
    endpoint: `http://${host}`,
    apiVersion: version,
    accessKeyId: credentials.accessKeyId,
    accessKeySecret: credentials.accessKeySecret,
    ...(credentials.securityToken === undefined
      ? {}
      : { securityToken: credentials.securityToken }),
  });
  // formatAction/formatParams would upper-case the first letter of the action and of parameter
  // names; keep them as given.
  await client.request(
    action,
    { ...params, Timestamp: timestamp, SignatureNonce: nonce },
    { method, formatParams: false, formatAction: false, timeout: 5000 },
  );
}

interface OpenApiModule {
  default: new (config: unknown) => {
    callApi(p: unknown, r: unknown, rt: unknown): Promise<unknown>;
  };
  Config: new (m: Record<string, unknown>) => unknown;
  Params: new (m: Record<string, unknown>) => unknown;
  OpenApiRequest: new (m: Record<string, unknown>) => unknown;
}

/** Sends a request through openapi-client's `callApi`, with V3 (default) or V2 (`'v2'`). */
export async function openApiClientRequest(
  host: string,
  algorithm: 'ACS3-HMAC-SHA256' | 'v2',
  method: 'GET' | 'POST',
  action: string,
  version: string,
  query: Readonly<Record<string, string>>,
  form: Readonly<Record<string, string>> | undefined,
  credentials: Credentials,
  timestamp: string,
  nonce: string,
): Promise<void> {
  const m = require('@alicloud/openapi-client') as OpenApiModule;
  const client = new m.default(
    new m.Config({
      accessKeyId: credentials.accessKeyId,
      accessKeySecret: credentials.accessKeySecret,
      securityToken: credentials.securityToken,
      endpoint: host,
      protocol: 'HTTP',
      signatureAlgorithm: algorithm,
    }),
  );
  const fixed =
    algorithm === 'v2'
      ? { query: { ...query, Timestamp: timestamp, SignatureNonce: nonce } }
      : { query, headers: { 'x-acs-date': timestamp, 'x-acs-signature-nonce': nonce } };
  await client.callApi(
    new m.Params({
      action,
      version,
      protocol: 'HTTP',
      pathname: '/',
      method,
      authType: 'AK',
      style: 'RPC',
      reqBodyType: 'formData',
      bodyType: 'json',
    }),
    new m.OpenApiRequest({ ...fixed, ...(form === undefined ? {} : { body: form }) }),
    {}, // runtime options: no retries, defaults for everything
  );
}
