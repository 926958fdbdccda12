/**
 * A forward proxy for tests, on 127.0.0.1 only: CONNECT tunnels and absolute-form HTTP
 * requests. Every host name it is asked for is reached at 127.0.0.1 (the port is kept), so a
 * client can name a host no resolver knows and still arrive, but only through the proxy.
 */
import { createServer, request as httpRequest } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
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
