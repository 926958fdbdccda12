/**
 * The socket transport's HTTP/1.1 request writer: a {@link TransportRequest} as the bytes of one
 * request, checked against what HTTP allows before anything is sent. The counterpart of the
 * response reader (`http1-response.ts`).
 */
import type { OriginTarget } from './origin.js';
import type { ProxyTarget } from './proxy-rules.js';
import type { TransportRequest } from '../transport.js';

/** What every request to one origin shares in its head, whatever the request. */
export interface RequestFraming {
  /** Put before the path: the origin, when an HTTP request goes to a proxy (absolute form). */
  readonly targetPrefix: string;
  /** Header lines every request to this origin carries (`proxy-authorization`). */
  readonly extraHead: string;
  /** The Host header sent when the request has none: the endpoint's authority. */
  readonly host: string;
}

/**
 * How requests to `origin` are framed. Plain HTTP through a proxy asks the proxy for the
 * absolute URL, with its credentials; through a CONNECT tunnel (HTTPS) or straight, a request
 * is written as to the endpoint itself.
 */
export function framingFor(
  origin: string,
  target: OriginTarget,
  proxy: ProxyTarget | undefined,
): RequestFraming {
  const viaProxy = proxy !== undefined && !target.secure;
  return {
    targetPrefix: viaProxy ? origin : '',
    extraHead:
      viaProxy && proxy.authorization !== undefined
        ? `proxy-authorization: ${proxy.authorization}\r\n`
        : '',
    host: target.host,
  };
}

const METHOD = /^[A-Z]+$/;
const TARGET = /^\/[\x21-\x7e]*$/;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const HEADER_VALUE = /^[\t\x20-\x7e]*$/;

/**
 * The request as HTTP/1.1 bytes (a string: ASCII head, UTF-8 body). Throws a TypeError naming
 * the part HTTP does not allow, before anything is sent; header values are not quoted, since
 * they may be credentials.
 *
 * @example
 * ```ts
 * serializeRequest({ method: 'GET', url, headers: {} }, '/?a=1', framing)
 * ```
 */
export function serializeRequest(
  r: TransportRequest,
  path: string,
  framing: RequestFraming,
): string {
  if (!METHOD.test(r.method)) {
    throw new TypeError(`invalid HTTP method "${r.method}": uppercase letters expected`);
  }
  if (!TARGET.test(path)) {
    throw new TypeError('invalid request target: a path and query of visible ASCII were expected');
  }
  let head = `${r.method} ${framing.targetPrefix}${path} HTTP/1.1\r\n${framing.extraHead}`;
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
  if (!hasHost) head += `host: ${framing.host}\r\n`;
  if (r.body === undefined) return `${head}\r\n`;
  return `${head}content-length: ${Buffer.byteLength(r.body)}\r\n\r\n${r.body}`;
}
