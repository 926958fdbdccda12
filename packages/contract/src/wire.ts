/**
 * The suite's own requests: signed with `@vodkit/signer` in each of the spec's three request
 * shapes and both algorithms, optionally changed after signing (tampering) or before it
 * (generated cases), sent with `node:http`/`node:https`, and read back as an {@link Answer}.
 */
import { signV3, signV2 } from '@vodkit/signer/node';
import type { V3SignResult, Credentials } from '@vodkit/signer';
import type { V2SignResult } from '@vodkit/signer/v2';
import { redactRequest } from '@vodkit/signer/redact';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { ACTION, API_VERSION } from '@vodkit/types';

/** Alibaba's names: V2 is HMAC-SHA1 RPC signing, V3 is ACS3-HMAC-SHA256. */
export type Algorithm = 'V2' | 'V3';

/** The spec's request shapes (`x-request-shapes`). */
export type Shape = 'get-query' | 'post-form' | 'post-query';

/** Every algorithm and every shape. */
export const ALGORITHMS: readonly Algorithm[] = ['V2', 'V3'];
/** Every request shape. */
export const SHAPES: readonly Shape[] = ['get-query', 'post-form', 'post-query'];

/** One HTTP request, ready to send. */
export interface WireRequest {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | undefined;
}

/** What a target answered. */
export interface Answer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly text: string;
  /** The body as JSON, or `undefined` when it is not JSON. */
  readonly json: unknown;
}

/** What to sign. */
export interface SignOptions {
  readonly url: string;
  readonly algorithm: Algorithm;
  readonly shape: Shape;
  /** DeleteImage parameters in wire form (lists comma-joined). */
  readonly params: Readonly<Record<string, string>>;
  readonly credentials: Credentials;
  /** The clock to sign with (epoch ms); default now. */
  readonly clock?: (() => number) | undefined;
  /** The nonce to sign with; default a fresh one. */
  readonly nonce?: (() => string) | undefined;
}

const FORM = 'application/x-www-form-urlencoded';

function rpcRequest(url: string, shape: Shape, s: V2SignResult): WireRequest {
  if (shape === 'get-query') return { method: 'GET', url: `${url}/?${s.encoded}`, headers: {} };
  if (shape === 'post-query') {
    return {
      method: 'POST',
      url: `${url}/?${s.encoded}`,
      headers: { 'content-type': FORM },
      body: '',
    };
  }
  return { method: 'POST', url: `${url}/`, headers: { 'content-type': FORM }, body: s.encoded };
}

function v3Request(url: string, shape: Shape, s: V3SignResult): WireRequest {
  const target = s.query === '' ? `${url}/` : `${url}/?${s.query}`;
  const method = shape === 'get-query' ? 'GET' : 'POST';
  const body = typeof s.body === 'string' ? s.body : '';
  return method === 'GET'
    ? { method, url: target, headers: s.headers }
    : { method, url: target, headers: s.headers, body };
}

/** Signs DeleteImage parameters in one shape with one algorithm. */
export function sign(options: SignOptions): WireRequest {
  const { url, shape, params, credentials } = options;
  const context = {
    credentials,
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    ...(options.nonce === undefined ? {} : { nonce: options.nonce }),
  };
  if (options.algorithm === 'V2') {
    const signed = signV2({
      method: shape === 'get-query' ? 'GET' : 'POST',
      action: ACTION,
      version: API_VERSION,
      params,
      ...context,
    });
    return rpcRequest(url, shape, signed);
  }
  const signed = signV3({
    method: shape === 'get-query' ? 'GET' : 'POST',
    host: new URL(url).host,
    action: ACTION,
    version: API_VERSION,
    ...(shape === 'post-form' ? { form: params } : { query: params }),
    // An empty POST body still has a type: sign the one the form shape would send.
    ...(shape === 'post-query' ? { headers: { 'content-type': FORM } } : {}),
    ...context,
  });
  return v3Request(url, shape, signed);
}

/** How long the suite waits for one whole answer, unless told otherwise. */
export const DEFAULT_ANSWER_TIMEOUT_MS = 10_000;
/** The largest answer read; a DeleteImage answer is a few hundred bytes. */
export const MAX_ANSWER_BYTES = 1_048_576;

/** Options of {@link send} beyond its deadline. */
export interface SendOptions {
  /** Ends the request early (the run's own deadline); its reason is the rejection. */
  readonly signal?: AbortSignal | undefined;
  /** The most bytes read of the answer's body; default {@link MAX_ANSWER_BYTES}. */
  readonly maxBytes?: number | undefined;
}

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

/**
 * Sends a request and reads the whole answer, bounded in size and by one deadline from the start
 * of the request to its last byte (an idle timeout alone lets a server that trickles a byte now
 * and then hold a check for ever). `node:http` rather than `fetch`: a check may send a `host`
 * header of its own (V3 signs it), which `fetch` forbids.
 */
export function send(
  request: WireRequest,
  timeoutMs: number = DEFAULT_ANSWER_TIMEOUT_MS,
  options: SendOptions = {},
): Promise<Answer> {
  const url = new URL(request.url);
  const client = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const maxBytes = options.maxBytes ?? MAX_ANSWER_BYTES;
  const { signal } = options;
  return new Promise((resolve, reject) => {
    if (signal?.aborted === true) {
      reject(signal.reason as Error);
      return;
    }
    const req = client(
      url,
      {
        method: request.method,
        headers: {
          ...request.headers,
          ...(request.body === undefined
            ? {}
            : { 'content-length': Buffer.byteLength(request.body) }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        let bytes = 0;
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (bytes > maxBytes) req.destroy(new Error(`the answer is over ${maxBytes} bytes`));
          else chunks.push(chunk);
        });
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(res.headers)) {
            if (value !== undefined)
              headers[name] = Array.isArray(value) ? value.join(', ') : value;
          }
          resolve({ status: res.statusCode ?? 0, headers, text, json: parseJson(text) });
        });
      },
    );
    const deadline = setTimeout(() => {
      req.destroy(new Error(`no complete answer within ${timeoutMs} ms`));
    }, timeoutMs);
    const abort = (): void => {
      req.destroy(signal?.reason as Error);
    };
    signal?.addEventListener('abort', abort, { once: true });
    req.on('close', () => {
      clearTimeout(deadline);
      signal?.removeEventListener('abort', abort);
    });
    req.on('error', reject);
    req.end(request.body);
  });
}

/**
 * The request with its secrets masked as `***` (its signature and token, by the redactor every
 * vodkit package uses: `redactRequest` of `@vodkit/signer/redact`).
 */
export function redact(request: WireRequest): WireRequest {
  return redactRequest(request);
}

/** The `Code` of an answer's JSON body, if it has one. */
export function codeOf(answer: Answer): string | undefined {
  const code = (answer.json as { Code?: unknown } | undefined)?.Code;
  return typeof code === 'string' ? code : undefined;
}

const quote = (s: string): string => `'${s.replaceAll("'", `'\\''`)}'`;

/** The request as a `curl` command, secrets masked. */
export function toCurl(signed: WireRequest): string {
  const request = redact(signed);
  const parts = ['curl', '-sS', '-X', request.method, quote(request.url)];
  for (const [name, value] of Object.entries(request.headers))
    parts.push('-H', quote(`${name}: ${value}`));
  if (request.body !== undefined) parts.push('--data-raw', quote(request.body));
  return parts.join(' ');
}
