/**
 * Every wait of the suite has a deadline its caller sets: a target that accepts a connection and
 * never answers, or answers a byte at a time and never ends, fails the check within
 * `answerTimeoutMs` instead of holding the run.
 */
import { createServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { runContract, send } from '../src/index.ts';

const servers: Server[] = [];
const sockets = new Set<Socket>();
afterEach(async () => {
  for (const socket of sockets) socket.destroy();
  sockets.clear();
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** A TCP server on 127.0.0.1 that does `behave` with each connection. */
async function hostile(behave: (socket: Socket) => void): Promise<string> {
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    behave(socket);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const silent = (): Promise<string> => hostile(() => undefined);
/** Sends headers, then one byte every 20 ms, and never ends the body. */
const trickling = (): Promise<string> =>
  hostile((socket) => {
    socket.once('data', () => {
      socket.write(
        'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100000\r\n\r\n',
      );
      const timer = setInterval(() => socket.write(' '), 20);
      socket.on('close', () => {
        clearInterval(timer);
      });
    });
  });

const credentials = { accessKeyId: 'LTAIdeadline', accessKeySecret: 'deadline-secret' };

describe('send', () => {
  it.each([
    ['never answers', silent],
    ['trickles a byte every 20 ms and never ends', trickling],
  ])('a server that %s is given up on at the deadline', async (_, start) => {
    const url = await start();
    const began = performance.now();
    await expect(send({ method: 'GET', url: `${url}/?a=b`, headers: {} }, 300)).rejects.toThrow(
      'no complete answer within 300 ms',
    );
    const took = performance.now() - began;
    expect(took).toBeGreaterThanOrEqual(290);
    expect(took).toBeLessThan(5_000);
  });
});

describe('runContract', () => {
  it('fails a check against a trickling target within answerTimeoutMs, naming the bound', async () => {
    const url = await trickling();
    const { results } = await runContract({
      target: url,
      credentials,
      checks: ['missing-image'],
      answerTimeoutMs: 250,
    });
    expect(results).toHaveLength(1);
    expect(results[0]?.status).toBe('failed');
    expect(results[0]?.message).toContain('no complete answer within 250 ms');
    expect(results[0]?.message).not.toContain(credentials.accessKeySecret);
  });

  it.each([0, -1, 1.5, Number.NaN, Infinity, '100'])(
    'refuses answerTimeoutMs %s, naming the option',
    async (answerTimeoutMs) => {
      const url = await silent();
      await expect(
        runContract({
          target: url,
          credentials,
          checks: ['missing-image'],
          answerTimeoutMs: answerTimeoutMs as number,
        }),
      ).rejects.toThrow(/answerTimeoutMs: must be a whole number of milliseconds above 0/);
    },
  );
});
