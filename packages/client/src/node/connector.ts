/**
 * How the socket transport opens a socket to one origin: straight over TCP or TLS, to a proxy
 * asked for absolute URLs (plain HTTP), or through a proxy's CONNECT tunnel with TLS over it
 * (HTTPS). It keeps the origin's last TLS session, so a new connection resumes it.
 */
import type { Socket } from 'node:net';
import type { ConnectionOptions } from 'node:tls';
import { loadNet, loadTls } from './builtins.js';
import { authorityOf } from './origin.js';
import type { OriginTarget } from './origin.js';
import type { ProxyTarget } from './proxy-rules.js';
import { connectToProxy, openTunnel } from './proxy-tunnel.js';
import type { Tunnel } from './proxy-tunnel.js';

/** Extra TLS options for `https` endpoints; host, port and server name come from the endpoint. */
export type EndpointTlsOptions = Omit<ConnectionOptions, 'host' | 'port' | 'servername' | 'socket'>;

/** A socket being opened. */
export interface Dialled {
  /** The socket; through a tunnel, the one to the proxy, until TLS starts over it. */
  readonly socket: Socket;
  /** Who the socket connects to first (`host:port`, never a proxy's credentials), for messages. */
  readonly hop: string;
  /** The CONNECT tunnel being opened over `socket`, if the origin is reached through one. */
  readonly tunnel: Tunnel | undefined;
}

/** Opens sockets to one origin. */
export class Connector {
  /** The endpoint's `host:port`, as CONNECT and messages name it. */
  readonly authority: string;
  /** The last TLS session, offered when connecting again (saves a full handshake). */
  private session: Buffer | undefined = undefined;

  constructor(
    private readonly target: OriginTarget,
    private readonly proxy: ProxyTarget | undefined,
    private readonly tls: EndpointTlsOptions | undefined,
  ) {
    this.authority = authorityOf(target.hostname, target.port);
  }

  /** Starts a connection: nothing is written to the socket but a tunnel's CONNECT. */
  dial(): Dialled {
    const { proxy, target } = this;
    if (proxy === undefined) {
      const socket = target.secure
        ? this.startTls()
        : loadNet().connect({ host: target.hostname, port: target.port });
      return { socket, hop: this.authority, tunnel: undefined };
    }
    if (!target.secure)
      return { socket: connectToProxy(proxy), hop: proxy.label, tunnel: undefined };
    const tunnel = openTunnel(proxy, this.authority);
    return { socket: tunnel.socket, hop: proxy.label, tunnel };
  }

  /** TLS to the endpoint, over `socket` (a proxy's open tunnel) or straight to it. */
  startTls(socket?: Socket): Socket {
    const hostname = this.target.hostname;
    const secureSocket = loadTls().connect({
      ...this.tls,
      host: hostname,
      port: this.target.port,
      // SNI takes a host name, never an IP address.
      servername: loadNet().isIP(hostname) === 0 ? hostname : '',
      session: this.session,
      ALPNProtocols: ['http/1.1'],
      ...(socket === undefined ? {} : { socket }),
    });
    secureSocket.on('session', (session: Buffer) => {
      this.session = session;
    });
    return secureSocket;
  }
}
