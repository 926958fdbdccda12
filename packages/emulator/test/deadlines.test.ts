/**
 * Every wait of the emulator has a bound the caller sets: close() destroys what is still open
 * after its timeoutMs (and lets requests finish within it), and requestTimeoutMs cuts off a
 * client that stops sending mid-request. Sockets are raw, on 127.0.0.1, each wait bounded here.
 */
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { describe, expect, test } from 'vitest';
import { startEmulator } from '../src/index.js';
import type { RunningEmulator } from '../src/index.js';

/** Opens a socket and sends the start of a POST whose body is 100 bytes, of which 10 arrive. */
async function stalledUpload(vod: RunningEmulator): Promise<Socket> {
  const socket = connect(vod.port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve).once('error', reject);
  });
  socket.write(
    `POST / HTTP/1.1\r\nHost: 127.0.0.1:${vod.port}\r\n` +
      'Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\n' +
      'Action=Del',
  );
  return socket;
}

/** Resolves with what the socket received once the server ends it; rejects after `ms`. */
function endedWithin(socket: Socket, ms: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`the connection was still open after ${ms} ms`));
    }, ms);
    socket.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
    socket.once('close', () => {
      clearTimeout(timer);
      resolve(text);
    });
  });
}

/** Milliseconds `work` took. */
async function timed(work: Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work;
  return performance.now() - start;
}

describe('close()', () => {
  test('without a timeout, destroys a connection in the middle of a request at once', async () => {
    const vod = await startEmulator();
    const socket = await stalledUpload(vod);
    const ended = endedWithin(socket, 3_000);
    expect(await timed(vod.close())).toBeLessThan(1_000);
    await ended;
  });

  test('with timeoutMs, waits that long for a stalled request, then destroys it', async () => {
    const vod = await startEmulator();
    const socket = await stalledUpload(vod);
    const ended = endedWithin(socket, 5_000);
    const took = await timed(vod.close({ timeoutMs: 400 }));
    expect(took).toBeGreaterThanOrEqual(350);
    expect(took).toBeLessThan(2_500);
    await ended;
  });

  test('with timeoutMs, a request that completes within it gets its answer', async () => {
    const vod = await startEmulator();
    const socket = await stalledUpload(vod);
    const ended = endedWithin(socket, 5_000);
    const closed = vod.close({ timeoutMs: 3_000 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    socket.write('x'.repeat(90));
    const answer = await ended;
    // Unsigned, so an Alibaba error; what matters is that an answer came before the close.
    expect(answer).toMatch(/^HTTP\/1\.1 4\d\d /);
    expect(answer).toContain('"Code"');
    // The answer ends its connection, so close() ends with it, not at the deadline.
    expect(await timed(closed)).toBeLessThan(1_500);
  });

  test('timeoutMs must be a number ≥ 0', async () => {
    const vod = await startEmulator();
    await expect(vod.close({ timeoutMs: -1 })).rejects.toThrow(/timeoutMs must be a number/);
    await vod.close();
    expect((await fetch(`${vod.url}/__admin/health`).catch(() => undefined))?.status).toBe(
      undefined,
    );
  });
});

describe('requestTimeoutMs', () => {
  test('cuts off a client that stops sending its body', async () => {
    const vod = await startEmulator({ requestTimeoutMs: 300 });
    try {
      const socket = await stalledUpload(vod);
      const took = await timed(endedWithin(socket, 5_000));
      expect(took).toBeLessThan(3_000);
    } finally {
      await vod.close();
    }
  });

  test('must be a number ≥ 1', async () => {
    await expect(startEmulator({ requestTimeoutMs: 0 })).rejects.toThrow(
      /requestTimeoutMs must be a number ≥ 1/,
    );
  });
});
