/**
 * Drives the official Alibaba clients against an emulator: `@alicloud/pop-core` (RPCClient,
 * HMAC-SHA1) and `@alicloud/openapi-client` (`callApi`, HMAC-SHA1 via `signatureAlgorithm: 'v2'`
 * or its default ACS3-HMAC-SHA256). Both are CommonJS without types, so they load through require.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Credentials as the official clients take them. */
export interface OfficialCredentials {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly securityToken?: string;
}

interface PopCoreClient {
  request(action: string, params: object, opts: object): Promise<Record<string, unknown>>;
}

/** DeleteImage through pop-core's RPCClient (everything in a form body for POST). */
export async function popCoreDelete(
  url: string,
  params: Readonly<Record<string, string>>,
  credentials: OfficialCredentials,
  method: 'GET' | 'POST' = 'POST',
): Promise<Record<string, unknown>> {
  const RPCClient = require('@alicloud/pop-core') as new (config: object) => PopCoreClient;
  const client = new RPCClient({ endpoint: url, apiVersion: '2017-03-21', ...credentials });
  return client.request('DeleteImage', params, { method, formatParams: false, timeout: 10_000 });
}

interface OpenApiModule {
  default: new (config: unknown) => {
    callApi(p: unknown, r: unknown, rt: unknown): Promise<Record<string, unknown>>;
  };
  Config: new (m: Record<string, unknown>) => unknown;
  Params: new (m: Record<string, unknown>) => unknown;
  OpenApiRequest: new (m: Record<string, unknown>) => unknown;
}

/**
 * DeleteImage through openapi-client's `callApi`, the way the generated VOD SDK calls it: POST,
 * fields in the query, RPC style.
 */
export async function openApiDelete(
  url: string,
  params: Readonly<Record<string, string>>,
  credentials: OfficialCredentials,
  algorithm: 'v2' | 'ACS3-HMAC-SHA256',
): Promise<Record<string, unknown>> {
  const m = require('@alicloud/openapi-client') as OpenApiModule;
  const client = new m.default(
    new m.Config({
      ...credentials,
      endpoint: new URL(url).host,
      protocol: 'HTTP',
      ...(algorithm === 'v2' ? { signatureAlgorithm: 'v2' } : {}),
    }),
  );
  return client.callApi(
    new m.Params({
      action: 'DeleteImage',
      version: '2017-03-21',
      protocol: 'HTTP',
      pathname: '/',
      method: 'POST',
      authType: 'AK',
      style: 'RPC',
      reqBodyType: 'formData',
      bodyType: 'json',
    }),
    new m.OpenApiRequest({ query: { ...params } }),
    {},
  );
}
