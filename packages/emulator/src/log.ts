import type { IncomingHttpHeaders } from 'node:http';
// The redactor every vodkit package uses: the same rules for what is a secret everywhere.
import { redactHeaders, redactParams } from '@vodkit/signer/redact';

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

/** A record still being filled in by the stages of its request. */
export type OpenRecord = { -readonly [K in keyof RecordedRequest]: RecordedRequest[K] };

/**
 * Opens the record of an RPC request as it arrives (its headers redacted); the stages add what
 * they learn, and {@link RequestLog.record} stores it once answered.
 */
export function openRecord(
  fields: Pick<RecordedRequest, 'requestId' | 'receivedAt' | 'method' | 'path'>,
  headers: IncomingHttpHeaders,
): OpenRecord {
  return { ...fields, params: {}, headers: redactHeaders(headers), status: 0, durationMs: 0 };
}

/**
 * The parameters a record shows, redacted. `signatureDropped` says the verifier took `Signature`
 * out of what it returned: the record still shows it was sent.
 */
export function recordedParams(
  params: Readonly<Record<string, string>>,
  signatureDropped: boolean,
): Record<string, string> {
  return redactParams(signatureDropped ? { ...params, Signature: '' } : params);
}

/** What a log line of a request that is not an RPC call says. */
export interface LogNote {
  readonly requestId: string;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  /** `admin`, `image`, `preflight` or `unparseable`. */
  readonly kind: string;
}

/**
 * The request log: a bounded list of recorded RPC requests (the oldest drop out past `max`), and
 * the JSON lines written to the `log` option's sink.
 */
export class RequestLog {
  readonly #max: number;
  readonly #sink: ((line: string) => void) | undefined;
  readonly #now: () => number;
  #items: RecordedRequest[] = [];

  /** `now` is the emulator's clock, for the time of lines that are not records. */
  constructor(max: number, sink: ((line: string) => void) | undefined, now: () => number) {
    this.#max = Math.max(0, Math.floor(max));
    this.#sink = sink;
    this.#now = now;
  }

  /** Stores the record of an answered RPC request and writes its log line. */
  record(entry: RecordedRequest): void {
    if (this.#max > 0) {
      this.#items.push(entry);
      // Trim in batches so a busy emulator does not shift the array on every request.
      if (this.#items.length >= this.#max * 2) this.#items = this.#items.slice(-this.#max);
    }
    if (this.#sink !== undefined) this.#sink(logLine(entry));
  }

  /** Writes the log line of a request that is not an RPC call; it is never recorded. */
  note(fields: LogNote): void {
    if (this.#sink === undefined) return;
    this.#sink(JSON.stringify({ time: new Date(this.#now()).toISOString(), ...fields }));
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
function logLine(record: RecordedRequest): string {
  const rest = Object.entries(record).filter(([key]) => key !== 'headers');
  return JSON.stringify({
    time: new Date(record.receivedAt).toISOString(),
    ...Object.fromEntries(rest),
  });
}
