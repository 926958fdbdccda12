import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { Transport } from './transport.js';

/** Options of {@link nodeTransport}. */
export interface NodeTransportOptions {
  /** Sockets per origin; defaults to 64. */
  readonly maxSockets?: number | undefined;
  /** How long an idle socket stays open, in ms; defaults to 4 000 (below common server idle timeouts). */
  readonly keepAliveMs?: number | undefined;
}

const headerOf =
  (headers: IncomingHttpHeaders) =>
  (name: string): string | null => {
    const v = headers[name.toLowerCase()];
    return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
  };

/**
 * A {@link Transport} over `node:http`/`node:https` with keep-alive agents: cheaper per call than
 * Node's global `fetch`. The Node entry's `createVodClient` uses it by default.
 *
 * @example createVodClient({ region, credentials, transport: nodeTransport({ maxSockets: 128 }) })
 */
export function nodeTransport(options: NodeTransportOptions = {}): Transport {
  const agentOptions = {
    keepAlive: true,
    keepAliveMsecs: options.keepAliveMs ?? 4000,
    maxSockets: options.maxSockets ?? 64,
    scheduling: 'lifo' as const,
  };
  const http = new HttpAgent(agentOptions);
  const https = new HttpsAgent(agentOptions);
  return (r) =>
    new Promise((resolve, reject) => {
      const secure = r.url.startsWith('https:');
      const send = secure ? httpsRequest : httpRequest;
      const headers: Record<string, string | number> = { ...r.headers };
      if (r.body !== undefined) headers['content-length'] = Buffer.byteLength(r.body);
      const req = send(r.url, {
        method: r.method,
        headers,
        agent: secure ? https : http,
        ...(r.signal === undefined ? {} : { signal: r.signal }),
      });
      req.on('error', reject);
      req.on('response', (res) => {
        res.setEncoding('utf8');
        let body = '';
        res.on('data', (chunk: string) => {
          body += chunk;
        });
        res.on('error', reject);
        res.on('end', () => {
          if (!res.complete) {
            reject(new Error('connection closed before the response ended'));
            return;
          }
          resolve({ status: res.statusCode ?? 0, header: headerOf(res.headers), body });
        });
      });
      req.end(r.body);
    });
}
