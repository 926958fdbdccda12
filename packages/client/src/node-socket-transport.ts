import type { Socket } from 'node:net';
import type { ConnectionOptions } from 'node:tls';
import { Http1ResponseReader } from './node-http1-response.js';
import type { Http1Response } from './node-http1-response.js';
import { loadNet, loadTls } from './node-builtins.js';
import { originTarget, splitUrl } from './node-origin.js';
import type { OriginTarget } from './node-origin.js';
import {
  authorityOf,
  checkProxySetting,
  connectToProxy,
  openTunnel,
  proxyFor,
} from './node-proxy.js';
import type { ProxySetting, ProxyTarget } from './node-proxy.js';
import { DEFAULT_MAX_RESPONSE_BYTES, positiveInteger } from './transport.js';
import { withDiagnostics } from './node-diagnostics.js';
import { attemptTimeout, followConnecting } from './node-attempt.js';
import type { WaitingFor } from './node-attempt.js';
import type { Transport, TransportRequest, TransportResponse } from './transport.js';

/**
 * Options of {@link socketTransport}. Each request is published on `node:diagnostics_channel`
 * (`DIAGNOSTICS_CHANNELS`), so APM tools can see it.
 */
export interface SocketTransportOptions {
  /** Connections per origin; defaults to 64. Requests beyond them wait for a free one. */
  readonly maxSockets?: number | undefined;
  /**
   * How long an idle connection may be reused, in ms; defaults to 4 000 (below common server
   * idle timeouts, so a request is not written to a connection the server is closing).
   */
  readonly keepAliveMs?: number | undefined;
  /** The largest response body accepted, in bytes; defaults to `DEFAULT_MAX_RESPONSE_BYTES` (8 MiB). */
  readonly maxResponseBytes?: number | undefined;
  /**
   * Extra TLS options for `https` endpoints (a private CA, say). Host, port and server name come
   * from the endpoint.
   */
  readonly tls?: Omit<ConnectionOptions, 'host' | 'port' | 'servername' | 'socket'> | undefined;
  /**
   * A proxy URL every request goes through, `false` for none; by default `HTTPS_PROXY`,
   * `HTTP_PROXY`, `ALL_PROXY` and `NO_PROXY` decide (loopback endpoints are never proxied
   * from the environment). HTTPS endpoints are reached through a CONNECT tunnel, HTTP ones by
   * asking the proxy for the absolute URL. A user and password in the URL are sent as
   * `proxy-authorization` and never appear in an error.
   */
  readonly proxy?: ProxySetting;
}

/** One request in flight, from its first byte written to its settling. */
interface Exchange {
  readonly pool: Pool;
  readonly reader: Http1ResponseReader;
  readonly payload: string;
  readonly resolve: (response: TransportResponse) => void;
  readonly reject: (error: unknown) => void;
  settled: boolean;
  connection: Connection | undefined;
  timer: ReturnType<typeof setTimeout> | undefined;
  cleanup: (() => void) | undefined;
}

/** A keep-alive connection and the exchange it carries, if any. */
interface Connection {
  /** The socket; through a proxy's tunnel, the proxy socket until TLS starts over it. */
  socket: Socket;
  /** Waiting for the proxy to open the tunnel: the exchange is written once it is open. */
  tunnelling: boolean;
  /** What the connection still waits for before a request written to it can leave. */
  waitingFor: WaitingFor;
  readonly pool: Pool;
  exchange: Exchange | undefined;
  idleSince: number;
}

/** The connections to one origin, and the exchanges waiting for one. */
interface Pool extends OriginTarget {
  readonly idle: Connection[];
  readonly waiting: Exchange[];
  open: number;
  /** The last TLS session, offered when connecting again (saves a full handshake). */
  session: Buffer | undefined;
  /** Closes connections idle for keepAliveMs; runs only while some are idle. */
  sweeper: ReturnType<typeof setInterval> | undefined;
  /** The proxy this origin is reached through, if any. */
  readonly proxy: ProxyTarget | undefined;
  /** Put before the path: the origin, when an HTTP request goes to a proxy (absolute form). */
  readonly targetPrefix: string;
  /** Header lines every request to this origin carries (`proxy-authorization`). */
  readonly extraHead: string;
}

const METHOD = /^[A-Z]+$/;
const TARGET = /^\/[\x21-\x7e]*$/;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const HEADER_VALUE = /^[\t\x20-\x7e]*$/;

const closedEarly = (): Error => new Error('connection closed before the response ended');

function responseOf(response: Http1Response): TransportResponse {
  const headers = response.headers;
  return {
    status: response.status,
    header: (name) => headers.get(name.toLowerCase()) ?? null,
    body: response.body,
    headerEntries: () => headers.entries(),
  };
}

/**
 * The request as HTTP/1.1 bytes (a string: ASCII head, UTF-8 body). Throws a TypeError naming
 * the part HTTP does not allow, before anything is sent; header values are not quoted, since
 * they may be credentials.
 */
function serialize(r: TransportRequest, path: string, pool: Pool): string {
  if (!METHOD.test(r.method)) {
    throw new TypeError(`invalid HTTP method "${r.method}": uppercase letters expected`);
  }
  if (!TARGET.test(path)) {
    throw new TypeError('invalid request target: a path and query of visible ASCII were expected');
  }
  let head = `${r.method} ${pool.targetPrefix}${path} HTTP/1.1\r\n${pool.extraHead}`;
  let hasHost = false;
  for (const name in r.headers) {
    const value = r.headers[name] ?? '';
    if (!HEADER_NAME.test(name)) {
      throw new TypeError(
        `invalid HTTP header name "${name}": letters, digits and !#$%&'*+-.^_\`|~ expected`,
      );
    }
    if (!HEADER_VALUE.test(value)) {
      throw new TypeError(
        `header ${name}: only visible ASCII, spaces and tabs are allowed in a value`,
      );
    }
    const lower = name.toLowerCase();
    if (lower === 'host') hasHost = true;
    // The transport frames the body itself, and the proxy's credentials are its own.
    if (
      lower === 'content-length' ||
      lower === 'transfer-encoding' ||
      lower === 'connection' ||
      lower === 'proxy-authorization'
    ) {
      continue;
    }
    head += `${name}: ${value}\r\n`;
  }
  if (!hasHost) head += `host: ${pool.host}\r\n`;
  if (r.body === undefined) return `${head}\r\n`;
  return `${head}content-length: ${Buffer.byteLength(r.body)}\r\n\r\n${r.body}`;
}

/**
 * A {@link Transport} that speaks HTTP/1.1 itself over keep-alive `node:net`/`node:tls`
 * connections, the Node entry's default. A DeleteImage exchange is one small request and one
 * small response, so writing the request as one string and reading the response with a minimal
 * reader costs far less client CPU than `node:http`, which builds streams, header objects and
 * events per request (`pnpm bench` shows the figures). Responses framed by `content-length`, `chunked` or
 * the end of the connection are read; anything else is a protocol error and the connection is
 * dropped. Tools that instrument `node:http` (APM agents) do not see these requests (they can
 * subscribe to `DIAGNOSTICS_CHANNELS`): use
 * {@link nodeTransport} where that matters.
 *
 * @example createVodClient({ region, credentials, transport: socketTransport({ maxSockets: 128 }) })
 */
export function socketTransport(options: SocketTransportOptions = {}): Transport {
  const maxSockets = positiveInteger(options.maxSockets, 'maxSockets', 64);
  const keepAliveMs = positiveInteger(options.keepAliveMs, 'keepAliveMs', 4000);
  const limits = {
    maxHeadBytes: 65_536,
    maxBodyBytes: positiveInteger(
      options.maxResponseBytes,
      'maxResponseBytes',
      DEFAULT_MAX_RESPONSE_BYTES,
    ),
  };
  const proxySetting = checkProxySetting(options.proxy);
  const pools = new Map<string, Pool>();
  let closed = false;

  function poolFor(origin: string): Pool {
    let pool = pools.get(origin);
    if (pool === undefined) {
      const target = originTarget(origin);
      const proxy = proxyFor(proxySetting, origin, target);
      // Plain HTTP through a proxy: the proxy is asked for the absolute URL, with its credentials.
      const viaProxy = proxy !== undefined && !target.secure;
      pool = {
        ...target,
        idle: [],
        waiting: [],
        open: 0,
        session: undefined,
        sweeper: undefined,
        proxy,
        targetPrefix: viaProxy ? origin : '',
        extraHead:
          viaProxy && proxy.authorization !== undefined
            ? `proxy-authorization: ${proxy.authorization}\r\n`
            : '',
      };
      pools.set(origin, pool);
    }
    return pool;
  }

  /** TLS to the endpoint, over `socket` (a proxy's tunnel) or straight to it. */
  function startTls(pool: Pool, socket?: Socket): Socket {
    const secureSocket = loadTls().connect({
      ...options.tls,
      host: pool.hostname,
      port: pool.port,
      // SNI takes a host name, never an IP address.
      servername: loadNet().isIP(pool.hostname) === 0 ? pool.hostname : '',
      session: pool.session,
      ALPNProtocols: ['http/1.1'],
      ...(socket === undefined ? {} : { socket }),
    });
    secureSocket.on('session', (session: Buffer) => {
      pool.session = session;
    });
    return secureSocket;
  }

  function connect(pool: Pool): Connection {
    const proxy = pool.proxy;
    const authority = authorityOf(pool.hostname, pool.port);
    const tunnel = proxy !== undefined && pool.secure ? openTunnel(proxy, authority) : undefined;
    const socket =
      tunnel?.socket ??
      (proxy !== undefined
        ? connectToProxy(proxy)
        : pool.secure
          ? startTls(pool)
          : loadNet().connect({ host: pool.hostname, port: pool.port }));
    socket.setNoDelay(true);
    const connection: Connection = {
      socket,
      tunnelling: tunnel !== undefined,
      waitingFor: undefined,
      pool,
      exchange: undefined,
      idleSince: 0,
    };
    const follow = (waitingFor: WaitingFor): void => {
      connection.waitingFor = waitingFor;
    };
    pool.open += 1;
    if (tunnel === undefined) {
      followConnecting(socket, proxy === undefined ? authority : proxy.label, follow);
      listen(connection, socket);
      return connection;
    }
    connection.waitingFor = tunnel.waitingFor;
    // openTunnel settles `ready` however the tunnel ends (it rejects once the socket closes), so
    // the exchange fails with the tunnel's own reason: the proxy refused, closed or stalled
    // (a timeout or abort destroys the socket), and nothing was sent.
    tunnel.ready.then(
      () => {
        const secureSocket = startTls(pool, socket);
        connection.socket = secureSocket;
        connection.tunnelling = false;
        followConnecting(secureSocket, authority, follow);
        listen(connection, secureSocket);
        if (connection.exchange !== undefined) secureSocket.write(connection.exchange.payload);
      },
      (error: unknown) => {
        if (connection.exchange !== undefined) fail(connection.exchange, error);
        onClosed(connection);
      },
    );
    return connection;
  }

  /** What a connection does when its socket closes: free the slot, fail what it carried. */
  function onClosed(connection: Connection): void {
    const pool = connection.pool;
    pool.open -= 1;
    const at = pool.idle.indexOf(connection);
    if (at >= 0) pool.idle.splice(at, 1);
    if (connection.exchange !== undefined) fail(connection.exchange, closedEarly());
    // A slot is free: the oldest waiting exchange takes it.
    const next = pool.waiting.shift();
    if (next !== undefined) start(connect(pool), next);
  }

  /** Reads responses from the socket a connection speaks HTTP over. */
  function listen(connection: Connection, socket: Socket): void {
    socket.on('data', (chunk: Buffer) => {
      const exchange = connection.exchange;
      if (exchange === undefined) {
        // Bytes nobody asked for: the connection's state is unknown.
        socket.destroy();
        return;
      }
      let response: Http1Response | undefined;
      try {
        response = exchange.reader.push(chunk);
      } catch (error) {
        fail(exchange, error);
        return;
      }
      if (response !== undefined) complete(connection, exchange, response);
    });
    socket.on('end', () => {
      const exchange = connection.exchange;
      if (exchange === undefined) return;
      let response: Http1Response;
      try {
        response = exchange.reader.end();
      } catch (error) {
        fail(exchange, error);
        return;
      }
      complete(connection, exchange, response);
    });
    socket.on('error', (error) => {
      if (connection.exchange !== undefined) fail(connection.exchange, error);
    });
    socket.on('close', () => {
      onClosed(connection);
    });
  }

  function start(connection: Connection, exchange: Exchange): void {
    connection.exchange = exchange;
    exchange.connection = connection;
    connection.socket.ref();
    // Through a tunnel still opening, the payload is written once it is open.
    if (!connection.tunnelling) connection.socket.write(exchange.payload);
  }

  function timeOut(exchange: Exchange, ms: number): void {
    const connection = exchange.connection;
    const waitingFor =
      connection === undefined ? 'waiting for a free connection' : connection.waitingFor;
    fail(exchange, attemptTimeout(ms, waitingFor));
  }

  function settle(exchange: Exchange): void {
    exchange.settled = true;
    if (exchange.timer !== undefined) clearTimeout(exchange.timer);
    exchange.cleanup?.();
    const connection = exchange.connection;
    if (connection !== undefined) connection.exchange = undefined;
  }

  function fail(exchange: Exchange, error: unknown): void {
    if (exchange.settled) return;
    settle(exchange);
    const connection = exchange.connection;
    if (connection !== undefined) {
      // Mid-exchange: what the connection still carries is unknown, so it goes.
      connection.socket.destroy();
    } else {
      const at = exchange.pool.waiting.indexOf(exchange);
      if (at >= 0) exchange.pool.waiting.splice(at, 1);
    }
    exchange.reject(error);
  }

  function complete(connection: Connection, exchange: Exchange, response: Http1Response): void {
    if (exchange.settled) return;
    settle(exchange);
    // Reuse only a connection that is quiet in both directions: the whole request written and
    // nothing more to read.
    if (response.reusable && connection.socket.writableLength === 0) release(connection);
    else connection.socket.destroy();
    exchange.resolve(responseOf(response));
  }

  function release(connection: Connection): void {
    const pool = connection.pool;
    if (closed) {
      connection.socket.destroy();
      return;
    }
    const next = pool.waiting.shift();
    if (next !== undefined) {
      start(connection, next);
      return;
    }
    connection.socket.unref();
    connection.idleSince = performance.now();
    pool.idle.push(connection);
    // One timer per pool rather than one per idle period: arming and clearing a timer around
    // every request costs more than the occasional sweep. A connection may so stay open up to
    // twice keepAliveMs, but acquire never reuses one idle for longer than keepAliveMs.
    pool.sweeper ??= setInterval(sweep, keepAliveMs, pool).unref();
  }

  function sweep(pool: Pool): void {
    const now = performance.now();
    for (const connection of pool.idle.slice()) {
      if (now - connection.idleSince >= keepAliveMs) connection.socket.destroy();
    }
    if (pool.idle.length === 0) {
      clearInterval(pool.sweeper);
      pool.sweeper = undefined;
    }
  }

  function acquire(pool: Pool, exchange: Exchange): void {
    // Most recently used first: the connection least likely to have been closed by the server.
    let connection = pool.idle.pop();
    while (connection !== undefined) {
      if (!connection.socket.destroyed && performance.now() - connection.idleSince < keepAliveMs) {
        start(connection, exchange);
        return;
      }
      connection.socket.destroy();
      connection = pool.idle.pop();
    }
    if (pool.open < maxSockets) start(connect(pool), exchange);
    else pool.waiting.push(exchange);
  }

  const send = (r: TransportRequest): Promise<TransportResponse> =>
    new Promise<TransportResponse>((resolve, reject) => {
      if (closed) {
        reject(new Error('the transport is closed'));
        return;
      }
      let pool: Pool;
      let payload: string;
      try {
        const { origin, path } = splitUrl(r.url);
        pool = poolFor(origin);
        payload = serialize(r, path, pool);
      } catch (error) {
        reject(error instanceof Error ? error : new TypeError(String(error)));
        return;
      }
      const signal = r.signal;
      if (signal?.aborted === true) {
        reject(signal.reason as Error);
        return;
      }
      const exchange: Exchange = {
        pool,
        reader: new Http1ResponseReader(limits),
        payload,
        resolve,
        reject,
        settled: false,
        connection: undefined,
        timer: undefined,
        cleanup: undefined,
      };
      // A plain timer, cleared when the exchange settles: cheaper than an AbortSignal per call.
      if (r.timeoutMs !== undefined) {
        exchange.timer = setTimeout(timeOut, r.timeoutMs, exchange, r.timeoutMs);
      }
      if (signal !== undefined) {
        const onAbort = (): void => {
          fail(exchange, signal.reason);
        };
        signal.addEventListener('abort', onAbort, { once: true });
        exchange.cleanup = () => {
          signal.removeEventListener('abort', onAbort);
        };
      }
      acquire(pool, exchange);
    });
  /** Drops idle connections and queued requests now; busy ones are closed when they finish. */
  const close = (): Promise<void> => {
    closed = true;
    for (const pool of pools.values()) {
      for (const connection of pool.idle.splice(0)) connection.socket.destroy();
      for (const exchange of pool.waiting.slice())
        fail(exchange, new Error('the transport is closed'));
      clearInterval(pool.sweeper);
      pool.sweeper = undefined;
    }
    return Promise.resolve();
  };
  return withDiagnostics(Object.assign(send, { close }));
}
