import { isIP } from 'node:net';
import type { AddressInfo } from 'node:net';

/** Whether `host` (as given to listen) is a loopback address or name. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  if (bare.toLowerCase() === 'localhost') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  if (isIP(bare) === 6) return bare === '::1' || /^::ffff:127\./i.test(bare);
  return false;
}

/**
 * Where to connect to a server listening on `address`: `http://host:port` with an IPv6 address
 * in brackets, and a wildcard address (`0.0.0.0`, `::`), which is no address to connect to, as
 * the loopback address of its family. Written as URL writes it, since a V3 client signs the host
 * of this URL and sends the host URL gives it.
 */
export function connectUrlOf({ address, port }: AddressInfo): string {
  const host = address === '0.0.0.0' ? '127.0.0.1' : address === '::' ? '::1' : address;
  return new URL(`http://${host.includes(':') ? `[${host}]` : host}:${port}`).origin;
}
