/**
 * Bad input never crashes or hangs the emulator: random query strings, bodies and headers, huge
 * values, invalid UTF-8 and 10 MB bodies all get a well-formed Alibaba error (4xx) over a raw
 * socket, and the server keeps serving signed calls afterwards.
 */
import { connect } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createSpecValidator, startEmulator } from '../src/index.js';
import type { RunningEmulator } from '../src/index.js';

/** The default body limit the README documents (`maxBodyBytes`, 1 MiB). */
const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
import { byIds, callV2, callV3, seeded } from './support/rpc.js';

const specs = createSpecValidator();
let vod: RunningEmulator;
beforeAll(async () => {
  vod = await startEmulator({ qps: Infinity, images: [{ imageId: 'survivor' }] });
});
afterAll(async () => {
  await vod.close();
});

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Sends raw bytes and reads until the server closes; fails if it takes more than 15 s. */
function raw(bytes: Buffer): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(vod.port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error('the emulator hung'));
    }, 15_000);
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', () => {
      // A reset after the answer was read is fine; the answer is checked below.
    });
    socket.on('close', () => {
      clearTimeout(timer);
      let all = Buffer.concat(chunks);
      // Skip interim answers (`100 Continue` for `Expect: 100-continue`).
      while (/^HTTP\/1\.1 1\d\d /.test(all.toString('latin1', 0, 13))) {
        all = all.subarray(all.indexOf('\r\n\r\n') + 4);
      }
      const text = all.toString('latin1');
      const head = text.slice(0, text.indexOf('\r\n\r\n'));
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
      }
      const start = Buffer.byteLength(head, 'latin1') + 4;
      const body = all
        .subarray(start, start + Number(headers['content-length'] ?? 0))
        .toString('utf8');
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(statusLine)?.[1] ?? 0), headers, body });
    });
    socket.end(bytes);
  });
}

const XML_ERROR =
  /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<Error><RequestId>[0-9A-F-]{36}<\/RequestId><HostId>[^<]*<\/HostId><Code>[^<]+<\/Code><Message>[^<]*<\/Message><Recommend>[^<]+<\/Recommend><\/Error>$/;

/** A 4xx with an Alibaba error body, JSON or XML, whose length matches Content-Length. */
function expectWellFormedError(answer: RawAnswer): void {
  expect(answer.status, answer.body).toBeGreaterThanOrEqual(400);
  expect(answer.status, answer.body).toBeLessThan(500);
  expect(Buffer.byteLength(answer.body)).toBe(Number(answer.headers['content-length']));
  if (answer.headers['content-type']?.startsWith('text/xml') === true) {
    expect(answer.body).toMatch(XML_ERROR);
  } else {
    expect(specs.validate('VodError', JSON.parse(answer.body))).toEqual([]);
  }
}

const request = (head: string, body: Buffer = Buffer.alloc(0), extra = ''): Buffer =>
  Buffer.concat([
    Buffer.from(
      `${head}\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: ${body.length}\r\n${extra}\r\n`,
      'latin1',
    ),
    body,
  ]);

const RUNS = { numRuns: 150 };
const bytes = (max: number): fc.Arbitrary<Uint8Array> => fc.uint8Array({ maxLength: max });
const latin1 = (b: Uint8Array): string => Buffer.from(b).toString('latin1');
const param = fc.oneof(
  fc.constantFrom(
    'Action',
    'Version',
    'Format',
    'AccessKeyId',
    'Signature',
    'SignatureMethod',
    'SignatureVersion',
    'SignatureNonce',
    'Timestamp',
    'SecurityToken',
    'DeleteImageType',
    'ImageIds',
    'ImageURLs',
    'VideoId',
    'ImageType',
    '__proto__',
    'constructor',
  ),
  fc.string({ maxLength: 12 }),
);
const value = fc.oneof(
  fc.constantFrom(
    'DeleteImage',
    '2017-03-21',
    'XML',
    'JSON',
    'HMAC-SHA1',
    '1.0',
    'ImageId',
    'All',
    '2026-01-01T00:00:00Z',
    '%FF',
    '%E0%A4%A',
    '%',
    '+',
    '%00',
    'a,b,,',
    '',
  ),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

describe('fuzz', () => {
  test('random query strings get a well-formed error', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(param, value), { maxLength: 12 }),
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'),
        async (pairs, method) => {
          const query = pairs
            .map(
              ([k, v]) => `${encodeURIComponent(k)}=${v.includes('%') ? v : encodeURIComponent(v)}`,
            )
            .join('&');
          expectWellFormedError(await raw(request(`${method} /?${query} HTTP/1.1`)));
        },
      ),
      RUNS,
    );
  });

  test('raw bytes in the request target get a well-formed error', async () => {
    await fc.assert(
      fc.asyncProperty(bytes(200), async (b) => {
        const target = latin1(b).replace(/[\r\n ]/g, 'x');
        expectWellFormedError(await raw(request(`GET /?${target} HTTP/1.1`)));
      }),
      RUNS,
    );
  });

  test('random form bodies (invalid UTF-8 included) get a well-formed error', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          bytes(2000),
          fc
            .array(fc.tuple(param, value), { maxLength: 12 })
            .map((pairs) =>
              new TextEncoder().encode(
                pairs.map(([k, v]) => `${encodeURIComponent(k)}=${v}`).join('&'),
              ),
            ),
        ),
        fc.constantFrom(
          'application/x-www-form-urlencoded',
          'application/x-www-form-urlencoded; charset=utf-8',
          'application/json',
          'text/plain',
          'multipart/form-data; boundary=x',
        ),
        async (body, contentType) => {
          expectWellFormedError(
            await raw(
              request('POST / HTTP/1.1', Buffer.from(body), `Content-Type: ${contentType}\r\n`),
            ),
          );
        },
      ),
      RUNS,
    );
  });

  test('random headers (ACS3-looking ones included) get a well-formed error', async () => {
    const name = fc.oneof(
      fc.constantFrom(
        'authorization',
        'x-acs-action',
        'x-acs-version',
        'x-acs-date',
        'x-acs-signature-nonce',
        'x-acs-content-sha256',
        'x-acs-security-token',
        'content-type',
        'host',
        'transfer-encoding',
        'expect',
      ),
      fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/),
    );
    const headerValue = fc.oneof(
      fc.constantFrom(
        'ACS3-HMAC-SHA256 Credential=LTAI5tVodkitEmulatorKey,SignedHeaders=host;x-acs-date,Signature=00',
        'ACS3-HMAC-SM3 Credential=a,SignedHeaders=b,Signature=c',
        'ACS3-',
        'DeleteImage',
        '2017-03-21',
        'chunked',
        '100-continue',
      ),
      bytes(80).map((b) => latin1(b)),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(name, headerValue), { maxLength: 8 }), async (headers) => {
        const extra = headers.map(([n, v]) => `${n}: ${v}\r\n`).join('');
        expectWellFormedError(
          await raw(
            request(
              'POST /?Action=DeleteImage&Version=2017-03-21 HTTP/1.1',
              Buffer.alloc(0),
              extra,
            ),
          ),
        );
      }),
      RUNS,
    );
  });

  test('huge values: a 1 MB header block, a 200 kB parameter, a 900 kB form value', async () => {
    expectWellFormedError(
      await raw(
        request('GET / HTTP/1.1', Buffer.alloc(0), `x-big: ${'a'.repeat(1024 * 1024)}\r\n`),
      ),
    );
    expectWellFormedError(await raw(request(`GET /?ImageIds=${'b'.repeat(200_000)} HTTP/1.1`)));
    const form = Buffer.from(
      `Action=DeleteImage&Version=2017-03-21&DeleteImageType=ImageId&ImageIds=${'c'.repeat(900_000)}`,
    );
    expectWellFormedError(
      await raw(
        request('POST / HTTP/1.1', form, 'Content-Type: application/x-www-form-urlencoded\r\n'),
      ),
    );
  });

  test('a 10 MB body is refused with 413, InvalidParameter naming the body and the limit', async () => {
    const response = await fetch(`${vod.url}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new Uint8Array(10 * 1024 * 1024).fill(0x61),
    });
    expect(response.status).toBe(413);
    expect(response.headers.get('connection')).toBe('close');
    const body = (await response.json()) as Record<string, unknown>;
    expect(body['Code']).toBe('InvalidParameter');
    expect(body['Message']).toContain(`at most ${DEFAULT_MAX_BODY_BYTES} are allowed`);
  });

  test('a chunked 10 MB body with a small limit is refused too', async () => {
    const small = await startEmulator({ maxBodyBytes: 1024 });
    try {
      const chunk = new Uint8Array(1024 * 1024).fill(0x62);
      let sent = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent === 10) controller.close();
          else {
            sent += 1;
            controller.enqueue(chunk);
          }
        },
      });
      const response = await fetch(`${small.url}/`, {
        method: 'POST',
        body: stream,
        duplex: 'half',
      });
      expect(response.status).toBe(413);
      expect(((await response.json()) as Record<string, unknown>)['Message']).toContain(
        'at most 1024 are allowed',
      );
    } finally {
      await small.close();
    }
  });

  test('an endless chunked body is answered 413 at the limit and the connection closed, never read on', async () => {
    const small = await startEmulator({ maxBodyBytes: 4096 });
    try {
      const chunk = `${(64 * 1024).toString(16)}\r\n${'c'.repeat(64 * 1024)}\r\n`;
      // Bounded: at most 512 MiB would go out if the server read on.
      const outcome = await new Promise<{ answer: string; sent: number; closed: boolean }>(
        (resolve, reject) => {
          const socket = connect(small.port, '127.0.0.1');
          let answer = '';
          let sent = 0;
          let done = false;
          const finish = (closed: boolean): void => {
            if (done) return;
            done = true;
            clearTimeout(timer);
            socket.destroy();
            resolve({ answer, sent, closed });
          };
          const timer = setTimeout(() => {
            finish(false);
          }, 10_000);
          socket.setEncoding('latin1');
          socket.on('data', (c: string) => (answer += c));
          socket.on('close', () => {
            finish(true);
          });
          socket.on('error', () => {
            finish(true);
          });
          socket.on('connect', () => {
            socket.write(
              'POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n',
            );
            const pump = (): void => {
              while (!done && sent < 8192) {
                sent += 1;
                if (!socket.write(chunk)) {
                  socket.once('drain', pump);
                  return;
                }
              }
            };
            pump();
          });
          socket.on('timeout', reject);
        },
      );
      expect(outcome.closed).toBe(true);
      expect(outcome.answer).toMatch(/^HTTP\/1\.1 413 /);
      expect(outcome.answer.toLowerCase()).toContain('connection: close');
      // The server stopped reading: far less than the bounded 512 MiB went out.
      expect(outcome.sent).toBeLessThan(8192);
      expect((await callV2(small.url, seeded(small, 'after'))).status).toBe(200);
    } finally {
      await small.close();
    }
  });

  test('a body announced over the limit is refused before it is read', async () => {
    const answer = await raw(
      Buffer.from(
        `POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${DEFAULT_MAX_BODY_BYTES + 1}\r\n\r\nAction=DeleteImage`,
      ),
    );
    expect(answer.status).toBe(413);
    expect(specs.validate('VodError', JSON.parse(answer.body))).toEqual([]);
  });

  test('a replayed nonce is refused for as long as its timestamp is in the window, however far ahead it was signed', async () => {
    let t = Date.parse('2026-05-01T00:00:00Z');
    const e = await startEmulator({ now: () => t, qps: Infinity });
    const start = t;
    let n = 0;
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: -899, max: 899 }),
          fc.integer({ min: 0, max: 1800 }),
          fc.boolean(),
          async (offsetS, laterS, v3) => {
            const call = v3 ? callV3 : callV2;
            t = start;
            n += 1;
            const nonce = `replay-${n}`;
            const time = start + offsetS * 1000;
            const first = await call(e.url, seeded(e, `r${n}`), { time, nonce });
            expect(first.status, first.text).toBe(200);
            t = start + laterS * 1000;
            const replay = await call(e.url, seeded(e, `r${n}`), { time, nonce });
            const inWindow = Math.abs(t - time) <= 15 * 60_000;
            expect(replay.json?.['Code']).toBe(
              inWindow ? 'SignatureNonceUsed' : 'InvalidTimeStamp.Expired',
            );
            expect(e.state.has(`r${n}`)).toBe(true);
          },
        ),
        { numRuns: 150, seed: 915 },
      );
    } finally {
      await e.close();
    }
  });

  test('after all that, signed calls still work', async () => {
    expect((await callV3(vod.url, byIds('nothing'))).status).toBe(404);
    expect((await callV2(vod.url, byIds('survivor'))).status).toBe(200);
    expect(vod.state.has('survivor')).toBe(false);
  });
});
