import {
  VodClientError,
  VodNetworkError,
  VodServerError,
  VodThrottlingError,
  scrubMessage,
} from './errors.js';
import type { VodError } from './errors.js';
import { classify } from './retry.js';
import type { FailureDecision } from './retry.js';

/** A successful `DeleteImage`. */
export interface DeleteImageResult {
  /** The request ID the service assigned. */
  readonly requestId: string;
}

/** What `deleteImage` resolves to without `throwOnError`: a result or an error, never both. */
export type DeleteImageOutcome =
  | { readonly data: DeleteImageResult; readonly error?: undefined }
  | { readonly data?: undefined; readonly error: VodError };

/** Hooks one call can give the send loop (the bulk pacer uses them). */
export interface CallContext {
  /** Awaited before every attempt (the bulk pacer). */
  readonly beforeAttempt?: (() => Promise<void>) | undefined;
  /** Told about every throttled attempt (the bulk pacer slows down). */
  readonly onThrottled?: (() => void) | undefined;
  /** Overrides the client's `retry.maxAttempts` for this call. */
  readonly maxAttempts?: number | undefined;
}

/** Per-call options. */
export interface CallOptions {
  /** Aborts the call; an abort is never retried and rejects with the signal's reason. */
  readonly signal?: AbortSignal | undefined;
  /** Bulk hooks (internal to `deleteImages`, usable by custom pacers). */
  readonly context?: CallContext | undefined;
}

/** How the send loop's attempts went, beside the answer they ended with. */
export interface AttemptRecord {
  /** Attempts made. */
  readonly attempts: number;
  /** An earlier attempt may have reached the service before its answer was lost. */
  readonly possiblyApplied: boolean;
}

/** The fields an error body may carry, in Alibaba's spelling and the lower-case one. */
interface ErrorBody {
  Code?: unknown;
  code?: unknown;
  Message?: unknown;
  message?: unknown;
  RequestId?: unknown;
  requestId?: unknown;
  HostId?: unknown;
  Recommend?: unknown;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
// A parsed body may be any JSON value: a primitive reads as having none of these fields.
const fieldsOf = (body: unknown): ErrorBody => body ?? {};

/** The code of a parsed error body (`Code`, else `code`), if it has one. */
export const errorCodeOf = (body: unknown): string | undefined =>
  str(fieldsOf(body).Code) ?? str(fieldsOf(body).code);

/** The `RequestId` of a parsed success body, if it has one. */
export const requestIdOf = (body: unknown): string | undefined => str(fieldsOf(body).RequestId);

/** Whether an HTTP status is a success (2xx). */
export const isOk = (status: number): boolean => status >= 200 && status < 300;

/**
 * Builds the family member for an error response, of the class `failure` says: the send loop's
 * classification of the same answer, so the error says what the loop did with it.
 */
export function errorFromResponse(
  status: number,
  body: unknown,
  { attempts, possiblyApplied }: AttemptRecord,
  failure: FailureDecision,
): VodError {
  const b = fieldsOf(body);
  const code = errorCodeOf(b) ?? `Http${status}`;
  const { cls, retryable } = failure;
  const message = scrubMessage(str(b.Message) ?? str(b.message) ?? `HTTP ${status}`);
  const fields = {
    code,
    requestId: str(b.RequestId) ?? str(b.requestId),
    hostId: str(b.HostId),
    httpStatus: status,
    recommend: str(b.Recommend),
    retryable,
    attempts,
    possiblyApplied,
  };
  const text = `${code}: ${message}${attempts > 1 ? ` (after ${attempts} attempts)` : ''}`;
  if (cls === 'throttling') return new VodThrottlingError(text, fields);
  if (cls === 'server') return new VodServerError(text, fields);
  return new VodClientError(text, fields);
}

/**
 * The outcome of a final answer, the same whichever path it came by: a 2xx with a `RequestId` is
 * a result, any other answer an error of its family. `failure` is the send loop's classification
 * of the answer; without one (middleware may have replaced the answer the loop saw) it is
 * classified here.
 */
export function outcomeOf(
  status: number,
  body: unknown,
  record: AttemptRecord,
  failure?: FailureDecision,
): DeleteImageOutcome {
  const requestId = isOk(status) ? requestIdOf(body) : undefined;
  if (requestId !== undefined) return { data: { requestId } };
  if (isOk(status)) {
    // Only middleware can hand back such an answer: the send loop retries a 2xx without one.
    return {
      error: new VodNetworkError(`malformed response body (HTTP ${status})`, {
        code: 'NetworkError',
        retryable: true,
        attempts: record.attempts,
        possiblyApplied: true,
      }),
    };
  }
  return {
    error: errorFromResponse(status, body, record, failure ?? classify(status, errorCodeOf(body))),
  };
}
