import { createRequire } from 'node:module';
import type { Socket } from 'node:net';
import { loadNet, loadTls } from './node-builtins.js';
import type { OriginTarget } from './node-origin.js';
import { TransportClosedError } from './transport-errors.js';

/**
 * The `proxy` option of the Node transports: a proxy URL (`http://[user:password@]host:port`,
 * or `https://…`) that every request goes through, `false` for none, or `undefined` to follow
 * `HTTPS_PROXY` / `HTTP_PROXY` / `ALL_PROXY` and `NO_PROXY` (either case).
 */
export type ProxySetting = string | false | undefined;

/** A proxy to connect through. */
export interface ProxyTarget {
  /** An `https://` proxy: the client speaks TLS to the proxy itself. */
  readonly secure: boolean;
  /** Host name or IP address (an IPv6 address without brackets). */
  readonly hostname: string;
  readonly port: number;
  /** `host:port`, what messages name: never the user or password. */
  readonly label: string;
  /** The `proxy-authorization` value from the URL's user and password, if it has them. */
  readonly authorization: string | undefined;
}

/** A CONNECT tunnel being opened: the socket to the proxy, and when the tunnel is ready. */
export interface Tunnel {
  readonly socket: Socket;
  /**
   * Resolves once the proxy answered 2xx; rejects (socket destroyed) otherwise, and whenever the
   * socket closes first: destroying the socket is how a timeout or an abort ends the wait.
   */
  readonly ready: Promise<void>;
  /** What an attempt waits for until then, for a timeout's message: names the proxy. */
  readonly waitingFor: string;
}

/** The variables a proxy may come from; `NO_PROXY` narrows them. */
const PROXY_VARIABLES = ['https_proxy', 'http_proxy', 'all_proxy'] as const;
/** The largest answer to CONNECT read; a real one is a status line and a few headers. */
const MAX_CONNECT_ANSWER_BYTES = 16_384;

/**
 * Parses a proxy URL. Throws a TypeError naming `source` (never quoting the URL, which may hold
 * a password) unless it is `http://` or `https://` with a host and nothing after the port.
 */
export function parseProxy(value: string, source: string): ProxyTarget {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    // reported below
  }
  if (
    url === undefined ||
    (url.protocol !== 'http:' && url.protocol !== 'https:') ||
    url.hostname === '' ||
    !/^\/?$/.test(url.pathname) ||
    url.search !== '' ||
    url.hash !== ''
  ) {
    throw new TypeError(
      `${source}: must be an http:// or https:// proxy URL ([user:password@]host[:port], no path)`,
    );
  }
  const secure = url.protocol === 'https:';
  const port = url.port === '' ? (secure ? 443 : 80) : Number(url.port);
  const user = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  return {
    secure,
    hostname: url.hostname.replace(/^\[|\]$/g, ''),
    port,
    label: `${url.hostname}:${port}`,
    authorization:
      user === '' && password === ''
        ? undefined
        : `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
  };
}

/** Checks a transport's `proxy` option when the transport is made. */
export function checkProxySetting(value: unknown): ProxyTarget | false | undefined {
  if (value === undefined || value === false) return value;
  if (typeof value !== 'string') {
    throw new TypeError('proxy: must be a proxy URL, false or undefined');
  }
  return parseProxy(value, 'proxy');
}

/** Loopback hosts are never proxied from the environment (as Go and curl's docs advise). */
const isLoopback = (hostname: string): boolean =>
  hostname === 'localhost' ||
  hostname.endsWith('.localhost') ||
  hostname === '::1' ||
  /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);

type GetProxyForUrl = (url: string) => string;
let getProxyForUrl: GetProxyForUrl | undefined;

/**
 * The proxy for one target: the transport's own (`proxy` option), none (`false`), or the
 * environment's. `proxy-from-env` reads the environment, and is loaded only when one of its
 * proxy variables is set.
 */
export function proxyFor(
  setting: ProxyTarget | false | undefined,
  origin: string,
  target: OriginTarget,
): ProxyTarget | undefined {
  if (setting !== undefined) return setting === false ? undefined : setting;
  const env = process.env;
  const configured = PROXY_VARIABLES.some(
    (name) => (env[name] ?? '') !== '' || (env[name.toUpperCase()] ?? '') !== '',
  );
  if (!configured || isLoopback(target.hostname)) return undefined;
  getProxyForUrl ??= (
    createRequire(import.meta.url)('proxy-from-env') as { getProxyForUrl: GetProxyForUrl }
  ).getProxyForUrl;
  const url = getProxyForUrl(origin);
  return url === '' ? undefined : parseProxy(url, 'the proxy in HTTPS_PROXY/HTTP_PROXY/ALL_PROXY');
}

/** Connects to the proxy itself (TLS for an `https://` proxy). */
export function connectToProxy(proxy: ProxyTarget): Socket {
  const net = loadNet();
  if (!proxy.secure) return net.connect({ host: proxy.hostname, port: proxy.port });
  return loadTls().connect({
    host: proxy.hostname,
    port: proxy.port,
    servername: net.isIP(proxy.hostname) === 0 ? proxy.hostname : '',
  });
}

/** `host:port` as a CONNECT request names it (an IPv6 address in brackets). */
export const authorityOf = (hostname: string, port: number): string =>
  `${hostname.includes(':') ? `[${hostname}]` : hostname}:${port}`;

/**
 * Asks the proxy for a tunnel to `authority` (`host:port`) with CONNECT. Once `ready`
 * resolves, the socket carries bytes to and from the target: start TLS over it.
 */
export function openTunnel(proxy: ProxyTarget, authority: string): Tunnel {
  const socket = connectToProxy(proxy);
  const ready = new Promise<void>((resolve, reject) => {
    let head = '';
    const done = (error?: Error): void => {
      socket.off('data', onData);
      socket.off('error', onError);
      socket.off('close', onClose);
      if (error === undefined) {
        resolve();
        return;
      }
      socket.destroy();
      reject(error);
    };
    const onData = (chunk: Buffer): void => {
      head += chunk.toString('latin1');
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) {
        if (head.length > MAX_CONNECT_ANSWER_BYTES) {
          done(
            new TransportClosedError(`proxy ${proxy.label}: its answer to CONNECT is too long`, {
              sent: false,
            }),
          );
        }
        return;
      }
      const status = /^HTTP\/1\.[01] (\d{3})[ \r]/.exec(head)?.[1];
      if (status === undefined) {
        done(
          new TransportClosedError(`proxy ${proxy.label}: malformed answer to CONNECT`, {
            sent: false,
          }),
        );
      } else if (!status.startsWith('2')) {
        done(
          new TransportClosedError(
            `proxy ${proxy.label} refused the tunnel to ${authority}: HTTP ${status}`,
            { sent: false },
          ),
        );
      } else if (end + 4 < head.length) {
        // The target speaks only after the client's TLS hello: early bytes are not its.
        done(
          new TransportClosedError(`proxy ${proxy.label}: bytes after its answer to CONNECT`, {
            sent: false,
          }),
        );
      } else {
        done();
      }
    };
    const onError = (error: Error): void => {
      done(error);
    };
    const onClose = (): void => {
      done(
        new TransportClosedError(`proxy ${proxy.label} closed the connection during CONNECT`, {
          sent: false,
        }),
      );
    };
    socket.on('data', onData);
    socket.on('error', onError);
    socket.on('close', onClose);
  });
  const auth =
    proxy.authorization === undefined ? '' : `proxy-authorization: ${proxy.authorization}\r\n`;
  socket.setNoDelay(true);
  socket.write(`CONNECT ${authority} HTTP/1.1\r\nhost: ${authority}\r\n${auth}\r\n`);
  return { socket, ready, waitingFor: `waiting for proxy ${proxy.label} to open the tunnel` };
}
