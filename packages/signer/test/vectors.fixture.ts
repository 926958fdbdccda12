/**
 * Signing test vectors: `{ name, input, expected }` with a fixed clock, nonce and credentials.
 *
 * Every `expected` value comes from an independent source, never from vodkit: the signatures and
 * authorizations were computed once with the official `@alicloud/openapi-util` (see
 * `scripts/official-vectors.ts`), and `test/interop.test.ts` recomputes them with the official
 * packages on every run, so a stored value cannot drift. `stringToSign` of the first vector is
 * quoted from Alibaba's signature documentation. Form bodies are built by the script with
 * `URLSearchParams` plus the documented `+`→`%20`, `*`→`%2A`, `%7E`→`~` recipe.
 *
 * Plain data with type-only imports, so the same module runs in Node and in the browser test.
 */
import type { V3SignInput, Credentials } from '../src/index.js';
import type { V2SignInput } from '../src/v2-entry.js';

/** The time every vector is signed at, unless it says otherwise. */
export const FIXED_TIME = '2025-01-15T08:30:00Z';
/** The nonce every vector uses, unless it says otherwise. */
export const FIXED_NONCE = '6f2b3a8e-1c4d-4e5f-9a0b-7c8d9e0f1a2b';
/** Plain AccessKey credentials. */
export const AK: Credentials = {
  accessKeyId: 'LTAI5tVodkitTestKey01',
  accessKeySecret: 'vodkit-test-secret/+=',
};
/** STS credentials: `STS.` id plus a token with characters that need encoding. */
export const STS: Credentials = {
  accessKeyId: 'STS.NTestVodkitTemporaryId',
  accessKeySecret: 'sts-secret-ABCdef123',
  securityToken: 'CAIS+token/with=chars&more==',
};

type Fixed = 'clock' | 'nonce' | 'credentials';
/** What varies per vector; the fixed parts come from the constants above unless overridden. */
interface Overrides {
  readonly credentials?: Credentials;
  readonly time?: string;
  readonly nonce?: string;
}

/** A V2 (`HMAC-SHA1`) vector. */
export interface V2Vector {
  readonly name: string;
  readonly kind: 'v2';
  readonly input: Omit<V2SignInput, Fixed> & Overrides;
  readonly expected: { readonly signature: string; readonly stringToSign?: string };
}

/** A V3 (`ACS3-HMAC-SHA256`) vector. */
export interface V3Vector {
  readonly name: string;
  readonly kind: 'v3';
  readonly input: Omit<V3SignInput, Fixed | 'body'> & Overrides & { readonly body?: string };
  readonly expected: {
    readonly authorization: string;
    readonly hashedPayload: string;
    /** The form body, where the vector sends one. */
    readonly body?: string;
  };
}

/** Any vector. */
export type Vector = V2Vector | V3Vector;

const DI = { action: 'DeleteImage', version: '2017-03-21' } as const;
const HOST = 'vod.cn-shanghai.aliyuncs.com';
const hex32 = (i: number): string => (0x1a2b3c4d + i * 7919).toString(16).padEnd(32, `${i % 10}`);
/** Twenty 32-character image IDs, comma-joined: the DeleteImage maximum. */
export const TWENTY_IDS: string = Array.from({ length: 20 }, (_, i) => hex32(i)).join(',');
const TWENTY_URLS = Array.from(
  { length: 20 },
  (_, i) =>
    `https://outin-test.oss-cn-shanghai.aliyuncs.com/image/cover/${hex32(i)}-${i}.jpg?x-oss-process=image/resize,w_100`,
).join(',');
const SPECIALS: readonly (readonly [string, string])[] = [
  ['asterisk', 'a*b'],
  ['tilde', 'a~b'],
  ['space', 'a b'],
  ['plus', 'a+b'],
  ['percent', '100%25 a%b'],
  ['slash', 'a/b'],
  ['comma', 'a,b'],
  ['quote-parens-bang', "it's (really) done!"],
  ['cjk', '图片删除测试'],
  ['emoji', 'cover 🎬🖼️ done'],
  ['reserved', ':?#[]@&=$;'],
];

/** A vector before its expected value is attached (what the generator script reads). */
export type VectorInput =
  Pick<V2Vector, 'name' | 'kind' | 'input'> | Pick<V3Vector, 'name' | 'kind' | 'input'>;

const v2 = (name: string, input: V2Vector['input']): VectorInput => ({
  name,
  kind: 'v2',
  input,
});
const v3 = (name: string, input: V3Vector['input']): VectorInput => ({
  name,
  kind: 'v3',
  input,
});

/** The vector inputs, in order. */
export const VECTOR_INPUTS: readonly VectorInput[] = [
  v2('V2: documented example (ECS DescribeRegions, testid/testsecret)', {
    method: 'GET',
    action: 'DescribeRegions',
    version: '2014-05-26',
    format: 'XML',
    credentials: { accessKeyId: 'testid', accessKeySecret: 'testsecret' },
    time: '2016-02-23T12:46:24Z',
    nonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
  }),
  ...(['GET', 'POST'] as const).flatMap((method) => [
    v2(`V2 ${method}: one image ID`, {
      method,
      ...DI,
      params: { DeleteImageType: 'ImageId', ImageIds: hex32(0) },
    }),
    v2(`V2 ${method}: twenty image IDs`, {
      method,
      ...DI,
      params: { DeleteImageType: 'ImageId', ImageIds: TWENTY_IDS },
    }),
    v2(`V2 ${method}: twenty image URLs`, {
      method,
      ...DI,
      params: { DeleteImageType: 'ImageURL', ImageURLs: TWENTY_URLS },
    }),
    v2(`V2 ${method}: video snapshots, STS`, {
      method,
      ...DI,
      params: {
        DeleteImageType: 'VideoId',
        VideoId: 'f1e2d3c4b5a6',
        ImageType: 'CoverSnapshot,NormalSnapshot',
      },
      credentials: STS,
    }),
  ]),
  ...SPECIALS.map(([label, value]) =>
    v2(`V2 POST: ${label} in value and name`, {
      method: 'POST',
      ...DI,
      params: { DeleteImageType: 'VideoId', VideoId: value, [`X${value}`]: value },
    }),
  ),
  v2('V2 GET: JSON format by default, empty value', {
    method: 'GET',
    ...DI,
    params: { DeleteImageType: 'ImageId', ImageIds: '' },
  }),
  ...(['GET', 'POST'] as const).map((method) =>
    v3(`V3 ${method}: one image ID in the query`, {
      method,
      host: HOST,
      ...DI,
      query: { DeleteImageType: 'ImageId', ImageIds: hex32(0) },
    }),
  ),
  v3('V3 POST: twenty image IDs in the query (SDK layout)', {
    method: 'POST',
    host: HOST,
    ...DI,
    query: { DeleteImageType: 'ImageId', ImageIds: TWENTY_IDS },
  }),
  v3('V3 POST: twenty image URLs in a form body', {
    method: 'POST',
    host: HOST,
    ...DI,
    form: { DeleteImageType: 'ImageURL', ImageURLs: TWENTY_URLS },
  }),
  v3('V3 POST: STS, video snapshots in a form body', {
    method: 'POST',
    host: HOST,
    ...DI,
    form: { DeleteImageType: 'VideoId', VideoId: 'f1e2d3c4b5a6', ImageType: 'All' },
    credentials: STS,
  }),
  v3('V3 GET: STS, query, retry headers, unsigned user-agent', {
    method: 'GET',
    host: HOST,
    ...DI,
    query: { DeleteImageType: 'ImageId', ImageIds: 'abc,def' },
    headers: {
      'x-acs-retry-attempts': '2',
      'X-Acs-Retry-Delay': ' 150 ',
      'user-agent': 'vodkit-test',
    },
    credentials: STS,
  }),
  v3('V3 POST: raw JSON body with its content-type', {
    method: 'POST',
    host: HOST,
    ...DI,
    body: '{"DeleteImageType":"ImageId","ImageIds":"图片"}',
    headers: { 'content-type': 'application/json; charset=utf-8' },
  }),
  ...SPECIALS.flatMap(([label, value]) => [
    v3(`V3 POST: ${label} in a query value`, {
      method: 'POST',
      host: HOST,
      ...DI,
      query: { DeleteImageType: 'VideoId', VideoId: value },
    }),
    v3(`V3 POST: ${label} in a form value`, {
      method: 'POST',
      host: HOST,
      ...DI,
      form: { DeleteImageType: 'VideoId', VideoId: value },
    }),
  ]),
];

// Written by `pnpm exec tsx scripts/official-vectors.ts` from @alicloud/openapi-util; checked
// against the official packages again by test/interop.test.ts.
const EXPECTED: Readonly<Record<string, V2Vector['expected'] | V3Vector['expected']>> = {
  'V2: documented example (ECS DescribeRegions, testid/testsecret)': {
    signature: 'OLeaidS1JvxuMvnyHOwuJ+uX5qY=',
  },
  'V2 GET: one image ID': {
    signature: 'xTp3f6C46dWZbBYpQx4MJBmZcZE=',
  },
  'V2 GET: twenty image IDs': {
    signature: 'tqqQ2Aip+81EORHEKlGsv11Ugr4=',
  },
  'V2 GET: twenty image URLs': {
    signature: 'R6idCJd2mPRLSM+8ni2Z+z/gqd0=',
  },
  'V2 GET: video snapshots, STS': {
    signature: 'QCtRAA/lAWzBkx2ylqnxNTEvBrA=',
  },
  'V2 POST: one image ID': {
    signature: 'cS0a17UQ53E7+5jMrX0qt2jivjU=',
  },
  'V2 POST: twenty image IDs': {
    signature: '3bxCDP8gjxWWsjQJ31rIe2OqeoE=',
  },
  'V2 POST: twenty image URLs': {
    signature: 'F1uI+Y5SfYZY9jWlBXZDUgK3FNM=',
  },
  'V2 POST: video snapshots, STS': {
    signature: 'oa8SoBymcgCsOcx5H2A/qiRf8g4=',
  },
  'V2 POST: asterisk in value and name': {
    signature: 'X9civwVBlqsacn29EsOD3WgGtuw=',
  },
  'V2 POST: tilde in value and name': {
    signature: 'Iix2gPTZtvhUDEZi3jSKyaNrE8s=',
  },
  'V2 POST: space in value and name': {
    signature: 'p2/7plPtyTIJOxw8+rpNJR6AbZg=',
  },
  'V2 POST: plus in value and name': {
    signature: '3QJfAwEsYQYdwTTfdzCKRA8+Fgw=',
  },
  'V2 POST: percent in value and name': {
    signature: 'wcX36XfF9H1W/Jai6bumoY/S4EI=',
  },
  'V2 POST: slash in value and name': {
    signature: 'XC0ugPqd/dA+XPjd0IpbaGvnMjA=',
  },
  'V2 POST: comma in value and name': {
    signature: 'Hrb2UlgBu1I14NOrzTF9NMKl88o=',
  },
  'V2 POST: quote-parens-bang in value and name': {
    signature: '0il6JksCM9xUMi1UCwL4Xlwdu8g=',
  },
  'V2 POST: cjk in value and name': {
    signature: '+pORY19RmqzIGqIQKWp79KedqLs=',
  },
  'V2 POST: emoji in value and name': {
    signature: 'gSyxsZWgjaGTqammmBZ+0sMXBxE=',
  },
  'V2 POST: reserved in value and name': {
    signature: '/oM56FV7DMyJEVTZzbRs2ab6X4s=',
  },
  'V2 GET: JSON format by default, empty value': {
    signature: 'IxISbee5Lzx2YypCxsuBIC/qt5c=',
  },
  'V3 GET: one image ID in the query': {
    authorization:
      'ACS3-HMAC-SHA256 Credential=LTAI5tVodkitTestKey01,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=a206b637deba1f78906210993bc53ae39f404dd6483c5a7505f2413f6723951c',
    hashedPayload: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  },
  'V3 POST: one image ID in the query': {
    authorization:
      'ACS3-HMAC-SHA256 Credential=LTAI5tVodkitTestKey01,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=b2b852ccebe58563857bcda4cd7be400956dadc10e6aaaadd40b092122f9259d',
    hashedPayload: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  },
  'V3 POST: twenty image IDs in the query (SDK layout)': {
    authorization:
      'ACS3-HMAC-SHA256 Credential=LTAI5tVodkitTestKey01,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=727b87132081088af4a15446d2c32795f5e036f853bdffbe7c3393fa210fdafa',
    hashedPayload: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  },
  'V3 POST: twenty image URLs in a form body': {
    authorization:
      'ACS3-HMAC-SHA256 Credential=LTAI5tVodkitTestKey01,SignedHeaders=content-type;host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=019d539a740b864f51f6af8dbc3e15cba2cbbc0a21ff6965eabb64eb13e03137',
    hashedPayload: '07d4d19858ce20c1e06a512857cd3b1c86f0eb18ea488c101636fb7e271ad8ed',
    body: 'DeleteImageType=ImageURL&ImageURLs=https%3A%2F%2Foutin-test.oss-cn-shanghai.aliyuncs.com%2Fimage%2Fcover%2F1a2b3c4d000000000000000000000000-0.jpg%3Fx-oss-process%3Dimage%2Fresize%2Cw_100%2Chttps%3A%2F%2Foutin-test.oss-cn-shanghai.aliyuncs.com%2Fimage%2Fcover%2F1a2b5b3c111111111111111111111111-1.jpg%3Fx-oss-process%3Dimage%2Fresize%2Cw_100%2Chttps%3A%2F%2Foutin-test.oss-cn-shanghai.aliyuncs.com%2Fimage%2Fcover%2F1a2b7a2b222222222222222222222222-2.jpg%3Fx-oss-process%3Dimage%2Fresize%2Cw_100%2Chttps%3A%2F%2Foutin-test.oss-cn-shanghai.aliyuncs.com%2Fimage%2Fcover%2F1a2b991a333333333333333333333333-3.jpg%3Fx-oss-process%3Dimage%2Fresize%2Cw_100%2Chttps%3A%2F%2Foutin-test.oss-cn-shanghai.aliyuncs.com%2Fimage%2Fcover%2F1a2bb809444444444444444444444444-4.jpg%3Fx-oss-process%3Dimage%2Fresize%2Cw_100%2Chttps%3A%2F%2Foutin-test.oss-cn-shanghai.aliyuncs.com%2Fimage%2Fcover%2F1a2bd6f8555555555555555555555555-5.jpg%3Fx-oss-process%3Dimage%2Fresize%2Cw_100%2Chttps%3A%2F%2Foutin-test.oss-cn-shanghai.aliyuncs.com%2Fimage%2Fcover%2F1a2bf5e7666666666666666666666666-6.jpg%3Fx-oss-process%3Dimage%2Fresize%2Cw_100%2Chttps%3A%2F%2Foutin-test.oss-cn-shanghai.aliyuncs.com%2Fimage%2Fcover%2F1a2c14d6777777777777777777777777-7.jpg%3Fx-oss-process%3Dimage%2Fresize%2Cw_100%2Chttps%3A%2F%2Foutin-test.oss-cn-shanghai.aliyuncs.com%2Fimage%2Fcover%2F1a2c33c5888888888888888888888888-8.jpg%3Fx-oss-process%3Dimage%2Fresize%2Cw_100%2Chttps%3A%2F%2Foutin-test.oss-cn-shanghai.aliyuncs.com%2Fimage%2Fcover%2F1a2c52b4999999999999999999999999-9.jpg%3Fx-oss-process%3Dimage%2Fresize%2Cw_100%2Chttps%3A%2F%2Foutin-test.oss-cn-shanghai.aliyuncs.com%2Fimage%2Fcover%2F1a2c71a3000000000000000000000000-10.jpg%3Fx-oss-process%3Dimage%2Fresize%2Cw_100%2Chttps%3A%2F%2Foutin-test.oss-cn-shanghai.aliyuncs.com%2Fimage%2Fcover%2F1a2c9092111111111111111111111111-11.jpg%3Fx-oss-process%3Dimage%2Fresize%2Cw_100%2Chttps%3A%2F%2Foutin-test.oss-cn-shanghai.aliyuncs.com%2Fimage%2Fcover%2F1a2caf81222222222222222222222222-12.jpg%3Fx-oss-process%3Dimage%2Fresize%2Cw_100%2Chttps%3A%2F%2Foutin-test.oss-cn-shanghai.aliyuncs.com%2Fimage%2Fcover%2F1a2cce70333333333333333333333333-13.jpg%3Fx-oss-process%3Dimage%2Fresize%2Cw_100%2Chttps%3A%2F%2Foutin-test.oss-cn-shanghai.aliyuncs.com%2Fimage%2Fcover%2F1a2ced5f444444444444444444444444-14.jpg%3Fx-oss-process%3Dimage%2Fresize%2Cw_100%2Chttps%3A%2F%2Foutin-test.oss-cn-shanghai.aliyuncs.com%2Fimage%2Fcover%2F1a2d0c4e555555555555555555555555-15.jpg%3Fx-oss-process%3Dimage%2Fresize%2Cw_100%2Chttps%3A%2F%2Foutin-test.oss-cn-shanghai.aliyuncs.com%2Fimage%2Fcover%2F1a2d2b3d666666666666666666666666-16.jpg%3Fx-oss-process%3Dimage%2Fresize%2Cw_100%2Chttps%3A%2F%2Foutin-test.oss-cn-shanghai.aliyuncs.com%2Fimage%2Fcover%2F1a2d4a2c777777777777777777777777-17.jpg%3Fx-oss-process%3Dimage%2Fresize%2Cw_100%2Chttps%3A%2F%2Foutin-test.oss-cn-shanghai.aliyuncs.com%2Fimage%2Fcover%2F1a2d691b888888888888888888888888-18.jpg%3Fx-oss-process%3Dimage%2Fresize%2Cw_100%2Chttps%3A%2F%2Foutin-test.oss-cn-shanghai.aliyuncs.com%2Fimage%2Fcover%2F1a2d880a999999999999999999999999-19.jpg%3Fx-oss-process%3Dimage%2Fresize%2Cw_100',
  },
  'V3 POST: STS, video snapshots in a form body': {
    authorization:
      'ACS3-HMAC-SHA256 Credential=STS.NTestVodkitTemporaryId,SignedHeaders=content-type;host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-security-token;x-acs-signature-nonce;x-acs-version,Signature=8d6b7e8d8364b2bc846db9f692f031e5270fd745a993ae3ccc418b5ba3ae9e92',
    hashedPayload: '3a37f2e337f80450ee5871f6fac35a5b1fb51faee759524fdd9b41b4c87f7e6a',
    body: 'DeleteImageType=VideoId&ImageType=All&VideoId=f1e2d3c4b5a6',
  },
  'V3 GET: STS, query, retry headers, unsigned user-agent': {
    authorization:
      'ACS3-HMAC-SHA256 Credential=STS.NTestVodkitTemporaryId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-retry-attempts;x-acs-retry-delay;x-acs-security-token;x-acs-signature-nonce;x-acs-version,Signature=c24885149f9b23b08dab1e198e130ce7dde3d181a84d5f729f8eb0093a921ca7',
    hashedPayload: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  },
  'V3 POST: raw JSON body with its content-type': {
    authorization:
      'ACS3-HMAC-SHA256 Credential=LTAI5tVodkitTestKey01,SignedHeaders=content-type;host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=938ebca5dab14a1841255f43e3f4f9b2ee5f3a133846929346da5febdb4a6dc7',
    hashedPayload: 'd95ef474eb076b9417464aa4619a1b1108f1afdad03f9037884a0b65d175ca66',
  },
  'V3 POST: asterisk in a query value': {
    authorization:
      'ACS3-HMAC-SHA256 Credential=LTAI5tVodkitTestKey01,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=755705250c52c05683f411340265d298a84c60bffa41f7bcd2ace3b38d4b7dbf',
    hashedPayload: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  },
  'V3 POST: asterisk in a form value': {
    authorization:
      'ACS3-HMAC-SHA256 Credential=LTAI5tVodkitTestKey01,SignedHeaders=content-type;host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=4fccffe18cfbea7de13e88d3e3cd371b7c293aca2d0b80de28ac2d4c9fd6668a',
    hashedPayload: 'ca6dd2a0982d77deca5787994a0c5c5cef9d4232ae839c71e0926ee7c12c2f5e',
    body: 'DeleteImageType=VideoId&VideoId=a%2Ab',
  },
  'V3 POST: tilde in a query value': {
    authorization:
      'ACS3-HMAC-SHA256 Credential=LTAI5tVodkitTestKey01,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=7224bd111b50e2baf5eb4577014cbdcee2e7dafae0f77e1ff9ac5ed7c16ad88f',
    hashedPayload: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  },
  'V3 POST: tilde in a form value': {
    authorization:
      'ACS3-HMAC-SHA256 Credential=LTAI5tVodkitTestKey01,SignedHeaders=content-type;host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=f960795e5b42a431b0b5513560d12c141f43eff4f298d0b390ecf94c29da9586',
    hashedPayload: 'ee6f93a62594ce90727baf122ccfb9ce9b62104240702477044b6b9f3c7519bd',
    body: 'DeleteImageType=VideoId&VideoId=a~b',
  },
  'V3 POST: space in a query value': {
    authorization:
      'ACS3-HMAC-SHA256 Credential=LTAI5tVodkitTestKey01,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=bb2b4bbb25d93644abe09e0e6b23d1ce4780406749d6a6ce29e2263edddf422b',
    hashedPayload: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  },
  'V3 POST: space in a form value': {
    authorization:
      'ACS3-HMAC-SHA256 Credential=LTAI5tVodkitTestKey01,SignedHeaders=content-type;host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=ec80420dfb6487fc122b338f3d031f49208ffd7c0504e5a56c539b8e71a1bbf1',
    hashedPayload: '4d60e3e8d5512766e58acb7855583f54190b3cc97c1b9f3803ff48492c9b92c0',
    body: 'DeleteImageType=VideoId&VideoId=a%20b',
  },
  'V3 POST: plus in a query value': {
    authorization:
      'ACS3-HMAC-SHA256 Credential=LTAI5tVodkitTestKey01,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=fe3d88f87e5dd34342cd67ea2c29c4c8e9d73c5c69a326ea9768bc9787096af4',
    hashedPayload: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  },
  'V3 POST: plus in a form value': {
    authorization:
      'ACS3-HMAC-SHA256 Credential=LTAI5tVodkitTestKey01,SignedHeaders=content-type;host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=861fc0d5f1c43f3931d62abff773dd7e42670e2e261a7bd796063011f5dfe57e',
    hashedPayload: '190be4f70cf40fb371452af5a9d6edf96f84434c1d128ec2ecf0373941215d3f',
    body: 'DeleteImageType=VideoId&VideoId=a%2Bb',
  },
  'V3 POST: percent in a query value': {
    authorization:
      'ACS3-HMAC-SHA256 Credential=LTAI5tVodkitTestKey01,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=4e6ea512bbde7522a013dda09147be3366e8690d8236657b4ce3d06e188ea26b',
    hashedPayload: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  },
  'V3 POST: percent in a form value': {
    authorization:
      'ACS3-HMAC-SHA256 Credential=LTAI5tVodkitTestKey01,SignedHeaders=content-type;host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=19b0c2c27fd5d130ea1758d9e80b9cc5a573b06c1ff372cb68a75c11878abd3b',
    hashedPayload: '5b73dfa906f084bcbcb6a6f1928c4ea1c0874a9e84e8dda52044b4d3a0a9e6bb',
    body: 'DeleteImageType=VideoId&VideoId=100%2525%20a%25b',
  },
  'V3 POST: slash in a query value': {
    authorization:
      'ACS3-HMAC-SHA256 Credential=LTAI5tVodkitTestKey01,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=5f74d607c1998589460aa98b42a351d3145a7c92b03c1eb330c2732625f20851',
    hashedPayload: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  },
  'V3 POST: slash in a form value': {
    authorization:
      'ACS3-HMAC-SHA256 Credential=LTAI5tVodkitTestKey01,SignedHeaders=content-type;host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=c82c24aeb69d8b2aa84eb0f1da36c3ea8cb27f1611f8bb3615794947691f07a9',
    hashedPayload: '2dd1cd02f3d89a41c17b4ee1fca0bf5d2ef4af1925590153ab33c533954d2915',
    body: 'DeleteImageType=VideoId&VideoId=a%2Fb',
  },
  'V3 POST: comma in a query value': {
    authorization:
      'ACS3-HMAC-SHA256 Credential=LTAI5tVodkitTestKey01,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=035dd6ef6faaffb8149947394fe13cb94d091f2c5dcd263c051ad76fa1110a47',
    hashedPayload: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  },
  'V3 POST: comma in a form value': {
    authorization:
      'ACS3-HMAC-SHA256 Credential=LTAI5tVodkitTestKey01,SignedHeaders=content-type;host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=37eb69ff77a2e6f9dd4cd48f8ae9db25575560b989d0e3ae1a28fe3168edcfee',
    hashedPayload: '288ffaaad418924ec0588f146fa786591695d168f55f4a3b4801477667dfdff5',
    body: 'DeleteImageType=VideoId&VideoId=a%2Cb',
  },
  'V3 POST: quote-parens-bang in a query value': {
    authorization:
      'ACS3-HMAC-SHA256 Credential=LTAI5tVodkitTestKey01,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=187b31cc021eadf408031b9839410dab24f7f85699f0ea8b5e5bc39e8a666e34',
    hashedPayload: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  },
  'V3 POST: quote-parens-bang in a form value': {
    authorization:
      'ACS3-HMAC-SHA256 Credential=LTAI5tVodkitTestKey01,SignedHeaders=content-type;host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=b00f3fb40f273b58de55fb6526f65b7c56f30627760a2ba4ea18bfc6af650f65',
    hashedPayload: '33c3f0c5a79080ff24a2ce366bc32b927eae58a9b7fd455066c6955fb026c93b',
    body: 'DeleteImageType=VideoId&VideoId=it%27s%20%28really%29%20done%21',
  },
  'V3 POST: cjk in a query value': {
    authorization:
      'ACS3-HMAC-SHA256 Credential=LTAI5tVodkitTestKey01,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=a9a9eb68b9e5e9c870c7e6e6a021e17b661ffa2def013b89b95e0b09e34395da',
    hashedPayload: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  },
  'V3 POST: cjk in a form value': {
    authorization:
      'ACS3-HMAC-SHA256 Credential=LTAI5tVodkitTestKey01,SignedHeaders=content-type;host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=a24ad3a0236d8fda568ecbf7b62291c3240727138081e7bd9ae5a5a645ad1054',
    hashedPayload: '340732798aa0a83167642f375e1dc4084124d5f3c1988ec900b0a1bf749118f7',
    body: 'DeleteImageType=VideoId&VideoId=%E5%9B%BE%E7%89%87%E5%88%A0%E9%99%A4%E6%B5%8B%E8%AF%95',
  },
  'V3 POST: emoji in a query value': {
    authorization:
      'ACS3-HMAC-SHA256 Credential=LTAI5tVodkitTestKey01,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=b14d62e166386d3edfcee8e5ee3061d8320016ddbfb2d49136b226dc3e758943',
    hashedPayload: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  },
  'V3 POST: emoji in a form value': {
    authorization:
      'ACS3-HMAC-SHA256 Credential=LTAI5tVodkitTestKey01,SignedHeaders=content-type;host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=914478d651a23f0d8650e0829c5265ae8991c5509b098283d9137c01c4381718',
    hashedPayload: 'de714c484341381b13fbd67978aac27181e1fa82cb795d3f6a7d954a0b10018c',
    body: 'DeleteImageType=VideoId&VideoId=cover%20%F0%9F%8E%AC%F0%9F%96%BC%EF%B8%8F%20done',
  },
  'V3 POST: reserved in a query value': {
    authorization:
      'ACS3-HMAC-SHA256 Credential=LTAI5tVodkitTestKey01,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=8e4fcff0d0c51070ded411bdc3bae18ea4323574e894aeed32f110b3e4a11f96',
    hashedPayload: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  },
  'V3 POST: reserved in a form value': {
    authorization:
      'ACS3-HMAC-SHA256 Credential=LTAI5tVodkitTestKey01,SignedHeaders=content-type;host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=e83f80d3dacd2c320fc46e79ae5e247352631f286c79e9060a00c94a7e751347',
    hashedPayload: '26cf3072a66df2527fa11a004e07740331f4d4ff1ac3fd777305f40ce71a97ad',
    body: 'DeleteImageType=VideoId&VideoId=%3A%3F%23%5B%5D%40%26%3D%24%3B',
  },
};

// A vector without a stored value fails its test (instead of breaking the import, which the
// generator script needs to work).
const MISSING = 'MISSING: run scripts/official-vectors.ts and store the value';

/** The vectors, each with its stored expected value. */
export const VECTORS: readonly Vector[] = VECTOR_INPUTS.map((v): Vector => {
  const e = EXPECTED[v.name];
  return v.kind === 'v2'
    ? { ...v, expected: e !== undefined && 'signature' in e ? e : { signature: MISSING } }
    : {
        ...v,
        expected:
          e !== undefined && 'authorization' in e
            ? e
            : { authorization: MISSING, hashedPayload: MISSING },
      };
});
