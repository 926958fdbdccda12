/**
 * The path calls take once openapi-fetch middleware is registered: openapi-fetch builds a real
 * `Request`, runs the middleware, and hands the request to a per-call `fetch` that feeds the
 * shared send loop and answers with a real `Response`. Loaded on first need, with openapi-fetch.
 */
import createClient from 'openapi-fetch';
import type { Client } from 'openapi-fetch';
import type { DeleteImageRequest, paths } from '@vodkit/types';
import type { WireParams } from './validate.js';
import type { AttemptRecord, CallContext, CallOptions } from './outcome.js';
import type { SendLoop } from './send-loop.js';
import type { TransportResponse } from './transport.js';

/** What the openapi-fetch path needs from its client. */
export interface OpenapiFetchPathConfig {
  /** The endpoint origin. */
  readonly origin: string;
  readonly loop: SendLoop;
  /** The client's `method`. */
  readonly method: 'GET' | 'POST';
  /** Headers every call sends (the user agent). */
  readonly headers: Readonly<Record<string, string>>;
  /** Told whenever middleware is registered on the openapi-fetch client. */
  readonly onMiddleware: () => void;
  /**
   * The client's request check (`toWireParams`), for direct `raw` calls. Handed over rather than
   * imported, as this path hands back answers rather than outcomes: a module loaded later that
   * imports modules of the start bundle splits that bundle into chunks shared with it.
   */
  readonly toWireParams: (request: DeleteImageRequest) => WireParams;
}

/**
 * A call's final answer through openapi-fetch (after middleware); the client makes it an outcome,
 * as it does a send loop answer.
 */
export interface MiddlewareAnswer extends AttemptRecord {
  readonly status: number;
  /** The parsed body (openapi-fetch's `data` or `error`). */
  readonly body: unknown;
}

/** The openapi-fetch client and a `deleteImage` through it. */
export interface OpenapiFetchPath {
  /** The openapi-fetch client, typed with the generated `paths`. */
  readonly raw: Client<paths>;
  /** One validated call through openapi-fetch and its middleware. */
  call(
    request: DeleteImageRequest,
    params: WireParams,
    options: CallOptions,
  ): Promise<MiddlewareAnswer>;
}

/** What a per-call `fetch` knows about its call. */
interface CallHooks {
  readonly context: CallContext | undefined;
  /** The validated parameters and their form encoding, as serialized for openapi-fetch. */
  readonly params: WireParams;
  readonly encoded: string;
  /** Receives how the send loop's attempts went. */
  readonly record: (record: AttemptRecord) => void;
}

// The body is handed over decoded and whole; framing and encoding headers would describe
// bytes this Response does not hold.
const FRAMING: ReadonlySet<string> = new Set([
  'content-length',
  'transfer-encoding',
  'content-encoding',
  'connection',
  'keep-alive',
]);
// What a transport without headerEntries still tells: the headers the client reads.
const KNOWN_HEADERS = ['content-type', 'date', 'x-acs-request-id', 'x-acs-retry-after'] as const;
// Statuses a Response may not carry a body with.
const NULL_BODY: ReadonlySet<number> = new Set([204, 205, 304]);

function knownHeaders(res: TransportResponse): [string, string][] {
  const found: [string, string][] = [];
  for (const name of KNOWN_HEADERS) {
    const value = res.header(name);
    if (value !== null) found.push([name, value]);
  }
  return found;
}

/** A transport response as a WHATWG `Response`, so middleware can clone, read or replace it. */
function toResponse(res: TransportResponse): Response {
  const headers = new Headers();
  for (const [name, value] of res.headerEntries?.() ?? knownHeaders(res)) {
    if (FRAMING.has(name.toLowerCase())) continue;
    try {
      headers.append(name, value);
    } catch {
      // A header Headers refuses cannot be shown to middleware; the client never needs it.
    }
  }
  return new Response(NULL_BODY.has(res.status) ? null : res.body, {
    status: res.status,
    headers,
  });
}

/** Makes the openapi-fetch client whose requests feed `config.loop`. */
export function createOpenapiFetchPath(config: OpenapiFetchPathConfig): OpenapiFetchPath {
  const { loop, method } = config;

  /** Sends what the (maybe middleware-replaced) request says, through the send loop. */
  async function send(request: Request, hooks: CallHooks | undefined): Promise<Response> {
    const verb = request.method === 'GET' ? 'GET' : 'POST';
    const q = request.url.indexOf('?');
    const body = await request.text();
    const sent = verb === 'GET' ? (q < 0 ? '' : request.url.slice(q + 1)) : body;
    // The parameters the client validated, unless middleware changed what is sent.
    const params =
      hooks?.encoded === sent ? hooks.params : Object.fromEntries(new URLSearchParams(sent));
    const headers: Record<string, string> = { ...config.headers };
    request.headers.forEach((value, name) => {
      if (name !== 'content-type' && name !== 'accept') headers[name] = value;
    });
    const result = await loop.send({
      verb,
      params,
      headers,
      signal: request.signal,
      context: hooks?.context,
    });
    hooks?.record(result);
    return toResponse(result.response);
  }

  const raw = createClient<paths>({
    baseUrl: config.origin,
    fetch: (request: Request) => send(request, undefined),
    // For direct `raw` calls (deleteImage serializes its own): validated wire form, URL-encoded.
    bodySerializer: (body: unknown) =>
      new URLSearchParams(config.toWireParams(body as DeleteImageRequest)).toString(),
    // The GET operation's request is one exploded object parameter: one query field per property.
    querySerializer: (query: Record<string, unknown>) => {
      const request = query['DeleteImageRequest'];
      return request === undefined
        ? ''
        : new URLSearchParams(config.toWireParams(request as DeleteImageRequest)).toString();
    },
  });
  const rawUse = raw.use.bind(raw);
  raw.use = (...middleware) => {
    config.onMiddleware();
    rawUse(...middleware);
  };

  async function call(
    request: DeleteImageRequest,
    params: WireParams,
    options: CallOptions,
  ): Promise<MiddlewareAnswer> {
    const encoded = new URLSearchParams(params).toString();
    // Nothing sent until the per-call fetch runs: a middleware may answer by itself.
    let record: AttemptRecord = { attempts: 0, possiblyApplied: false };
    const hooks: CallHooks = {
      context: options.context,
      params,
      encoded,
      record: (r) => {
        record = { attempts: r.attempts, possiblyApplied: r.possiblyApplied };
      },
    };
    // openapi-fetch's per-request options carry this call's fetch and serializers.
    const init = {
      fetch: (req: Request) => send(req, hooks),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    };
    const { data, error, response } =
      method === 'GET'
        ? await raw.GET('/', {
            params: { query: { DeleteImageRequest: request } },
            querySerializer: () => encoded,
            ...init,
          })
        : await raw.POST('/', { body: request, bodySerializer: () => encoded, ...init });
    return { status: response.status, body: data ?? error, ...record };
  }

  return { raw, call };
}
