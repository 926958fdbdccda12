/** The wire decoding of DeleteImage parameters: URL items and prototype-free results. */
import { describe, expect, test } from 'vitest';
import { decodeDeleteImageParams, decodeUrlItem } from '../src/wire-decoding.js';

describe('decodeUrlItem', () => {
  test('decodes an item sent percent-encoded, keeps a bare URL as sent', () => {
    expect(decodeUrlItem('https%3A%2F%2Fa.example%2F1%2C2.png')).toBe('https://a.example/1,2.png');
    expect(decodeUrlItem('HTTP%3a%2F%2Fa%2F1.png')).toBe('HTTP://a/1.png');
    expect(decodeUrlItem('https://a.example/1%20x.png')).toBe('https://a.example/1%20x.png');
  });

  test('keeps an item that does not decode, or is no URL', () => {
    expect(decodeUrlItem('https%3A%2F%2Fa%2F%E0')).toBe('https%3A%2F%2Fa%2F%E0');
    expect(decodeUrlItem('ftp%3A%2F%2Fa')).toBe('ftp%3A%2F%2Fa');
  });
});

describe('decodeDeleteImageParams', () => {
  test('splits URL lists, then decodes each item', () => {
    expect(
      decodeDeleteImageParams({ ImageURLs: 'https%3A%2F%2Fa%2F1%2C2.png,https://b/2.png' }),
    ).toEqual({ ImageURLs: ['https://a/1,2.png', 'https://b/2.png'] });
  });

  test('a parameter named __proto__ is a field, never a prototype', () => {
    const out = decodeDeleteImageParams(
      JSON.parse('{"__proto__":"x","VideoId":"v"}') as Record<string, string>,
    );
    expect(Object.getPrototypeOf(out)).toBeNull();
    expect(Object.keys(out)).toEqual(['__proto__', 'VideoId']);
  });

  test('leaves out the names it is told to ignore', () => {
    expect(decodeDeleteImageParams({ A: '1', B: '2' }, new Set(['A']))).toEqual({ B: '2' });
  });
});
