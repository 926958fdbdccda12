/**
 * The node transport writes headers as a flat list, so Node adds no Host header of its own:
 * the transport sends the endpoint's host as written (the host ACS3 signs), once.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { nodeTransport } from '../src/node.ts';

let server: Server;
let port = 0;
const seen: IncomingMessage[] = [];
const bodies: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req);
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => {
      bodies.push(body);
      res.writeHead(200, { 'content-type': 'application/json', 'x-multi': ['a', 'b'] });
      res.end('{"RequestId":"R1"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

it('sends the endpoint host once, the body with its length, and reads the answer', async () => {
  const send = nodeTransport();
  const res = await send({
    method: 'POST',
    url: `http://127.0.0.1:${port}/?a=1`,
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-acs-action': 'DeleteImage' },
    body: 'ImageIds=%E5%9B%BE',
    timeoutMs: 5_000,
  });
  expect(res.status).toBe(200);
  expect(res.body).toBe('{"RequestId":"R1"}');
  expect(res.header('X-Multi')).toBe('a, b');
  const req = seen.at(-1);
  expect(req?.url).toBe('/?a=1');
  expect(req?.rawHeaders.filter((h) => h.toLowerCase() === 'host')).toHaveLength(1);
  expect(req?.headers.host).toBe(`127.0.0.1:${port}`);
  expect(req?.headers['content-length']).toBe(String(Buffer.byteLength('ImageIds=%E5%9B%BE')));
  expect(req?.headers['x-acs-action']).toBe('DeleteImage');
  expect(bodies.at(-1)).toBe('ImageIds=%E5%9B%BE');
});

it('keeps a host header the caller gave instead of adding one', async () => {
  const res = await nodeTransport()({
    method: 'GET',
    url: `http://127.0.0.1:${port}`,
    headers: { host: 'vod.example.test' },
  });
  expect(res.status).toBe(200);
  const req = seen.at(-1);
  expect(req?.url).toBe('/');
  expect(req?.rawHeaders.filter((h) => h.toLowerCase() === 'host')).toHaveLength(1);
  expect(req?.headers.host).toBe('vod.example.test');
});
