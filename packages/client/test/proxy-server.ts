/**
 * A forward proxy for tests, on 127.0.0.1 only: CONNECT tunnels and absolute-form HTTP
 * requests. Every host name it is asked for is reached at 127.0.0.1 (the port is kept), so a
 * client can name a host no resolver knows and still arrive, but only through the proxy.
 * {@link startHostileProxy} is the other kind: a `node:net` server that misbehaves on CONNECT.
 */
import { createServer, request as httpRequest } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import { connect, createServer as createNetServer } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';

/** What the proxy was asked, in order. */
export interface ProxyRecord {
  readonly kind: 'connect' | 'forward';
  /** The CONNECT authority, or the absolute URL asked for. */
  readonly target: string;
  readonly authorization: string | undefined;
}

/** A running test proxy. */
export interface TestProxy {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly records: ProxyRecord[];
  close(): Promise<void>;
}

/** Options of {@link startProxy}. */
export interface TestProxyOptions {
  /** Refuse every CONNECT and request with this status (407, 502, …). */
  readonly refuseWith?: number;
}

const portOf = (authority: string, fallback: number): number => {
  const port = /:(\d+)$/.exec(authority)?.[1];
  return port === undefined ? fallback : Number(port);
};

const withoutProxyHeaders = (headers: IncomingHttpHeaders): IncomingHttpHeaders => {
  const copy = { ...headers };
  delete copy['proxy-authorization'];
  delete copy['proxy-connection'];
  return copy;
};

/** Starts a proxy on 127.0.0.1, port 0. */
export async function startProxy(options: TestProxyOptions = {}): Promise<TestProxy> {
  const records: ProxyRecord[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const target = req.url ?? '';
    records.push({ kind: 'forward', target, authorization: req.headers['proxy-authorization'] });
    if (options.refuseWith !== undefined || !target.startsWith('http://')) {
      res.writeHead(options.refuseWith ?? 400).end();
      return;
    }
    const url = new URL(target);
    const upstream = httpRequest(
      {
        host: '127.0.0.1',
        port: portOf(url.host, 80),
        method: req.method,
        path: `${url.pathname}${url.search}`,
        headers: withoutProxyHeaders(req.headers),
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.on('connect', (req, client: Socket, head: Buffer) => {
    const target = req.url ?? '';
    records.push({ kind: 'connect', target, authorization: req.headers['proxy-authorization'] });
    if (options.refuseWith !== undefined) {
      client.end(`HTTP/1.1 ${options.refuseWith} Refused\r\ncontent-length: 0\r\n\r\n`);
      return;
    }
    const upstream = connect({ host: '127.0.0.1', port: portOf(target, 443) }, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    upstream.on('close', () => sockets.delete(upstream));
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    records,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          resolve();
        });
      }),
  };
}

/** How a {@link startHostileProxy} answers CONNECT. */
export type HostileBehaviour =
  /** Reads the CONNECT and closes the connection without a word. */
  | 'close'
  /** Answers 407 Proxy Authentication Required and closes. */
  | 'refuse-407'
  /** Answers 502 Bad Gateway and closes. */
  | 'refuse-502'
  /** Answers with a complete head that is not HTTP, and stays open. */
  | 'garbage'
  /** Answers with 20 KiB that never end a head, and stays open. */
  | 'endless-head'
  /** Accepts the connection and never answers. */
  | 'stall'
  /** Sends the start of a 200 answer, then nothing. */
  | 'partial'
  /** Answers 200, then never answers the client's TLS hello through the tunnel. */
  | 'silent-tunnel';

/** A running hostile proxy. */
export interface HostileProxy {
  /** `host:port`, as errors name it. */
  readonly label: string;
  readonly port: number;
  /** CONNECT requests seen. */
  readonly connects: () => number;
  /** Connections from clients still open. */
  readonly open: () => number;
  close(): Promise<void>;
}

/** Starts a `node:net` proxy on 127.0.0.1, port 0, that misbehaves as `behaviour` says. */
export async function startHostileProxy(behaviour: HostileBehaviour): Promise<HostileProxy> {
  const sockets = new Set<Socket>();
  let connects = 0;
  const server = createNetServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    if (behaviour === 'stall') {
      // Read and ignore, so a client's closing is seen (a paused socket never sees its end).
      socket.resume();
      return;
    }
    let head = '';
    const onData = (chunk: Buffer): void => {
      head += chunk.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      socket.off('data', onData);
      // Bytes through the tunnel (a TLS hello) are read and ignored from here on.
      socket.on('data', () => undefined);
      if (head.startsWith('CONNECT ')) connects += 1;
      if (behaviour === 'close') socket.destroy();
      else if (behaviour === 'refuse-407' || behaviour === 'refuse-502') {
        const status = behaviour.slice(-3);
        socket.end(`HTTP/1.1 ${status} No\r\ncontent-length: 0\r\n\r\n`);
      } else if (behaviour === 'garbage') socket.write('\x16\x03\x01\x00\x02\x02\x28\r\n\r\n');
      else if (behaviour === 'endless-head') socket.write('x'.repeat(20_480));
      else if (behaviour === 'partial') socket.write('HTTP/1.1 200 Connection Est');
      else socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    };
    socket.on('data', onData);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    label: `127.0.0.1:${port}`,
    port,
    connects: () => connects,
    open: () => sockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          resolve();
        });
      }),
  };
}
