/**
 * The socket transport's response reader against Node's own HTTP parser (llhttp, through
 * `node:http`): random and mutated responses, fed to our reader split at random points, must
 * give what Node gives: the same status, headers and body, or a failure on both sides.
 */
import { request } from 'node:http';
import { createServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Http1ResponseReader } from '../src/node/http1-response.ts';

const LIMITS = { maxHeadBytes: 16 * 1024, maxBodyBytes: 64 * 1024 };

/** What a parser made of the bytes: a response, or that it failed. */
type Outcome =
  | {
      readonly ok: true;
      readonly status: number;
      readonly headers: Record<string, string>;
      readonly body: string;
    }
  | { readonly ok: false };

/** The headers both sides are compared on (Node keeps some apart, such as set-cookie). */
const COMPARED = ['content-type', 'x-acs-request-id', 'date'];
const pick = (get: (name: string) => string | undefined): Record<string, string> =>
  Object.fromEntries(
    COMPARED.flatMap((n) => {
      const value = get(n);
      return value === undefined ? [] : [[n, value]];
    }),
  );

function ours(bytes: Buffer, splits: readonly number[]): Outcome {
  const reader = new Http1ResponseReader(LIMITS);
  try {
    let at = 0;
    for (const split of [...splits.filter((s) => s > 0 && s < bytes.length)].sort(
      (a, b) => a - b,
    )) {
      const done = reader.push(bytes.subarray(at, split));
      at = split;
      if (done !== undefined) return outcome(done);
    }
    const done = reader.push(bytes.subarray(at)) ?? reader.end();
    return outcome(done);
  } catch {
    return { ok: false };
  }
}
const outcome = (r: {
  status: number;
  headers: ReadonlyMap<string, string>;
  body: string;
}): Outcome => ({
  ok: true,
  status: r.status,
  headers: pick((n) => r.headers.get(n)),
  body: r.body,
});

let server: Server;
let port = 0;
let next: Buffer = Buffer.alloc(0);
beforeAll(async () => {
  server = createServer((socket: Socket) => {
    socket.on('error', () => undefined);
    socket.once('data', () => {
      socket.end(next);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

function node(bytes: Buffer): Promise<Outcome> {
  next = bytes;
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/', agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', () => {
        resolve({ ok: false });
      });
      res.on('end', () => {
        if (!res.complete) resolve({ ok: false });
        else
          resolve({
            ok: true,
            status: res.statusCode ?? 0,
            headers: pick((n) => {
              const v = res.headers[n];
              return Array.isArray(v) ? v.join(', ') : v;
            }),
            body: Buffer.concat(chunks).toString('utf8'),
          });
      });
      res.on('aborted', () => {
        resolve({ ok: false });
      });
    });
    req.on('error', () => {
      resolve({ ok: false });
    });
    req.end();
  });
}

const token = fc.stringMatching(/^[a-z0-9-]{1,8}$/);
const text = fc.string({ maxLength: 40 });
const header = fc.oneof(
  fc.tuple(
    fc.constant('Content-Type'),
    fc.constantFrom('application/json', 'text/xml;charset=utf-8'),
  ),
  fc.tuple(fc.constant('x-acs-request-id'), fc.uuid()),
  fc.tuple(fc.constant('Date'), fc.constant('Tue, 01 Dec 2026 10:00:00 GMT')),
  fc.tuple(
    token.map((t) => `X-${t}`),
    fc.stringMatching(/^[ -~]{0,20}$/),
  ),
);
/** A well-formed response in one of the three framings. */
const response = fc
  .record({
    status: fc.constantFrom(200, 204, 304, 400, 403, 404, 500, 503),
    headers: fc.array(header, { maxLength: 4 }),
    body: text,
    framing: fc.constantFrom('length', 'chunked', 'close'),
    chunkSizes: fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 6 }),
  })
  .map(({ status, headers, body, framing, chunkSizes }) => {
    const bytes = Buffer.from(status === 204 || status === 304 ? '' : body, 'utf8');
    let head = `HTTP/1.1 ${status} Reason\r\n${headers.map(([n, v]) => `${n}: ${v}\r\n`).join('')}`;
    let payload = '';
    if (framing === 'length') head += `Content-Length: ${bytes.length}\r\n`;
    if (framing === 'chunked') {
      head += 'Transfer-Encoding: chunked\r\n';
      let at = 0;
      let i = 0;
      while (at < bytes.length) {
        const size = Math.min(chunkSizes[i % chunkSizes.length] ?? 1, bytes.length - at);
        payload += `${size.toString(16)}\r\n${bytes.subarray(at, at + size).toString('latin1')}\r\n`;
        at += size;
        i += 1;
      }
      payload += '0\r\n\r\n';
    } else payload = bytes.toString('latin1');
    if (framing === 'close') head += 'Connection: close\r\n';
    return Buffer.from(`${head}\r\n${payload}`, 'latin1');
  });
/** The same, with one of the things a broken or hostile server does to it. */
const mutated = fc
  .tuple(
    response,
    fc.nat(),
    fc.integer({ min: 0, max: 255 }),
    fc.constantFrom('flip', 'cut', 'insert', 'lf'),
  )
  .map(([bytes, at, byte, how]) => {
    const i = bytes.length === 0 ? 0 : at % bytes.length;
    if (how === 'cut') return bytes.subarray(0, i);
    if (how === 'lf') return Buffer.from(bytes.toString('latin1').replace('\r\n', '\n'), 'latin1');
    const copy = Buffer.from(bytes);
    if (how === 'flip') copy[i] = byte;
    return how === 'insert'
      ? Buffer.concat([copy.subarray(0, i), Buffer.from([byte]), copy.subarray(i)])
      : copy;
  });
const splits = fc.array(fc.nat({ max: 400 }), { maxLength: 5 });

describe('the response reader agrees with llhttp', () => {
  it('on well-formed responses in every framing, split anywhere', async () => {
    await fc.assert(
      fc.asyncProperty(response, splits, async (bytes, at) => {
        expect(ours(bytes, at)).toEqual(await node(bytes));
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('on mutated responses: the same answer, or a failure on both sides', async () => {
    await fc.assert(
      fc.asyncProperty(mutated, splits, async (bytes, at) => {
        const theirs = await node(bytes);
        const mine = ours(bytes, at);
        expect(mine, bytes.toString('latin1')).toEqual(theirs);
      }),
      { numRuns: 500, seed: 12 },
    );
  });
});
