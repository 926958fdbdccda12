/**
 * Which proxy an origin is reached through: the transport's `proxy` option, or the
 * environment's `HTTPS_PROXY` / `HTTP_PROXY` / `ALL_PROXY` narrowed by `NO_PROXY`. Going through
 * it is `proxy-tunnel.ts`'s job (CONNECT) or the transports' own (absolute URLs).
 */
import { createRequire } from 'node:module';
import type { OriginTarget } from './origin.js';

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

/** The variables a proxy may come from; `NO_PROXY` narrows them. */
const PROXY_VARIABLES = ['https_proxy', 'http_proxy', 'all_proxy'] as const;

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
