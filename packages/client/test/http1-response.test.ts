/**
 * The socket transport's HTTP/1.1 response reader, fed bytes directly: every framing, split at
 * every byte boundary, and each way a response can break the rules.
 */
import { describe, expect, it } from 'vitest';
import { Http1ProtocolError, Http1ResponseReader } from '../src/node/http1-response.ts';
import type { Http1Response } from '../src/node/http1-response.ts';

const LIMITS = { maxHeadBytes: 1024, maxBodyBytes: 4096 };

/**
 * Feeds the bytes in pieces of `size` (then the close, if asked); returns the response, which
 * must not complete before its last byte has arrived.
 */
function read(raw: string, size = Infinity, close = false): Http1Response | undefined {
  const bytes = Buffer.from(raw, 'utf8');
  const reader = new Http1ResponseReader(LIMITS);
  for (let at = 0; at < bytes.length; at += Math.min(size, bytes.length)) {
    const end = Math.min(at + size, bytes.length);
    const done = reader.push(bytes.subarray(at, end));
    if (done !== undefined) {
      expect(end, 'completed early').toBe(bytes.length);
      return done;
    }
  }
  return close ? reader.end() : undefined;
}

const errorOf = (raw: string, close = false): unknown => {
  try {
    read(raw, Infinity, close);
  } catch (error) {
    return error;
  }
  return undefined;
};

const JSON_BODY = '{"RequestId":"图片-🙂"}';
const LENGTH = Buffer.byteLength(JSON_BODY);

const FRAMINGS: readonly { name: string; raw: string; reusable: boolean; close?: boolean }[] = [
  {
    name: 'content-length',
    raw: `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${LENGTH}\r\n\r\n${JSON_BODY}`,
    reusable: true,
  },
  {
    name: 'chunked, with extensions and trailers',
    raw:
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n' +
      `5;ext=1\r\n${JSON_BODY.slice(0, 5)}\r\n` +
      `${Buffer.byteLength(JSON_BODY.slice(5)).toString(16)}\r\n${JSON_BODY.slice(5)}\r\n` +
      '0\r\nX-Trailer: yes\r\n\r\n',
    reusable: true,
  },
  {
    name: 'delimited by the close',
    raw: `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n${JSON_BODY}`,
    reusable: false,
    close: true,
  },
  {
    name: 'after interim 100 and 103 responses',
    raw:
      'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n' +
      `HTTP/1.1 200 OK\r\nContent-Length: ${LENGTH}\r\n\r\n${JSON_BODY}`,
    reusable: true,
  },
  {
    name: 'HTTP/1.0 (never reused)',
    raw: `HTTP/1.0 200 OK\r\nContent-Length: ${LENGTH}\r\n\r\n${JSON_BODY}`,
    reusable: false,
  },
  {
    name: 'Connection: close',
    raw: `HTTP/1.1 200 OK\r\nConnection: keep-alive, Close\r\nContent-Length: ${LENGTH}\r\n\r\n${JSON_BODY}`,
    reusable: false,
  },
];

describe('reads every framing, whole or split at any byte', () => {
  for (const framing of FRAMINGS) {
    it(framing.name, () => {
      for (const size of [Infinity, 1, 2, 3, 7, 64]) {
        const response = read(framing.raw, size, framing.close === true);
        expect(response?.status, `pieces of ${size}`).toBe(200);
        expect(response?.body, `pieces of ${size}`).toBe(JSON_BODY);
        expect(response?.reusable, `pieces of ${size}`).toBe(framing.reusable);
      }
    });
  }
});

it('joins repeated headers and finds them by lowercase name', () => {
  const response = read(
    'HTTP/1.1 503 Service Unavailable\r\nX-Multi: a\r\nx-multi:  b \r\nDate: Mon, 30 Nov 2026 00:00:00 GMT\r\nContent-Length: 0\r\n\r\n',
  );
  expect(response?.status).toBe(503);
  expect(response?.headers.get('x-multi')).toBe('a, b');
  expect(response?.headers.get('date')).toBe('Mon, 30 Nov 2026 00:00:00 GMT');
  expect(response?.body).toBe('');
});

it('reads 204 and 304 without a body, and waits for a content-length body to arrive', () => {
  expect(read('HTTP/1.1 204 No Content\r\n\r\n')?.reusable).toBe(true);
  expect(read('HTTP/1.1 304 Not Modified\r\nContent-Length: 10\r\n\r\n')?.body).toBe('');
  expect(read('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n12345')).toBeUndefined();
});

it('fails an exchange whose server sent more than the response, as llhttp does', () => {
  const error = errorOf('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/1.1 200 OK\r\n');
  expect(error).toBeInstanceOf(Http1ProtocolError);
  expect((error as Error).message).toBe('unexpected bytes after the response');
});

it('refuses what llhttp refuses: control characters in a value, transfer-encoding on a 204', () => {
  expect(
    (errorOf('HTTP/1.1 200 OK\r\nDate: Tu\u0005e\r\nContent-Length: 0\r\n\r\n') as Error).message,
  ).toBe('malformed HTTP header value');
  expect(
    (errorOf('HTTP/1.1 204 No Content\r\nTransfer-Encoding: chunked\r\n\r\n') as Error).message,
  ).toBe('transfer-encoding on a 204');
  expect((errorOf('HTTP/1.1 204 No Content\r\nContent-Length: x\r\n\r\n') as Error).message).toBe(
    'invalid content-length',
  );
  // Node keeps the first content-type, and joins what may repeat.
  const repeated = read(
    'HTTP/1.1 200 OK\r\nContent-Type: a\r\nContent-Type: b\r\nX-Many: 1\r\nX-Many: 2\r\nContent-Length: 0\r\n\r\n',
  );
  expect(repeated?.headers.get('content-type')).toBe('a');
  expect(repeated?.headers.get('x-many')).toBe('1, 2');
});

it('does not reuse a connection after a response with both content-length and chunked', () => {
  const response = read(
    'HTTP/1.1 200 OK\r\nContent-Length: 99\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n',
  );
  expect(response?.body).toBe('ok');
  expect(response?.reusable).toBe(false);
});

describe('rejects what breaks the rules, with the reason', () => {
  const cases: readonly [string, string, RegExp, boolean?][] = [
    ['a status line that is not HTTP/1.x', 'HTTP/2 200\r\n\r\n', /malformed HTTP status line/],
    ['a header line without a name', 'HTTP/1.1 200 OK\r\n: x\r\n\r\n', /malformed HTTP header/],
    ['a folded header line', 'HTTP/1.1 200 OK\r\nA: b\r\n c\r\n\r\n', /malformed HTTP header/],
    ['a bad content-length', 'HTTP/1.1 200 OK\r\nContent-Length: 1x\r\n\r\n', /content-length/],
    [
      'two different content-lengths',
      'HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab',
      /content-length/,
    ],
    [
      'a bad chunk size',
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n',
      /chunk size/,
    ],
    [
      'chunk data longer than its size',
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nab\r\n',
      /malformed chunked body/,
    ],
    ['a protocol switch', 'HTTP/1.1 101 Switching Protocols\r\n\r\n', /protocol switch/],
    ['headers over the limit', `HTTP/1.1 200 OK\r\nX: ${'a'.repeat(2000)}`, /headers exceed 1024/],
    [
      'a body over the limit',
      `HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n${'a'.repeat(5000)}`,
      /body exceeds 4096/,
    ],
    [
      'a close before the body ends',
      'HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc',
      /closed before the response ended/,
      true,
    ],
    ['a close before the headers end', 'HTTP/1.1 200 OK\r\nA: b', /closed before/, true],
  ];
  for (const [name, raw, message, close] of cases) {
    it(name, () => {
      const error = errorOf(raw, close === true);
      expect(error).toBeInstanceOf(Http1ProtocolError);
      expect((error as Error).message).toMatch(message);
    });
  }
});
