/**
 * A throwaway HTTP server on a loopback address (127.0.0.1 unless told ::1; port 0) that records what an official client sends and
 * answers `{ RequestId }`, so tests can see the exact wire request.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ReceivedRequest } from '../src/verify-entry.js';

/** A recorded request in the shape `verifyRequest` takes. */
export interface Captured extends ReceivedRequest {
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  readonly body: string;
}

/** A running capture server. */
export interface CaptureServer {
  /** `127.0.0.1:<port>` or `[::1]:<port>`. */
  readonly host: string;
  /** Requests received so far, oldest first. */
  readonly requests: Captured[];
  /** Stops the server. */
  close(): Promise<void>;
}

/** Starts a capture server on 127.0.0.1 (or ::1) and an ephemeral port. */
export async function startCapture(
  address: '127.0.0.1' | '::1' = '127.0.0.1',
): Promise<CaptureServer> {
  const requests: Captured[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = req.url ?? '/';
      const q = url.indexOf('?');
      requests.push({
        method: req.method ?? '',
        path: q < 0 ? url : url.slice(0, q),
        query: q < 0 ? '' : url.slice(q + 1),
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      res.setHeader('content-type', 'application/json');
      res.end('{"RequestId":"00000000-0000-0000-0000-000000000000"}');
    });
  });
  server.keepAliveTimeout = 1;
  await new Promise<void>((resolve) => server.listen(0, address, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: address === '::1' ? `[::1]:${port}` : `127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => {
          if (e === undefined) resolve();
          else reject(e);
        });
      }),
  };
}
