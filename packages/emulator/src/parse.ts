import type { IncomingMessage } from 'node:http';
import { decodeForm } from '@vodkit/signer/node';
import type { ResponseFormat } from './responses.js';

/** Decoded request parameters: query string and form body together. */
export type WireParams = Record<string, string>;

/** The result of reading a body under a size limit. */
export type BodyResult =
  { readonly ok: true; readonly body: Buffer } | { readonly ok: false; readonly bytes: number };

/**
 * Reads the request body, keeping at most `limit` bytes. A larger body is still read to its end
 * (and discarded) so the client, which is usually still sending, can read the error answer
 * instead of failing with a broken pipe.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    req.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes <= limit) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.on('end', () => {
      resolve(
        bytes <= limit ? { ok: true, body: Buffer.concat(chunks, bytes) } : { ok: false, bytes },
      );
    });
    req.on('error', reject);
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
