/**
 * The Node transports against real servers on 127.0.0.1. Both send the same request bytes: the
 * endpoint's host once (or the caller's), the body with its byte length. The socket transport
 * also against a `node:http` server for how it reuses connections, a raw `node:net` server for
 * responses `node:http` would never write (split, chunked, cut, malformed), and a `node:https`
 * server for TLS.
 */
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer } from 'node:net';
import { TLSSocket } from 'node:tls';
import type { AddressInfo, Server as NetServer, Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  TransportClosedError,
  TransportError,
  TransportTimeoutError,
  fetchTransport,
  nodeTransport,
  socketTransport,
} from '../src/node/index.ts';
import type { TransportRequest } from '../src/node/index.ts';

const listen = async (server: NetServer): Promise<number> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
};
const close = (server: NetServer): Promise<unknown> =>
  new Promise((resolve) => {
    if ('closeAllConnections' in server) (server as Server).closeAllConnections();
    server.close(resolve);
  });
const errorOf = async (promise: Promise<unknown>): Promise<Error> => {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
};
const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('over node:http', () => {
  let server: Server;
  let port = 0;
  const seen: { req: IncomingMessage; body: string; remotePort: number }[] = [];
  beforeAll(async () => {
    server = createHttpServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => {
        body += chunk;
      });
      req.on('end', () => {
        seen.push({ req, body, remotePort: req.socket.remotePort ?? 0 });
        const delay = Number(req.headers['x-delay'] ?? 0);
        setTimeout(() => {
          res.writeHead(200, { 'content-type': 'application/json', 'x-multi': ['a', 'b'] });
          res.end('{"RequestId":"R1"}');
        }, delay);
      });
    });
    server.keepAliveTimeout = 30_000;
    port = await listen(server);
  });
  afterAll(() => close(server));

  for (const [name, make] of [
    ['socketTransport', socketTransport],
    ['nodeTransport', nodeTransport],
  ] as const) {
    it(`${name}: sends the endpoint host once, the UTF-8 body with its byte length, and reads the answer`, async () => {
      const send = make();
      const res = await send({
        method: 'POST',
        url: `http://127.0.0.1:${port}/?a=1`,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-acs-action': 'A' },
        body: 'ImageIds=图',
        timeoutMs: 5_000,
      });
      expect(res.status).toBe(200);
      expect(res.body).toBe('{"RequestId":"R1"}');
      expect(res.header('X-Multi')).toBe('a, b');
      expect(res.header('x-absent')).toBeNull();
      const last = seen.at(-1);
      expect(last?.req.url).toBe('/?a=1');
      expect(last?.req.rawHeaders.filter((h) => h.toLowerCase() === 'host')).toHaveLength(1);
      expect(last?.req.headers.host).toBe(`127.0.0.1:${port}`);
      expect(last?.req.headers['content-length']).toBe(String(Buffer.byteLength('ImageIds=图')));
      expect(last?.req.headers['x-acs-action']).toBe('A');
      expect(last?.body).toBe('ImageIds=图');
    });

    it(`${name}: keeps a host header the caller gave, and sends a GET without a body`, async () => {
      const res = await make()({
        method: 'GET',
        url: `http://127.0.0.1:${port}`,
        headers: { host: 'vod.example.test' },
      });
      expect(res.status).toBe(200);
      const last = seen.at(-1);
      expect(last?.req.url).toBe('/');
      expect(last?.req.rawHeaders.filter((h) => h.toLowerCase() === 'host')).toHaveLength(1);
      expect(last?.req.headers.host).toBe('vod.example.test');
      expect(last?.req.headers['content-length']).toBeUndefined();
    });

    it(`${name}: an answer later than timeoutMs is a timeout that may have been applied`, async () => {
      const error = await errorOf(
        make()({
          method: 'GET',
          url: `http://127.0.0.1:${port}/`,
          headers: { 'x-delay': '2000' },
          timeoutMs: 50,
        }),
      );
      expect(error).toBeInstanceOf(TransportTimeoutError);
      expect(TransportError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ reason: 'timeout', sent: true, timeoutMs: 50 });
      expect(error.message).toBe('attempt timed out after 50 ms');
    });

    it(`${name}: once closed, refuses a request as closed and not sent`, async () => {
      const send = make();
      await send({ method: 'GET', url: `http://127.0.0.1:${port}/`, headers: {} });
      await send.close?.();
      const from = seen.length;
      const error = await errorOf(
        send({ method: 'GET', url: `http://127.0.0.1:${port}/`, headers: {} }),
      );
      expect(error).toBeInstanceOf(TransportClosedError);
      expect(error).toMatchObject({ reason: 'closed', sent: false });
      expect(error.message).toBe('the transport is closed');
      expect(seen.length).toBe(from);
    });
  }

  it('reuses one connection for sequential requests', async () => {
    const send = socketTransport();
    const from = seen.length;
    for (let i = 0; i < 5; i += 1) {
      await send({ method: 'POST', url: `http://127.0.0.1:${port}/`, headers: {}, body: 'x' });
    }
    const ports = new Set(seen.slice(from).map((s) => s.remotePort));
    expect(ports.size).toBe(1);
  });

  it('opens at most maxSockets connections; the rest wait their turn and all succeed', async () => {
    const send = socketTransport({ maxSockets: 2 });
    const from = seen.length;
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        send({ method: 'GET', url: `http://127.0.0.1:${port}/`, headers: { 'x-delay': '20' } }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(new Set(seen.slice(from).map((s) => s.remotePort)).size).toBe(2);
  });

  it('does not reuse a connection idle for longer than keepAliveMs', async () => {
    // Wide margins: the first two requests must fall within keepAliveMs even on a busy machine.
    const send = socketTransport({ keepAliveMs: 400 });
    const from = seen.length;
    await send({ method: 'GET', url: `http://127.0.0.1:${port}/`, headers: {} });
    await send({ method: 'GET', url: `http://127.0.0.1:${port}/`, headers: {} });
    await wait(900);
    await send({ method: 'GET', url: `http://127.0.0.1:${port}/`, headers: {} });
    const ports = seen.slice(from).map((s) => s.remotePort);
    expect(ports[0]).toBe(ports[1]);
    expect(ports[2]).not.toBe(ports[1]);
  });

  it('times out an attempt with a TimeoutError and drops its connection', async () => {
    const send = socketTransport();
    const started = performance.now();
    const error = await errorOf(
      send({
        method: 'GET',
        url: `http://127.0.0.1:${port}/`,
        headers: { 'x-delay': '2000' },
        timeoutMs: 50,
      }),
    );
    expect(TransportTimeoutError.isInstance(error)).toBe(true);
    expect(error.message).toBe('attempt timed out after 50 ms');
    expect(performance.now() - started).toBeLessThan(1_500);
  });

  it('rejects with the signal’s reason on abort, before or during the exchange', async () => {
    const send = socketTransport();
    const before = new AbortController();
    before.abort(new Error('stop now'));
    const from = seen.length;
    const early = await errorOf(
      send({ method: 'GET', url: `http://127.0.0.1:${port}/`, headers: {}, signal: before.signal }),
    );
    expect(early.message).toBe('stop now');
    const during = new AbortController();
    const pending = send({
      method: 'GET',
      url: `http://127.0.0.1:${port}/`,
      headers: { 'x-delay': '2000' },
      signal: during.signal,
    });
    setTimeout(() => {
      during.abort(new Error('changed my mind'));
    }, 30);
    expect((await errorOf(pending)).message).toBe('changed my mind');
    // Only the second request reached the server.
    expect(seen.length - from).toBe(1);
  });

  it('a request waiting for a connection can time out; it is never sent', async () => {
    const send = socketTransport({ maxSockets: 1 });
    const from = seen.length;
    const slow = send({
      method: 'GET',
      url: `http://127.0.0.1:${port}/?slow`,
      headers: { 'x-delay': '150' },
    });
    const queued = await errorOf(
      send({ method: 'GET', url: `http://127.0.0.1:${port}/?queued`, headers: {}, timeoutMs: 30 }),
    );
    expect(TransportTimeoutError.isInstance(queued)).toBe(true);
    expect(queued).toMatchObject({
      sent: false,
      message: 'attempt timed out after 30 ms waiting for a free connection',
    });
    expect((await slow).status).toBe(200);
    await send({ method: 'GET', url: `http://127.0.0.1:${port}/?after`, headers: {} });
    expect(seen.slice(from).map((s) => s.req.url)).toEqual(['/?slow', '/?after']);
  });

  it('close() fails a request waiting for a connection as closed and not sent', async () => {
    const send = socketTransport({ maxSockets: 1 });
    const from = seen.length;
    const busy = send({ method: 'GET', url: `http://127.0.0.1:${port}/?busy`, headers: {} });
    const queued = errorOf(
      send({ method: 'GET', url: `http://127.0.0.1:${port}/?queued`, headers: {} }),
    );
    await send.close?.();
    const error = await queued;
    expect(error).toBeInstanceOf(TransportClosedError);
    expect(error).toMatchObject({ sent: false, message: 'the transport is closed' });
    expect((await busy).status).toBe(200);
    expect(seen.slice(from).map((s) => s.req.url)).toEqual(['/?busy']);
  });

  it('refuses what HTTP does not allow before sending anything', async () => {
    const send = socketTransport();
    const from = seen.length;
    const url = `http://127.0.0.1:${port}/`;
    const bad: [TransportRequest, RegExp][] = [
      [
        { method: 'GET', url, headers: { 'x-a': 'v\r\nx-injected: 1' } },
        /header x-a: only visible ASCII/,
      ],
      [
        { method: 'GET', url, headers: { 'bad name': 'v' } },
        /invalid HTTP header name "bad name": letters, digits and .* expected/,
      ],
      [{ method: 'GET', url: `${url}a b`, headers: {} }, /invalid request target/],
      [{ method: 'get me', url, headers: {} }, /invalid HTTP method "get me": uppercase letters/],
      [{ method: 'GET', url: 'ftp://127.0.0.1/', headers: {} }, /unsupported protocol ftp:/],
    ];
    for (const [request, message] of bad) {
      const error = await errorOf(send(request));
      expect(error).toBeInstanceOf(TypeError);
      expect(error.message).toMatch(message);
    }
    const secret = await errorOf(
      send({ method: 'GET', url, headers: { authorization: 'ACS3 Signature=s3cr3t\n' } }),
    );
    expect(secret.message).not.toContain('s3cr3t');
    expect(seen.length).toBe(from);
  });
});

/** A raw server: answers each request (its text) by writing whatever `answer` does. */
async function rawServer(
  answer: (socket: Socket, request: string, index: number) => void,
): Promise<{ stop: () => Promise<unknown>; port: number; connections: () => number }> {
  let connections = 0;
  let index = 0;
  const sockets = new Set<Socket>();
  const server = createNetServer((socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    let buffer = '';
    socket.setEncoding('latin1');
    socket.on('error', () => undefined);
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (;;) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        const length = Number(/content-length: (\d+)/i.exec(buffer.slice(0, end))?.[1] ?? 0);
        if (buffer.length < end + 4 + length) return;
        const request = buffer.slice(0, end + 4 + length);
        buffer = buffer.slice(end + 4 + length);
        answer(socket, request, index++);
      }
    });
  });
  const port = await listen(server);
  // Stopping also drops the connections the client keeps alive.
  const stop = (): Promise<unknown> => {
    for (const socket of sockets) socket.destroy();
    return close(server);
  };
  return { stop, port, connections: () => connections };
}

it('refuses options that could not work, naming them', () => {
  const cases: [Parameters<typeof socketTransport>[0], string][] = [
    [{ maxSockets: 0 }, 'maxSockets: must be a positive whole number, got 0'],
    [{ keepAliveMs: Number.NaN }, 'keepAliveMs: must be a positive whole number, got NaN'],
    [{ maxResponseBytes: 1.5 }, 'maxResponseBytes: must be a positive whole number, got 1.5'],
  ];
  for (const [options, message] of cases) {
    expect(() => socketTransport(options)).toThrow(new RangeError(message));
  }
});

describe('over a raw server', () => {
  const running: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((stop) => stop()));
  });
  const start = async (
    answer: (socket: Socket, request: string, index: number) => void,
  ): Promise<{ port: number; connections: () => number }> => {
    const raw = await rawServer(answer);
    running.push(raw.stop);
    return raw;
  };

  // Each answers `{"RequestId":"R"}`, framed differently; the framing decides reuse.
  const FRAMINGS: readonly [string, (socket: Socket) => void, number][] = [
    [
      'a chunked response written in pieces over time, reusing the connection',
      (socket) => {
        const parts = [
          'HTTP/1.1 200 OK\r\nTransfer-',
          'Encoding: chunked\r\n\r\n4\r\n{"Re',
          '\r\nd\r\nquestId":"R"}\r\n',
          '0\r\n\r\n',
        ];
        parts.forEach((part, i) => setTimeout(() => socket.write(part), i * 5));
      },
      1,
    ],
    [
      'a response delimited by the close, on a new connection each time',
      (socket) => {
        socket.end('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n\r\n{"RequestId":"R"}');
      },
      3,
    ],
  ];
  for (const [name, answer, expectedConnections] of FRAMINGS) {
    it(`reads ${name}`, async () => {
      const { port, connections } = await start(answer);
      const send = socketTransport();
      for (let i = 0; i < 3; i += 1) {
        const res = await send({ method: 'GET', url: `http://127.0.0.1:${port}/`, headers: {} });
        expect(res.body).toBe('{"RequestId":"R"}');
      }
      expect(connections()).toBe(expectedConnections);
    });
  }

  it('closes a connection left idle for keepAliveMs', async () => {
    let closedAt = 0;
    const { port } = await start((socket) => {
      socket.on('close', () => {
        closedAt = performance.now();
      });
      socket.write('HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok');
    });
    const answeredAt = performance.now();
    await socketTransport({ keepAliveMs: 40 })({
      method: 'GET',
      url: `http://127.0.0.1:${port}/`,
      headers: {},
    });
    for (let i = 0; i < 300 && closedAt === 0; i += 1) await wait(10);
    expect(closedAt).toBeGreaterThan(answeredAt + 35);
  });

  it('a connection the server closes while idle is not reused', async () => {
    const { port, connections } = await start((socket) => {
      socket.write('HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok');
      setTimeout(() => socket.destroy(), 10);
    });
    const send = socketTransport();
    await send({ method: 'GET', url: `http://127.0.0.1:${port}/`, headers: {} });
    await wait(200);
    const res = await send({ method: 'GET', url: `http://127.0.0.1:${port}/`, headers: {} });
    expect(res.body).toBe('ok');
    expect(connections()).toBe(2);
  });

  it('rejects a cut or malformed response, drops the connection, and recovers', async () => {
    const { port, connections } = await start((socket, _request, index) => {
      if (index === 0) socket.end('HTTP/1.1 200 OK\r\ncontent-length: 50\r\n\r\n{"Req');
      else if (index === 1) socket.write('SMTP ready\r\n\r\n');
      else socket.write('HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok');
    });
    const send = socketTransport();
    const url = `http://127.0.0.1:${port}/`;
    const cut = await errorOf(send({ method: 'GET', url, headers: {} }));
    expect(cut.message).toBe('connection closed before the response ended');
    // The request was written and half an answer came: it may have been applied.
    expect(cut).toBeInstanceOf(TransportClosedError);
    expect(cut).toMatchObject({ reason: 'closed', sent: true });
    const garbled = await errorOf(send({ method: 'GET', url, headers: {} }));
    expect(garbled.message).toBe('malformed HTTP status line');
    expect((await send({ method: 'GET', url, headers: {} })).body).toBe('ok');
    expect(connections()).toBe(3);
  });

  it('a connection closed after the request, with no answer, is closed and may have been applied', async () => {
    const { port } = await start((socket) => {
      socket.end();
    });
    const error = await errorOf(
      socketTransport()({ method: 'GET', url: `http://127.0.0.1:${port}/`, headers: {} }),
    );
    expect(error).toBeInstanceOf(TransportClosedError);
    expect(error).toMatchObject({
      sent: true,
      message: 'connection closed before the response ended',
    });
  });

  it('rejects a body over maxResponseBytes', async () => {
    const { port } = await start((socket) => {
      socket.write(`HTTP/1.1 200 OK\r\ncontent-length: 2000\r\n\r\n${'a'.repeat(2000)}`);
    });
    const error = await errorOf(
      socketTransport({ maxResponseBytes: 1000 })({
        method: 'GET',
        url: `http://127.0.0.1:${port}/`,
        headers: {},
      }),
    );
    expect(error.message).toBe('response body exceeds 1000 bytes');
  });

  it('reports a refused connection with its code', async () => {
    const { stop, port } = await rawServer(() => undefined);
    await stop();
    const error = await errorOf(
      socketTransport()({ method: 'GET', url: `http://127.0.0.1:${port}/`, headers: {} }),
    );
    expect((error as NodeJS.ErrnoException).code).toBe('ECONNREFUSED');
  });
});

describe('over TLS', () => {
  // A self-signed certificate for localhost and 127.0.0.1, made for these tests only.
  const cert = readFileSync(new URL('fixtures/localhost-cert.pem', import.meta.url));
  const key = readFileSync(new URL('fixtures/localhost-key.pem', import.meta.url));
  let server: NetServer;
  let port = 0;
  beforeAll(async () => {
    server = createHttpsServer({ cert, key }, (req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        const socket = req.socket;
        const resumed = socket instanceof TLSSocket && socket.isSessionReused();
        res.end(`{"RequestId":"${req.headers.host ?? ''}","resumed":${String(resumed)}}`);
      });
    });
    port = await listen(server);
  });
  afterAll(() => close(server));

  it('verifies the server against the given CA and sends the endpoint host', async () => {
    const send = socketTransport({ tls: { ca: cert } });
    for (const host of ['localhost', '127.0.0.1']) {
      const res = await send({
        method: 'POST',
        url: `https://${host}:${port}/`,
        headers: {},
        body: 'a=1',
      });
      expect(JSON.parse(res.body)).toMatchObject({ RequestId: `${host}:${port}` });
    }
  });

  it('resumes the TLS session on its next connection', async () => {
    const send = socketTransport({ tls: { ca: cert }, keepAliveMs: 20 });
    const url = `https://localhost:${port}/`;
    const first = await send({ method: 'GET', url, headers: {} });
    expect(JSON.parse(first.body)).toMatchObject({ resumed: false });
    // Past keepAliveMs the idle connection is not reused: the next request connects again.
    await wait(60);
    const second = await send({ method: 'GET', url, headers: {} });
    expect(JSON.parse(second.body)).toMatchObject({ resumed: true });
  });

  it('refuses a certificate it cannot verify', async () => {
    const error = await errorOf(
      socketTransport()({ method: 'GET', url: `https://localhost:${port}/`, headers: {} }),
    );
    expect((error as NodeJS.ErrnoException).code).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
  });
});

describe('an endless body', () => {
  // Every transport holds the same bound: an endless chunked body is refused at
  // maxResponseBytes and the connection dropped, never read on (so nothing grows to GBs).
  const transports = [
    ['socketTransport', socketTransport({ maxResponseBytes: 64 * 1024 })],
    ['nodeTransport', nodeTransport({ maxResponseBytes: 64 * 1024 })],
    ['fetchTransport', fetchTransport(undefined, { maxResponseBytes: 64 * 1024 })],
  ] as const;
  it.each(transports)(
    '%s refuses it at maxResponseBytes and stops reading',
    async (_name, send) => {
      let sent = 0;
      const { stop, port } = await rawServer((socket) => {
        socket.write(
          'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n',
        );
        const chunk = `4000\r\n${'x'.repeat(0x4000)}\r\n`;
        // Bounded: at most 256 MiB would go out if the client read on.
        const pump = (): void => {
          while (!socket.destroyed && sent < 16_384) {
            sent += 1;
            if (!socket.write(chunk)) {
              socket.once('drain', pump);
              return;
            }
          }
        };
        pump();
      });
      try {
        const error = await errorOf(
          send({ method: 'GET', url: `http://127.0.0.1:${port}/`, headers: {} }),
        );
        expect(error.message).toMatch(/exceeds 65536 bytes|response body/);
        await wait(50);
        expect(sent).toBeLessThan(16_384);
      } finally {
        await stop();
      }
    },
  );

  it('fetchTransport and nodeTransport refuse a bound that could not work, naming it', () => {
    expect(() => fetchTransport(undefined, { maxResponseBytes: 0 })).toThrow(
      'maxResponseBytes: must be a positive whole number, got 0',
    );
    expect(() => nodeTransport({ maxResponseBytes: Number.NaN })).toThrow(
      'maxResponseBytes: must be a positive whole number, got NaN',
    );
  });
});
