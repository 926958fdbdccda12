/**
 * An incremental HTTP/1.1 response reader (RFC 9112) for the socket transport: status line,
 * headers, and a body framed by `content-length`, `chunked` or the end of the connection.
 * It reads one response per request (no pipelining), skips interim 1xx responses, and bounds
 * what it buffers. Node-only (Buffer).
 */

/** A response read in full. */
export interface Http1Response {
  /** The HTTP status. */
  readonly status: number;
  /** Header values by lowercase name; repeated headers joined with `, `. */
  readonly headers: ReadonlyMap<string, string>;
  /** The body decoded as UTF-8. */
  readonly body: string;
  /** Whether the connection may carry another request. */
  readonly reusable: boolean;
}

/** Limits on what one response may make the reader buffer. */
export interface Http1Limits {
  /** Status line plus headers, in bytes. */
  readonly maxHeadBytes: number;
  /** The body, in bytes (after chunked decoding). */
  readonly maxBodyBytes: number;
}

/** A response that breaks HTTP/1.1 framing: the connection must not be reused. */
export class Http1ProtocolError extends Error {
  override readonly name = 'Http1ProtocolError';
}

const CRLF = Buffer.from('\r\n');
const HEAD_END = Buffer.from('\r\n\r\n');
const STATUS_LINE = /^HTTP\/1\.([01]) (\d{3})(?: [^\r\n]*)?$/;
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const CHUNK_SIZE = /^([0-9A-Fa-f]{1,8})[ \t]*(?:;.*)?$/;

type Framing =
  | { readonly kind: 'length'; remaining: number }
  | { readonly kind: 'chunked'; step: 'size' | 'data' | 'data-end' | 'trailers'; remaining: number }
  | { readonly kind: 'close' };

interface Head {
  readonly status: number;
  readonly headers: Map<string, string>;
  readonly reusable: boolean;
  readonly framing: Framing | undefined;
}

// eslint-disable-next-line no-control-regex -- exactly the characters a field value may not hold
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f]/;

/**
 * Headers of which Node's `node:http` keeps the first and drops repeats (`content-length` is
 * left out: repeats of it are a framing question, answered below).
 */
const SINGLE_VALUED: ReadonlySet<string> = new Set([
  'age',
  'authorization',
  'content-type',
  'etag',
  'expires',
  'from',
  'host',
  'if-modified-since',
  'if-unmodified-since',
  'last-modified',
  'location',
  'max-forwards',
  'proxy-authorization',
  'referer',
  'retry-after',
  'server',
  'user-agent',
]);

/** A content-length header's value; repeated headers were joined, so each copy must agree. */
function contentLength(joined: string): number {
  const values = new Set(joined.split(',').map((v) => v.trim()));
  const [only] = values;
  if (values.size !== 1 || only === undefined || !/^\d{1,15}$/.test(only)) {
    throw new Http1ProtocolError('invalid content-length');
  }
  return Number(only);
}

function parseHead(text: string): Head {
  const lines = text.split('\r\n');
  const match = STATUS_LINE.exec(lines[0] ?? '');
  if (match === null) throw new Http1ProtocolError('malformed HTTP status line');
  const minor = match[1];
  const status = Number(match[2]);
  const headers = new Map<string, string>();
  for (let i = 1; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon).toLowerCase() : '';
    // RFC 9112 §5: a name is a token; folded lines (obs-fold) are obsolete and rejected here,
    // as Node's own parser does.
    if (!TOKEN.test(name)) throw new Http1ProtocolError('malformed HTTP header line');
    const value = line.slice(colon + 1).trim();
    // A field value is visible characters, spaces, tabs and obs-text; llhttp refuses the rest.
    if (CONTROL.test(value)) throw new Http1ProtocolError('malformed HTTP header value');
    const previous = headers.get(name);
    if (previous === undefined) headers.set(name, value);
    // Node keeps the first of a header that holds one value (its list); others are joined.
    else if (!SINGLE_VALUED.has(name)) headers.set(name, `${previous}, ${value}`);
  }
  const connection = (headers.get('connection') ?? '').toLowerCase();
  let reusable = minor === '1' ? !/(?:^|,)\s*close\s*(?:,|$)/.test(connection) : false;
  const encoding = headers.get('transfer-encoding');
  const length = headers.get('content-length');
  let framing: Framing | undefined;
  // A content-length must be well formed even where no body follows, as llhttp holds it.
  const lengthValue = length === undefined ? undefined : contentLength(length);
  if ((status >= 100 && status < 200) || status === 204 || status === 304) {
    // No body; a transfer-encoding here is a framing no client can trust (llhttp refuses it).
    if (encoding !== undefined) throw new Http1ProtocolError(`transfer-encoding on a ${status}`);
    framing = undefined;
  } else if (encoding !== undefined) {
    // §6.3: chunked must be the last coding; anything else is delimited by the close. A
    // content-length beside it is ignored, and the connection is not trusted afterwards.
    if (length !== undefined) reusable = false;
    const codings = encoding.toLowerCase().split(',');
    if (codings.at(-1)?.trim() === 'chunked') {
      framing = { kind: 'chunked', step: 'size', remaining: 0 };
    } else {
      framing = { kind: 'close' };
      reusable = false;
    }
  } else if (lengthValue !== undefined) {
    framing = { kind: 'length', remaining: lengthValue };
  } else {
    framing = { kind: 'close' };
    reusable = false;
  }
  return { status, headers, reusable, framing };
}

/**
 * Reads one response from the bytes a connection delivers: `push` each chunk, `end` when the
 * connection closes. Either returns the response once it is complete, and throws
 * {@link Http1ProtocolError} for a response that breaks the framing rules or the limits.
 */
export class Http1ResponseReader {
  private pending: Buffer | undefined;
  private head: Head | undefined;
  private readonly parts: Buffer[] = [];
  private bodyBytes = 0;

  /** @param limits - What one response may buffer. */
  constructor(private readonly limits: Http1Limits) {}

  /** Takes the next bytes; returns the response when they complete it. */
  push(chunk: Buffer): Http1Response | undefined {
    this.pending =
      this.pending === undefined || this.pending.length === 0
        ? chunk
        : Buffer.concat([this.pending, chunk]);
    return this.advance();
  }

  /** Whether the end of the connection completes the response: a close-delimited body. */
  get endsWithConnection(): boolean {
    return this.head?.framing?.kind === 'close';
  }

  /** The connection closed: completes a close-delimited body, otherwise reports the cut. */
  end(): Http1Response {
    const framing = this.head?.framing;
    if (this.head !== undefined && framing?.kind === 'close') return this.finish(this.head);
    throw new Http1ProtocolError('connection closed before the response ended');
  }

  private advance(): Http1Response | undefined {
    for (;;) {
      const buffer = this.pending;
      if (buffer === undefined) return undefined;
      if (this.head === undefined) {
        const end = buffer.indexOf(HEAD_END);
        if (end < 0) {
          if (buffer.length > this.limits.maxHeadBytes) {
            throw new Http1ProtocolError(
              `response headers exceed ${this.limits.maxHeadBytes} bytes`,
            );
          }
          return undefined;
        }
        if (end > this.limits.maxHeadBytes) {
          throw new Http1ProtocolError(`response headers exceed ${this.limits.maxHeadBytes} bytes`);
        }
        const head = parseHead(buffer.toString('latin1', 0, end));
        this.pending = buffer.subarray(end + 4);
        if (head.status === 101) throw new Http1ProtocolError('unexpected protocol switch (101)');
        // An interim response (100 Continue, 103 Early Hints): the real one follows.
        if (head.status < 200) continue;
        this.head = head;
        if (head.framing === undefined) return this.finish(head);
        continue;
      }
      const framing = this.head.framing;
      if (framing === undefined) return this.finish(this.head);
      if (framing.kind === 'close') {
        this.take(buffer);
        this.pending = undefined;
        return undefined;
      }
      if (framing.kind === 'length') {
        const taken = Math.min(framing.remaining, buffer.length);
        this.take(buffer.subarray(0, taken));
        framing.remaining -= taken;
        this.pending = buffer.subarray(taken);
        if (framing.remaining > 0) return undefined;
        return this.finish(this.head);
      }
      if (!this.chunkStep(framing, buffer)) return undefined;
      if (framing.step === 'trailers' && framing.remaining === -1) return this.finish(this.head);
    }
  }

  /** Advances the chunked decoder by one step; false when it needs more bytes. */
  private chunkStep(framing: Extract<Framing, { kind: 'chunked' }>, buffer: Buffer): boolean {
    if (framing.step === 'data') {
      const taken = Math.min(framing.remaining, buffer.length);
      if (taken === 0) return false;
      this.take(buffer.subarray(0, taken));
      framing.remaining -= taken;
      this.pending = buffer.subarray(taken);
      if (framing.remaining === 0) framing.step = 'data-end';
      return true;
    }
    const eol = buffer.indexOf(CRLF);
    if (eol < 0) {
      // A size line or trailer line is short; a long one without an end is not HTTP.
      if (buffer.length > this.limits.maxHeadBytes) {
        throw new Http1ProtocolError('malformed chunked body');
      }
      return false;
    }
    const line = buffer.toString('latin1', 0, eol);
    this.pending = buffer.subarray(eol + 2);
    if (framing.step === 'data-end') {
      if (line !== '') throw new Http1ProtocolError('malformed chunked body');
      framing.step = 'size';
    } else if (framing.step === 'size') {
      const size = CHUNK_SIZE.exec(line);
      if (size?.[1] === undefined) throw new Http1ProtocolError('malformed chunk size');
      framing.remaining = parseInt(size[1], 16);
      framing.step = framing.remaining === 0 ? 'trailers' : 'data';
    } else if (line === '') {
      // The empty line after the (usually absent) trailers ends the body.
      framing.remaining = -1;
    }
    return true;
  }

  private take(part: Buffer): void {
    if (part.length === 0) return;
    this.bodyBytes += part.length;
    if (this.bodyBytes > this.limits.maxBodyBytes) {
      throw new Http1ProtocolError(`response body exceeds ${this.limits.maxBodyBytes} bytes`);
    }
    this.parts.push(part);
  }

  private finish(head: Head): Http1Response {
    // Bytes after a complete response were not asked for (no pipelining): they can only be a
    // broken or hostile server, and llhttp fails the exchange on them too.
    if (this.pending !== undefined && this.pending.length > 0) {
      throw new Http1ProtocolError('unexpected bytes after the response');
    }
    const [first] = this.parts;
    const body =
      this.parts.length === 1 && first !== undefined
        ? first.toString('utf8')
        : Buffer.concat(this.parts).toString('utf8');
    return {
      status: head.status,
      headers: head.headers,
      body,
      reusable: head.reusable,
    };
  }
}
