/** `decodeForm`, the one form decoder servers share (verify and the emulator). */
import { describe, expect, it } from 'vitest';
import { decodeForm, isFormContentType } from '../src/verify-entry.js';
// A type only: erased before the dist run resolves anything.
import type { ParamMap } from '../src/encode.js';

const decode = (raw: string): { params: ParamMap; problem: string | undefined } => {
  const params = Object.create(null) as ParamMap;
  return { problem: decodeForm(raw, params, 'the query string'), params };
};

describe('decodeForm', () => {
  it('reads + as a space and percent-escapes as UTF-8', () => {
    expect(decode('A=a+b&B=%E4%B8%AD%2B&C=&D')).toEqual({
      problem: undefined,
      params: { A: 'a b', B: '中+', C: '', D: '' },
    });
  });

  it('names the first problem and still decodes the rest (a server needs Format for its answer)', () => {
    const { problem, params } = decode('A=%ZZ&Format=XML&B=1&B=2');
    expect(problem).toBe('the query string holds an invalid percent-encoding');
    expect(params).toEqual({ Format: 'XML', B: '1' });
  });

  it('reports a repeated name, keeping the first value', () => {
    expect(decode('B=1&B=2')).toEqual({
      problem: 'parameter "B" appears more than once',
      params: { B: '1' },
    });
  });
});

describe('isFormContentType', () => {
  it('accepts the form type with or without parameters, in any case, and nothing else', () => {
    expect(isFormContentType('application/x-www-form-urlencoded')).toBe(true);
    expect(isFormContentType('Application/X-WWW-Form-Urlencoded; charset=utf-8')).toBe(true);
    expect(isFormContentType('application/x-www-form-urlencoded-extra')).toBe(false);
    expect(isFormContentType('application/json')).toBe(false);
    expect(isFormContentType(undefined)).toBe(false);
  });
});
