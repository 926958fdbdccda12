/**
 * The redactor every package uses (`@vodkit/signer/redact`): by name, what the emulator's
 * request log and the contract suite's reproducers mask; by value, what the client removes from
 * its errors and `dryRun` from a signing result. The property at the end holds that a random
 * secret survives in none of the forms the redactors handled before they were one.
 */
import { inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as main from '../src/index.js';
import * as node from '../src/node.js';
import {
  REDACTED,
  redactError,
  redactHeaders,
  redactParams,
  redactQuery,
  redactRequest,
  redactSigned,
  redactText,
  secretForms,
} from '../src/redact.js';

const TOKEN = 'sts-token-value';
const base = {
  method: 'POST' as const,
  action: 'DeleteImage',
  version: '2017-03-21',
  credentials: { accessKeyId: 'ak', accessKeySecret: 'top-secret-value', securityToken: TOKEN },
};

/** RFC 3986 encoding, as the signer sends values (written here independently of it). */
const rfc3986 = (v: string): string =>
  encodeURIComponent(v).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
const formEncoded = (v: string): string => new URLSearchParams([['', v]]).toString().slice(1);
const lowerHex = (v: string): string => v.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());
/** `f(v)`, or nothing for a value that has no such form (a lone surrogate is not encodable). */
const tryForm = (f: (v: string) => string, v: string): string[] => {
  try {
    return [f(v)];
  } catch {
    return [];
  }
};

/**
 * Every form the redactors handled before they were one: the client's (raw, JSON- and
 * inspect-escaped, RFC 3986 once and twice, encodeURIComponent, form-encoded, lower-case hex)
 * and `redactSigned`'s (raw, percent-encoded once and twice).
 */
function oldForms(value: string): string[] {
  const encoded = [
    ...tryForm(rfc3986, value),
    ...tryForm((v) => rfc3986(rfc3986(v)), value),
    ...tryForm(encodeURIComponent, value),
    formEncoded(value),
  ];
  const escaped = value.replace(/\\/g, '\\\\');
  return [
    ...new Set([
      value,
      JSON.stringify(value).slice(1, -1),
      escaped,
      escaped.replace(/'/g, "\\'"),
      // util.inspect quotes printable ASCII with these escapes (control characters it writes
      // its own way, a form no redactor handled).
      ...(/^[\x20-\x7e]*$/.test(value) ? [inspect(value).slice(1, -1)] : []),
      ...encoded,
      ...encoded.map(lowerHex),
    ]),
  ].filter(Boolean);
}

describe('redactSigned', () => {
  it('masks the token and the signature everywhere, for both algorithms', async () => {
    const at = { clock: () => 0, nonce: () => 'n' };
    const v2 = redactSigned(node.signV2({ ...base, params: { X: 'y' }, ...at }));
    const v3 = redactSigned(await main.signV3({ ...base, host: 'h', query: { X: 'y' }, ...at }));
    for (const r of [v2, v3]) {
      const text = JSON.stringify(r);
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(r.signature === '***' ? TOKEN : r.signature);
      expect(r.signature).toBe('***');
    }
    expect(v2.encoded).toMatch(/SecurityToken=\*\*\*&.*Signature=\*\*\*$/);
    expect(v3.headers['authorization']).toMatch(/,Signature=\*\*\*$/);
    expect(v3.headers['x-acs-security-token']).toBe('***');
  });

  it('leaves everything else as signed', () => {
    const signed = node.signV2({ ...base, params: { X: 'y' }, clock: () => 0, nonce: () => 'n' });
    const r = redactSigned(signed);
    expect(r.params['X']).toBe('y');
    expect(r.params['AccessKeyId']).toBe('ak');
    expect(r.canonicalQuery).toBe(
      signed.canonicalQuery.replace(rfc3986(TOKEN), REDACTED).replace(TOKEN, REDACTED),
    );
  });
});

describe('by name: parameters, headers, requests', () => {
  it('redactParams masks Signature and SecurityToken only', () => {
    expect(
      redactParams({
        Action: 'DeleteImage',
        Signature: 's',
        SecurityToken: 't',
        SignatureNonce: 'n',
      }),
    ).toEqual({
      Action: 'DeleteImage',
      Signature: '***',
      SecurityToken: '***',
      SignatureNonce: 'n',
    });
  });

  it('redactHeaders masks tokens, cookies, proxy credentials and the signature in authorization', () => {
    expect(
      redactHeaders({
        host: 'h',
        'x-acs-security-token': 'tok',
        cookie: 'a=b',
        'proxy-authorization': 'Basic dXNlcjpwYXNz',
        authorization: 'ACS3-HMAC-SHA256 Credential=k,SignedHeaders=host,Signature=abc',
        'x-list': ['a', 'b'],
        absent: undefined,
      }),
    ).toEqual({
      host: 'h',
      'x-acs-security-token': '***',
      cookie: '***',
      'proxy-authorization': '***',
      authorization: 'ACS3-HMAC-SHA256 Credential=k,SignedHeaders=host,Signature=***',
      'x-list': 'a, b',
    });
    expect(redactHeaders({ authorization: 'Bearer tok-123' })['authorization']).toBe('Bearer ***');
    expect(redactHeaders({ Authorization: 'basic dXNlcjpwYXNz' })).toEqual({
      Authorization: 'basic ***',
    });
    expect(redactHeaders({ 'X-Acs-Security-Token': 'tok' })).toEqual({
      'X-Acs-Security-Token': '***',
    });
    // Every Signature= part, not only the first.
    expect(redactHeaders({ authorization: 'Signature=a, Signature=b' })['authorization']).toBe(
      'Signature=***, Signature=***',
    );
  });

  it('a header named __proto__ stays an own key, the prototype untouched', () => {
    const headers: Record<string, string> = Object.create(null) as Record<string, string>;
    Object.defineProperty(headers, '__proto__', { value: 'x', enumerable: true });
    const out = redactHeaders(headers);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(out, '__proto__')?.value).toBe('x');
  });

  it('redactQuery masks the secret parameters of a URL or a form body', () => {
    expect(redactQuery('https://h/?A=1&Signature=x%2B&SecurityToken=t&B=2')).toBe(
      'https://h/?A=1&Signature=***&SecurityToken=***&B=2',
    );
    expect(redactQuery('Signature=x&A=1')).toBe('Signature=***&A=1');
    expect(redactQuery('A=1&SignatureNonce=n&XSignature=y')).toBe(
      'A=1&SignatureNonce=n&XSignature=y',
    );
    expect(redactQuery('Signature=')).toBe('Signature=***');
  });

  it('redactRequest masks URL, body and headers and keeps every other field', () => {
    const request = {
      method: 'POST' as const,
      url: 'http://h/?Signature=s',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'x-acs-security-token': 't' },
      body: 'A=1&SecurityToken=t',
    };
    expect(redactRequest(request)).toEqual({
      method: 'POST',
      url: 'http://h/?Signature=***',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'x-acs-security-token': '***',
      },
      body: 'A=1&SecurityToken=***',
    });
    expect(request.url).toBe('http://h/?Signature=s');
    expect('body' in redactRequest({ url: 'http://h/', headers: {} })).toBe(false);
  });
});

describe('by value: text and errors', () => {
  it('secretForms holds each encoding and no empty string, even for a lone surrogate', () => {
    expect(secretForms("a+b '\\")).toEqual(
      expect.arrayContaining([
        "a+b '\\",
        'a%2Bb%20%27%5C',
        'a%252Bb%2520%2527%255C',
        "a+b \\'\\\\",
      ]),
    );
    // No percent-encoding; URLSearchParams writes U+FFFD for it.
    expect(secretForms('x\uD800')).toEqual(['x\uD800', 'x\\ud800', 'x%EF%BF%BD', 'x%ef%bf%bd']);
    expect(secretForms('')).toEqual([]);
  });

  it('redactText replaces each form with the mark, and deletes a secret the mark would hold', () => {
    expect(redactText('k=a%2Bb raw=a+b', ['a+b'])).toBe('k=*** raw=***');
    expect(redactText('k=a+b', ['a+b'], '<redacted>')).toBe('k=<redacted>');
    expect(redactText('x*y', ['*'])).toBe('xy');
    expect(redactText('nothing here', [])).toBe('nothing here');
  });

  it('redactError cleans an error in place, deeply, and cuts long texts', () => {
    const secret = 'secret-value-123';
    const inner = new Error(`inner ${rfc3986(secret)}`);
    const error = Object.assign(new Error(`outer ${secret} ${'x'.repeat(600)}`, { cause: inner }), {
      code: `E_${secret}`,
      detail: { deep: { text: JSON.stringify({ secret }) } },
      errors: [new Error(formEncoded(secret))],
    });
    expect(redactError(error, [secret], { mark: '<redacted>' })).toBe(error);
    expect(error.message.startsWith('outer <redacted> xxx')).toBe(true);
    expect(error.message).toHaveLength(500);
    expect(inner.message).toBe('inner <redacted>');
    expect(error.code).toBe('E_<redacted>');
    expect(error.errors[0]?.message).toBe('<redacted>');
    expect(inspect(error, { depth: Infinity })).not.toContain(secret);
    expect(error.stack?.length).toBeLessThanOrEqual(2000);
  });

  it('identifiers lose only long values; a frozen property is deleted; circles end', () => {
    const short = 'RAM';
    const error = Object.assign(new Error(`no ${short}`), { code: 'Forbidden.RAM' });
    redactError(error, [short]);
    expect(error.code).toBe('Forbidden.RAM');
    expect(error.message).toBe('no ***');

    const frozen = { note: 'has the secret-value-123' } as Record<string, unknown>;
    Object.defineProperty(frozen, 'fixed', {
      value: 'secret-value-123',
      enumerable: true,
      configurable: true,
    });
    frozen['self'] = frozen;
    redactError(frozen, ['secret-value-123']);
    expect(frozen['note']).toBe('has the ***');
    expect('fixed' in frozen).toBe(false);
    expect(redactError('plain text', ['plain'])).toBe('plain text');
  });
});

describe('property: a random secret survives in no form the old redactors handled', () => {
  const secret = fc.oneof(
    fc.stringMatching(/^[\x21-\x7e]{1,24}$/),
    fc.string({ minLength: 1, maxLength: 16, unit: 'binary' }),
  );
  const text = fc.string({ maxLength: 20, unit: 'binary' });

  it('redactText and redactError remove every form from any text around it', () => {
    fc.assert(
      fc.property(
        secret,
        fc.array(fc.tuple(text, fc.nat()), { maxLength: 6 }),
        text,
        (s, parts, tail) => {
          const forms = oldForms(s);
          const leaked =
            parts.map(([t, i]) => `${t}${forms[i % forms.length] ?? ''}`).join('') + tail;
          const out = redactText(leaked, [s]);
          for (const f of forms) expect(out).not.toContain(f);
          const error = Object.assign(new Error(leaked, { cause: new Error(leaked) }), {
            url: leaked,
          });
          redactError(error, [s]);
          for (const f of forms) {
            expect(error.message).not.toContain(f);
            expect((error.cause as Error).message).not.toContain(f);
            expect(error.url).not.toContain(f);
            expect(error.stack).not.toContain(f);
          }
        },
      ),
    );
  });

  it('redactSigned removes a random token and signature from every field', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[\x21-\x7e]{1,40}$/), (token) => {
        const signed = node.signV2({
          ...base,
          credentials: { ...base.credentials, securityToken: token },
          params: { X: 'y' },
          clock: () => 0,
          nonce: () => 'n',
        });
        const r = redactSigned(signed);
        // Every value (not JSON of the whole: its quotes and braces may spell a short token).
        const values = [
          ...Object.values(r).filter((v) => typeof v === 'string'),
          ...Object.values(r.params),
        ];
        const forms = [...oldForms(token), ...oldForms(signed.signature)];
        for (const v of values) for (const f of forms) expect(v).not.toContain(f);
      }),
    );
  });

  it('by name, a random secret in any secret slot of a request reads ***', () => {
    fc.assert(
      fc.property(secret, secret, (signature, token) => {
        /** The request with each secret slot written with `fill` (a wire form of the value). */
        const request = (sig: string, tok: string) => ({
          url: `https://vod.cn-shanghai.aliyuncs.com/?Action=DeleteImage&Signature=${sig}&SecurityToken=${tok}`,
          headers: {
            authorization: `ACS3-HMAC-SHA256 Credential=ak,SignedHeaders=host,Signature=${sig}`,
            'x-acs-security-token': tok,
            cookie: tok,
            'proxy-authorization': tok,
          },
          body: `SecurityToken=${tok}&X=1&Signature=${sig}`,
        });
        const wire = (v: string): string => tryForm(rfc3986, v)[0] ?? formEncoded(v);
        expect(redactRequest(request(wire(signature), wire(token)))).toEqual(
          request(REDACTED, REDACTED),
        );
        expect(
          redactParams({ Action: 'DeleteImage', Signature: signature, SecurityToken: token }),
        ).toEqual({ Action: 'DeleteImage', Signature: REDACTED, SecurityToken: REDACTED });
      }),
    );
  });
});
