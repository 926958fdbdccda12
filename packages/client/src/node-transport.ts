import type { Agent, IncomingHttpHeaders, RequestOptions } from 'node:http';
import { loadHttp, loadHttps } from './node-builtins.js';
import { originTarget, splitUrl } from './node-origin.js';
import type { OriginTarget } from './node-origin.js';
import { DEFAULT_MAX_RESPONSE_BYTES, positiveInteger } from './transport.js';
import type { Transport, TransportRequest, TransportResponse } from './transport.js';

/** Options of {@link nodeTransport}. */
export interface NodeTransportOptions {
  /** Sockets per origin; defaults to 64. */
  readonly maxSockets?: number | undefined;
  /** How long an idle socket stays open, in ms; defaults to 4 000 (below common server idle timeouts). */
  readonly keepAliveMs?: number | undefined;
  /** The largest response body accepted, in bytes; defaults to `DEFAULT_MAX_RESPONSE_BYTES` (8 MiB). */
  readonly maxResponseBytes?: number | undefined;
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

/**
 * A {@link Transport} over `node:http`/`node:https` with keep-alive agents: cheaper per call than
 * Node's global `fetch`, dearer than {@link socketTransport} (the Node entry's default), and seen
 * by tools that instrument `node:http`. The modules load with the first request of each scheme.
 *
 * @example createVodClient({ region, credentials, transport: nodeTransport({ maxSockets: 128 }) })
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
  let http: Agent | undefined;
  let https: Agent | undefined;
  // Parse each origin once; the path is whatever follows it.
  let lastOrigin = '';
  let target: OriginTarget | undefined;
  let closed = false;
  const send = (r: TransportRequest): Promise<TransportResponse> =>
    new Promise((resolve, reject) => {
      if (closed) {
        reject(new Error('the transport is closed'));
        return;
      }
      const { origin, path } = splitUrl(r.url);
      if (origin !== lastOrigin || target === undefined) {
        target = originTarget(origin);
        lastOrigin = origin;
      }
      // Headers as a flat [name, value, …] list: Node writes them as given instead of calling
      // setHeader per header. It then adds no Host header of its own, so send the endpoint's.
      const headers: string[] = [];
      let hasHost = false;
      for (const name in r.headers) {
        if (name === 'host') hasHost = true;
        headers.push(name, r.headers[name] ?? '');
      }
      if (!hasHost) headers.push('host', target.host);
      if (r.body !== undefined) headers.push('content-length', String(Buffer.byteLength(r.body)));
      const options: RequestOptions = {
        hostname: target.hostname,
        port: target.port,
        path,
        method: r.method,
        headers,
      };
      if (r.signal !== undefined) options.signal = r.signal;
      let req;
      if (target.secure) {
        const module = loadHttps();
        options.agent = https ??= new module.Agent(agentOptions);
        req = module.request(options);
      } else {
        const module = loadHttp();
        options.agent = http ??= new module.Agent(agentOptions);
        req = module.request(options);
      }
      // A plain timer, cleared when the attempt settles: cheaper than an AbortSignal per call.
      const timer =
        r.timeoutMs === undefined
          ? undefined
          : setTimeout(() => {
              const error = new Error(`attempt timed out after ${r.timeoutMs ?? 0} ms`);
              error.name = 'TimeoutError';
              req.destroy(error);
            }, r.timeoutMs);
      const settle = (): void => {
        if (timer !== undefined) clearTimeout(timer);
      };
      req.on('error', (error) => {
        settle();
        reject(error);
      });
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        let bytes = 0;
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          // Past the bound the connection is dropped: the rest of the body is never read.
          if (bytes > max) req.destroy(new Error(`response body exceeds ${max} bytes`));
          else chunks.push(chunk);
        });
        res.on('error', (error) => {
          settle();
          reject(error);
        });
        res.on('end', () => {
          settle();
          if (!res.complete) {
            reject(new Error('connection closed before the response ended'));
            return;
          }
          const body = Buffer.concat(chunks).toString('utf8');
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
    http?.destroy();
    https?.destroy();
    return Promise.resolve();
  };
  return Object.assign(send, { close });
}
