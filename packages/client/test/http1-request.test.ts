/**
 * The socket transport's request writer, byte for byte: the head every request to an origin
 * shares (straight, through a proxy asked for absolute URLs, through a tunnel), and one request
 * written with it. test/node-transports.test.ts sends the same bytes to real servers.
 */
import { describe, expect, it } from 'vitest';
import { framingFor, serializeRequest } from '../src/node/http1-request.ts';
import { originTarget } from '../src/node/origin.ts';
import { parseProxy } from '../src/node/proxy-rules.ts';

const proxy = parseProxy('http://user:pa%3Ass@proxy.test:3128', 'proxy');
const AUTH = `proxy-authorization: Basic ${Buffer.from('user:pa:ss').toString('base64')}\r\n`;

describe('framingFor', () => {
  it.each([
    ['straight', 'https://vod.test', undefined, { targetPrefix: '', extraHead: '' }],
    ['HTTPS through a tunnel', 'https://vod.test', proxy, { targetPrefix: '', extraHead: '' }],
    [
      'HTTP through a proxy: the absolute URL, with its credentials',
      'http://vod.test:8080',
      proxy,
      { targetPrefix: 'http://vod.test:8080', extraHead: AUTH },
    ],
  ])('%s', (_name, origin, through, expected) => {
    expect(framingFor(origin, originTarget(origin), through)).toEqual({
      ...expected,
      host: origin.slice(origin.indexOf('//') + 2),
    });
  });
});

describe('serializeRequest', () => {
  const framing = framingFor('http://vod.test', originTarget('http://vod.test'), undefined);

  it('writes the head as given, adds the host, and frames the UTF-8 body by its byte length', () => {
    const bytes = serializeRequest(
      { method: 'POST', url: 'http://vod.test/?a=1', headers: { 'x-acs-action': 'A' }, body: '图' },
      '/?a=1',
      framing,
    );
    expect(bytes).toBe(
      'POST /?a=1 HTTP/1.1\r\nx-acs-action: A\r\nhost: vod.test\r\ncontent-length: 3\r\n\r\n图',
    );
  });

  it("keeps the caller's host and drops the framing and proxy headers it owns", () => {
    const bytes = serializeRequest(
      {
        method: 'GET',
        url: 'http://vod.test/',
        headers: {
          Host: 'other.test',
          'Content-Length': '99',
          'transfer-encoding': 'chunked',
          connection: 'close',
          'proxy-authorization': 'Basic c3RvbGVu',
        },
      },
      '/',
      framingFor('http://vod.test', originTarget('http://vod.test'), proxy),
    );
    expect(bytes).toBe(`GET http://vod.test/ HTTP/1.1\r\n${AUTH}Host: other.test\r\n\r\n`);
  });

  it.each([
    [{ method: 'get' }, '/', /invalid HTTP method "get"/],
    [{}, '/a b', /invalid request target/],
    [{ headers: { 'a b': 'v' } }, '/', /invalid HTTP header name "a b"/],
    [{ headers: { a: 'v\r\nx: y' } }, '/', /^header a: only visible ASCII/],
  ])('refuses %o at %s with a TypeError', (part, path, message) => {
    const request = { method: 'GET', url: 'http://vod.test/', headers: {}, ...part };
    expect(() => serializeRequest(request, path, framing)).toThrow(message);
    expect(() => serializeRequest(request, path, framing)).toThrow(TypeError);
  });
});
