/**
 * Hosts and paths as URL writes them. fetch, node:http and undici send the host and path of a
 * parsed URL, which lowercases names, rewrites IPv4 shorthands and IPv6 literals to one spelling,
 * drops dot segments and percent-encodes what a path may not hold. V3 signs both verbatim, so a
 * value URL would rewrite signs one string and sends another: a signature the server rejects.
 * Asking URL itself is the one check that agrees with every runtime's fetch.
 */

const parse = (url: string): URL | undefined => {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
};

/**
 * Whether `value` is `host[:port]` exactly as URL writes it: a lowercase host name, an IPv4
 * address or an `[IPv6]` literal in its canonical form (no zone ID), and a port from 1 to 65535.
 */
export function isUrlHost(value: unknown): boolean {
  // A client signs for one host over and over; a URL parse is a tenth of a V3 signature.
  if (value === lastHost) return true;
  // A string first: a template literal would call an object's own toString.
  const url = typeof value === 'string' ? parse(`http://${value}`) : undefined;
  // URL drops the http default port, so `h:80` comes back as `h`; user info, paths and the
  // like come back without their text, so they differ too.
  const ok =
    url !== undefined && url.port !== '0' && (url.host === value || `${url.host}:80` === value);
  if (ok) lastHost = value;
  return ok;
}
// The last host accepted (a host name is no secret); NaN, which equals nothing, until then.
let lastHost: unknown = NaN;

/** What {@link isUrlHost} asks, as an error states it. */
export const HOST_RULE = 'must be host[:port] as URL writes it (lowercase; IPv6 as [::1])';

/**
 * Whether `value` is an absolute path exactly as URL writes it: percent-encoded, with no dot
 * segments, query or fragment.
 */
export const isUrlPath = (value: unknown): boolean =>
  // `/` is every RPC API's path: nothing to parse.
  value === '/' ||
  (typeof value === 'string' &&
    value.startsWith('/') &&
    parse(`http://h${value}`)?.pathname === value);
