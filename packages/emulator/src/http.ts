/**
 * One request and its answer: the {@link Exchange} every handler answers through (headers every
 * answer carries, complete bodies, errors in Alibaba's shape), and the answer to HTTP that Node
 * could not even parse.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { EmulatorCore } from './core.js';
import { nowOf } from './core.js';
import { splitTarget } from './parse.js';
import { errorBody, errorOf, newRequestId, renderError } from './responses.js';
import type { EmulatorError, RenderedBody, ResponseFormat } from './responses.js';

const HOST = /^[A-Za-z0-9.-]{1,253}(?::\d{1,5})?$/;

/** The path and query of a request target; absolute-form targets (proxies) keep only those. */
function targetOf(url: string | undefined): { path: string; rawQuery: string } {
  let target = url ?? '/';
  if (!target.startsWith('/')) {
    try {
      const u = new URL(target);
      target = u.pathname + u.search;
    } catch {
      target = '/';
    }
  }
  return splitTarget(target);
}

/** One received request, where it points, and the ways to answer it. */
export class Exchange {
  /** The `RequestId` every answer to it carries. */
  readonly requestId: string = newRequestId();
  /** The HTTP method (`GET` when Node gives none). */
  readonly method: string;
  /** The path, without the query. */
  readonly path: string;
  /** The query string as received, without `?`. */
  readonly rawQuery: string;

  constructor(
    readonly core: EmulatorCore,
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
  ) {
    this.method = req.method ?? 'GET';
    ({ path: this.path, rawQuery: this.rawQuery } = targetOf(req.url));
  }

  /** Headers every answer carries besides the body's; CORS ones unless `cors` is false. */
  headers(cors = true): Record<string, string> {
    const { core } = this;
    const headers: Record<string, string> = {
      // The emulator's own clock, so clients can correct their skew from any answer.
      date: new Date(nowOf(core)).toUTCString(),
      'x-acs-request-id': this.requestId,
    };
    if (cors && core.cors !== undefined) {
      headers['access-control-allow-origin'] = core.cors.origin;
      headers['access-control-expose-headers'] =
        'date, x-acs-request-id, x-acs-retry-after, content-length, content-type';
      if (core.cors.origin !== '*') headers['vary'] = 'origin';
    }
    return headers;
  }

  /** Writes a complete answer: `headers` (by default {@link headers}) and the body. */
  send(status: number, body: RenderedBody, headers: Record<string, string> = this.headers()): void {
    const bytes = Buffer.from(body.text, 'utf8');
    this.res.writeHead(status, {
      ...headers,
      'content-type': body.contentType,
      'content-length': String(bytes.length),
    });
    this.res.end(bytes);
  }

  /** Answers `error` in Alibaba's shape, in `format`, with `extra` headers. */
  sendError(
    error: EmulatorError,
    format: ResponseFormat,
    extra: Readonly<Record<string, string>> = {},
  ): void {
    const host = this.req.headers.host;
    // The `HostId` is the host the client addressed, when it looks like one.
    const hostId = host !== undefined && HOST.test(host) ? host : this.core.hostId;
    this.send(error.httpStatus, renderError(format, errorBody(error, this.requestId, hostId)), {
      ...this.headers(),
      ...extra,
    });
  }

  /** Closes the connection once the answer is out: what is left of an oversized body is not read. */
  closeAfterAnswer(): void {
    this.res.setHeader('connection', 'close');
    this.res.on('finish', () => {
      this.req.socket.destroy();
    });
  }

  /**
   * Logs the request as `kind` once answered. Requests that are not RPC calls (admin API, image
   * URLs, preflights) are logged but never recorded, so `requests()` holds RPC calls only.
   */
  logAs(kind: string): void {
    this.res.on('finish', () => {
      this.core.requests.note({
        requestId: this.requestId,
        method: this.req.method ?? '',
        path: this.path,
        status: this.res.statusCode,
        kind,
      });
    });
  }
}

/**
 * Answers a request Node cannot even parse (bad request line, oversized headers) in Alibaba's
 * shape rather than Node's bare 400/431, straight on the socket.
 */
export function answerUnparseable(
  core: EmulatorCore,
  error: NodeJS.ErrnoException,
  socket: Duplex,
): void {
  if (!socket.writable || error.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  const requestId = newRequestId();
  const text = JSON.stringify(
    errorBody(
      errorOf('InvalidParameter', `The request is malformed: ${error.code ?? 'unparseable HTTP'}.`),
      requestId,
      core.hostId,
    ),
  );
  core.requests.note({ requestId, method: '', path: '', status: 400, kind: 'unparseable' });
  socket.end(
    `HTTP/1.1 400 Bad Request\r\nDate: ${new Date(nowOf(core)).toUTCString()}\r\n` +
      `x-acs-request-id: ${requestId}\r\nContent-Type: application/json;charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
  );
}
