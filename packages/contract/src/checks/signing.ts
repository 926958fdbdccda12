import { CLOCK_SKEW_SECONDS } from '@vodkit/types';
import type { Check, CheckContext } from '../check.js';
import { expectError } from '../expect.js';
import { byIds } from '../params.js';
import type { Algorithm, Shape, WireRequest } from '../wire.js';

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
    for (const t of TAMPERS) {
      const params = byIds([ctx.id('none')]);
      const other = ctx.id('other');
      const label = `${t.algorithm} ${t.shape}`;
      // The same request untampered is a well-formed call: only the change can be refused.
      expectError(
        await ctx.call({
          params,
          algorithm: t.algorithm,
          shape: t.shape,
          label: `${label} untampered`,
        }),
        MISSING,
      );
      const exchange = await ctx.call({
        params,
        algorithm: t.algorithm,
        shape: t.shape,
        tamper: (r) => t.change(r, other),
        label: `${label} with ${t.part} changed after signing`,
      });
      expectError(exchange, SIGNATURE_REFUSED);
    }
  },
};

const skewed = (ms: number) => () => Date.now() + ms;

/** Requests signed too far in the past or future are refused; within the window they pass. */
export const timestamps: Check = {
  id: 'timestamps',
  proves: `requests signed more than ${CLOCK_SKEW_SECONDS / 60} minutes in the past or future are InvalidTimeStamp.Expired; within the window they are accepted`,
  source: 'spec: CLOCK_SKEW_SECONDS (x-signature-rules); Alibaba signature docs',
  needs: [],
  async run(ctx) {
    const window = CLOCK_SKEW_SECONDS * 1000;
    for (const algorithm of ['V2', 'V3'] as const) {
      for (const [name, offset, codes] of [
        ['stale', -(window + 60_000), ['InvalidTimeStamp.Expired']],
        ['future', window + 60_000, ['InvalidTimeStamp.Expired']],
        ['within the window', -(window - 120_000), MISSING],
      ] as const) {
        const exchange = await ctx.call({
          params: byIds([ctx.id('none')]),
          algorithm,
          clock: skewed(offset),
          label: `${algorithm} signed ${Math.round(offset / 60_000)} min off (${name})`,
        });
        expectError(exchange, codes);
      }
    }
  },
};

/** A nonce is accepted once. */
export const replayedNonce: Check = {
  id: 'replayed-nonce',
  proves: 'a second request with the same SignatureNonce is refused as SignatureNonceUsed',
  source: 'spec: NONCE_REPLAY_WINDOW_SECONDS; Alibaba signature docs',
  needs: [],
  async run(ctx: CheckContext) {
    for (const algorithm of ['V2', 'V3'] as const) {
      const nonce = ctx.id('nonce');
      const call = (label: string) =>
        ctx.call({
          params: byIds([ctx.id('none')]),
          algorithm,
          nonce: () => nonce,
          label: `${algorithm} ${label}`,
        });
      expectError(await call('first use of a nonce'), MISSING);
      expectError(await call('the same nonce again'), ['SignatureNonceUsed']);
    }
  },
};
