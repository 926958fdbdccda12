import type { IncomingMessage } from 'node:http';
import { decodeForm } from '@vodkit/signer/node';
import type { ResponseFormat } from './responses.js';

/** Decoded request parameters: query string and form body together. */
export type WireParams = Record<string, string>;

/** The result of reading a body under a size limit. */
export type BodyResult =
  { readonly ok: true; readonly body: Buffer } | { readonly ok: false; readonly bytes: number };

/**
 * Reads the request body, keeping at most `limit` bytes. A body announced larger than the limit
 * is not read at all, and one that grows past it (chunked) stops being read at that point: the
 * caller answers 413 and closes the connection, so an endless body costs nothing more.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  const announced = Number(req.headers['content-length'] ?? 0);
  if (announced > limit) return Promise.resolve({ ok: false, bytes: announced });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    const onData = (chunk: Buffer): void => {
      bytes += chunk.length;
      if (bytes <= limit) {
        chunks.push(chunk);
        return;
      }
      req.off('data', onData);
      req.off('end', onEnd);
      req.pause();
      resolve({ ok: false, bytes });
    };
    const onEnd = (): void => {
      resolve({ ok: true, body: Buffer.concat(chunks, bytes) });
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', reject);
    // A client gone before the end (or cut off by requestTimeoutMs) must not leave the handler
    // waiting for an 'end' that never comes; after 'end' this changes nothing.
    req.once('close', () => {
      if (!req.complete) reject(new Error('the connection closed before the body ended'));
    });
  });
}

/** The result of decoding parameters: the map, and the first problem met, if any. */
export interface DecodedParams {
  /** Every parameter that decoded; a later repeat of a name is not stored. */
  readonly params: WireParams;
  /** What is wrong with the encoding (bad `%` escape, repeated name), if anything. */
  readonly problem?: string | undefined;
}

/** Decodes query string and (form) body into one parameter map, as the signature sees them. */
export function decodeParams(rawQuery: string, body: string | undefined): DecodedParams {
  const params = Object.create(null) as WireParams;
  const inQuery = decodeForm(rawQuery, params, 'the query string');
  const inBody = body === undefined ? undefined : decodeForm(body, params, 'the form body');
  const problem = inQuery ?? inBody;
  return problem === undefined ? { params } : { params, problem };
}

/**
 * The response format asked for: `Format=XML` (any case) gives XML, anything else JSON. V3
 * requests carry no `Format` and get JSON, as the SDKs expect.
 */
export function formatOf(params: WireParams): ResponseFormat {
  return params['Format']?.toUpperCase() === 'XML' ? 'XML' : 'JSON';
}

/** Splits a request target into path and raw query (without `?`). */
export function splitTarget(target: string): { path: string; rawQuery: string } {
  const q = target.indexOf('?');
  return q < 0
    ? { path: target, rawQuery: '' }
    : { path: target.slice(0, q), rawQuery: target.slice(q + 1) };
}

/** A header's value as one string (repeats joined with `,`), or `undefined`. */
export function headerOf(
  headers: Readonly<Record<string, string | readonly string[] | undefined>>,
  name: string,
): string | undefined {
  const v = headers[name];
  return v === undefined ? undefined : typeof v === 'string' ? v : v.join(',');
}
