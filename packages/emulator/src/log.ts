/** One request as the emulator received and answered it (secrets redacted). */
export interface RecordedRequest {
  /** The `RequestId` answered (also in the `x-acs-request-id` header). */
  readonly requestId: string;
  /** When it arrived, on the emulator's clock (epoch ms). */
  readonly receivedAt: number;
  /** The HTTP method. */
  readonly method: string;
  /** The path, without the query. */
  readonly path: string;
  /** Query and form parameters, decoded; `Signature` and `SecurityToken` read `***`. */
  readonly params: Readonly<Record<string, string>>;
  /** Request headers; the signature in `authorization`, tokens and cookies read `***`. */
  readonly headers: Readonly<Record<string, string>>;
  /** `HMAC-SHA1` or `ACS3-HMAC-SHA256`, once the signature verified. */
  readonly algorithm?: string | undefined;
  /** The AccessKey ID, once the signature verified. */
  readonly accessKeyId?: string | undefined;
  /** The account, once the signature verified. */
  readonly accountId?: string | undefined;
  /** The HTTP status answered; `0` when the connection was reset without an answer. */
  readonly status: number;
  /** The error `Code` answered, if any. */
  readonly code?: string | undefined;
  /** The fault injected, if any (its code, or `reset`/`malformed-json`/`truncated`). */
  readonly fault?: string | undefined;
  /** IDs of the images the call deleted. */
  readonly deleted?: readonly string[] | undefined;
  /** Time spent, ms (wall clock, injected latency included). */
  readonly durationMs: number;
}

// The redactor every vodkit package uses: the same rules for what is a secret everywhere.
export { redactHeaders, redactParams } from '@vodkit/signer/redact';

/** A bounded list of recorded requests: the oldest drop out past `max`. */
export class RequestLog {
  readonly #max: number;
  #items: RecordedRequest[] = [];

  constructor(max: number) {
    this.#max = Math.max(0, Math.floor(max));
  }

  /** Adds a record. */
  push(record: RecordedRequest): void {
    if (this.#max === 0) return;
    this.#items.push(record);
    // Trim in batches so a busy emulator does not shift the array on every request.
    if (this.#items.length >= this.#max * 2) this.#items = this.#items.slice(-this.#max);
  }

  /** The records, oldest first. */
  list(): RecordedRequest[] {
    return this.#items.slice(-this.#max);
  }

  /** Forgets every record. */
  clear(): void {
    this.#items = [];
  }
}

/** One log line: the record as JSON, led by an ISO time (without headers, to keep lines short). */
export function logLine(record: RecordedRequest): string {
  const rest = Object.entries(record).filter(([key]) => key !== 'headers');
  return JSON.stringify({
    time: new Date(record.receivedAt).toISOString(),
    ...Object.fromEntries(rest),
  });
}
