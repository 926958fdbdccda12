/**
 * Signer benchmark: signatures per second for one DeleteImage call carrying 20 image IDs, for
 * both algorithms, side by side with the raw node:crypto floor over the same string-to-sign and
 * with the official packages. Run: `pnpm --filter @vodkit/bench bench signer`.
 *
 * Every contender does the same job per call: a fresh nonce and timestamp, then the signature.
 * The official clients have no network-free signing entry, so their transport is stubbed
 * (pop-core's `httpx.request`, tea's `doAction`) and their full request preparation runs.
 */
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import type OpenApiUtilModule from '@alicloud/openapi-util';
import * as web from '@vodkit/signer';
import * as node from '@vodkit/signer/node';
import { count, measure, printTable } from './support/measure.ts';
import type { Measurement } from './support/measure.ts';

const require = createRequire(import.meta.url);
const OpenApiUtil = (require('@alicloud/openapi-util') as typeof OpenApiUtilModule).default;

const credentials = {
  accessKeyId: 'LTAI5tBenchmarkKeyId01',
  accessKeySecret: 'bench-secret-value-0123456789',
};
const HOST = 'vod.cn-shanghai.aliyuncs.com';
const ACTION = 'DeleteImage';
const VERSION = '2017-03-21';
const IDS = Array.from({ length: 20 }, (_, i) =>
  createHash('md5').update(`image-${i}`).digest('hex'),
).join(',');
const PARAMS = { DeleteImageType: 'ImageId', ImageIds: IDS };

// ---- official clients, transport stubbed ----

interface PopCoreClient {
  request(action: string, params: object, opts: object): Promise<unknown>;
}
function popCoreClient(): PopCoreClient {
  const fromPopCore = createRequire(require.resolve('@alicloud/pop-core'));
  const httpx = fromPopCore('httpx') as Record<string, unknown>;
  // pop-core reads httpx.request/read at call time, so replacing them skips only the socket.
  httpx['request'] = () =>
    Promise.resolve({ req: { getHeaders: () => ({}) }, statusCode: 200, headers: {} });
  httpx['read'] = () => Promise.resolve('{"RequestId":"bench"}');
  const RPCClient = fromPopCore('./lib/rpc.js') as new (c: object) => PopCoreClient;
  return new RPCClient({ endpoint: `https://${HOST}`, apiVersion: VERSION, ...credentials });
}

interface OpenApiClient {
  callApi(params: unknown, request: unknown, runtime: unknown): Promise<unknown>;
}
function openApiClient(): { client: OpenApiClient; params: unknown; request: () => unknown } {
  const fromClient = createRequire(require.resolve('@alicloud/openapi-client'));
  const tea = fromClient('@alicloud/tea-typescript') as Record<string, unknown> & {
    BytesReadable: new (s: string) => unknown;
  };
  tea['doAction'] = () =>
    Promise.resolve({
      statusCode: 200,
      headers: {},
      body: new tea.BytesReadable('{"RequestId":"bench"}'),
    });
  const m = fromClient('@alicloud/openapi-client') as {
    default: new (c: unknown) => OpenApiClient;
    Config: new (c: object) => unknown;
    Params: new (c: object) => unknown;
    OpenApiRequest: new (c: object) => unknown;
  };
  const client = new m.default(new m.Config({ ...credentials, endpoint: HOST }));
  const params = new m.Params({
    action: ACTION,
    version: VERSION,
    protocol: 'HTTPS',
    pathname: '/',
    method: 'POST',
    authType: 'AK',
    style: 'RPC',
    reqBodyType: 'formData',
    bodyType: 'json',
  });
  return { client, params, request: () => new m.OpenApiRequest({ query: { ...PARAMS } }) };
}

// ---- shared inputs ----

const timestamp = (): string => `${new Date().toISOString().slice(0, 19)}Z`;
const rpcInput = {
  method: 'POST',
  action: ACTION,
  version: VERSION,
  params: PARAMS,
  credentials,
} as const;
const acs3Input = {
  method: 'POST',
  host: HOST,
  action: ACTION,
  version: VERSION,
  query: PARAMS,
  credentials,
};
const rpcSample = node.signRpc(rpcInput);
const acs3Sample = node.signAcs3(acs3Input);
type TeaRequest = Parameters<typeof OpenApiUtil.getAuthorization>[0];
const TeaRequestCtor = (
  createRequire(require.resolve('@alicloud/openapi-util'))('@alicloud/tea-typescript') as {
    Request: new () => TeaRequest;
  }
).Request;

function row(m: Measurement, floor: Measurement, ours: Measurement): string[] {
  return [
    m.name,
    count(m.opsPerSecond),
    (m.nsPerOp / 1000).toFixed(2),
    `${(m.nsPerOp / floor.nsPerOp).toFixed(2)}x`,
    m === ours ? '-' : `${(m.nsPerOp / ours.nsPerOp).toFixed(2)}x`,
  ];
}

function table(
  title: string,
  floor: Measurement,
  ours: Measurement,
  all: readonly Measurement[],
): void {
  console.log(`\n${title}`);
  printTable(
    ['contender', 'signatures/s', 'µs/sig', 'time vs floor', 'time vs vodkit node'],
    all.map((m) => row(m, floor, ours)),
  );
}

/** Runs the signer benchmark and prints its tables. */
export async function run(): Promise<void> {
  console.log(
    `20-ID DeleteImage; V1 string-to-sign ${rpcSample.stringToSign.length} chars, V3 canonical request ${acs3Sample.canonicalRequest.length} chars; node ${process.version}`,
  );
  const pop = popCoreClient();
  const oac = openApiClient();

  // V1 (HMAC-SHA1)
  const v1Key = `${credentials.accessKeySecret}&`;
  const v1Floor = await measure('node:crypto HMAC-SHA1 floor (same string-to-sign)', () =>
    createHmac('sha1', v1Key).update(rpcSample.stringToSign).digest('base64'),
  );
  const v1Node = await measure('vodkit/node signRpc', () => node.signRpc(rpcInput));
  const v1Canon = await measure('  of which: canonicalize + string-to-sign', () =>
    web.rpcStringToSign('POST', rpcSample.params),
  );
  const v1Web = await measure('vodkit signRpc (WebCrypto)', () => web.signRpc(rpcInput));
  const v1Util = await measure('@alicloud/openapi-util getRPCSignature', () =>
    OpenApiUtil.getRPCSignature(
      {
        ...PARAMS,
        Action: ACTION,
        Version: VERSION,
        Format: 'JSON',
        AccessKeyId: credentials.accessKeyId,
        SignatureMethod: 'HMAC-SHA1',
        SignatureVersion: '1.0',
        SignatureNonce: randomUUID(),
        Timestamp: timestamp(),
      },
      'POST',
      credentials.accessKeySecret,
    ),
  );
  const v1Pop = await measure('@alicloud/pop-core request prep (transport stubbed)', () =>
    pop.request(ACTION, PARAMS, { method: 'POST' }),
  );
  table('V1 HMAC-SHA1, POST form body', v1Floor, v1Node, [
    v1Floor,
    v1Node,
    v1Canon,
    v1Web,
    v1Util,
    v1Pop,
  ]);

  // V3 (ACS3-HMAC-SHA256)
  const v3Floor = await measure('node:crypto HMAC-SHA256 floor (same string-to-sign)', () =>
    createHmac('sha256', credentials.accessKeySecret).update(acs3Sample.stringToSign).digest('hex'),
  );
  const v3Crypto = await measure('node:crypto all V3 digests (body, request, HMAC)', () => {
    createHash('sha256').update('').digest('hex');
    const h = createHash('sha256').update(acs3Sample.canonicalRequest).digest('hex');
    return createHmac('sha256', credentials.accessKeySecret)
      .update(`ACS3-HMAC-SHA256\n${h}`)
      .digest('hex');
  });
  const v3Node = await measure('vodkit/node signAcs3', () => node.signAcs3(acs3Input));
  const v3Web = await measure('vodkit signAcs3 (WebCrypto)', () => web.signAcs3(acs3Input));
  const v3Util = await measure('@alicloud/openapi-util getAuthorization', () => {
    const request = new TeaRequestCtor();
    const payload = OpenApiUtil.hexEncode(OpenApiUtil.hash(Buffer.from(''), 'ACS3-HMAC-SHA256'));
    request.method = 'POST';
    request.pathname = '/';
    request.query = { ...PARAMS };
    request.headers = {
      host: HOST,
      'x-acs-action': ACTION,
      'x-acs-version': VERSION,
      'x-acs-date': timestamp(),
      'x-acs-signature-nonce': randomUUID(),
      'x-acs-content-sha256': payload,
    };
    return OpenApiUtil.getAuthorization(
      request,
      'ACS3-HMAC-SHA256',
      payload,
      credentials.accessKeyId,
      credentials.accessKeySecret,
    );
  });
  const v3Client = await measure('@alicloud/openapi-client callApi (transport stubbed)', () =>
    oac.client.callApi(oac.params, oac.request(), {}),
  );
  table('V3 ACS3-HMAC-SHA256, POST, params in query', v3Floor, v3Node, [
    v3Floor,
    v3Crypto,
    v3Node,
    v3Web,
    v3Util,
    v3Client,
  ]);

  const official1 = Math.min(v1Util.nsPerOp, v1Pop.nsPerOp);
  const official3 = Math.min(v3Util.nsPerOp, v3Client.nsPerOp);
  console.log(
    `\naims: node entry within 2x of the floor, and at least 3x faster than the fastest official path\n` +
      `  V1: ${(v1Node.nsPerOp / v1Floor.nsPerOp).toFixed(2)}x the floor, ${(official1 / v1Node.nsPerOp).toFixed(2)}x faster than the official packages\n` +
      `  V3: ${(v3Node.nsPerOp / v3Floor.nsPerOp).toFixed(2)}x the HMAC floor (${(v3Node.nsPerOp / v3Crypto.nsPerOp).toFixed(2)}x all V3 digests), ${(official3 / v3Node.nsPerOp).toFixed(2)}x faster than the official packages`,
  );
}
