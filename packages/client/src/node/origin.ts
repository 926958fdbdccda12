/** Where a Node transport connects for one origin, and the Host header it sends there. */
export interface OriginTarget {
  /** `https:`. */
  readonly secure: boolean;
  /** The host name or IP address to connect to (an IPv6 address without its brackets). */
  readonly hostname: string;
  /** The port, the scheme's default when the origin has none. */
  readonly port: number;
  /** The authority as written in the endpoint: the host V3 signs. */
  readonly host: string;
}

/** Splits a request URL into its origin and its path with query (`/` when it has none). */
export function splitUrl(url: string): { readonly origin: string; readonly path: string } {
  const slash = url.indexOf('/', url.indexOf('//') + 2);
  return slash < 0
    ? { origin: url, path: '/' }
    : { origin: url.slice(0, slash), path: url.slice(slash) };
}

/** Parses an `http:` or `https:` origin; throws a TypeError for any other scheme. */
export function originTarget(origin: string): OriginTarget {
  const url = new URL(origin);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`unsupported protocol ${url.protocol} (http: or https: expected)`);
  }
  const secure = url.protocol === 'https:';
  return {
    secure,
    hostname: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port === '' ? (secure ? 443 : 80) : Number(url.port),
    host: origin.slice(origin.indexOf('//') + 2),
  };
}

/** `host:port` as a CONNECT request names it (an IPv6 address in brackets). */
export const authorityOf = (hostname: string, port: number): string =>
  `${hostname.includes(':') ? `[${hostname}]` : hostname}:${port}`;
