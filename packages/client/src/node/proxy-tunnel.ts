/**
 * The CONNECT tunnel through a proxy: the socket to the proxy, the request for a tunnel, and
 * the proxy's answer read until the tunnel is open. Which proxy an origin takes is
 * `proxy-rules.ts`'s job.
 */
import type { Socket } from 'node:net';
import { loadNet, loadTls } from './builtins.js';
import type { ProxyTarget } from './proxy-rules.js';
import { TransportClosedError } from '../transport-errors.js';

/** A CONNECT tunnel being opened: the socket to the proxy, and when the tunnel is ready. */
export interface Tunnel {
  readonly socket: Socket;
  /**
   * Resolves once the proxy answered 2xx; rejects (socket destroyed) otherwise, and whenever the
   * socket closes first: destroying the socket is how a timeout or an abort ends the wait.
   */
  readonly ready: Promise<void>;
  /** What an attempt waits for until then, for a timeout's message: names the proxy. */
  readonly waitingFor: string;
}

/** The largest answer to CONNECT read; a real one is a status line and a few headers. */
const MAX_CONNECT_ANSWER_BYTES = 16_384;

/** Connects to the proxy itself (TLS for an `https://` proxy). */
export function connectToProxy(proxy: ProxyTarget): Socket {
  const net = loadNet();
  if (!proxy.secure) return net.connect({ host: proxy.hostname, port: proxy.port });
  return loadTls().connect({
    host: proxy.hostname,
    port: proxy.port,
    servername: net.isIP(proxy.hostname) === 0 ? proxy.hostname : '',
  });
}

/**
 * Asks the proxy for a tunnel to `authority` (`host:port`) with CONNECT. Once `ready`
 * resolves, the socket carries bytes to and from the target: start TLS over it.
 */
export function openTunnel(proxy: ProxyTarget, authority: string): Tunnel {
  const socket = connectToProxy(proxy);
  const ready = new Promise<void>((resolve, reject) => {
    let head = '';
    const done = (error?: Error): void => {
      socket.off('data', onData);
      socket.off('error', onError);
      socket.off('close', onClose);
      if (error === undefined) {
        resolve();
        return;
      }
      socket.destroy();
      reject(error);
    };
    const onData = (chunk: Buffer): void => {
      head += chunk.toString('latin1');
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) {
        if (head.length > MAX_CONNECT_ANSWER_BYTES) {
          done(
            new TransportClosedError(`proxy ${proxy.label}: its answer to CONNECT is too long`, {
              sent: false,
            }),
          );
        }
        return;
      }
      const status = /^HTTP\/1\.[01] (\d{3})[ \r]/.exec(head)?.[1];
      if (status === undefined) {
        done(
          new TransportClosedError(`proxy ${proxy.label}: malformed answer to CONNECT`, {
            sent: false,
          }),
        );
      } else if (!status.startsWith('2')) {
        done(
          new TransportClosedError(
            `proxy ${proxy.label} refused the tunnel to ${authority}: HTTP ${status}`,
            { sent: false },
          ),
        );
      } else if (end + 4 < head.length) {
        // The target speaks only after the client's TLS hello: early bytes are not its.
        done(
          new TransportClosedError(`proxy ${proxy.label}: bytes after its answer to CONNECT`, {
            sent: false,
          }),
        );
      } else {
        done();
      }
    };
    const onError = (error: Error): void => {
      done(error);
    };
    const onClose = (): void => {
      done(
        new TransportClosedError(`proxy ${proxy.label} closed the connection during CONNECT`, {
          sent: false,
        }),
      );
    };
    socket.on('data', onData);
    socket.on('error', onError);
    socket.on('close', onClose);
  });
  const auth =
    proxy.authorization === undefined ? '' : `proxy-authorization: ${proxy.authorization}\r\n`;
  socket.setNoDelay(true);
  socket.write(`CONNECT ${authority} HTTP/1.1\r\nhost: ${authority}\r\n${auth}\r\n`);
  return { socket, ready, waitingFor: `waiting for proxy ${proxy.label} to open the tunnel` };
}
