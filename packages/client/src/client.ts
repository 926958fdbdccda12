/**
 * Assembles a client: resolves the options once, builds the send loop, and answers each call by
 * one of two paths to it. Without middleware a call goes straight to the send loop; once
 * middleware is registered it goes through openapi-fetch (`openapi-fetch-path.ts`, loaded then).
 */
import type { Client, Middleware } from 'openapi-fetch';
import type { DeleteImageRequest, paths } from '@vodkit/types';
import { VodClientError, VodError, VodNetworkError, scrubMessage } from './errors.js';
import { resolveClientOptions } from './client-config.js';
import type { ClientDefaults, VodClientOptions } from './client-config.js';
import { toWireParams } from './validate.js';
import type { BulkResult, DeleteImagesOptions } from './bulk.js';
import { outcomeOf } from './outcome.js';
import type { CallOptions, DeleteImageOutcome, DeleteImageResult } from './outcome.js';
import { createSendLoop } from './send-loop.js';
import type { OpenapiFetchPath } from './openapi-fetch-path.js';

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

export type { VodClientOptions } from './client-config.js';

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
   * @example
   * ```ts
   * const raw = await client.raw(); await raw.POST('/', { body: request });
   * ```
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
  defaults: ClientDefaults,
  options: VodClientOptions & { readonly throwOnError?: T },
): VodClient<T> {
  const config = resolveClientOptions(options, defaults);
  const { origin: endpoint, host, method, headers: callHeaders, transport } = config;
  let closed = false;
  const loop = createSendLoop(config);

  // Set once middleware is registered (through `use` or `raw().use`): until then no middleware
  // could see a request, so calls skip openapi-fetch and its Request and Response objects.
  let hasMiddleware = false;
  /** Middleware given to `use` before the openapi-fetch path was loaded. */
  const pendingMiddleware: Middleware[] = [];
  let loaded: OpenapiFetchPath | undefined;
  let loading: Promise<OpenapiFetchPath> | undefined;
  const openapiFetchPath = (): Promise<OpenapiFetchPath> =>
    (loading ??= import('./openapi-fetch-path.js').then(
      ({ createOpenapiFetchPath }) => {
        const path = createOpenapiFetchPath({
          origin: endpoint,
          loop,
          method,
          headers: callHeaders,
          onMiddleware: () => {
            hasMiddleware = true;
          },
          toWireParams,
        });
        if (pendingMiddleware.length > 0) path.raw.use(...pendingMiddleware.splice(0));
        loaded = path;
        return path;
      },
      (error: unknown) => {
        // A chunk that failed to load (a flaky network in a browser) is tried again next time.
        loading = undefined;
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
        const answer = await (await openapiFetchPath()).call(request, params, options);
        return outcomeOf(answer.status, answer.body, answer);
      }
      const sent = await loop.send({
        verb: method,
        params,
        headers: callHeaders,
        signal: options.signal,
        context: options.context,
      });
      return outcomeOf(sent.response.status, sent.json, sent, sent.failure);
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
      if (!config.throwOnError) return outcome as Out;
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
      if (loaded !== undefined) {
        loaded.raw.use(...middleware);
        return;
      }
      // Applied once the path is loaded; a load failure surfaces in the next call.
      pendingMiddleware.push(...middleware);
      openapiFetchPath().catch(() => undefined);
    },
    async raw() {
      return (await openapiFetchPath()).raw;
    },
    endpoint,
    async close() {
      closed = true;
      if (config.ownsTransport) await transport.close?.();
    },
  };
  // Where the runtime has explicit resource management (Node 20.4+, modern browsers).
  const asyncDispose = (Symbol as { asyncDispose?: symbol }).asyncDispose;
  if (asyncDispose !== undefined) {
    Object.defineProperty(client, asyncDispose, { value: () => client.close() });
  }
  return client;
}
