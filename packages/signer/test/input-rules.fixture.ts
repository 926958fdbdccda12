/**
 * Inputs the signers must refuse, as data: `{ name, signers, over, field, rule }`. `over` is
 * spread over a valid input for each signer named in `signers`; the call must throw (or reject
 * with) a `SignerInputError` whose `field` is `field` and whose message matches `rule`. Plain
 * JavaScript callers can pass anything, so the values here ignore the TypeScript types.
 */

/** Which function gets the input: `signV2` (V2), `signV3` (V3) or `presignV2Url`. */
export type Signer = 'V2' | 'V3' | 'presign';

/** One refused input. */
export interface BadInput {
  readonly name: string;
  readonly signers: readonly Signer[];
  readonly over: Readonly<Record<string, unknown>>;
  readonly field: string;
  readonly rule: RegExp;
}

/** Markers that must never appear in an error message. */
export const SECRET = 'top-secret-value';
export const TOKEN = 'sts-token-value';

const ALL: readonly Signer[] = ['V2', 'V3', 'presign'];
const V3: readonly Signer[] = ['V3'];
const id = (accessKeyId: unknown) => ({ credentials: { accessKeyId, accessKeySecret: SECRET } });
const secret = (accessKeySecret: unknown) => ({
  credentials: { accessKeyId: 'ak', accessKeySecret },
});
const token = (securityToken: unknown) => ({
  credentials: { accessKeyId: 'ak', accessKeySecret: SECRET, securityToken },
});

class Bag {
  A = '1';
}

const ID_RULE = /printable ASCII without spaces or commas/;
const SECRET_RULE = /without control characters/;
const TOKEN_RULE = /printable ASCII, no space at either end/;
const WORD = /printable ASCII without spaces/;
const PLAIN = /plain object/;
const HOST = /host\[:port\] as URL writes it/;
const PATH = /path as URL writes it/;
const CLOCK = /epoch ms, 1970 to 9999/;

/** Credentials: every field, both algorithms; the secret and token never show in a message. */
const credentials: BadInput[] = [
  ['CR/LF in the AccessKey ID', id('ak\r\nx-evil: 1'), 'accessKeyId', ID_RULE],
  ['a NUL in the AccessKey ID', id('ak\0'), 'accessKeyId', ID_RULE],
  ['a comma in the AccessKey ID', id('ak,SignedHeaders=host'), 'accessKeyId', ID_RULE],
  ['a space in the AccessKey ID', id('ak x'), 'accessKeyId', ID_RULE],
  ['a non-ASCII AccessKey ID', id('akÉ'), 'accessKeyId', ID_RULE],
  ['a number as AccessKey ID', id(42), 'accessKeyId', /string/],
  ['LF in the secret', secret(`${SECRET}\n`), 'accessKeySecret', SECRET_RULE],
  ['DEL in the secret', secret(`${SECRET}\x7f`), 'accessKeySecret', SECRET_RULE],
  ['a C1 control (NEL) in the secret', secret(`${SECRET}\x85`), 'accessKeySecret', SECRET_RULE],
  ['a tab in the secret', secret(`\t${SECRET}`), 'accessKeySecret', SECRET_RULE],
  ['CR/LF in the token', token(`${TOKEN}\r\nx-evil: 1`), 'securityToken', TOKEN_RULE],
  ['a tab in the token', token(`${TOKEN}\t`), 'securityToken', TOKEN_RULE],
  ['a space at the end of the token', token(`${TOKEN} `), 'securityToken', TOKEN_RULE],
  ['a non-ASCII token', token(`${TOKEN}é`), 'securityToken', TOKEN_RULE],
  ['a null token', token(null), 'securityToken', /string/],
].map(([name, over, f, rule]) => ({
  name: name as string,
  signers: ALL,
  over: over as BadInput['over'],
  field: `credentials.${f as string}`,
  rule: rule as RegExp,
}));

/** Parameter bags: plain objects only; values strings only. */
const bags: BadInput[] = (
  [
    ['an array', ['a', 'b']],
    ['a Map', new Map([['A', '1']])],
    ['a Set', new Set(['A'])],
    ['a class instance', new Bag()],
    ['a Date', new Date(0)],
    ['a string', 'A=1'],
    ['a number', 1],
    ['null', null],
    ['a function', () => 'A=1'],
  ] as const
).flatMap(([label, value]) =>
  (
    [
      ['params', ['V2', 'presign']],
      ['query', V3],
      ['form', V3],
      ['headers', V3],
    ] as const
  ).map(([field, signers]) => ({
    name: `${label} as ${field}`,
    signers,
    over: { [field]: value },
    field,
    rule: PLAIN,
  })),
);

const values: BadInput[] = [
  ...(
    [
      ['a number', 42],
      ['a boolean', true],
      ['null', null],
      ['an object', { toString: () => 'x' }],
      ['an array', ['a']],
    ] as const
  ).flatMap(([label, value]) => [
    {
      name: `${label} as a params value`,
      signers: ['V2', 'presign'] as const,
      over: { params: { ImageIds: value } },
      field: 'params.ImageIds',
      rule: /must be a string or undefined/,
    },
    {
      name: `${label} as a query value`,
      signers: V3,
      over: { query: { ImageIds: value } },
      field: 'query.ImageIds',
      rule: /must be a string/,
    },
    {
      name: `${label} as a form value`,
      signers: V3,
      over: { form: { ImageIds: value } },
      field: 'form.ImageIds',
      rule: /must be a string/,
    },
    {
      name: `${label} as a header value`,
      signers: V3,
      over: { headers: { 'x-acs-a': value } },
      field: 'headers.x-acs-a',
      rule: /string of printable ASCII/,
    },
  ]),
];

/** Every other field of the signing functions. */
const fields: BadInput[] = [
  {
    name: 'CR/LF in the action',
    signers: ALL,
    over: { action: 'A\r\nx: y' },
    field: 'action',
    rule: WORD,
  },
  {
    name: 'a space in the action',
    signers: ALL,
    over: { action: 'Delete Image' },
    field: 'action',
    rule: WORD,
  },
  {
    name: 'a non-ASCII action',
    signers: ALL,
    over: { action: 'Délete' },
    field: 'action',
    rule: WORD,
  },
  { name: 'an empty action', signers: ALL, over: { action: '' }, field: 'action', rule: WORD },
  {
    name: 'LF in the version',
    signers: ALL,
    over: { version: '2017\n' },
    field: 'version',
    rule: WORD,
  },
  {
    name: 'a number as version',
    signers: ALL,
    over: { version: 20170321 },
    field: 'version',
    rule: WORD,
  },
  {
    name: 'LF in the format',
    signers: ['V2'],
    over: { format: 'JSON\n' },
    field: 'format',
    rule: WORD,
  },
  {
    name: 'a method with CR/LF',
    signers: V3,
    over: { method: 'POST\r\n' },
    field: 'method',
    rule: /uppercase/,
  },
  {
    name: 'a number as method',
    signers: ['V2', 'V3'],
    over: { method: 1 },
    field: 'method',
    rule: /method|GET/,
  },
  {
    name: 'CR/LF in the host',
    signers: V3,
    over: { host: 'h\r\nx: y' },
    field: 'host',
    rule: HOST,
  },
  {
    name: 'an uppercase host (URL lowercases it)',
    signers: V3,
    over: { host: 'VOD.example.com' },
    field: 'host',
    rule: HOST,
  },
  {
    name: 'an IPv4 shorthand (URL expands it)',
    signers: V3,
    over: { host: '127.1' },
    field: 'host',
    rule: HOST,
  },
  {
    name: 'an out-of-range IPv4',
    signers: V3,
    over: { host: '256.0.0.1' },
    field: 'host',
    rule: HOST,
  },
  { name: 'port 0', signers: V3, over: { host: 'h:0' }, field: 'host', rule: HOST },
  { name: 'port 65536', signers: V3, over: { host: 'h:65536' }, field: 'host', rule: HOST },
  {
    name: 'a port with a leading zero',
    signers: V3,
    over: { host: 'h:080' },
    field: 'host',
    rule: HOST,
  },
  { name: 'an empty port', signers: V3, over: { host: 'h:' }, field: 'host', rule: HOST },
  { name: 'user info in the host', signers: V3, over: { host: 'u@h' }, field: 'host', rule: HOST },
  { name: 'an empty host', signers: V3, over: { host: '' }, field: 'host', rule: HOST },
  { name: 'a number as host', signers: V3, over: { host: 4010 }, field: 'host', rule: HOST },
  { name: 'a space in the path', signers: V3, over: { path: '/a b' }, field: 'path', rule: PATH },
  {
    name: 'CR/LF in the path',
    signers: V3,
    over: { path: '/a\r\nx: y' },
    field: 'path',
    rule: PATH,
  },
  { name: 'a query in the path', signers: V3, over: { path: '/a?x=1' }, field: 'path', rule: PATH },
  {
    name: 'a fragment in the path',
    signers: V3,
    over: { path: '/a#x' },
    field: 'path',
    rule: PATH,
  },
  {
    name: 'a dot segment in the path',
    signers: V3,
    over: { path: '/a/../b' },
    field: 'path',
    rule: PATH,
  },
  {
    name: 'an encoded dot segment',
    signers: V3,
    over: { path: '/a/%2e%2E/b' },
    field: 'path',
    rule: PATH,
  },
  {
    name: 'a backslash in the path',
    signers: V3,
    over: { path: '/a\\b' },
    field: 'path',
    rule: PATH,
  },
  { name: 'a non-ASCII path', signers: V3, over: { path: '/é' }, field: 'path', rule: PATH },
  { name: 'a relative path', signers: V3, over: { path: 'a' }, field: 'path', rule: PATH },
  { name: 'a number as path', signers: V3, over: { path: 1 }, field: 'path', rule: PATH },
  {
    name: 'CR/LF in a header name',
    signers: V3,
    over: { headers: { 'x-acs-a\r\nx': 'v' } },
    field: 'headers',
    rule: /HTTP tokens/,
  },
  {
    name: 'an empty header name',
    signers: V3,
    over: { headers: { '': 'v' } },
    field: 'headers',
    rule: /HTTP tokens/,
  },
  {
    name: 'a header name that lowercases to ASCII (Kelvin sign)',
    signers: V3,
    over: { headers: { 'x-acs-\u212a': 'v' } },
    field: 'headers',
    rule: /HTTP tokens/,
  },
  {
    name: 'LF in a header value',
    signers: V3,
    over: { headers: { 'x-acs-a': 'v\nx: y' } },
    field: 'headers.x-acs-a',
    rule: /printable ASCII/,
  },
  {
    name: 'an algorithm that only stringifies to a name',
    signers: V3,
    over: { algorithm: { toString: () => 'ACS3-HMAC-SHA256' } },
    field: 'algorithm',
    rule: /ACS3-HMAC-SHA256/,
  },
  {
    name: 'a Uint16Array body',
    signers: V3,
    over: { body: new Uint16Array(2) },
    field: 'body',
    rule: /Uint8Array/,
  },
  {
    name: 'an endpoint with a NUL',
    signers: ['presign'],
    over: { endpoint: 'https://h\0' },
    field: 'endpoint',
    rule: /http\[s\]:\/\/host/,
  },
  {
    name: 'an endpoint with user info',
    signers: ['presign'],
    over: { endpoint: 'https://u:p@h' },
    field: 'endpoint',
    rule: /http\[s\]:\/\/host/,
  },
  {
    name: 'an endpoint with an unbracketed IPv6 address',
    signers: ['presign'],
    over: { endpoint: 'http://::1:4010' },
    field: 'endpoint',
    rule: /http\[s\]:\/\/host/,
  },
  {
    name: 'an endpoint with an uppercase host',
    signers: ['presign'],
    over: { endpoint: 'https://H' },
    field: 'endpoint',
    rule: /http\[s\]:\/\/host/,
  },
];

/** The injected world: clock and nonce. */
const world: BadInput[] = [
  ...(
    [
      ['NaN', NaN],
      ['Infinity', Infinity],
      ['-Infinity', -Infinity],
      ['a numeric string', '1736929800000'],
      ['a bigint', 1736929800000n],
      ['a Date', new Date(0)],
      ['undefined', undefined],
      ['a time after 9999', 253402300800000],
      ['a time before 1970', -1],
    ] as const
  ).map(([label, value]) => ({
    name: `a clock returning ${label}`,
    signers: ALL,
    over: { clock: () => value },
    field: 'clock()',
    rule: CLOCK,
  })),
  {
    name: 'a clock that is not a function',
    signers: ALL,
    over: { clock: 1736929800000 },
    field: 'clock',
    rule: /function/,
  },
  {
    name: 'a clock that throws',
    signers: ALL,
    over: {
      clock: () => {
        throw new Error('no time');
      },
    },
    field: 'clock()',
    rule: /threw/,
  },
  {
    name: 'a nonce that is not a function',
    signers: ALL,
    over: { nonce: 'n' },
    field: 'nonce',
    rule: /function/,
  },
  {
    name: 'a nonce function that throws',
    signers: ALL,
    over: {
      nonce: () => {
        throw new Error('no entropy');
      },
    },
    field: 'nonce()',
    rule: /threw/,
  },
  {
    name: 'a nonce function returning a number',
    signers: ALL,
    over: { nonce: () => 42 },
    field: 'nonce()',
    rule: /printable ASCII/,
  },
  {
    name: 'a nonce function returning CR/LF',
    signers: ALL,
    over: { nonce: () => 'n\r\nx: y' },
    field: 'nonce()',
    rule: /printable ASCII/,
  },
];

/** Every refused input, in one table. */
export const BAD_INPUTS: readonly BadInput[] = [
  ...credentials,
  ...bags,
  ...values,
  ...fields,
  ...world,
];
