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
  /** The underlying error, if any. */
  readonly cause?: unknown;
}

// The gateway appends its string-to-sign to SignatureDoesNotMatch messages; it holds the
// AccessKey ID and, for STS, the token. Cut it and anything that looks like a signed URL.
const SIGNED_TAIL = /\s*server string to sign is:[\s\S]*$/i;
const URLS = /https?:\/\/\S+/g;

/** Removes string-to-sign tails and URLs (which may be signed) from a server message. */
export function scrubMessage(message: string): string {
  return message.replace(SIGNED_TAIL, '').replace(URLS, '<url>').slice(0, 500);
}

/**
 * The one error type of `@vodkit/client`. Narrow with `instanceof` on a subclass or with `kind`.
 * Messages never contain secrets, signatures, tokens or signed URLs.
 *
 * @example
 * const { error } = await client.deleteImage(request);
 * if (error instanceof VodThrottlingError) console.log(error.attempts, error.requestId);
 */
export class VodError extends Error {
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

  /** Creates an error; `message` must already be free of secrets. */
  constructor(message: string, fields: VodErrorFields) {
    super(message, fields.cause === undefined ? undefined : { cause: fields.cause });
    this.name = new.target.name;
    Object.assign(this, { retryable: false, attempts: 0 }, fields);
  }
}

/** The service rejected the request (4xx: parameters, signature, credentials, permissions). */
export class VodClientError extends VodError {
  override readonly kind = 'client' as const;
}
/** The service failed (5xx, `InternalError`, `ServiceUnavailable`). */
export class VodServerError extends VodError {
  override readonly kind = 'server' as const;
}
/** The account or API was throttled (`Throttling*`) and retries did not get through. */
export class VodThrottlingError extends VodError {
  override readonly kind = 'throttling' as const;
}
/** Every attempt timed out (`timeoutMs` per attempt). */
export class VodTimeoutError extends VodError {
  override readonly kind = 'timeout' as const;
}
/** The connection failed, was reset, or the body could not be read or parsed. */
export class VodNetworkError extends VodError {
  override readonly kind = 'network' as const;
}
/** The request breaks a rule of the spec; it was never sent. `field` and `rule` say which. */
export class VodValidationError extends VodError {
  override readonly kind = 'validation' as const;
  /** The offending field, as a path such as `ImageIds[3]`. */
  readonly field: string;
  /** The rule it breaks, such as `at most 20 items`. */
  readonly rule: string;
  /** Creates a validation error for `field` breaking `rule`. */
  constructor(field: string, rule: string) {
    super(`${field}: ${rule}`, { code: 'ValidationFailed', attempts: 0 });
    this.field = field;
    this.rule = rule;
  }
}
/** No credentials could be found or loaded (never includes a secret in its message). */
export class VodCredentialsError extends VodError {
  override readonly kind = 'credentials' as const;
}

/** `true` when a credentials error means "nothing here, try the next provider". */
export const isCredentialsNotFound = (error: unknown): boolean =>
  error instanceof VodCredentialsError && error.code === 'CredentialsNotFound';
