/**
 * One keep-alive connection of the socket transport: it writes an exchange's request, feeds
 * the bytes that come back to the exchange's reader, and decides once the response is whole
 * whether the connection can carry another request. What happens to it then is its owner's
 * (the pool's) business.
 */
import type { Socket } from 'node:net';
import { socketWaitingFor } from './attempt.js';
import type { WaitingFor } from './attempt.js';
import type { Connector } from './connector.js';
import type { Exchange, ExchangeHolder } from './exchange.js';
import type { Http1Response } from './http1-response.js';
import { TransportClosedError } from '../transport-errors.js';
import type { TransportResponse } from '../transport.js';

/** What a connection tells the pool it belongs to. */
export interface ConnectionOwner {
  /** The connection carried a response to its end and is quiet: it can carry another request. */
  reusable(connection: Connection): void;
  /** The connection's socket closed (or its tunnel failed): its slot is free. */
  closed(connection: Connection): void;
}

function responseOf(response: Http1Response): TransportResponse {
  const headers = response.headers;
  return {
    status: response.status,
    header: (name) => headers.get(name.toLowerCase()) ?? null,
    body: response.body,
    headerEntries: () => headers.entries(),
  };
}

/** A socket that speaks HTTP/1.1, one exchange at a time. */
export class Connection implements ExchangeHolder {
  /** When the connection last became idle (`performance.now()`). */
  idleSince = 0;
  /** The socket; through a proxy's tunnel, the proxy socket until TLS starts over it. */
  private socket: Socket;
  /** Who the socket connects to first, for messages. */
  private hop: string;
  /**
   * While the proxy opens the tunnel, what an attempt waits for: the exchange is written once
   * it is open.
   */
  private tunnelling: WaitingFor;
  private exchange: Exchange | undefined = undefined;

  /** Opens the connection through `connector`; `owner` hears when it is free or closed. */
  constructor(
    private readonly owner: ConnectionOwner,
    connector: Connector,
  ) {
    const { socket, hop, tunnel } = connector.dial();
    socket.setNoDelay(true);
    this.socket = socket;
    this.hop = hop;
    this.tunnelling = tunnel?.waitingFor;
    if (tunnel === undefined) {
      this.listen(socket);
      return;
    }
    // openTunnel settles `ready` however the tunnel ends (it rejects once the socket closes), so
    // the exchange fails with the tunnel's own reason: the proxy refused, closed or stalled
    // (a timeout or abort destroys the socket), and nothing was sent.
    tunnel.ready.then(
      () => {
        const secureSocket = connector.startTls(socket);
        this.socket = secureSocket;
        this.hop = connector.authority;
        this.tunnelling = undefined;
        this.listen(secureSocket);
        if (this.exchange !== undefined) secureSocket.write(this.exchange.payload);
      },
      (error: unknown) => {
        this.exchange?.fail(error);
        this.owner.closed(this);
      },
    );
  }

  /** What the connection still waits for before a request written to it can leave. */
  get waitingFor(): WaitingFor {
    return this.tunnelling ?? socketWaitingFor(this.socket, this.hop);
  }

  /** Whether the socket is gone (closed by either side). */
  get destroyed(): boolean {
    return this.socket.destroyed;
  }

  /** Takes `exchange` and writes its request (through a tunnel still opening: once it is open). */
  carry(exchange: Exchange): void {
    this.exchange = exchange;
    exchange.holder = this;
    this.socket.ref();
    if (this.tunnelling === undefined) this.socket.write(exchange.payload);
  }

  /** Idle: the connection no longer keeps the process alive. */
  park(now: number): void {
    this.socket.unref();
    this.idleSince = now;
  }

  /** Closes the connection now; the owner hears of it once the socket has closed. */
  destroy(): void {
    this.socket.destroy();
  }

  /** The exchange failed mid-way: what the connection still carries is unknown, so it goes. */
  drop(exchange: Exchange): void {
    if (this.exchange === exchange) this.exchange = undefined;
    this.socket.destroy();
  }

  private listen(socket: Socket): void {
    socket.on('data', (chunk: Buffer) => {
      const exchange = this.exchange;
      if (exchange === undefined) {
        // Bytes nobody asked for: the connection's state is unknown.
        socket.destroy();
        return;
      }
      let response: Http1Response | undefined;
      try {
        response = exchange.reader.push(chunk);
      } catch (error) {
        exchange.fail(error);
        return;
      }
      if (response !== undefined) this.complete(exchange, response);
    });
    socket.on('end', () => {
      const exchange = this.exchange;
      if (exchange === undefined) return;
      if (!exchange.reader.endsWithConnection) {
        exchange.fail(this.closedEarly());
        return;
      }
      let response: Http1Response;
      try {
        response = exchange.reader.end();
      } catch (error) {
        exchange.fail(error);
        return;
      }
      this.complete(exchange, response);
    });
    socket.on('error', (error) => {
      this.exchange?.fail(error);
    });
    socket.on('close', () => {
      this.exchange?.fail(this.closedEarly());
      this.owner.closed(this);
    });
  }

  /**
   * The connection ended with the response unfinished. Once the request could leave (connected,
   * and through TLS), it may have reached the server; before, nothing did.
   */
  private closedEarly(): TransportClosedError {
    return new TransportClosedError('connection closed before the response ended', {
      sent: this.waitingFor === undefined,
    });
  }

  private complete(exchange: Exchange, response: Http1Response): void {
    this.exchange = undefined;
    if (!exchange.succeed(responseOf(response))) return;
    // Reuse only a connection that is quiet in both directions: the whole request written and
    // nothing more to read.
    if (response.reusable && this.socket.writableLength === 0) this.owner.reusable(this);
    else this.socket.destroy();
  }
}
