/**
 * What the signers refuse, from plain JavaScript: the table in `input-rules.fixture.ts` through
 * both entries and every signer it names, then property tests over whole classes of input
 * (control characters in credentials, non-plain parameter bags, broken clocks, prototype-ish
 * parameter names). A refusal is always a `SignerInputError` naming the field and the rule, with
 * no control character, secret or token in its message.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as main from '../src/index.ts';
import * as node from '../src/node.ts';
import * as v2Entry from '../src/v2-entry.ts';
import * as verifyEntry from '../src/verify-entry.ts';
import { BAD_INPUTS, SECRET, TOKEN } from './input-rules.fixture.ts';
import type { Signer } from './input-rules.fixture.ts';

const AT = Date.parse('2025-01-15T08:30:00Z');
const credentials = { accessKeyId: 'ak', accessKeySecret: SECRET, securityToken: TOKEN };
const V2 = {
  method: 'POST',
  action: 'DeleteImage',
  version: '2017-03-21',
  credentials,
  clock: () => AT,
  nonce: () => 'n-1',
};
const BASES: Record<Signer, Record<string, unknown>> = {
  V2,
  V3: { ...V2, host: 'vod.cn-shanghai.aliyuncs.com' },
  presign: { ...V2, method: undefined, endpoint: 'https://vod.cn-shanghai.aliyuncs.com' },
};

type Call = (signer: Signer, input: Record<string, unknown>) => unknown;
/** The WebCrypto signers: V3 from the main entry, V2 from `@vodkit/signer/v2`. */
type WebApi = Pick<typeof main, 'signV3'> & Pick<typeof v2Entry, 'signV2' | 'presignV2Url'>;
const call =
  (api: Pick<typeof node, 'signV2' | 'signV3' | 'presignV2Url'> | WebApi): Call =>
  (signer, input) => {
    // Plain JavaScript: the types say nothing about what arrives.
    const i = input as never;
    return signer === 'V2' ? api.signV2(i) : signer === 'V3' ? api.signV3(i) : api.presignV2Url(i);
  };
const ENTRIES: readonly (readonly [string, Call])[] = [
  ['node entry', call(node)],
  ['WebCrypto entries', call({ ...main, ...v2Entry })],
];

/** The error a call fails with (thrown or rejected), checked for the house rules. */
async function refusal(
  run: () => unknown,
  hidden: readonly string[] = [],
): Promise<main.SignerInputError> {
  let error: unknown;
  try {
    await run();
  } catch (e) {
    error = e;
  }
  expect(error, 'expected a SignerInputError').toBeInstanceOf(main.SignerInputError);
  const e = error as main.SignerInputError;
  expect(e.name).toBe('SignerInputError');
  expect(e.message.startsWith(`${e.field}: `)).toBe(true);
  // eslint-disable-next-line no-control-regex -- a message that is safe to log has none
  expect(e.message).not.toMatch(/[\0-\x1f\x7f-\x9f]/);
  for (const h of [SECRET, TOKEN, ...hidden]) expect(e.message).not.toContain(h);
  return e;
}

describe.each(ENTRIES)('%s refuses', (_label, sign) => {
  const cases = BAD_INPUTS.flatMap((c) => c.signers.map((s) => [`${s}: ${c.name}`, s, c] as const));
  it.each(cases)('%s', async (_name, signer, c) => {
    const e = await refusal(() => sign(signer, { ...BASES[signer], ...c.over }));
    expect(e.field).toBe(c.field);
    expect(e.message).toMatch(c.rule);
  });
});

describe('a throwing clock or nonce', () => {
  it('is a SignerInputError with the thrown error as its cause', async () => {
    const boom = new Error('clock broke: internal detail');
    for (const [, sign] of ENTRIES) {
      for (const over of [
        {
          clock: () => {
            throw boom;
          },
        },
        {
          nonce: () => {
            throw boom;
          },
        },
      ]) {
        const e = await refusal(() => sign('V3', { ...BASES.V3, ...over }), [boom.message]);
        expect(e.cause).toBe(boom);
      }
    }
  });
});

// ---- property tests: whole classes of input ----

const CONTROL = fc.constantFrom(
  ...Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)),
  ...Array.from({ length: 33 }, (_, i) => String.fromCharCode(0x7f + i)),
);
const withControl = fc
  .tuple(fc.string({ maxLength: 10 }), CONTROL, fc.string({ maxLength: 10 }))
  .map(([a, c, b]) => `MARK${a}${c}${b}`);

describe('property: a control character in any credential field is refused, naming the field', () => {
  const field = fc.constantFrom('accessKeyId', 'accessKeySecret', 'securityToken');
  it.each(ENTRIES)('%s, V2 and V3', async (_label, sign) => {
    await fc.assert(
      fc.asyncProperty(
        field,
        withControl,
        fc.constantFrom<Signer>('V2', 'V3', 'presign'),
        async (f, value, s) => {
          const e = await refusal(
            () => sign(s, { ...BASES[s], credentials: { ...credentials, [f]: value } }),
            [value],
          );
          expect(e.field).toBe(`credentials.${f}`);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('property: parameter bags must be plain objects', () => {
  const notPlain = fc.oneof(
    fc.array(fc.string(), { maxLength: 3 }),
    fc.array(fc.tuple(fc.string(), fc.string()), { maxLength: 3 }).map((e) => new Map(e)),
    fc.array(fc.string(), { maxLength: 3 }).map((e) => new Set(e)),
    fc.date().map((d) => d as unknown),
    fc.string(),
    fc.double(),
    fc.boolean(),
    fc.bigInt(),
    fc.constant(null),
    fc.constant(
      new (class Params {
        readonly A = '1';
      })(),
    ),
    fc.constant(new URLSearchParams('A=1')),
    fc.constant(Object.create({ A: '1' }) as unknown),
  );
  const bag = fc.constantFrom(
    ['V2', 'params'] as const,
    ['V3', 'query'] as const,
    ['V3', 'form'] as const,
    ['V3', 'headers'] as const,
  );
  it('node entry', async () => {
    await fc.assert(
      fc.asyncProperty(bag, notPlain, async ([s, f], value) => {
        const e = await refusal(() => call(node)(s, { ...BASES[s], [f]: value }));
        expect(e.field).toBe(f);
      }),
      { numRuns: 300 },
    );
  });
});

describe('property: any parameter names, prototype-ish ones included, sign and verify as given', () => {
  const name = fc.oneof(
    fc.constantFrom(
      '__proto__',
      'constructor',
      'prototype',
      'toString',
      'hasOwnProperty',
      'valueOf',
    ),
    fc.stringMatching(/^[A-Za-z][\w.~-]{0,8}$/),
  );
  const pairs = fc.uniqueArray(fc.tuple(name, fc.string({ maxLength: 8 })), {
    selector: ([n]) => n,
    maxLength: 6,
  });
  // JSON.parse makes `__proto__` an own property, as parsed request data would have it.
  const asObject = (entries: readonly (readonly [string, string])[], nullProto: boolean) => {
    const o = JSON.parse(JSON.stringify(Object.fromEntries(entries))) as Record<string, string>;
    return nullProto ? Object.assign(Object.create(null) as Record<string, string>, o) : o;
  };
  const lookup = (id: string) =>
    id === 'ak' ? { secret: SECRET, securityToken: TOKEN } : undefined;

  it('node entry, both algorithms', () => {
    fc.assert(
      fc.property(pairs, fc.boolean(), (entries, nullProto) => {
        const params = asObject(entries, nullProto);
        const names = entries.map(([n]) => n).sort();
        const v2 = node.signV2({ ...(V2 as unknown as v2Entry.V2SignInput), params });
        const v3 = node.signV3({ ...(BASES.V3 as unknown as main.V3SignInput), query: params });
        expect(Object.getPrototypeOf(v2.params)).toBe(null);
        for (const n of names) {
          expect(Object.hasOwn(v2.params, n)).toBe(true);
          expect(Object.hasOwn(v3.params, n)).toBe(true);
        }
        expect(Object.keys(v3.params).sort()).toEqual(names);
        // Nothing leaked onto the shared prototype.
        expect(Object.keys(Object.prototype)).toEqual([]);
        const v2r = node.verifyRequest(
          {
            method: 'POST',
            path: '/',
            query: '',
            body: v2.encoded,
            headers: { host: 'h', 'content-type': 'application/x-www-form-urlencoded' },
          },
          { lookup, clock: () => AT },
        );
        const v3r = node.verifyRequest(
          {
            method: 'POST',
            path: '/',
            query: v3.query,
            body: v3.body,
            headers: { host: 'vod.cn-shanghai.aliyuncs.com', ...v3.headers },
          },
          { lookup, clock: () => AT },
        );
        expect([v2r.ok, v3r.ok]).toEqual([true, true]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('property: a clock must return epoch milliseconds from 1970 to 9999', () => {
  const bad = fc.oneof(
    fc.constantFrom(NaN, Infinity, -Infinity),
    fc.double({ max: -Number.MIN_VALUE, noNaN: true }),
    fc.double({ min: 253402300800000, noNaN: true }),
    fc.string(),
    fc.bigInt(),
    fc.constant(undefined),
    fc.constant(null),
    fc.date().map((d) => d as unknown),
  );
  it.each(ENTRIES)('%s', async (_label, sign) => {
    await fc.assert(
      fc.asyncProperty(bad, fc.constantFrom<Signer>('V2', 'V3', 'presign'), async (value, s) => {
        const e = await refusal(() => sign(s, { ...BASES[s], clock: () => value }));
        expect(e.field).toBe('clock()');
      }),
      { numRuns: 200 },
    );
  });
  it('and every such time signs, with the timestamp of that second', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 253402300799999 }), (ms) => {
        const r = node.signV3({
          ...(BASES.V3 as unknown as main.V3SignInput),
          clock: () => ms,
        });
        expect(r.timestamp).toBe(`${new Date(ms).toISOString().slice(0, 19)}Z`);
      }),
      { numRuns: 300 },
    );
  });
});

describe('verifyRequest fails closed on a broken clock', () => {
  it('a NaN server clock or skew rejects as expired instead of accepting any time', async () => {
    const signed = node.signV3(BASES.V3 as unknown as main.V3SignInput);
    const request = {
      method: 'POST',
      path: '/',
      query: signed.query,
      body: signed.body,
      headers: { host: 'vod.cn-shanghai.aliyuncs.com', ...signed.headers },
    };
    const lookup = (id: string) =>
      id === 'ak' ? { secret: SECRET, securityToken: TOKEN } : undefined;
    for (const options of [{ clock: () => NaN }, { clock: () => AT, maxSkewMs: NaN }]) {
      for (const verify of [node.verifyRequest, verifyEntry.verifyRequest]) {
        expect(await verify(request, { lookup, ...options })).toMatchObject({
          ok: false,
          code: 'InvalidTimeStamp.Expired',
        });
      }
    }
  });
});
