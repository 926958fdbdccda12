/** What kind of failure a {@link VodError} is; one value per subclass. */
export type VodErrorKind =
  'client' | 'server' | 'throttling' | 'timeout' | 'network' | 'validation' | 'credentials';

/** Fields every {@link VodError} may carry. */
export interface VodErrorFields {
  /** Alibaba's error code (`Throttling.User`, …) or one of vodkit's (`ValidationFailed`, `NetworkError`, `Timeout`, `CredentialsNotFound`). */
  readonly code: string;
  /** The request ID the service answered with, when it answered. */
  readonly requestId?: string | undefined;
  /** The endpoint host that answered. */
  readonly hostId?: string | undefined;
  /** The HTTP status, when there was a response. */
  readonly httpStatus?: number | undefined;
  /** Alibaba's troubleshooting link, when given. */
  readonly recommend?: string | undefined;
  /** Whether the retry policy treats this failure as retryable. */
  readonly retryable?: boolean | undefined;
  /** How many attempts were made before giving up (0 when nothing was sent). */
  readonly attempts?: number | undefined;
  /**
   * An attempt may have reached the service before its answer was lost (a timeout, a reset
   * after sending, a cut answer): the images may be deleted although the call failed. Check
   * before deleting again; a repeat answers `NoSuchResource` if they are.
   */
  readonly possiblyApplied?: boolean | undefined;
  /** The underlying error, if any. */
  readonly cause?: unknown;
}

// The gateway appends its string-to-sign to SignatureDoesNotMatch messages; it holds the
// AccessKey ID and, for STS, the token. Cut it and anything that looks like a signed URL.
const SIGNED_TAIL = /\s*server string to sign is:[\s\S]*$/i;
const URLS = /https?:\/\/\S+/g;

/**
 * Removes string-to-sign tails and URLs (which may be signed) from a server message. The client
 * then removes its own secrets by value and cuts the text (see `redact.ts`): a cut made here,
 * before that, could keep half of a secret.
 */
export function scrubMessage(message: string): string {
  return message.replace(SIGNED_TAIL, '').replace(URLS, '<url>');
}

/**
 * A copy of an error's cause chain that is safe to keep: each `Error` becomes a plain `Error`
 * with the same name, a scrubbed message and its `code` (and an `AggregateError`'s `errors`,
 * copied alike), three levels deep. Anything else (an object that may hold a request, headers
 * or a signed URL) is dropped. The client then removes its secrets from the copies by value.
 */
export function safeCause(cause: unknown, depth = 0): unknown {
  if (typeof cause === 'string') return scrubMessage(cause);
  if (!(cause instanceof Error) || depth > 2) return undefined;
  const inner = safeCause((cause as { cause?: unknown }).cause, depth + 1);
  const copy = new Error(
    scrubMessage(cause.message),
    inner === undefined ? undefined : { cause: inner },
  );
  copy.name = cause.name;
  const { code, errors } = cause as { code?: unknown; errors?: unknown };
  if (typeof code === 'string') (copy as { code?: string }).code = code;
  // Node's connect tries every address and reports each failure here.
  if (Array.isArray(errors)) {
    (copy as { errors?: unknown[] }).errors = errors
      .slice(0, 8)
      .map((e: unknown) => safeCause(e, depth + 1))
      .filter((e) => e !== undefined);
  }
  return copy;
}

/**
 * Marks every {@link VodError}: the client bundles its own copy of these classes, so an error
 * from one copy fails `instanceof` against another's classes unless the check goes by brand.
 */
const BRAND: unique symbol = Symbol.for('@vodkit/client.VodError');

/** The brand names of a class and its ancestors, read from their own static `brandName`. */
function brandsOf(target: abstract new (...args: never[]) => unknown): string[] {
  const names: string[] = [];
  for (let c: unknown = target; typeof c === 'function'; c = Object.getPrototypeOf(c)) {
    if (Object.hasOwn(c, 'brandName'))
      names.push((c as unknown as { brandName: string }).brandName);
  }
  return names;
}

/**
 * The one error type of `@vodkit/client`. Narrow with `instanceof` on a subclass or with `kind`.
 * Messages never contain secrets, signatures, tokens or signed URLs.
 *
 * @example
 * ```ts
 * const { error } = await client.deleteImage(request);
 * if (error instanceof VodThrottlingError) console.log(error.attempts, error.requestId);
 * ```
 */
export class VodError extends Error {
  /** The name the brand check knows this class by (stable across bundles and minifiers). */
  static readonly brandName: string = 'VodError';

  /**
   * Whether `value` is a {@link VodError} from any copy of `@vodkit/client`, by brand.
   *
   * @example
   * ```ts
   * if (VodError.isInstance(error)) console.log(error.code);
   * ```
   */
  static isInstance(value: unknown): value is VodError {
    return typeof value === 'object' && value !== null && Array.isArray((value as Brand)[BRAND]);
  }

  /**
   * `instanceof` by brand as well as by prototype, so `error instanceof VodThrottlingError`
   * holds for an error made by another bundled copy of the client.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (Function.prototype[Symbol.hasInstance].call(this, value)) return true;
    if (!VodError.isInstance(value) || !Object.hasOwn(this, 'brandName')) return false;
    return (value as unknown as Brand)[BRAND].includes((this as { brandName: string }).brandName);
  }

  /** The kind of failure (the subclass). */
  readonly kind: VodErrorKind = 'client';
  /** See {@link VodErrorFields.code}. */
  declare readonly code: string;
  /** See {@link VodErrorFields.requestId}. */
  declare readonly requestId: string | undefined;
  /** See {@link VodErrorFields.hostId}. */
  declare readonly hostId: string | undefined;
  /** See {@link VodErrorFields.httpStatus}. */
  declare readonly httpStatus: number | undefined;
  /** See {@link VodErrorFields.recommend}. */
  declare readonly recommend: string | undefined;
  /** See {@link VodErrorFields.retryable}. */
  declare readonly retryable: boolean;
  /** See {@link VodErrorFields.attempts}. */
  declare readonly attempts: number;
  /** See {@link VodErrorFields.possiblyApplied}. */
  declare readonly possiblyApplied: boolean;

  /**
   * Creates an error. The cause is kept as a scrubbed copy; the client removes its secrets by
   * value from both before handing the error out.
   */
  constructor(message: string, fields: VodErrorFields) {
    const { cause, ...rest } = fields;
    const safe = safeCause(cause);
    super(message, safe === undefined ? undefined : { cause: safe });
    // The brand, not the constructor's name, which an app's minifier may rename.
    this.name = (new.target as unknown as { brandName: string }).brandName;
    Object.assign(this, { retryable: false, attempts: 0, possiblyApplied: false }, rest);
    Object.defineProperty(this, BRAND, { value: brandsOf(new.target) });
  }
}

interface Brand {
  readonly [BRAND]: readonly string[];
}

/** The service rejected the request (4xx: parameters, signature, credentials, permissions). */
export class VodClientError extends VodError {
  /** See {@link VodError.brandName}. */
  static override readonly brandName: string = 'VodClientError';
  override readonly kind = 'client' as const;
}
/** The service failed (5xx, `InternalError`, `ServiceUnavailable`). */
export class VodServerError extends VodError {
  /** See {@link VodError.brandName}. */
  static override readonly brandName: string = 'VodServerError';
  override readonly kind = 'server' as const;
}
/** The account or API was throttled (`Throttling*`) and retries did not get through. */
export class VodThrottlingError extends VodError {
  /** See {@link VodError.brandName}. */
  static override readonly brandName: string = 'VodThrottlingError';
  override readonly kind = 'throttling' as const;
}
/** Every attempt timed out (`timeoutMs` per attempt). */
export class VodTimeoutError extends VodError {
  /** See {@link VodError.brandName}. */
  static override readonly brandName: string = 'VodTimeoutError';
  override readonly kind = 'timeout' as const;
}
/** The connection failed, was reset, or the body could not be read or parsed. */
export class VodNetworkError extends VodError {
  /** See {@link VodError.brandName}. */
  static override readonly brandName: string = 'VodNetworkError';
  override readonly kind = 'network' as const;
}
/** The request breaks a rule of the spec; it was never sent. `field` and `rule` say which. */
export class VodValidationError extends VodError {
  /** See {@link VodError.brandName}. */
  static override readonly brandName: string = 'VodValidationError';
  override readonly kind = 'validation' as const;
  /** The offending field, as a path such as `ImageIds[3]`. */
  readonly field: string;
  /** The rule it breaks, such as `at most 20 items`. */
  readonly rule: string;
  /**
   * Creates a validation error for `field` breaking `rule`; `code` is `ValidationFailed` for a
   * request and `InvalidOption` for a client option.
   */
  constructor(field: string, rule: string, code = 'ValidationFailed') {
    super(`${field}: ${rule}`, { code, attempts: 0 });
    this.field = field;
    this.rule = rule;
  }
}
/** No credentials could be found or loaded (never includes a secret in its message). */
export class VodCredentialsError extends VodError {
  /** See {@link VodError.brandName}. */
  static override readonly brandName: string = 'VodCredentialsError';
  override readonly kind = 'credentials' as const;
}

/** `true` when a credentials error means "nothing here, try the next provider". */
export const isCredentialsNotFound = (error: unknown): boolean =>
  error instanceof VodCredentialsError && error.code === 'CredentialsNotFound';
