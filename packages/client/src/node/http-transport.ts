import type { Agent, ClientRequest, IncomingHttpHeaders, RequestOptions } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ConnectionOptions } from 'node:tls';
import { loadHttp, loadHttps } from './builtins.js';
import { authorityOf, originTarget, splitUrl } from './origin.js';
import type { OriginTarget } from './origin.js';
import { checkProxySetting, proxyFor } from './proxy-rules.js';
import { openTunnel } from './proxy-tunnel.js';
import type { ProxySetting, ProxyTarget } from './proxy-rules.js';
import { attemptTimeout, socketWaitingFor, transportClosed } from './attempt.js';
import type { WaitingFor } from './attempt.js';
import { DEFAULT_MAX_RESPONSE_BYTES, positiveInteger } from '../transport.js';
import type { Transport, TransportRequest, TransportResponse } from '../transport.js';
import { TransportClosedError } from '../transport-errors.js';

/** Options of {@link nodeTransport}. */
export interface NodeTransportOptions {
  /** Sockets per origin; defaults to 64. */
  readonly maxSockets?: number | undefined;
  /** How long an idle socket stays open, in ms; defaults to 4 000 (below common server idle timeouts). */
  readonly keepAliveMs?: number | undefined;
  /** The largest response body accepted, in bytes; defaults to `DEFAULT_MAX_RESPONSE_BYTES` (8 MiB). */
  readonly maxResponseBytes?: number | undefined;
  /**
   * A proxy URL every request goes through, `false` for none; by default `HTTPS_PROXY`,
   * `HTTP_PROXY`, `ALL_PROXY` and `NO_PROXY` decide (loopback endpoints are never proxied
   * from the environment). HTTPS endpoints are reached through a CONNECT tunnel.
   */
  readonly proxy?: ProxySetting;
  /** Extra TLS options for `https` endpoints (a private CA, say), given to the HTTPS agents. */
  readonly tls?: Omit<ConnectionOptions, 'host' | 'port' | 'servername' | 'socket'> | undefined;
}

type AgentOptions = ConstructorParameters<typeof Agent>[0];

/** A keep-alive agent of `node:https` or `node:http`, loaded when first needed. */
const keepAliveAgent = (secure: boolean, options: AgentOptions): Agent =>
  secure ? new (loadHttps().Agent)(options) : new (loadHttp().Agent)(options);

/**
 * What one request shares with the agent that connects it: where it waits while nothing can
 * have been sent, and how to stop a connection being made for it. Node hands a request's
 * options on to `createConnection`, so it travels there under {@link ATTEMPT}.
 */
interface AttemptState {
  waitingFor: WaitingFor;
  /** Ends the connection being made for this request (a tunnel still opening), if any. */
  cancel: (() => void) | undefined;
}
const ATTEMPT = Symbol('vodkit.attempt');

/**
 * An `https.Agent` whose connections are TLS over a CONNECT tunnel through `proxy`: the agent
 * still pools them per endpoint and resumes TLS sessions. Node waits for `createConnection`'s
 * callback with no deadline of its own, so the request that asked for the tunnel may end it.
 */
function tunnellingAgent(proxy: ProxyTarget, options: AgentOptions): Agent {
  class TunnellingAgent extends loadHttps().Agent {
    // Node's Agent takes the socket from the callback when this returns nothing.
    override createConnection(
      connectOptions: RequestOptions,
      callback?: (error: Error | null, stream: Duplex) => void,
    ): undefined {
      const authority = authorityOf(
        connectOptions.host ?? 'localhost',
        Number(connectOptions.port ?? 443),
      );
      const tunnel = openTunnel(proxy, authority);
      const attempt = (connectOptions as { [ATTEMPT]?: AttemptState })[ATTEMPT];
      if (attempt !== undefined) {
        attempt.waitingFor = tunnel.waitingFor;
        attempt.cancel = () => {
          // `ready` rejects once the socket closes, and the callback reports it.
          tunnel.socket.destroy();
        };
      }
      tunnel.ready.then(
        () => {
          if (attempt !== undefined) attempt.cancel = undefined;
          const secure = super.createConnection({
            ...connectOptions,
            socket: tunnel.socket,
          } as RequestOptions);
          if (secure !== null && secure !== undefined) callback?.(null, secure);
        },
        (error: unknown) => {
          if (attempt !== undefined) attempt.cancel = undefined;
          callback?.(error as Error, tunnel.socket);
        },
      );
      return undefined;
    }
  }
  return new TunnellingAgent(options);
}

const headerOf =
  (headers: IncomingHttpHeaders) =>
  (name: string): string | null => {
    const v = headers[name.toLowerCase()];
    return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
  };

function* entriesOf(headers: IncomingHttpHeaders): Iterable<readonly [string, string]> {
  for (const [name, v] of Object.entries(headers)) {
    if (v !== undefined) yield [name, Array.isArray(v) ? v.join(', ') : v];
  }
}

/** How requests to one origin go: to which first hop, through which agent. */
interface Route {
  readonly agent: Agent;
  /** `http.request` or `https.request`: the one that speaks to the first hop. */
  readonly request: (options: RequestOptions) => ClientRequest;
  /** The first hop speaks TLS: the endpoint, or an `https://` proxy asked for absolute URLs. */
  readonly secureHop: boolean;
  readonly hostname: string;
  readonly port: number;
  /** Put before the path: the origin, when an HTTP request goes to a proxy (absolute form). */
  readonly pathPrefix: string;
  /** The Host header sent when the request has none: the endpoint's authority. */
  readonly host: string;
  /** `proxy-authorization` for a proxy asked for absolute URLs. */
  readonly proxyAuthorization: string | undefined;
  /** Who the first hop is, for messages: never the proxy's user or password. */
  readonly hop: string;
  /** Through a proxy's CONNECT tunnel: the agent tells the request where it waits. */
  readonly tunnelled: boolean;
}

const requestOf = (secure: boolean): Route['request'] =>
  secure ? loadHttps().request : loadHttp().request;

/**
 * The request's headers as a flat [name, value, …] list: Node writes them as given instead of
 * calling setHeader per header. It then adds no Host header of its own, so the endpoint's is
 * added when the request has none; the proxy's credentials are the transport's own.
 */
function headerList(r: TransportRequest, route: Route): string[] {
  const headers: string[] = [];
  let hasHost = false;
  for (const name in r.headers) {
    if (name === 'host') hasHost = true;
    if (name !== 'proxy-authorization') headers.push(name, r.headers[name] ?? '');
  }
  if (!hasHost) headers.push('host', route.host);
  if (r.body !== undefined) headers.push('content-length', String(Buffer.byteLength(r.body)));
  if (route.proxyAuthorization !== undefined) {
    headers.push('proxy-authorization', route.proxyAuthorization);
  }
  return headers;
}

/** Where a request waits, read when its timeout fires (`undefined`: it may be on the wire). */
function waitingFor(
  req: ClientRequest,
  hop: string,
  attempt: AttemptState | undefined,
): WaitingFor {
  // Node hands a request its socket once the agent has one for it: a kept-alive socket, or a
  // new one, connecting (or, through a tunnel, once the tunnel is open).
  const socket = req.socket;
  if (socket === null) return attempt?.waitingFor ?? 'waiting for a free connection';
  return socketWaitingFor(socket, hop);
}

/**
 * The keep-alive agents of one {@link nodeTransport}, one per way of connecting: straight over
 * HTTP or HTTPS, to a proxy, or through a proxy's tunnel (the key holds the proxy's
 * credentials, so tunnels are never shared).
 */
class Agents {
  private readonly byKey = new Map<string, Agent>();
  /** Connections to an HTTPS endpoint, straight or through a tunnel, verify it with these. */
  private readonly endpointTls: AgentOptions;

  constructor(
    private readonly plain: AgentOptions,
    tls: NodeTransportOptions['tls'],
  ) {
    this.endpointTls = { ...plain, ...tls };
  }

  /** How requests to `origin` go, `target` parsed from it, through `proxy` if any. */
  route(origin: string, target: OriginTarget, proxy: ProxyTarget | undefined): Route {
    const straight = {
      secureHop: target.secure,
      hostname: target.hostname,
      port: target.port,
      pathPrefix: '',
      host: target.host,
      proxyAuthorization: undefined,
      hop: authorityOf(target.hostname, target.port),
      tunnelled: false,
    };
    if (proxy === undefined) {
      const secure = target.secure;
      const agent = this.get(secure ? 'https' : 'http', () =>
        keepAliveAgent(secure, secure ? this.endpointTls : this.plain),
      );
      return { ...straight, agent, request: requestOf(secure) };
    }
    if (target.secure) {
      const agent = this.get(`tunnel ${proxy.label} ${proxy.authorization ?? ''}`, () =>
        tunnellingAgent(proxy, this.endpointTls),
      );
      return { ...straight, agent, request: requestOf(true), tunnelled: true };
    }
    // Plain HTTP through a proxy: the proxy is asked for the absolute URL, with its credentials.
    return {
      ...straight,
      secureHop: proxy.secure,
      hostname: proxy.hostname,
      port: proxy.port,
      pathPrefix: origin,
      proxyAuthorization: proxy.authorization,
      hop: proxy.label,
      agent: this.get(`proxy ${proxy.label} ${proxy.authorization ?? ''}`, () =>
        keepAliveAgent(proxy.secure, this.plain),
      ),
      request: requestOf(proxy.secure),
    };
  }

  /** Closes every agent's sockets. */
  destroy(): void {
    for (const agent of this.byKey.values()) agent.destroy();
  }

  private get(key: string, make: () => Agent): Agent {
    let agent = this.byKey.get(key);
    if (agent === undefined) {
      agent = make();
      this.byKey.set(key, agent);
    }
    return agent;
  }
}

/**
 * A {@link Transport} over `node:http`/`node:https` with keep-alive agents, seen by tools that
 * instrument `node:http` (APM agents); {@link socketTransport} is the Node entry's default. The modules load with the first request of each scheme.
 *
 * @example
 * ```ts
 * createVodClient({ region, credentials, transport: nodeTransport({ maxSockets: 128 }) })
 * ```
 */
export function nodeTransport(options: NodeTransportOptions = {}): Transport {
  const max = positiveInteger(
    options.maxResponseBytes,
    'maxResponseBytes',
    DEFAULT_MAX_RESPONSE_BYTES,
  );
  const agentOptions = {
    keepAlive: true,
    keepAliveMsecs: options.keepAliveMs ?? 4000,
    maxSockets: options.maxSockets ?? 64,
    scheduling: 'lifo' as const,
  };
  const agents = new Agents(agentOptions, options.tls);
  const proxySetting = checkProxySetting(options.proxy);
  // Each origin is parsed, and its proxy and agent found, once.
  const routes = new Map<string, Route>();
  const routeTo = (origin: string): Route => {
    let route = routes.get(origin);
    if (route === undefined) {
      const target = originTarget(origin);
      route = agents.route(origin, target, proxyFor(proxySetting, origin, target));
      routes.set(origin, route);
    }
    return route;
  };
  let closed = false;
  const send = (r: TransportRequest): Promise<TransportResponse> =>
    new Promise((resolve, reject) => {
      if (closed) {
        reject(transportClosed());
        return;
      }
      const signal = r.signal;
      if (signal?.aborted === true) {
        reject(signal.reason as Error);
        return;
      }
      const { origin, path } = splitUrl(r.url);
      let route: Route;
      try {
        route = routeTo(origin);
      } catch (error) {
        reject(error instanceof Error ? error : new TypeError(String(error)));
        return;
      }
      const requestOptions: RequestOptions & { [ATTEMPT]?: AttemptState } = {
        hostname: route.hostname,
        port: route.port,
        path: route.pathPrefix === '' ? path : `${route.pathPrefix}${path}`,
        method: r.method,
        headers: headerList(r, route),
        agent: route.agent,
      };
      // Only a tunnel's agent reads it: where the attempt waits while the tunnel opens.
      let attempt: AttemptState | undefined;
      if (route.tunnelled) {
        attempt = { waitingFor: undefined, cancel: undefined };
        requestOptions[ATTEMPT] = attempt;
      }
      const req = route.request(requestOptions);
      let settled = false;
      const settle = (): boolean => {
        if (settled) return false;
        settled = true;
        if (timer !== undefined) clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        return true;
      };
      // Ends the attempt now. Node reports a destroyed request only once it has a socket, and
      // one still waiting for a free socket or a tunnel has none: so reject here, not on its
      // 'error' event, and stop the tunnel being opened for it.
      const fail = (error: Error): void => {
        if (!settle()) return;
        attempt?.cancel?.();
        req.destroy(error);
        reject(error);
      };
      const onAbort = (): void => {
        fail(signal?.reason as Error);
      };
      // A plain timer, cleared when the attempt settles; no AbortSignal per call.
      // Where the attempt waits is read from the request's socket only when the timer fires.
      const timer =
        r.timeoutMs === undefined
          ? undefined
          : setTimeout(() => {
              fail(attemptTimeout(r.timeoutMs ?? 0, waitingFor(req, route.hop, attempt)));
            }, r.timeoutMs);
      signal?.addEventListener('abort', onAbort, { once: true });
      req.on('error', fail);
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        let bytes = 0;
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          // Past the bound the connection is dropped: the rest of the body is never read.
          if (bytes > max) fail(new Error(`response body exceeds ${max} bytes`));
          else chunks.push(chunk);
        });
        res.on('error', fail);
        res.on('end', () => {
          if (!res.complete) {
            // The request was written and an answer begun: it may have been applied.
            fail(
              new TransportClosedError('connection closed before the response ended', {
                sent: true,
              }),
            );
            return;
          }
          if (!settle()) return;
          // One chunk, the usual case, is read as it is rather than copied by concat.
          const only = chunks.length === 1 ? chunks[0] : undefined;
          const body = (only ?? Buffer.concat(chunks)).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            header: headerOf(res.headers),
            body,
            headerEntries: () => entriesOf(res.headers),
          });
        });
      });
      req.end(r.body);
    });
  const close = (): Promise<void> => {
    closed = true;
    agents.destroy();
    return Promise.resolve();
  };
  return Object.assign(send, { close });
}
