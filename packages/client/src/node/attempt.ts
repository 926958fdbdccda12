import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { TransportClosedError, TransportTimeoutError } from '../transport-errors.js';

/**
 * Where an attempt is waiting while nothing of its request can have left the client (a free
 * connection, the proxy's tunnel, TCP connect, the TLS handshake), as words for a message; or
 * `undefined` once the request may be on the wire.
 */
export type WaitingFor = string | undefined;

/**
 * The error a Node transport rejects with when an attempt's `timeoutMs` passes. While the attempt
 * was still `waitingFor` something, it says where and is marked not sent, so the call is not
 * reported as possibly applied.
 */
export function attemptTimeout(ms: number, waitingFor: WaitingFor): TransportTimeoutError {
  return new TransportTimeoutError(ms, { waitingFor });
}

/**
 * The error a closed Node transport rejects with, for a new request or one still waiting for a
 * connection: nothing of it has left the client.
 */
export const transportClosed = (): TransportClosedError =>
  new TransportClosedError('the transport is closed', { sent: false });

/**
 * Where an attempt on `socket` still waits before its request can leave: TCP connect to `hop`
 * (`host:port`) or, for TLS, the handshake with it; `undefined` once a request written to it can
 * leave (bytes written before then wait in the socket). Read from the socket when asked, so a
 * request costs no listener: a TLS socket's `alpnProtocol` is `null` until its handshake is done.
 */
export function socketWaitingFor(socket: Socket, hop: string): WaitingFor {
  if (socket.connecting) return `connecting to ${hop}`;
  if ((socket as Partial<TLSSocket>).alpnProtocol === null)
    return `in the TLS handshake with ${hop}`;
  return undefined;
}
