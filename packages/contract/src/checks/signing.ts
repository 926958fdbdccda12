import { CLOCK_SKEW_SECONDS } from '@vodkit/types';
import type { Check, CheckContext } from '../check.js';
import { expectError } from '../expect.js';
import { byIds } from '../params.js';
import { SHAPES } from '../wire.js';
import type { Algorithm, Shape, WireRequest } from '../wire.js';
import { SIGNINGS, cellLabel, pairwise } from './matrix.js';
import type { Signing } from './matrix.js';

/** Codes a refused signature may answer. */
const SIGNATURE_REFUSED = ['SignatureDoesNotMatch', 'IncompleteSignature'];
/** What a well-signed delete of images that do not exist answers. */
const MISSING = ['NoSuchResource'];

/** Replaces `name=value` in a query string or form body. */
const replaceParam = (text: string, name: string, value: string): string =>
  text.replace(new RegExp(`(^|&)${name}=[^&]*`), `$1${name}=${encodeURIComponent(value)}`);

const inQuery = (r: WireRequest, name: string, value: string): WireRequest => {
  const [base, query = ''] = r.url.split('?', 2) as [string, string?];
  return { ...r, url: `${base}?${replaceParam(query, name, value)}` };
};
const inBody = (r: WireRequest, name: string, value: string): WireRequest => ({
  ...r,
  body: replaceParam(r.body ?? '', name, value),
});
const header = (r: WireRequest, name: string, value: string): WireRequest => ({
  ...r,
  headers: { ...r.headers, [name]: value },
});
const flip = (s: string): string => (s.endsWith('0') ? `${s.slice(0, -1)}1` : `${s.slice(0, -1)}0`);

interface Tamper {
  readonly part: string;
  readonly algorithm: Algorithm;
  readonly shape: Shape;
  readonly change: (r: WireRequest, other: string) => WireRequest;
}

const TAMPERS: readonly Tamper[] = [
  {
    part: 'a parameter value (form body)',
    algorithm: 'V2',
    shape: 'post-form',
    change: (r, other) => inBody(r, 'ImageIds', other),
  },
  {
    part: 'a parameter value (query)',
    algorithm: 'V2',
    shape: 'get-query',
    change: (r, other) => inQuery(r, 'ImageIds', other),
  },
  {
    part: 'Timestamp',
    algorithm: 'V2',
    shape: 'get-query',
    change: (r) =>
      inQuery(r, 'Timestamp', new Date(Date.now() + 2000).toISOString().replace(/\.\d{3}Z$/, 'Z')),
  },
  {
    part: 'SignatureNonce',
    algorithm: 'V2',
    shape: 'get-query',
    change: (r) => inQuery(r, 'SignatureNonce', 'tampered-nonce'),
  },
  {
    part: 'Signature',
    algorithm: 'V2',
    shape: 'get-query',
    change: (r) => {
      const m = /[?&]Signature=([^&]*)/.exec(r.url);
      return inQuery(r, 'Signature', flip(decodeURIComponent(m?.[1] ?? 'x')));
    },
  },
  {
    part: 'Signature cut short by a character',
    algorithm: 'V2',
    shape: 'post-form',
    change: (r) => {
      const m = /(?:^|&)Signature=([^&]*)/.exec(r.body ?? '');
      return inBody(r, 'Signature', decodeURIComponent(m?.[1] ?? 'x').slice(0, -1));
    },
  },
  {
    part: 'the HTTP method',
    algorithm: 'V2',
    shape: 'post-query',
    change: (r) => ({ method: 'GET', url: r.url, headers: {} }),
  },
  {
    part: 'a query value',
    algorithm: 'V3',
    shape: 'get-query',
    change: (r, other) => inQuery(r, 'ImageIds', other),
  },
  {
    part: 'the form body',
    algorithm: 'V3',
    shape: 'post-form',
    change: (r, other) => inBody(r, 'ImageIds', other),
  },
  {
    part: 'x-acs-date',
    algorithm: 'V3',
    shape: 'post-form',
    change: (r) =>
      header(r, 'x-acs-date', new Date(Date.now() + 2000).toISOString().replace(/\.\d{3}Z$/, 'Z')),
  },
  {
    part: 'x-acs-signature-nonce',
    algorithm: 'V3',
    shape: 'post-form',
    change: (r) => header(r, 'x-acs-signature-nonce', 'tampered-nonce'),
  },
  {
    part: 'x-acs-content-sha256',
    algorithm: 'V3',
    shape: 'post-form',
    change: (r) =>
      header(r, 'x-acs-content-sha256', flip(r.headers['x-acs-content-sha256'] ?? '0')),
  },
  {
    part: 'the Authorization signature',
    algorithm: 'V3',
    shape: 'post-form',
    change: (r) =>
      header(
        r,
        'authorization',
        (r.headers['authorization'] ?? '').replace(
          /Signature=(\w+)/,
          (_, s: string) => `Signature=${flip(s)}`,
        ),
      ),
  },
  {
    part: 'the Authorization signature cut short by a character',
    algorithm: 'V3',
    shape: 'get-query',
    change: (r) =>
      header(
        r,
        'authorization',
        (r.headers['authorization'] ?? '').replace(
          /Signature=(\w+)/,
          (_, s: string) => `Signature=${s.slice(0, -1)}`,
        ),
      ),
  },
  {
    part: 'x-acs-content-sha256 cut short by a character',
    algorithm: 'V3',
    shape: 'post-query',
    change: (r) =>
      header(r, 'x-acs-content-sha256', (r.headers['x-acs-content-sha256'] ?? '0').slice(0, -1)),
  },
  {
    part: 'the host header',
    algorithm: 'V3',
    shape: 'post-form',
    change: (r) => header(r, 'host', `tampered.${new URL(r.url).host}`),
  },
  {
    part: 'the HTTP method',
    algorithm: 'V3',
    shape: 'post-query',
    change: (r) => ({ method: 'GET', url: r.url, headers: r.headers }),
  },
];

/** Changing any signed part after signing makes the signature fail. */
export const signatureTampering: Check = {
  id: 'signature-tampering',
  proves:
    'a request changed after signing (each signed part in turn: parameters, body, time, nonce, method, signed headers, the signature) is refused as SignatureDoesNotMatch',
  source: 'Alibaba signature V2 (HMAC-SHA1 RPC) and V3 (ACS3-HMAC-SHA256)',
  needs: [],
  async run(ctx) {
    // The same request untampered, in each signing the tampers use, is a well-formed call: only
    // the change can be refused.
    const signings = SIGNINGS.filter((s) =>
      TAMPERS.some((t) => t.algorithm === s.algorithm && t.shape === s.shape),
    );
    for (const signing of signings) {
      await ctx.case(`${cellLabel(signing)} untampered`, async () => {
        expectError(
          await ctx.call({
            params: byIds([ctx.id('none')]),
            ...signing,
            label: `${cellLabel(signing)} untampered`,
          }),
          MISSING,
        );
      });
    }
    for (const t of TAMPERS) {
      const label = `${t.algorithm} ${t.shape}`;
      await ctx.case(`${label} with ${t.part} changed after signing`, async () => {
        const exchange = await ctx.call({
          params: byIds([ctx.id('none')]),
          algorithm: t.algorithm,
          shape: t.shape,
          tamper: (r) => t.change(r, ctx.id('other')),
          label: `${label} with ${t.part} changed after signing`,
        });
        expectError(exchange, SIGNATURE_REFUSED);
      });
    }
  },
};

const skewed = (ms: number) => () => Date.now() + ms;

const WINDOW_MS = CLOCK_SKEW_SECONDS * 1000;
const OFFSETS = [
  ['stale', -(WINDOW_MS + 60_000), ['InvalidTimeStamp.Expired']],
  ['future', WINDOW_MS + 60_000, ['InvalidTimeStamp.Expired']],
  ['within the window', -(WINDOW_MS - 120_000), MISSING],
] as const;

/** Requests signed too far in the past or future are refused; within the window they pass. */
export const timestamps: Check = {
  id: 'timestamps',
  proves: `requests signed more than ${CLOCK_SKEW_SECONDS / 60} minutes in the past or future are InvalidTimeStamp.Expired; within the window they are accepted (each in every shape and algorithm, pairwise)`,
  source: 'spec: CLOCK_SKEW_SECONDS (x-signature-rules); Alibaba signature docs',
  needs: [],
  async run(ctx) {
    for (const { value, ...signing } of pairwise(OFFSETS)) {
      const [name, offset, codes] = value;
      const label = `${cellLabel(signing)} signed ${Math.round(offset / 60_000)} min off (${name})`;
      await ctx.case(label, async () => {
        const exchange = await ctx.call({
          params: byIds([ctx.id('none')]),
          ...signing,
          clock: skewed(offset),
          label,
        });
        expectError(exchange, codes);
      });
    }
  },
};

/** A nonce is accepted once, whatever the shape of the first use and of the replay. */
export const replayedNonce: Check = {
  id: 'replayed-nonce',
  proves:
    'a second request with the same SignatureNonce is refused as SignatureNonceUsed, in every shape and algorithm, also when the replay comes in another shape',
  source: 'spec: NONCE_REPLAY_WINDOW_SECONDS; Alibaba signature docs',
  needs: [],
  async run(ctx: CheckContext) {
    for (const [i, first] of SIGNINGS.entries()) {
      // The replay in the same algorithm and the next shape: a nonce is the key's, not the shape's.
      const replay =
        SIGNINGS.find(
          (s) =>
            s.algorithm === first.algorithm &&
            s.shape === SHAPES[(SHAPES.indexOf(first.shape) + 1) % SHAPES.length],
        ) ?? first;
      await ctx.case(`${cellLabel(first)} then ${replay.shape}`, async () => {
        const nonce = ctx.id(`nonce${i}`);
        const call = (s: Signing, label: string) =>
          ctx.call({
            params: byIds([ctx.id('none')]),
            ...s,
            nonce: () => nonce,
            label: `${cellLabel(s)} ${label}`,
          });
        expectError(await call(first, 'first use of a nonce'), MISSING);
        expectError(await call(replay, 'the same nonce again'), ['SignatureNonceUsed']);
      });
    }
  },
};
