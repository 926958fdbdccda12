/**
 * One request of the socket transport, from `send` to its settling: its bytes, the reader of
 * its response, its deadline and signal, and whoever holds it meanwhile (the pool's queue or a
 * connection). It settles once; whichever of answer, failure, timeout or abort comes first wins.
 */
import { attemptTimeout } from './attempt.js';
import type { WaitingFor } from './attempt.js';
import type { Http1ResponseReader } from './http1-response.js';
import type { TransportResponse } from '../transport.js';

/** What holds an exchange that has not settled: the pool's queue, or the connection carrying it. */
export interface ExchangeHolder {
  /** Where the exchange waits while it is held here, for a timeout's message. */
  readonly waitingFor: WaitingFor;
  /** Lets go of an exchange that failed while held here. */
  drop(exchange: Exchange): void;
}

/** Where an exchange nobody holds yet waits (it is handed to the pool at once). */
const NOT_YET_HELD: WaitingFor = 'waiting for a free connection';

function timeOut(exchange: Exchange, ms: number): void {
  const holder = exchange.holder;
  exchange.fail(attemptTimeout(ms, holder === undefined ? NOT_YET_HELD : holder.waitingFor));
}

/** One request in flight and the promise `send` returned for it. */
export class Exchange {
  /** Who holds the exchange now; `undefined` once it settled. */
  holder: ExchangeHolder | undefined = undefined;
  private settled = false;
  private timer: ReturnType<typeof setTimeout> | undefined = undefined;
  private unwatch: (() => void) | undefined = undefined;

  /**
   * @param payload - The request's bytes, written as they are.
   * @param reader - Reads the response.
   */
  constructor(
    readonly payload: string,
    readonly reader: Http1ResponseReader,
    private readonly resolve: (response: TransportResponse) => void,
    private readonly reject: (error: unknown) => void,
  ) {}

  /** Fails the exchange when `timeoutMs` passes or `signal` aborts, whichever comes first. */
  watch(timeoutMs: number | undefined, signal: AbortSignal | undefined): void {
    // A plain timer, cleared when the exchange settles; no AbortSignal per call.
    if (timeoutMs !== undefined) this.timer = setTimeout(timeOut, timeoutMs, this, timeoutMs);
    if (signal !== undefined) {
      const onAbort = (): void => {
        this.fail(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.unwatch = () => {
        signal.removeEventListener('abort', onAbort);
      };
    }
  }

  /** Rejects with `error` unless settled already; the holder lets go of it first. */
  fail(error: unknown): void {
    if (!this.settle()) return;
    const holder = this.holder;
    this.holder = undefined;
    holder?.drop(this);
    this.reject(error);
  }

  /** Resolves with `response`; `false` when the exchange had settled already. */
  succeed(response: TransportResponse): boolean {
    if (!this.settle()) return false;
    this.holder = undefined;
    this.resolve(response);
    return true;
  }

  private settle(): boolean {
    if (this.settled) return false;
    this.settled = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.unwatch?.();
    return true;
  }
}
