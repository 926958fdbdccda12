import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorCore } from './core.js';
import { nowOf } from './core.js';
import { logLine } from './log.js';
import type { RecordedRequest } from './log.js';
import { errorBody, renderError } from './responses.js';
import type { EmulatorError, RenderedBody, ResponseFormat } from './responses.js';

/** One received request as the dispatcher hands it on: the exchange and where it points. */
export interface Incoming {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  /** The `RequestId` every answer to it carries. */
  readonly requestId: string;
  /** The path, without the query. */
  readonly path: string;
  /** The query string as received, without `?`. */
  readonly rawQuery: string;
}

/** Headers every answer carries besides the body's. */
export function baseHeaders(
  core: EmulatorCore,
  requestId: string,
  cors = true,
): Record<string, string> {
  const headers: Record<string, string> = {
    // The emulator's own clock, so clients can correct their skew from any answer.
    date: new Date(nowOf(core)).toUTCString(),
    'x-acs-request-id': requestId,
  };
  if (cors && core.cors !== undefined) {
    headers['access-control-allow-origin'] = core.cors.origin;
    headers['access-control-expose-headers'] =
      'date, x-acs-request-id, x-acs-retry-after, content-length, content-type';
    if (core.cors.origin !== '*') headers['vary'] = 'origin';
  }
  return headers;
}

/** Writes a complete answer. */
export function send(
  res: ServerResponse,
  status: number,
  body: RenderedBody,
  headers: Record<string, string>,
): void {
  const bytes = Buffer.from(body.text, 'utf8');
  res.writeHead(status, {
    ...headers,
    'content-type': body.contentType,
    'content-length': String(bytes.length),
  });
  res.end(bytes);
}

const HOST = /^[A-Za-z0-9.-]{1,253}(?::\d{1,5})?$/;

/** The `HostId` of an answer: the host the client addressed, when it looks like one. */
export function hostIdOf(core: EmulatorCore, req: IncomingMessage): string {
  const host = req.headers.host;
  return host !== undefined && HOST.test(host) ? host : core.hostId;
}

/** Answers an error in Alibaba's shape. */
export function sendError(
  core: EmulatorCore,
  req: IncomingMessage,
  res: ServerResponse,
  requestId: string,
  format: ResponseFormat,
  error: EmulatorError,
  extraHeaders: Record<string, string> = {},
): void {
  send(
    res,
    error.httpStatus,
    renderError(format, errorBody(error, requestId, hostIdOf(core, req))),
    {
      ...baseHeaders(core, requestId),
      ...extraHeaders,
    },
  );
}

/** Stores a record and writes its log line. */
export function record(core: EmulatorCore, entry: RecordedRequest): void {
  core.requests.push(entry);
  if (core.log !== undefined) core.log(logLine(entry));
}

/**
 * Writes a log line for a request that is not an RPC call (admin API, image URLs, preflights,
 * unparseable HTTP): those are logged but never recorded, so `requests()` holds RPC calls only.
 */
export function logOther(
  core: EmulatorCore,
  fields: { requestId: string; method: string; path: string; status: number; kind: string },
): void {
  if (core.log === undefined) return;
  core.log(JSON.stringify({ time: new Date(nowOf(core)).toISOString(), ...fields }));
}

/**
 * Answers a request whose body is over the limit: 413 in Alibaba's shape, then the connection
 * is closed once the answer is out, so the rest of the body is never read.
 */
export function sendTooLarge(
  core: EmulatorCore,
  req: IncomingMessage,
  res: ServerResponse,
  requestId: string,
  format: ResponseFormat,
  bytes: number,
): void {
  const error: EmulatorError = {
    code: 'InvalidParameter',
    httpStatus: 413,
    message: `The request body is too large: ${bytes} bytes or more; at most ${core.maxBodyBytes} are allowed.`,
  };
  closeAfterAnswer(req, res);
  sendError(core, req, res, requestId, format, error);
}

/** Closes the connection once the answer is out: what is left of an oversized body is not read. */
export function closeAfterAnswer(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader('connection', 'close');
  res.on('finish', () => {
    req.socket.destroy();
  });
}
