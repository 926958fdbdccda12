/**
 * Assembles a client: checks the options, builds the send loop, and answers each call through
 * one of two doors onto it. Without middleware a call goes straight to the send loop; once
 * middleware is registered it goes through openapi-fetch (the middleware door, loaded then).
 */
import type { Client, Middleware } from 'openapi-fetch';
import type { DeleteImageRequest, RegionId, paths } from '@vodkit/types';
import { VodClientError, VodError, VodNetworkError, scrubMessage } from './errors.js';
import { checkClientOptions } from './client-options.js';
import { resolveEndpoint } from './endpoint.js';
import { toProvider } from './credentials.js';
import type { CredentialProvider, VodCredentials } from './credentials.js';
import type { RetryOptions } from './retry.js';
import { toWireParams } from './validate.js';
import type { BulkResult, DeleteImagesOptions } from './bulk.js';
import { fetchTransport } from './transport.js';
import type { Transport } from './transport.js';
import { outcomeOf } from './outcome.js';
import type { CallOptions, DeleteImageOutcome, DeleteImageResult } from './outcome.js';
import { createSendLoop } from './send-loop.js';
import { userAgentFor } from './user-agent.js';
import type { SignatureAlgorithm, SignerFunctions } from './signer-functions.js';
import type { MiddlewareDoor } from './middleware-door.js';

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
  /**
   * Your product (`myapp/1.2`), appended to the `user-agent` the client sends outside browsers:
   * `vodkit/<version> (<runtime>/<version>; <os>; <arch>) myapp/1.2`. Printable ASCII, 1 to 256
   * characters. A browser sends its own user-agent and this is not sent.
   */
  readonly userAgent?: string | undefined;
  /** Reject instead of returning `{ error }`. */
  readonly throwOnError?: boolean | undefined;
  /** The signing functions; the entry points set these. */
  readonly signer?: SignerFunctions | undefined;
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

/**
 * Builds a client over the given signer and transport defaults. The entry points wrap this as
 * `createVodClient`.
 */
export function createVodClientWith<T extends boolean = false>(
  defaults: { readonly signer: SignerFunctions; readonly transport: Transport },
  options: VodClientOptions & { readonly throwOnError?: T },
): VodClient<T> {
  checkClientOptions(options);
  const { origin: endpoint, host } = resolveEndpoint(options);
  const transport =
    options.transport ??
    (options.fetch !== undefined ? fetchTransport(options.fetch) : defaults.transport);
  // Only a transport the client made is the client's to close.
  const ownsTransport = options.transport === undefined && options.fetch === undefined;
  let closed = false;
  const method = options.method ?? 'POST';
  const loop = createSendLoop({
    signer: options.signer ?? defaults.signer,
    transport,
    algorithm: options.signatureAlgorithm ?? 'ACS3-HMAC-SHA256',
    origin: endpoint,
    host,
    credentials: toProvider(options.credentials),
    staticCredentials: typeof options.credentials === 'function' ? undefined : options.credentials,
    retry: options.retry ?? {},
    timeoutMs: options.timeoutMs ?? 10_000,
  });
  // Shared by every call; the send loop never mutates it. Not signed (V3 signs only host,
  // content-type and x-acs-* headers), so a proxy that rewrites it breaks nothing.
  const userAgent = userAgentFor(options.userAgent);
  const callHeaders: Readonly<Record<string, string>> =
    userAgent === undefined ? {} : { 'user-agent': userAgent };

  // Set once middleware is registered (through `use` or `raw().use`): until then no middleware
  // could see a request, so calls skip openapi-fetch and its Request and Response objects.
  let hasMiddleware = false;
  /** Middleware given to `use` before the door was open. */
  const pendingMiddleware: Middleware[] = [];
  let openDoor: MiddlewareDoor | undefined;
  let opening: Promise<MiddlewareDoor> | undefined;
  const door = (): Promise<MiddlewareDoor> =>
    (opening ??= import('./middleware-door.js').then(
      ({ openMiddlewareDoor }) => {
        const opened = openMiddlewareDoor({
          origin: endpoint,
          loop,
          method,
          headers: callHeaders,
          onMiddleware: () => {
            hasMiddleware = true;
          },
          toWireParams,
        });
        if (pendingMiddleware.length > 0) opened.raw.use(...pendingMiddleware.splice(0));
        openDoor = opened;
        return opened;
      },
      (error: unknown) => {
        // A chunk that failed to load (a flaky network in a browser) is tried again next time.
        opening = undefined;
        throw error;
      },
    ));

  const { redactor } = loop;
  /** The one exit of a call: whatever the error, the client's secrets are removed from it. */
  async function call(
    request: DeleteImageRequest,
    options?: CallOptions,
  ): Promise<DeleteImageOutcome> {
    const outcome = await attemptCall(request, options);
    if (outcome.error !== undefined) await redactor.error(outcome.error);
    return outcome;
  }

  async function attemptCall(
    request: DeleteImageRequest,
    options: CallOptions = {},
  ): Promise<DeleteImageOutcome> {
    if (closed) {
      return { error: new VodClientError('the client is closed', { code: 'ClientClosed' }) };
    }
    try {
      const params = toWireParams(request);
      if (hasMiddleware) {
        const answer = await (await door()).call(request, params, options);
        return outcomeOf(answer.status, answer.body, answer);
      }
      const sent = await loop.send({
        verb: method,
        params,
        headers: callHeaders,
        signal: options.signal,
        context: options.context,
      });
      return outcomeOf(sent.response.status, sent.json, sent);
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
    async deleteImages(bulkOptions) {
      const { runBulk } = await import('./bulk.js');
      // Chunk errors come through `call`; the callback's error is the runner's copy.
      const result = await runBulk(call, bulkOptions).catch(async (error: unknown) => {
        throw await redactor.error(error);
      });
      await redactor.error(result.callbackError);
      return result;
    },
    async dryRun(request, dryOptions = {}) {
      const params = toWireParams(request);
      const out = await loop.signOnce(
        { verb: method, params, headers: callHeaders },
        dryOptions.revealSecrets === true,
      );
      // With the host it signed (V3 signs it), the output re-verifies exactly as returned.
      const headers = { host, ...out.headers };
      const { url, body } = out;
      return body === undefined ? { method, url, headers } : { method, url, headers, body };
    },
    use(...middleware) {
      hasMiddleware = true;
      if (openDoor !== undefined) {
        openDoor.raw.use(...middleware);
        return;
      }
      // Applied once the door is open; a load failure surfaces in the next call.
      pendingMiddleware.push(...middleware);
      door().catch(() => undefined);
    },
    async raw() {
      return (await door()).raw;
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
