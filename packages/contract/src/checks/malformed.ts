/**
 * Malformed values the suite's own signer never sends: timestamps in other formats, signature
 * methods and versions that do not match the algorithm, V3 algorithm names no one implements,
 * signatures with a part missing, and API names (action, version, path) the service does not
 * have. Each is signed consistently by {@link forge}, so only the one rule is broken.
 */
import { formatTimestamp } from '@vodkit/signer';
import type { Check, CheckContext } from '../check.js';
import { expectError } from '../expect.js';
import { byIds } from '../params.js';
import type { WireRequest } from '../wire.js';
import { forge } from './forge.js';
import type { Forgery } from './forge.js';
import { SIGNINGS, cellLabel } from './matrix.js';
import type { Signing } from './matrix.js';

const MISSING = ['NoSuchResource'];

/** One malformed request: what it breaks, how, and the codes the reference gives for it. */
interface Malformed {
  readonly label: string;
  readonly algorithm: 'V2' | 'V3';
  readonly forgery?: Forgery;
  readonly tamper?: (r: WireRequest) => WireRequest;
  readonly codes: readonly string[];
}

/** Sends each malformed request as a case, in shapes taken in turn; first the unchanged forgery. */
async function sendAll(ctx: CheckContext, cases: readonly Malformed[]): Promise<void> {
  // The suite's forger unchanged is a well-formed call in each signing: what follows can only
  // be refused for what it changes.
  for (const signing of SIGNINGS) {
    await ctx.case(`${cellLabel(signing)} forged unchanged`, async () => {
      expectError(
        await ctx.call({
          params: byIds([ctx.id('none')]),
          ...signing,
          sign: forge({}),
          label: `${cellLabel(signing)} forged unchanged`,
        }),
        MISSING,
      );
    });
  }
  const turn: Record<string, number> = { V2: 0, V3: 0 };
  for (const c of cases) {
    const n = turn[c.algorithm] ?? 0;
    turn[c.algorithm] = n + 1;
    const shapes = SIGNINGS.filter((s) => s.algorithm === c.algorithm);
    const signing: Signing = shapes[n % shapes.length] ?? {
      algorithm: c.algorithm,
      shape: 'post-form',
    };
    const label = `${cellLabel(signing)} ${c.label}`;
    await ctx.case(label, async () => {
      expectError(
        await ctx.call({
          params: byIds([ctx.id('none')]),
          ...signing,
          sign: forge(c.forgery ?? {}),
          ...(c.tamper === undefined ? {} : { tamper: c.tamper }),
          label,
        }),
        c.codes,
      );
    });
  }
}

/** The current second in a format of `write`'s. */
const at = (write: (iso: string, date: Date) => string): string => {
  const date = new Date();
  return write(formatTimestamp(date.getTime()), date);
};

const FORMATS: readonly (readonly [string, () => string])[] = [
  ['with milliseconds', () => at((iso) => iso.replace('Z', '.000Z'))],
  ['without the Z', () => at((iso) => iso.slice(0, -1))],
  ['with an offset instead of Z', () => at((iso) => iso.replace('Z', '+00:00'))],
  ['with a space for the T', () => at((iso) => iso.replace('T', ' '))],
  ['as epoch seconds', () => at((_, d) => String(Math.floor(d.getTime() / 1000)))],
  ['as an HTTP date', () => at((_, d) => d.toUTCString())],
  ['as a date alone', () => at((iso) => iso.slice(0, 10))],
  ['as February 30th', () => at((iso) => `${iso.slice(0, 4)}-02-30${iso.slice(10)}`)],
  ['in lowercase', () => at((iso) => iso.toLowerCase())],
];
const FORMAT = ['InvalidTimeStamp.Format'];

/** Timestamps in any other format than `YYYY-MM-DDThh:mm:ssZ` are refused as such. */
export const timestampFormats: Check = {
  id: 'timestamp-formats',
  proves:
    'a V2 Timestamp or a V3 x-acs-date in any other format than YYYY-MM-DDThh:mm:ssZ (milliseconds, no Z, an offset, a space, epoch seconds, an HTTP date, a date alone, February 30th, lowercase), signed as sent, is InvalidTimeStamp.Format',
  source: 'Alibaba signature docs: Timestamp / x-acs-date in ISO 8601 UTC, second precision',
  needs: [],
  async run(ctx) {
    await sendAll(
      ctx,
      FORMATS.flatMap(([label, value]) => [
        {
          label: `Timestamp ${label}`,
          algorithm: 'V2',
          forgery: { common: { Timestamp: value() } },
          codes: FORMAT,
        },
        {
          label: `x-acs-date ${label}`,
          algorithm: 'V3',
          forgery: { headers: { 'x-acs-date': value() } },
          codes: FORMAT,
        },
      ]),
    );
  },
};

const INCOMPLETE = ['IncompleteSignature'];
/** An absent common parameter: `Missing<Name>`, `MissingParameter`, or an incomplete signature. */
const absent = (name: string): readonly string[] => [
  'IncompleteSignature',
  `Missing${name}`,
  'MissingParameter',
];

/** Signature methods, versions and algorithm names that do not match, and signatures missing a part. */
export const signatureParts: Check = {
  id: 'signature-parts',
  proves:
    'a V2 request whose SignatureMethod or SignatureVersion does not match HMAC-SHA1 / 1.0, a V3 Authorization naming another algorithm, and a signature missing a part (the Signature, the Credential, SignedHeaders, a required header unsigned, a signed header not sent) are IncompleteSignature (an absent common parameter may be Missing<Name>)',
  source:
    'Alibaba signature V2 and V3: SignatureMethod HMAC-SHA1, SignatureVersion 1.0, ACS3-HMAC-SHA256; documented error IncompleteSignature',
  needs: [],
  async run(ctx) {
    const v2 = (
      label: string,
      common: Forgery['common'],
      codes: readonly string[] = INCOMPLETE,
    ): Malformed => ({
      label,
      algorithm: 'V2',
      forgery: { common },
      codes,
    });
    const v3 = (
      label: string,
      forgery: Forgery,
      codes: readonly string[] = INCOMPLETE,
    ): Malformed => ({
      label,
      algorithm: 'V3',
      forgery,
      codes,
    });
    await sendAll(ctx, [
      v2('SignatureMethod HMAC-SHA256', { SignatureMethod: 'HMAC-SHA256' }),
      v2('SignatureMethod ACS3-HMAC-SHA256', { SignatureMethod: 'ACS3-HMAC-SHA256' }),
      v2('SignatureVersion 2.0', { SignatureVersion: '2.0' }),
      v2('SignatureVersion 3.0', { SignatureVersion: '3.0' }),
      v2('no SignatureMethod', { SignatureMethod: undefined }, absent('SignatureMethod')),
      v2('no SignatureVersion', { SignatureVersion: undefined }, absent('SignatureVersion')),
      {
        label: 'no Signature',
        algorithm: 'V2',
        forgery: { noSignature: true },
        codes: absent('Signature'),
      },
      {
        label: 'an empty Signature',
        algorithm: 'V2',
        tamper: (r) => ({
          ...r,
          url: r.url.replace(/([?&]Signature=)[^&]*/, '$1'),
          ...(r.body === undefined
            ? {}
            : { body: r.body.replace(/((?:^|&)Signature=)[^&]*/, '$1') }),
        }),
        codes: [
          'IncompleteSignature',
          'SignatureDoesNotMatch',
          'MissingSignature',
          'MissingParameter',
        ],
      },
      v2('no AccessKeyId', { AccessKeyId: undefined }, absent('AccessKeyId')),
      v2('no SignatureNonce', { SignatureNonce: undefined }, absent('SignatureNonce')),
      v2('no Timestamp', { Timestamp: undefined }, absent('Timestamp')),
      v3('algorithm ACS3-HMAC-SHA1', { v3Name: 'ACS3-HMAC-SHA1' }),
      v3('algorithm ACS3-HMAC-MD5', { v3Name: 'ACS3-HMAC-MD5' }),
      v3('no Signature part', {
        authorization: (p) =>
          `${p.name} Credential=${p.credential},SignedHeaders=${p.signedHeaders}`,
      }),
      v3('an empty Signature', {
        authorization: (p) =>
          `${p.name} Credential=${p.credential},SignedHeaders=${p.signedHeaders},Signature=`,
      }),
      v3('an extra word before the algorithm', {
        authorization: (p) =>
          `ACS3-EXTRA ${p.name} Credential=${p.credential},SignedHeaders=${p.signedHeaders},Signature=${p.signature}`,
      }),
      v3('text after the signature', {
        authorization: (p) =>
          `${p.name} Credential=${p.credential},SignedHeaders=${p.signedHeaders},Signature=${p.signature},Extra=1`,
      }),
      v3('no Credential part', {
        authorization: (p) => `${p.name} SignedHeaders=${p.signedHeaders},Signature=${p.signature}`,
      }),
      v3('no SignedHeaders part', {
        authorization: (p) => `${p.name} Credential=${p.credential},Signature=${p.signature}`,
      }),
      v3('x-acs-date sent but not signed', { unsigned: ['x-acs-date'] }),
      v3('x-acs-signature-nonce sent but not signed', { unsigned: ['x-acs-signature-nonce'] }),
      v3('content-type sent but not signed', { unsigned: ['content-type'] }),
      v3('host not signed', { unsigned: ['host'] }),
      v3('an x-acs-* header sent but not signed', {
        headers: { 'x-acs-extra': 'not signed' },
        unsigned: ['x-acs-extra'],
      }),
      v3('a signed header that is not sent', {
        authorization: (p) =>
          `${p.name} Credential=${p.credential},SignedHeaders=${p.signedHeaders};x-acs-not-sent,Signature=${p.signature}`,
      }),
      v3(
        'no x-acs-content-sha256',
        { headers: { 'x-acs-content-sha256': undefined } },
        absent('ContentSha256'),
      ),
      {
        label: 'no Authorization at all',
        algorithm: 'V3',
        tamper: (r) => ({
          ...r,
          headers: Object.fromEntries(
            Object.entries(r.headers).filter(([n]) => n !== 'authorization'),
          ),
        }),
        codes: absent('Signature'),
      },
    ]);
  },
};

/** An action, a version or a path the service does not have is refused by name. */
export const apiNames: Check = {
  id: 'api-names',
  proves:
    'a request (signed as sent) naming another action is InvalidAction.NotFound, another version InvalidVersion, and one sent to another path InvalidApi.NotFound; no action or version at all is MissingParameter',
  source:
    'gateway errors InvalidAction.NotFound, InvalidVersion, InvalidApi.NotFound (reference d)',
  needs: [],
  async run(ctx) {
    await sendAll(ctx, [
      {
        label: 'Action DeleteImages',
        algorithm: 'V2',
        forgery: { common: { Action: 'DeleteImages' } },
        codes: ['InvalidAction.NotFound'],
      },
      {
        label: 'Action deleteimage',
        algorithm: 'V2',
        forgery: { common: { Action: 'deleteimage' } },
        codes: ['InvalidAction.NotFound'],
      },
      {
        label: 'x-acs-action DescribeImage',
        algorithm: 'V3',
        forgery: { headers: { 'x-acs-action': 'DescribeImage' } },
        codes: ['InvalidAction.NotFound'],
      },
      {
        label: 'Version 2014-01-01',
        algorithm: 'V2',
        forgery: { common: { Version: '2014-01-01' } },
        codes: ['InvalidVersion'],
      },
      {
        label: 'x-acs-version 2017-03-22',
        algorithm: 'V3',
        forgery: { headers: { 'x-acs-version': '2017-03-22' } },
        codes: ['InvalidVersion'],
      },
      {
        label: 'no Action',
        algorithm: 'V2',
        forgery: { common: { Action: undefined } },
        codes: ['MissingParameter', 'MissingAction'],
      },
      {
        label: 'an empty Action',
        algorithm: 'V2',
        forgery: { common: { Action: '' } },
        codes: ['MissingParameter', 'MissingAction', 'InvalidAction.NotFound'],
      },
      {
        label: 'no Version',
        algorithm: 'V2',
        forgery: { common: { Version: undefined } },
        codes: ['MissingParameter', 'MissingVersion'],
      },
      {
        label: 'no x-acs-action',
        algorithm: 'V3',
        forgery: { headers: { 'x-acs-action': undefined } },
        codes: ['MissingParameter', 'MissingAction'],
      },
      {
        label: 'no x-acs-version',
        algorithm: 'V3',
        forgery: { headers: { 'x-acs-version': undefined } },
        codes: ['MissingParameter', 'MissingVersion'],
      },
      {
        label: 'sent to /DeleteImage',
        algorithm: 'V2',
        forgery: { path: '/DeleteImage' },
        codes: ['InvalidApi.NotFound'],
      },
      {
        label: 'sent to /vod/',
        algorithm: 'V3',
        forgery: { path: '/vod/' },
        codes: ['InvalidApi.NotFound'],
      },
    ]);
  },
};
