/**
 * Runs one vector against a signer API and lists every difference from the expected values.
 * Shared by the Node loop test and the browser test, so both check exactly the same things.
 */
import type { V3SignInput, V3SignResult, Awaitable } from '../src/index.js';
import type { V2SignInput, V2SignResult } from '../src/v2-entry.js';
import type { ReceivedRequest, VerifyOptions, VerifyResult } from '../src/verify-entry.js';
import { AK, FIXED_NONCE, FIXED_TIME } from './vectors.fixture.js';
import type { Vector } from './vectors.fixture.js';

/** The signer functions a vector needs; sync (node entry) or async (the WebCrypto entries). */
export interface SignerApi {
  signV2(input: V2SignInput): Awaitable<V2SignResult>;
  signV3(input: V3SignInput): Awaitable<V3SignResult>;
  verifyRequest(request: ReceivedRequest, options: VerifyOptions): Awaitable<VerifyResult>;
}

const HOST = 'vod.cn-shanghai.aliyuncs.com';

/** Checks one vector: the signature, the intermediate strings, and that verification accepts it. */
export async function checkVector(api: SignerApi, v: Vector): Promise<string[]> {
  const { time, nonce, credentials, ...rest } = v.input;
  const creds = credentials ?? AK;
  const at = Date.parse(time ?? FIXED_TIME);
  const ctx = { credentials: creds, clock: () => at, nonce: () => nonce ?? FIXED_NONCE };
  const verifyOptions: VerifyOptions = {
    lookup: (id) =>
      id === creds.accessKeyId
        ? { secret: creds.accessKeySecret, securityToken: creds.securityToken }
        : undefined,
    clock: () => at + 60_000,
  };
  const diffs: string[] = [];
  const same = (what: string, got: unknown, want: unknown): void => {
    if (got !== want)
      diffs.push(`${what}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
  };

  if (v.kind === 'v2') {
    const r = await api.signV2({ ...(rest as Omit<V2SignInput, 'credentials'>), ...ctx });
    same('signature', r.signature, v.expected.signature);
    if (v.expected.stringToSign !== undefined)
      same('stringToSign', r.stringToSign, v.expected.stringToSign);
    same(
      'stringToSign prefix',
      r.stringToSign.startsWith(`${(rest as V2SignInput).method}&%2F&`),
      true,
    );
    const request: ReceivedRequest =
      (rest as V2SignInput).method === 'GET'
        ? { method: 'GET', path: '/', query: r.encoded, headers: { host: HOST }, body: '' }
        : {
            method: 'POST',
            path: '/',
            query: '',
            headers: { host: HOST, 'content-type': 'application/x-www-form-urlencoded' },
            body: r.encoded,
          };
    const ok = await api.verifyRequest(request, verifyOptions);
    same('verify', ok.ok ? 'ok' : `${ok.code}: ${ok.message}`, 'ok');
  } else {
    const r = await api.signV3({ ...(rest as Omit<V3SignInput, 'credentials'>), ...ctx });
    same('authorization', r.headers['authorization'], v.expected.authorization);
    same('hashedPayload', r.hashedPayload, v.expected.hashedPayload);
    if (v.expected.body !== undefined) same('body', r.body, v.expected.body);
    same('x-acs-content-sha256', r.headers['x-acs-content-sha256'], v.expected.hashedPayload);
    same('stringToSign prefix', r.stringToSign.startsWith('ACS3-HMAC-SHA256\n'), true);
    const headers: Record<string, string> = { host: (rest as V3SignInput).host, ...r.headers };
    const ok = await api.verifyRequest(
      {
        method: (rest as V3SignInput).method,
        path: '/',
        query: r.query,
        headers,
        body: r.body,
      },
      verifyOptions,
    );
    same('verify', ok.ok ? 'ok' : `${ok.code}: ${ok.message}`, 'ok');
  }
  return diffs;
}
