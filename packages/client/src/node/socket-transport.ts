/**
 * The socket transport, composed of its layers: a pool of connections per origin (`pool.ts`),
 * each connection (`connection.ts`) writing a request (`http1-request.ts`) and reading its
 * response (`http1-response.ts`), over sockets the connector (`connector.ts`) opens straight or
 * through a proxy (`proxy-rules.ts` picks it, `proxy-tunnel.ts` tunnels through it).
 */
import type { ConnectionOptions } from 'node:tls';
import { Connector } from './connector.js';
import { transportClosed } from './attempt.js';
import { withDiagnostics } from './diagnostics.js';
import { Exchange } from './exchange.js';
import { framingFor, serializeRequest } from './http1-request.js';
import type { RequestFraming } from './http1-request.js';
import { Http1ResponseReader } from './http1-response.js';
import { originTarget, splitUrl } from './origin.js';
import { Pool } from './pool.js';
import { checkProxySetting, proxyFor } from './proxy-rules.js';
import type { ProxySetting } from './proxy-rules.js';
import { DEFAULT_MAX_RESPONSE_BYTES, positiveInteger } from '../transport.js';
import type { Transport, TransportRequest, TransportResponse } from '../transport.js';

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

/** How the transport reaches one origin: the head its requests share, and its connections. */
interface Route {
  readonly framing: RequestFraming;
  readonly pool: Pool;
}

/**
 * A {@link Transport} that speaks HTTP/1.1 itself over keep-alive `node:net`/`node:tls`
 * connections, the Node entry's default. A DeleteImage exchange is one small request and one
 * small response, so it writes the request as one string and reads the response with a minimal
 * reader, without the streams, header objects and events `node:http` builds per request
 * (`pnpm bench` compares the two). Responses framed by `content-length`, `chunked` or
 * the end of the connection are read; anything else is a protocol error and the connection is
 * dropped. Tools that instrument `node:http` (APM agents) do not see these requests (they can
 * subscribe to `DIAGNOSTICS_CHANNELS`): use
 * {@link nodeTransport} where that matters.
 *
 * @example
 * ```ts
 * createVodClient({ region, credentials, transport: socketTransport({ maxSockets: 128 }) })
 * ```
 */
export function socketTransport(options: SocketTransportOptions = {}): Transport {
  const limits = {
    maxSockets: positiveInteger(options.maxSockets, 'maxSockets', 64),
    keepAliveMs: positiveInteger(options.keepAliveMs, 'keepAliveMs', 4000),
  };
  const readerLimits = {
    maxHeadBytes: 65_536,
    maxBodyBytes: positiveInteger(
      options.maxResponseBytes,
      'maxResponseBytes',
      DEFAULT_MAX_RESPONSE_BYTES,
    ),
  };
  const proxySetting = checkProxySetting(options.proxy);
  const origins = new Map<string, Route>();
  let closed = false;

  const routeTo = (origin: string): Route => {
    let route = origins.get(origin);
    if (route === undefined) {
      const target = originTarget(origin);
      const proxy = proxyFor(proxySetting, origin, target);
      const connector = new Connector(target, proxy, options.tls);
      route = { framing: framingFor(origin, target, proxy), pool: new Pool(connector, limits) };
      origins.set(origin, route);
    }
    return route;
  };

  const send = (r: TransportRequest): Promise<TransportResponse> =>
    new Promise<TransportResponse>((resolve, reject) => {
      if (closed) {
        reject(transportClosed());
        return;
      }
      let route: Route;
      let payload: string;
      try {
        const { origin, path } = splitUrl(r.url);
        route = routeTo(origin);
        payload = serializeRequest(r, path, route.framing);
      } catch (error) {
        reject(error instanceof Error ? error : new TypeError(String(error)));
        return;
      }
      if (r.signal?.aborted === true) {
        reject(r.signal.reason as Error);
        return;
      }
      const exchange = new Exchange(
        payload,
        new Http1ResponseReader(readerLimits),
        resolve,
        reject,
      );
      exchange.watch(r.timeoutMs, r.signal);
      route.pool.acquire(exchange);
    });
  /** Drops idle connections and queued requests now; busy ones are closed when they finish. */
  const close = (): Promise<void> => {
    closed = true;
    for (const { pool } of origins.values()) pool.close(transportClosed);
    return Promise.resolve();
  };
  return withDiagnostics(Object.assign(send, { close }));
}
