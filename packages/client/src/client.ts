import type { Client, Middleware } from 'openapi-fetch';
import type {
  Acs3SignInput,
  Acs3SignResult,
  Awaitable,
  RpcSignInput,
  RpcSignResult,
} from '@vodkit/signer';
import { ACTION, API_VERSION } from '@vodkit/types';
import type { DeleteImageRequest, RegionId, paths } from '@vodkit/types';
import {
  VodClientError,
  VodCredentialsError,
  VodError,
  VodNetworkError,
  VodServerError,
  VodThrottlingError,
  VodTimeoutError,
  VodValidationError,
  scrubMessage,
} from './errors.js';
import { checkClientOptions, credentialsProblem } from './client-options.js';
import { toProvider } from './credentials.js';
import type { CredentialProvider, VodCredentials } from './credentials.js';
import { backoffDelay, classify, DEFAULT_RETRY, parseRetryAfter } from './retry.js';
import type { RetryOptions } from './retry.js';
import { toWireParams } from './validate.js';
import { sleep } from './sleep.js';
import type { WireParams } from './validate.js';
import { runBulk } from './bulk.js';
import type { BulkResult, DeleteImagesOptions } from './bulk.js';
import { CONTEXT_KEY, META_KEY, fetchTransport, isOk, liteResponse } from './transport.js';
import type {
  CallContext,
  LiteResponse,
  Transport,
  TransportRequest,
  TransportResponse,
} from './transport.js';

/** The two signature algorithms. */
export type SignatureAlgorithm = 'ACS3-HMAC-SHA256' | 'HMAC-SHA1';

/** Signing functions (the WebCrypto ones in the main entry, the `node:crypto` ones on Node). */
export interface SignerFunctions {
  /** V1 signing. */
  readonly signRpc: (input: RpcSignInput) => Awaitable<RpcSignResult>;
  /** V3 signing. */
  readonly signAcs3: (input: Acs3SignInput) => Awaitable<Acs3SignResult>;
  /** Masks signature and token in a result. */
  readonly redactSigned: <T extends RpcSignResult | Acs3SignResult>(result: T) => T;
}

/** Options of {@link createVodClient}. Give `region` or `endpoint`. */
export interface VodClientOptions {
  /** A documented region (`cn-shanghai`, …): the endpoint is `https://vod.<region>.aliyuncs.com`. */
  readonly region?: RegionId | undefined;
  /** An origin such as `https://vod.cn-shanghai.aliyuncs.com` or `http://127.0.0.1:4000`; wins over `region`. */
  readonly endpoint?: string | undefined;
  /** Credentials, or a provider of them (see `chain`, `memoize`). */
  readonly credentials: VodCredentials | CredentialProvider;
  /** Defaults to `ACS3-HMAC-SHA256`. */
  readonly signatureAlgorithm?: SignatureAlgorithm | undefined;
  /** Defaults to `POST` (a form body); `GET` sends everything in the query. */
  readonly method?: 'POST' | 'GET' | undefined;
  /** Retry settings; `{ maxAttempts: 1 }` disables retries. */
  readonly retry?: RetryOptions | undefined;
  /** Timeout of each attempt in ms; defaults to 10 000. */
  readonly timeoutMs?: number | undefined;
  /** A WHATWG `fetch` to send with (ignored when `transport` is given). */
  readonly fetch?: ((input: string, init: RequestInit) => Promise<Response>) | undefined;
  /** A lower-level sender; the Node entry passes a keep-alive `node:http` one. */
  readonly transport?: Transport | undefined;
  /** Sent as `user-agent` (browsers may drop it). */
  readonly userAgent?: string | undefined;
  /** Reject instead of returning `{ error }`. */
  readonly throwOnError?: boolean | undefined;
  /** The signing functions; the entry points set these. */
  readonly signer?: SignerFunctions | undefined;
}

/** A successful `DeleteImage`. */
export interface DeleteImageResult {
  /** The request ID the service assigned. */
  readonly requestId: string;
}

/** What `deleteImage` resolves to without `throwOnError`: a result or an error, never both. */
export type DeleteImageOutcome =
  | { readonly data: DeleteImageResult; readonly error?: undefined }
  | { readonly data?: undefined; readonly error: VodError };

/** Per-call options. */
export interface CallOptions {
  /** Aborts the call; an abort is never retried and rejects with the signal's reason. */
  readonly signal?: AbortSignal | undefined;
  /** Bulk hooks (internal to `deleteImages`, usable by custom pacers). */
  readonly context?: CallContext | undefined;
}

/** A signed request as `dryRun` returns it. */
export interface SignedRequest {
  /** `GET` or `POST`. */
  readonly method: string;
  /** The URL (signature and token masked unless revealed). */
  readonly url: string;
  /** Headers, lowercase names. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body, for POST. */
  readonly body?: string | undefined;
}

/** The client. `T` is `true` when built with `throwOnError: true`. */
export interface VodClient<T extends boolean = false> {
  /**
   * Deletes images (by URL or ID) or a video's snapshots. Validates first: an invalid request
   * is never sent.
   */
  deleteImage(
    request: DeleteImageRequest,
    options?: CallOptions,
  ): Promise<T extends true ? DeleteImageResult : DeleteImageOutcome>;
  /**
   * Deletes any number of images: chunks of at most 20, paced at the account's QPS with bounded
   * concurrency; one result per chunk. Never rejects except on invalid options.
   */
  deleteImages(options: DeleteImagesOptions): Promise<BulkResult>;
  /** Signs the request without sending it; signature and token are masked unless `revealSecrets`. */
  dryRun(
    request: DeleteImageRequest,
    options?: { readonly revealSecrets?: boolean },
  ): Promise<SignedRequest>;
  /**
   * Adds openapi-fetch middleware (runs once per call, above retries and signing). From then on
   * calls go through openapi-fetch, which the client loads on first need.
   */
  use(...middleware: Middleware[]): void;
  /**
   * The underlying openapi-fetch client, typed with the generated `paths`. It is loaded on first
   * use, so apps that never need it never download it.
   *
   * @example const raw = await client.raw(); await raw.POST('/', { body: request });
   */
  raw(): Promise<Client<paths>>;
  /** The endpoint origin in use. */
  readonly endpoint: string;
  /**
   * Releases the connections the client's own transport keeps (a transport you passed is
   * yours to close); later calls fail with `ClientClosed`. Also `Symbol.asyncDispose`, so
   * `await using vod = createVodClient(...)` closes it at the end of the scope.
   */
  close(): Promise<void>;
}

const FORM = 'application/x-www-form-urlencoded';
const FORM_HEADERS: Readonly<Record<string, string>> = Object.freeze({ 'content-type': FORM });

const hasKeys = (o: object): boolean => {
  for (const _ in o) return true;
  return false;
};

interface ErrorBody {
  Code?: unknown;
  code?: unknown;
  Message?: unknown;
  message?: unknown;
  RequestId?: unknown;
  requestId?: unknown;
  HostId?: unknown;
  Recommend?: unknown;
}
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Builds the family member for an error response. */
export function errorFromResponse(
  status: number,
  body: unknown,
  attempts: number,
  possiblyApplied = false,
): VodError {
  const b = (typeof body === 'object' && body !== null ? body : {}) as ErrorBody;
  const code = str(b.Code) ?? str(b.code) ?? `Http${status}`;
  const { cls, retryable } = classify(status, code);
  const message = scrubMessage(str(b.Message) ?? str(b.message) ?? `HTTP ${status}`);
  const fields = {
    code,
    requestId: str(b.RequestId) ?? str(b.requestId),
    hostId: str(b.HostId),
    httpStatus: status,
    recommend: str(b.Recommend),
    retryable,
    attempts,
    possiblyApplied,
  };
  const text = `${code}: ${message}${attempts > 1 ? ` (after ${attempts} attempts)` : ''}`;
  if (cls === 'throttling') return new VodThrottlingError(text, fields);
  if (cls === 'server') return new VodServerError(text, fields);
  return new VodClientError(text, fields);
}

/** The signer's `SignerInputError` (`field`, a problem without the value) as a client error. */
function fromSignerError(error: unknown): never {
  const e = error as { name?: unknown; field?: unknown; message?: unknown } | null;
  if (e?.name !== 'SignerInputError' || typeof e.field !== 'string') throw error;
  const problem = String(e.message).slice(e.field.length + 2);
  if (e.field.startsWith('credentials')) {
    throw new VodCredentialsError(`${e.field}: ${problem}`, { code: 'InvalidCredentials' });
  }
  throw new VodValidationError(e.field, problem);
}

/** Connection failures that mean the request never left: nothing can have been applied. */
const NOT_SENT: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);
const neverSent = (error: unknown): boolean => {
  for (let e = error, depth = 0; e instanceof Error && depth < 3; depth += 1) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && NOT_SENT.has(code)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
};

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

/**
 * Builds a client over the given signer and transport defaults. The entry points wrap this as
 * `createVodClient`.
 */
export function createVodClientWith<T extends boolean = false>(
  defaults: { readonly signer: SignerFunctions; readonly transport: Transport },
  options: VodClientOptions & { readonly throwOnError?: T },
): VodClient<T> {
  const { origin: endpoint, host } = checkClientOptions(options);
  const signer = options.signer ?? defaults.signer;
  const transport =
    options.transport ??
    (options.fetch !== undefined ? fetchTransport(options.fetch) : defaults.transport);
  // Only a transport the client made is the client's to close.
  const ownsTransport = options.transport === undefined && options.fetch === undefined;
  let closed = false;
  const credentials = toProvider(options.credentials);
  const staticCredentials =
    typeof options.credentials === 'function' ? undefined : options.credentials;
  const algorithm = options.signatureAlgorithm ?? 'ACS3-HMAC-SHA256';
  const method = options.method ?? 'POST';
  const retry = options.retry ?? {};
  const clientMaxAttempts = Math.max(1, retry.maxAttempts ?? DEFAULT_RETRY.maxAttempts);
  const timeoutMs = options.timeoutMs ?? 10_000;
  let clockOffsetMs = 0;
  const clock = (): number => Date.now() + clockOffsetMs;

  async function loadCredentials(): Promise<VodCredentials> {
    let loaded: VodCredentials;
    try {
      loaded = await credentials();
    } catch (error) {
      if (error instanceof VodError) throw error;
      throw new VodCredentialsError('credentials provider failed', {
        code: 'CredentialsFailed',
        cause: error,
      });
    }
    // A provider is plain JavaScript: what it returns is held to the rules static ones are.
    const problem = credentialsProblem(loaded);
    if (problem !== undefined) {
      throw new VodCredentialsError(`${problem[0]}: ${problem[1]}`, { code: 'InvalidCredentials' });
    }
    return loaded;
  }

  function sign(
    verb: string,
    params: WireParams,
    creds: VodCredentials,
    extraHeaders: Record<string, string>,
  ): Awaitable<RpcSignResult | Acs3SignResult> {
    if (algorithm === 'HMAC-SHA1') {
      return signer.signRpc({
        method: verb as 'GET' | 'POST',
        action: ACTION,
        version: API_VERSION,
        params,
        credentials: creds,
        clock,
      });
    }
    return signer.signAcs3({
      method: verb,
      host,
      action: ACTION,
      version: API_VERSION,
      ...(verb === 'GET' ? { query: params } : { form: params }),
      // Only headers there are: most calls have none, and an empty object would just be copied.
      ...(hasKeys(extraHeaders) ? { headers: extraHeaders } : {}),
      credentials: creds,
      clock,
    });
  }

  /**
   * {@link sign}, with the signer's input errors turned into the client's: a bad credential is a
   * {@link VodCredentialsError}, anything else a {@link VodValidationError}, both naming the
   * signer's field. They are never retried and never look like network errors.
   */
  function signChecked(
    verb: string,
    params: WireParams,
    creds: VodCredentials,
    extraHeaders: Record<string, string>,
  ): Awaitable<RpcSignResult | Acs3SignResult> {
    try {
      const pending = sign(verb, params, creds, extraHeaders);
      return pending instanceof Promise ? pending.catch(fromSignerError) : pending;
    } catch (error) {
      return fromSignerError(error);
    }
  }

  function toTransport(
    verb: string,
    s: RpcSignResult | Acs3SignResult,
    extraHeaders: Record<string, string>,
    signal?: AbortSignal,
  ): TransportRequest {
    const get = verb === 'GET';
    const rpc = s.algorithm === 'HMAC-SHA1';
    const query = rpc ? (get ? s.encoded : '') : s.query;
    return {
      method: verb,
      url: query === '' ? rootUrl : `${rootUrl}?${query}`,
      headers: !rpc
        ? s.headers
        : get
          ? extraHeaders
          : hasKeys(extraHeaders)
            ? { ...extraHeaders, 'content-type': FORM }
            : FORM_HEADERS,
      // Form bodies are always strings.
      body: get ? undefined : rpc ? s.encoded : (s.body as string),
      signal,
      timeoutMs,
    };
  }

  // Shared by every call that takes the direct path; `send` never mutates it.
  const callHeaders: Record<string, string> =
    options.userAgent === undefined ? {} : { 'user-agent': options.userAgent };
  const rootUrl = `${endpoint}/`;
  // Set once middleware is registered (through `use` or `raw.use`): until then no middleware
  // could see the request, so calls skip openapi-fetch.
  let hasMiddleware = false;

  /** What {@link send} learned: the final response, its parsed body and the attempts made. */
  interface Sent {
    readonly res: TransportResponse;
    readonly json: unknown;
    readonly attempts: number;
    /** An earlier attempt may have reached the service before its answer was lost. */
    readonly possiblyApplied: boolean;
  }

  /**
   * The retry loop, with signing inside it (a fresh nonce and timestamp per attempt). Resolves
   * with a 2xx carrying a `RequestId` or with the final error response; rejects when every
   * attempt failed to get an answer, or with the caller's abort reason.
   */
  async function send(
    verb: string,
    params: WireParams,
    extra: Record<string, string>,
    callerSignal: AbortSignal | undefined,
    context: CallContext | undefined,
  ): Promise<Sent> {
    const maxAttempts = Math.max(1, context?.maxAttempts ?? clientMaxAttempts);
    let skewCorrected = false;
    let lastError: unknown;
    let timedOut = false;
    // Set when an attempt may have reached the service but its answer was lost (a timeout, a
    // reset after sending, a cut 200): then a later NoSuchResource may mean "deleted by it".
    let possiblyApplied = false;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      callerSignal?.throwIfAborted();
      if (context?.beforeAttempt !== undefined) await context.beforeAttempt();
      const creds = staticCredentials ?? (await loadCredentials());
      const pending = signChecked(verb, params, creds, extra);
      // The node signer answers synchronously: skip a microtask turn when it does.
      const signed = toTransport(
        verb,
        pending instanceof Promise
          ? ((await pending) as RpcSignResult | Acs3SignResult)
          : (pending as RpcSignResult | Acs3SignResult),
        extra,
        callerSignal,
      );
      // What the backoff before the next attempt depends on.
      let throttled = false;
      let retryAfter: number | undefined;
      let res: TransportResponse | undefined;
      try {
        res = await transport(signed);
      } catch (error) {
        if (callerSignal?.aborted === true) throw callerSignal.reason as Error;
        timedOut = (error as { name?: unknown } | null)?.name === 'TimeoutError';
        lastError = error;
        if (!neverSent(error)) possiblyApplied = true;
      }
      if (res !== undefined) {
        timedOut = false;
        const json = parseJson(res.body);
        if (isOk(res.status)) {
          if (typeof (json as { RequestId?: unknown } | undefined)?.RequestId === 'string') {
            return { res, json, attempts: attempt, possiblyApplied };
          }
          // A 200 whose body is cut or garbled cannot be trusted, so ask again. Deleting is
          // idempotent in effect; if this attempt was applied, the repeat answers NoSuchResource.
          lastError = new Error(`malformed response body (HTTP ${res.status})`);
          possiblyApplied = true;
        } else {
          const { cls, retryable } = classify(
            res.status,
            str((json as ErrorBody | undefined)?.Code),
          );
          if (cls === 'clock-skew' && !skewCorrected) {
            const serverNow = Date.parse(res.header('date') ?? '');
            skewCorrected = true;
            if (!Number.isNaN(serverNow)) {
              // The Date header has second precision: aim for the middle of that second.
              clockOffsetMs = serverNow + 500 - Date.now();
              if (attempt < maxAttempts) continue;
            }
          }
          throttled = cls === 'throttling';
          if (throttled) context?.onThrottled?.();
          if (!retryable || attempt === maxAttempts) {
            return { res, json, attempts: attempt, possiblyApplied };
          }
          retryAfter = parseRetryAfter(res.header('x-acs-retry-after'));
        }
      }
      if (attempt < maxAttempts)
        await sleep(backoffDelay(attempt, throttled, retryAfter, retry), callerSignal);
    }
    const fields = { retryable: true, attempts: maxAttempts, cause: lastError, possiblyApplied };
    const reason = lastError instanceof Error ? scrubMessage(lastError.message) : 'request failed';
    throw timedOut
      ? new VodTimeoutError(`timed out after ${timeoutMs} ms (${maxAttempts} attempts)`, {
          code: 'Timeout',
          ...fields,
        })
      : new VodNetworkError(`network error: ${reason} (${maxAttempts} attempts)`, {
          code: 'NetworkError',
          ...fields,
        });
  }

  /** The custom fetch openapi-fetch calls: reads what (maybe middleware-changed) request to send. */
  async function vodFetch(request: Request): Promise<LiteResponse> {
    const verb = request.method;
    const q = request.url.indexOf('?');
    const bodyText = await request.text();
    // openapi-fetch copies init fields a Request lacks onto it: the context arrives that way.
    const context = (request as { [CONTEXT_KEY]?: CallContext })[CONTEXT_KEY];
    const sent = verb === 'GET' ? (q < 0 ? '' : request.url.slice(q + 1)) : bodyText;
    // The wire parameters `call` validated, unless middleware changed what is sent.
    const params =
      context?.params !== undefined && context.encoded === sent
        ? context.params
        : Object.fromEntries(new URLSearchParams(sent));
    const extra = { ...callHeaders };
    request.headers.forEach((value, name) => {
      if (name !== 'content-type' && name !== 'accept') extra[name] = value;
    });
    const { res, json, attempts, possiblyApplied } = await send(
      verb,
      params,
      extra,
      request.signal,
      context,
    );
    return liteResponse(res, { attempts, json, possiblyApplied });
  }

  /**
   * The openapi-fetch client, loaded and made on first use (`raw()`, or a call once middleware
   * is registered): calls without middleware never need it, and a browser app that never
   * registers any never downloads it.
   */
  let rawClient: Promise<Client<paths>> | undefined;
  const getRaw = (): Promise<Client<paths>> =>
    (rawClient ??= import('openapi-fetch').then(({ default: createClient }) => {
      const raw = createClient<paths>({
        baseUrl: endpoint,
        fetch: vodFetch as unknown as (input: Request) => Promise<Response>,
        // For direct `raw` calls (deleteImage passes its own): validated wire form, URL-encoded.
        bodySerializer: (body: unknown) =>
          new URLSearchParams(toWireParams(body as DeleteImageRequest)).toString(),
        // The GET operation's request is one exploded object parameter: one query field per property.
        querySerializer: (query: Record<string, unknown>) => {
          const request = query['DeleteImageRequest'];
          return request === undefined
            ? ''
            : new URLSearchParams(toWireParams(request as DeleteImageRequest)).toString();
        },
      });
      const rawUse = raw.use.bind(raw);
      raw.use = (...middleware) => {
        hasMiddleware = true;
        rawUse(...middleware);
      };
      if (pendingMiddleware.length > 0) raw.use(...pendingMiddleware.splice(0));
      loadedRaw = raw;
      return raw;
    }));
  /** The openapi-fetch client once loaded; until then `use` keeps its middleware here. */
  let loadedRaw: Client<paths> | undefined;
  const pendingMiddleware: Middleware[] = [];

  async function call(
    request: DeleteImageRequest,
    options: CallOptions = {},
  ): Promise<DeleteImageOutcome> {
    if (closed) {
      return { error: new VodClientError('the client is closed', { code: 'ClientClosed' }) };
    }
    try {
      const params = toWireParams(request);
      if (!hasMiddleware) {
        // No middleware could read or change the request: skip building openapi-fetch's
        // Request, Headers and Response, which nobody would see, and answer as it would.
        const { res, json, attempts, possiblyApplied } = await send(
          method,
          params,
          callHeaders,
          options.signal,
          options.context,
        );
        return isOk(res.status)
          ? { data: { requestId: (json as { RequestId: string }).RequestId } }
          : { error: errorFromResponse(res.status, json, attempts, possiblyApplied) };
      }
      const encoded = new URLSearchParams(params).toString();
      const context: CallContext = { ...options.context, params, encoded };
      const init = { signal: options.signal ?? null, [CONTEXT_KEY]: context };
      const raw = await getRaw();
      const { data, error, response } =
        method === 'GET'
          ? // The client's serializers give `encoded` again (the same wire form).
            await raw.GET('/', { params: { query: { DeleteImageRequest: request } }, ...init })
          : await raw.POST('/', { body: request, ...init });
      const meta = (response as unknown as Partial<LiteResponse>)[META_KEY];
      if (data !== undefined) return { data: { requestId: data.RequestId } };
      return {
        error: errorFromResponse(
          response.status,
          error,
          meta?.attempts ?? 1,
          meta?.possiblyApplied === true,
        ),
      };
    } catch (error) {
      // An abort rejects; anything else becomes `{ error }`.
      if (options.signal?.aborted === true) throw error;
      if (error instanceof VodError) return { error };
      if ((error as { name?: unknown } | null)?.name === 'AbortError') throw error;
      const reason = error instanceof Error ? scrubMessage(error.message) : 'unknown error';
      return {
        error: new VodNetworkError(`request failed: ${reason}`, {
          code: 'NetworkError',
          cause: error,
        }),
      };
    }
  }

  type Out = T extends true ? DeleteImageResult : DeleteImageOutcome;
  const client: VodClient<T> = {
    async deleteImage(request, callOptions) {
      const outcome = await call(request, callOptions);
      if (options.throwOnError !== true) return outcome as Out;
      if (outcome.error !== undefined) throw outcome.error;
      return outcome.data as Out;
    },
    deleteImages(bulkOptions) {
      return runBulk(call, bulkOptions);
    },
    async dryRun(request, dryOptions = {}) {
      const params = toWireParams(request);
      const creds = await loadCredentials();
      const signed = await sign(method, params, creds, callHeaders);
      const out = toTransport(
        method,
        dryOptions.revealSecrets === true ? signed : signer.redactSigned(signed),
        callHeaders,
      );
      // With the host it signed (V3 signs it), the output re-verifies exactly as returned.
      const headers = { host, ...out.headers };
      const { url, body } = out;
      return body === undefined ? { method, url, headers } : { method, url, headers, body };
    },
    use(...middleware) {
      hasMiddleware = true;
      if (loadedRaw !== undefined) {
        loadedRaw.use(...middleware);
        return;
      }
      // Applied once openapi-fetch is loaded; a load failure surfaces in the next call.
      pendingMiddleware.push(...middleware);
      getRaw().catch(() => undefined);
    },
    raw() {
      return getRaw();
    },
    endpoint,
    async close() {
      closed = true;
      if (ownsTransport) await transport.close?.();
    },
  };
  // Where the runtime has explicit resource management (Node 20.4+, modern browsers).
  const asyncDispose = (Symbol as { asyncDispose?: symbol }).asyncDispose;
  if (asyncDispose !== undefined) {
    Object.defineProperty(client, asyncDispose, { value: () => client.close() });
  }
  return client;
}
