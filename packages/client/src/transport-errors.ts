/**
 * The errors a transport rejects with when an attempt got no whole answer. The send loop reads
 * their fields (was it a timeout, can anything have left the client) instead of guessing from
 * names and codes; a transport of your own throws them too.
 */

/** Why an attempt got no answer: its `timeoutMs` passed, or the connection ended first. */
export type TransportFailureReason = 'timeout' | 'closed';

/** Fields of a {@link TransportError}. */
export interface TransportErrorFields {
  /**
   * `false` when nothing of the request can have left the client (it was still waiting for a
   * free connection, a proxy's tunnel, TCP connect or the TLS handshake): the call is then not
   * reported as possibly applied. Defaults to `true`, the safe assumption.
   */
  readonly sent?: boolean | undefined;
  /** The underlying error, if any. */
  readonly cause?: unknown;
}

// Symbol.for: an app may load two copies of the client (two bundles, ESM and CJS); the brand
// lets either copy's send loop recognise the other's errors.
const BRAND: unique symbol = Symbol.for('@vodkit/client.TransportError');

/**
 * An attempt that got no whole answer. Narrow with {@link TransportError.isInstance} and read
 * {@link TransportError.reason} and {@link TransportError.sent}.
 *
 * @example
 * ```ts
 * throw new TransportClosedError('connection closed before the response ended', { sent: true });
 * ```
 */
export abstract class TransportError extends Error {
  /** Why the attempt got no answer. */
  abstract readonly reason: TransportFailureReason;
  /** Whether any of the request can have left the client; see {@link TransportErrorFields.sent}. */
  readonly sent: boolean;
  /**
   * Whether `value` is a {@link TransportError} from any copy of `@vodkit/client`.
   *
   * @example
   * ```ts
   * if (TransportError.isInstance(error) && !error.sent) retryAtOnce();
   * ```
   */
  static isInstance(value: unknown): value is TransportError {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as { [BRAND]?: unknown })[BRAND] === true
    );
  }

  constructor(message: string, fields: TransportErrorFields = {}) {
    super(message, fields.cause === undefined ? undefined : { cause: fields.cause });
    this.sent = fields.sent ?? true;
    // Not a class field: a computed key has no declaration under isolatedDeclarations.
    Object.defineProperty(this, BRAND, { value: true });
  }
}

/** Options of {@link TransportTimeoutError}. */
export interface TransportTimeoutFields extends TransportErrorFields {
  /**
   * Where the attempt was waiting while nothing could have left, as words for the message
   * (`connecting to host:443`); implies `sent: false`.
   */
  readonly waitingFor?: string | undefined;
}

/**
 * The attempt's `timeoutMs` passed before a whole answer arrived. The message says where it
 * waited when nothing had left the client.
 *
 * @example
 * ```ts
 * throw new TransportTimeoutError(request.timeoutMs);
 * ```
 */
export class TransportTimeoutError extends TransportError {
  /** Always `'timeout'`. */
  readonly reason = 'timeout' as const;
  /** The timeout that passed, in ms. */
  readonly timeoutMs: number;
  /** Where the attempt waited, when nothing had left; see {@link TransportTimeoutFields.waitingFor}. */
  readonly waitingFor: string | undefined;
  override get name(): string {
    return 'TransportTimeoutError';
  }

  constructor(timeoutMs: number, fields: TransportTimeoutFields = {}) {
    const where = fields.waitingFor === undefined ? '' : ` ${fields.waitingFor}`;
    super(`attempt timed out after ${timeoutMs} ms${where}`, {
      ...fields,
      sent: fields.waitingFor === undefined ? fields.sent : false,
    });
    this.timeoutMs = timeoutMs;
    this.waitingFor = fields.waitingFor;
  }
}

/**
 * The connection ended (closed, reset, refused, or a proxy's tunnel failed) before a whole
 * answer arrived.
 *
 * @example
 * ```ts
 * throw new TransportClosedError('the proxy refused the tunnel (HTTP 407)', { sent: false });
 * ```
 */
export class TransportClosedError extends TransportError {
  /** Always `'closed'`. */
  readonly reason = 'closed' as const;
  override get name(): string {
    return 'TransportClosedError';
  }
}
