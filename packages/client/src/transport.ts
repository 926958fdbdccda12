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
   * This attempt's timeout in ms: reject with an error named `TimeoutError` when it passes
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
 * @example createVodClient({ region, credentials, transport: fetchTransport(myFetch) })
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
    const res = await f(r.url, init);
    const body = await readBounded(res, max);
    return { status: res.status, header: (name) => res.headers.get(name), body };
  };
}

/** Per-call context that travels from `deleteImage` to the custom fetch through openapi-fetch's init. */
export interface CallContext {
  /** Awaited before every attempt (the bulk pacer). */
  readonly beforeAttempt?: (() => Promise<void>) | undefined;
  /** Told about every throttled attempt (the bulk pacer slows down). */
  readonly onThrottled?: (() => void) | undefined;
  /** Overrides the client's `retry.maxAttempts` for this call. */
  readonly maxAttempts?: number | undefined;
  /** The validated wire parameters (set by the client). */
  readonly params?: Readonly<Record<string, string>> | undefined;
  /** Their form encoding, as openapi-fetch was given it (set by the client). */
  readonly encoded?: string | undefined;
}

/** The key of {@link CallContext} in the request init. */
export const CONTEXT_KEY = 'vodkitContext' as const;

/** What the custom fetch learned about the call, attached to the response it returns. */
export interface CallMeta {
  /** Attempts made. */
  readonly attempts: number;
  /** An earlier attempt may have reached the service before its answer was lost. */
  readonly possiblyApplied?: boolean | undefined;
  /** Parsed JSON body, when it parsed. */
  readonly json: unknown;
}

/** The key of {@link CallMeta} on returned responses. */
export const META_KEY = 'vodkitMeta' as const;

/** A minimal `Response` that openapi-fetch can read: the body is already parsed. */
export interface LiteResponse {
  readonly status: number;
  readonly ok: boolean;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
  json(): Promise<unknown>;
  readonly vodkitMeta: CallMeta;
}

/** Whether an HTTP status is a success (2xx). */
export const isOk = (status: number): boolean => status >= 200 && status < 300;

/** Wraps a transport response for openapi-fetch. */
export function liteResponse(res: TransportResponse, meta: CallMeta): LiteResponse {
  const length = String(res.body.length);
  return {
    status: res.status,
    ok: isOk(res.status),
    // A content-length makes openapi-fetch call json(), which returns the parsed body as is.
    headers: {
      get: (name) => (name.toLowerCase() === 'content-length' ? length : res.header(name)),
    },
    text: () => Promise.resolve(res.body),
    json: () => Promise.resolve(meta.json),
    vodkitMeta: meta,
  };
}
