import type { Channel } from 'node:diagnostics_channel';
import { loadDiagnosticsChannel } from './builtins.js';
import type { Transport, TransportRequest, TransportResponse } from '../transport.js';

/**
 * The `node:diagnostics_channel` names the Node transports publish on, one message per
 * request: `start` before it is written, then `end` with the status or `error` with the
 * failure. APM tools subscribe to these to see what `socketTransport` sends, which `node:http`
 * instrumentation cannot.
 */
export const DIAGNOSTICS_CHANNELS = {
  start: 'vodkit:request:start',
  end: 'vodkit:request:end',
  error: 'vodkit:request:error',
} as const;

/**
 * What a message says of its request: never the query (a V2 GET carries the signature and the
 * token there), nor headers or body.
 */
export interface RequestDiagnostic {
  readonly method: string;
  /** `https://host[:port]`. */
  readonly origin: string;
  /** The path, without the query. */
  readonly path: string;
}

/** `vodkit:request:end` */
export interface RequestEndDiagnostic {
  readonly request: RequestDiagnostic;
  readonly status: number;
  /** Time from start to the whole response, in ms. */
  readonly durationMs: number;
}

/** `vodkit:request:error` */
export interface RequestErrorDiagnostic {
  readonly request: RequestDiagnostic;
  readonly error: unknown;
  readonly durationMs: number;
}

let channels: { start: Channel; end: Channel; error: Channel } | undefined;

/** The three channels, made with the first request (the module loads then, not per request). */
function channelsOf(): { start: Channel; end: Channel; error: Channel } {
  if (channels === undefined) {
    const dc = loadDiagnosticsChannel();
    channels = {
      start: dc.channel(DIAGNOSTICS_CHANNELS.start),
      end: dc.channel(DIAGNOSTICS_CHANNELS.end),
      error: dc.channel(DIAGNOSTICS_CHANNELS.error),
    };
  }
  return channels;
}

/**
 * Wraps a transport so that each request is published on {@link DIAGNOSTICS_CHANNELS}. With no
 * subscriber, a request only reads whether each channel has subscribers.
 */
export function withDiagnostics(send: Transport): Transport {
  const observed = (r: TransportRequest): Promise<TransportResponse> => {
    const { start, end, error } = channelsOf();
    if (!start.hasSubscribers && !end.hasSubscribers && !error.hasSubscribers) return send(r);
    const q = r.url.indexOf('?');
    const base = q < 0 ? r.url : r.url.slice(0, q);
    const slash = base.indexOf('/', base.indexOf('//') + 2);
    const request: RequestDiagnostic = {
      method: r.method,
      origin: slash < 0 ? base : base.slice(0, slash),
      path: slash < 0 ? '/' : base.slice(slash),
    };
    const started = performance.now();
    start.publish({ request });
    return send(r).then(
      (response) => {
        end.publish({ request, status: response.status, durationMs: performance.now() - started });
        return response;
      },
      (failure: unknown) => {
        error.publish({ request, error: failure, durationMs: performance.now() - started });
        throw failure;
      },
    );
  };
  const close = send.close?.bind(send);
  return close === undefined ? observed : Object.assign(observed, { close });
}
