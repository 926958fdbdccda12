import { TransportTimeoutError } from './transport-errors.js';
/** One signed HTTP request, ready to send. */
export interface TransportRequest {
  /** `GET` or `POST`. */
  readonly method: string;
  /** The full URL, query included. */
  readonly url: string;
  /** Header names in lowercase. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body (POST only). */
  readonly body?: string | undefined;
  /** The caller's signal: abort the request when it aborts. */
  readonly signal?: AbortSignal | undefined;
  /**
   * This attempt's timeout in ms: reject with a {@link TransportTimeoutError} when it passes
   * (the fetch transport uses `AbortSignal.any([AbortSignal.timeout(ms), signal])`).
   */
  readonly timeoutMs?: number | undefined;
}

/** A fully read HTTP response. */
export interface TransportResponse {
  /** The HTTP status. */
  readonly status: number;
  /** A header by (case-insensitive) name, or `null`. */
  header(name: string): string | null;
  /** The whole body as text. */
  readonly body: string;
  /**
   * Every header as `[name, value]`, repeated ones joined with `, `. Optional for transports
   * of your own: without it, middleware sees only the headers the client reads.
   */
  headerEntries?(): Iterable<readonly [string, string]>;
}

/**
 * Sends one request and reads the whole response; rejects on network failure or abort. A
 * transport that holds connections may also have `close()`, which releases them.
 */
export type Transport = ((request: TransportRequest) => Promise<TransportResponse>) & {
  /** Releases pooled connections; later requests reject. Safe to call twice. */
  close?: (() => Promise<void>) | undefined;
};

type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/**
 * The largest response body every transport accepts by default: 8 MiB. A DeleteImage answer is
 * a few hundred bytes; the bound keeps a broken or hostile server from growing memory without end.
 */
export const DEFAULT_MAX_RESPONSE_BYTES: number = 8 * 1_048_576;

/** An option that must be a positive whole number, or its default when it is not given. */
export function positiveInteger(value: number | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 1) {
    // With 0 sockets every request would wait for ever; NaN timers fire at once.
    throw new RangeError(`${name}: must be a positive whole number, got ${String(value)}`);
  }
  return value;
}

/** Options of {@link fetchTransport}. */
export interface FetchTransportOptions {
  /** The largest response body accepted, in bytes; defaults to {@link DEFAULT_MAX_RESPONSE_BYTES}. */
  readonly maxResponseBytes?: number | undefined;
}

/** Reads a body as text, refusing one over `max` bytes (the rest is cancelled, never read). */
async function readBounded(res: Response, max: number): Promise<string> {
  if (res.body === null) return '';
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    bytes += value.byteLength;
    if (bytes > max) {
      await reader.cancel().catch(() => undefined);
      throw new Error(`response body exceeds ${max} bytes`);
    }
    text += decoder.decode(value, { stream: true });
  }
}

/**
 * A {@link Transport} over a WHATWG `fetch` (the global one by default): runs in browsers,
 * Deno, Bun, edge runtimes and Node. Bodies over `maxResponseBytes` are refused.
 *
 * @example
 * ```ts
 * createVodClient({ region, credentials, transport: fetchTransport(myFetch) })
 * ```
 */
export function fetchTransport(
  fetchImpl?: FetchLike,
  options: FetchTransportOptions = {},
): Transport {
  const max = positiveInteger(
    options.maxResponseBytes,
    'maxResponseBytes',
    DEFAULT_MAX_RESPONSE_BYTES,
  );
  return async (r) => {
    const f: FetchLike = fetchImpl ?? ((input, init) => globalThis.fetch(input, init));
    const init: RequestInit = { method: r.method, headers: r.headers };
    if (r.body !== undefined) init.body = r.body;
    const timeout = r.timeoutMs === undefined ? undefined : AbortSignal.timeout(r.timeoutMs);
    const signals = [timeout, r.signal].filter((x) => x !== undefined);
    if (signals.length > 0) init.signal = AbortSignal.any(signals);
    let res: Response;
    let body: string;
    try {
      res = await f(r.url, init);
      body = await readBounded(res, max);
    } catch (error) {
      // Judged by which signal fired, not by the error's name: a fetch of your own may not
      // reject with the DOMException the standard one does.
      if (timeout?.aborted === true && r.signal?.aborted !== true) {
        throw new TransportTimeoutError(r.timeoutMs ?? 0, { cause: error });
      }
      throw error;
    }
    return {
      status: res.status,
      header: (name) => res.headers.get(name),
      body,
      headerEntries: () => res.headers.entries(),
    };
  };
}
