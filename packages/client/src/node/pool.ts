/**
 * The socket transport's connections to one origin: idle ones to reuse, a bound on how many
 * are open, the exchanges waiting for one, and the idle timeout. It hands an exchange to a
 * connection; the connection hands itself back when it is free or closed.
 */
import { Connection } from './connection.js';
import type { ConnectionOwner } from './connection.js';
import type { Connector } from './connector.js';
import type { Exchange, ExchangeHolder } from './exchange.js';

/** How many connections a pool opens, and how long an idle one may be reused. */
export interface PoolLimits {
  /** Connections open at once; exchanges beyond them wait for a free one. */
  readonly maxSockets: number;
  /** How long an idle connection may be reused, in ms. */
  readonly keepAliveMs: number;
}

/** The connections to one origin, and the exchanges waiting for one. */
export class Pool implements ConnectionOwner, ExchangeHolder {
  /** Where an exchange in the queue waits, for a timeout's message. */
  readonly waitingFor = 'waiting for a free connection';
  /** Most recently used last. */
  private readonly idle: Connection[] = [];
  private readonly waiting: Exchange[] = [];
  private open = 0;
  /** Closes connections idle for keepAliveMs; runs only while some are idle. */
  private sweeper: ReturnType<typeof setInterval> | undefined = undefined;
  private isClosed = false;

  constructor(
    private readonly connector: Connector,
    private readonly limits: PoolLimits,
  ) {}

  /** Gives `exchange` a connection: an idle one, a new one, or the next free one. */
  acquire(exchange: Exchange): void {
    // Most recently used first: the connection least likely to have been closed by the server.
    let connection = this.idle.pop();
    while (connection !== undefined) {
      if (
        !connection.destroyed &&
        performance.now() - connection.idleSince < this.limits.keepAliveMs
      ) {
        connection.carry(exchange);
        return;
      }
      connection.destroy();
      connection = this.idle.pop();
    }
    if (this.open < this.limits.maxSockets) {
      this.connect().carry(exchange);
    } else {
      exchange.holder = this;
      this.waiting.push(exchange);
    }
  }

  /** A connection finished its exchange: the oldest waiting exchange takes it, or it idles. */
  reusable(connection: Connection): void {
    if (this.isClosed) {
      connection.destroy();
      return;
    }
    const next = this.waiting.shift();
    if (next !== undefined) {
      connection.carry(next);
      return;
    }
    connection.park(performance.now());
    this.idle.push(connection);
    // One timer per pool rather than one per idle period, so no request arms or clears a timer
    // for its connection. A connection may so stay open up to
    // twice keepAliveMs, but acquire never reuses one idle for longer than keepAliveMs.
    this.sweeper ??= setInterval(() => {
      this.sweep();
    }, this.limits.keepAliveMs).unref();
  }

  /** A connection's socket closed: its slot is free, and the oldest waiting exchange takes it. */
  closed(connection: Connection): void {
    this.open -= 1;
    const at = this.idle.indexOf(connection);
    if (at >= 0) this.idle.splice(at, 1);
    const next = this.waiting.shift();
    if (next !== undefined) {
      this.connect().carry(next);
    }
  }

  /** An exchange failed while it waited: it leaves the queue. */
  drop(exchange: Exchange): void {
    const at = this.waiting.indexOf(exchange);
    if (at >= 0) this.waiting.splice(at, 1);
  }

  /**
   * Closes idle connections and fails the waiting exchanges with `error()` now; busy ones are
   * closed when they finish.
   */
  close(error: () => Error): void {
    this.isClosed = true;
    for (const connection of this.idle.splice(0)) connection.destroy();
    for (const exchange of this.waiting.slice()) exchange.fail(error());
    clearInterval(this.sweeper);
    this.sweeper = undefined;
  }

  /** Closes the connections idle for keepAliveMs; stops sweeping once none is idle. */
  private sweep(): void {
    const now = performance.now();
    for (const connection of this.idle.slice()) {
      if (now - connection.idleSince >= this.limits.keepAliveMs) connection.destroy();
    }
    if (this.idle.length === 0) {
      clearInterval(this.sweeper);
      this.sweeper = undefined;
    }
  }

  private connect(): Connection {
    const connection = new Connection(this, this.connector);
    this.open += 1;
    return connection;
  }
}
