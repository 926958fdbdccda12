/**
 * Every wait a call makes has a deadline the caller controls (the README's table lists them):
 * against `node:net` servers on 127.0.0.1 that accept and then say nothing, or stop halfway, and
 * against the emulator for backoff. Each row ends by `timeoutMs` as a timeout (not applied while
 * nothing could have left) and by the caller's signal with its reason, promptly.
 */
import { createServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '@vodkit/emulator';
import { createVodClient, nodeTransport, socketTransport } from '../src/node/index.ts';
import type { CredentialProvider, RetryOptions, Transport } from '../src/node/index.ts';
import { DEFAULT_EMULATOR_CREDENTIALS, emulator, within } from './support.ts';

const REQUEST = { DeleteImageType: 'ImageId', ImageIds: ['img1'] } as const;

/** What a call ended with: its outcome, or what it rejected with; and how long it took. */
async function ending(
  promise: Promise<unknown>,
): Promise<{ readonly result: unknown; readonly ms: number }> {
  const started = performance.now();
  const result = await within(
    5_000,
    promise.then(
      (outcome) => outcome,
      (error: unknown) => error,
    ),
  );
  return { result, ms: performance.now() - started };
}

const abortAfter = (ms: number, reason: Error): AbortSignal => {
  const controller = new AbortController();
  setTimeout(() => {
    controller.abort(reason);
  }, ms);
  return controller.signal;
};

/** A server that reads everything and answers with `answer` (or nothing), never ending it. */
async function silentServer(answer = ''): Promise<{ url: string; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.once('data', () => {
      if (answer !== '') socket.write(answer);
    });
    socket.resume();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          resolve();
        });
      }),
  };
}

type Make = (o: { maxSockets?: number }) => Transport | undefined;
const NODE_TRANSPORTS: [string, Make][] = [
  ['socketTransport', (o) => socketTransport(o)],
  ['nodeTransport', (o) => nodeTransport(o)],
];
const ALL_TRANSPORTS: [string, Make][] = [...NODE_TRANSPORTS, ['global fetch', () => undefined]];

const clientOf = (
  endpoint: string,
  transport: Transport | undefined,
  extra: {
    readonly credentials?: CredentialProvider;
    readonly timeoutMs?: number;
    readonly retry?: RetryOptions;
  } = {},
) =>
  createVodClient({
    endpoint,
    credentials: DEFAULT_EMULATOR_CREDENTIALS,
    retry: { maxAttempts: 1 },
    ...(transport === undefined ? { fetch: (input, init) => fetch(input, init) } : { transport }),
    ...extra,
  });

let server: Awaited<ReturnType<typeof silentServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Servers that stop after the request could have reached them: the call may be applied. */
const STALLED_ANSWERS: [string, string][] = [
  ['an answer that never comes', ''],
  [
    'a body that stops halfway',
    'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 40\r\n\r\n{"Req',
  ],
];

describe.each(ALL_TRANSPORTS)('%s', (_name, make) => {
  it.each(STALLED_ANSWERS)('%s: timeoutMs and the signal end it', async (_d, answer) => {
    server = await silentServer(answer);
    const timed = clientOf(`http://${server.url}`, make({}), { timeoutMs: 150 });
    const byTime = await ending(timed.deleteImage(REQUEST));
    expect(byTime.result).toMatchObject({
      error: { kind: 'timeout', code: 'Timeout', possiblyApplied: true },
    });
    expect(byTime.ms).toBeLessThan(1_000);
    const reason = new Error('stop');
    const aborted = clientOf(`http://${server.url}`, make({}), { timeoutMs: 60_000 });
    const bySignal = await ending(
      aborted.deleteImage(REQUEST, { signal: abortAfter(100, reason) }),
    );
    expect(bySignal.result).toBe(reason);
    expect(bySignal.ms).toBeLessThan(1_000);
    await timed.close();
    await aborted.close();
  });
});

describe.each(NODE_TRANSPORTS)('%s', (_name, make) => {
  it('a TLS handshake the server never answers: a timeout, nothing applied; or an abort', async () => {
    server = await silentServer();
    // Long enough that a loaded machine has finished the TCP connect: the stall is in TLS.
    const timed = clientOf(`https://${server.url}`, make({}), { timeoutMs: 1_000 });
    const byTime = await ending(timed.deleteImage(REQUEST));
    expect(byTime.result).toMatchObject({
      error: { kind: 'timeout', code: 'Timeout', possiblyApplied: false },
    });
    const cause = (byTime.result as { error: { cause: Error } }).error.cause;
    expect(cause.message).toBe(
      `attempt timed out after 1000 ms in the TLS handshake with ${server.url}`,
    );
    const reason = new Error('stop');
    const aborted = clientOf(`https://${server.url}`, make({}), { timeoutMs: 60_000 });
    const bySignal = await ending(
      aborted.deleteImage(REQUEST, { signal: abortAfter(100, reason) }),
    );
    expect(bySignal.result).toBe(reason);
    expect(bySignal.ms).toBeLessThan(1_000);
    await timed.close();
    await aborted.close();
  });

  it('a call waiting for a free connection: its own signal and timeout end it, nothing applied', async () => {
    server = await silentServer();
    const transport = make({ maxSockets: 1 });
    const busy = clientOf(`http://${server.url}`, transport, { timeoutMs: 1_000 });
    // Holds the only connection for a second.
    const holding = busy.deleteImage(REQUEST);
    const reason = new Error('stop');
    const bySignal = await ending(
      clientOf(`http://${server.url}`, transport, { timeoutMs: 60_000 }).deleteImage(REQUEST, {
        signal: abortAfter(100, reason),
      }),
    );
    expect(bySignal.result).toBe(reason);
    expect(bySignal.ms).toBeLessThan(1_000);
    const byTime = await ending(
      clientOf(`http://${server.url}`, transport, { timeoutMs: 150 }).deleteImage(REQUEST),
    );
    expect(byTime.result).toMatchObject({
      error: { kind: 'timeout', possiblyApplied: false },
    });
    expect((byTime.result as { error: { cause: Error } }).error.cause.message).toBe(
      'attempt timed out after 150 ms waiting for a free connection',
    );
    expect(byTime.ms).toBeLessThan(1_000);
    await transport?.close?.();
    await holding;
  });

  it('close() resolves at once while a call is stalled; that call still ends by its timeout', async () => {
    server = await silentServer();
    const client = clientOf(`http://${server.url}`, make({}), { timeoutMs: 300 });
    const stalled = ending(client.deleteImage(REQUEST));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closing = await ending(client.close());
    expect(closing.ms).toBeLessThan(100);
    const { result, ms } = await stalled;
    expect(result).toMatchObject({ error: { kind: 'timeout' } });
    expect(ms).toBeLessThan(1_000);
  });
});

describe('waits outside the transport', () => {
  let vod: RunningEmulator;
  beforeAll(async () => {
    vod = await emulator({ qps: Infinity });
  });
  afterAll(() => vod.close());

  it('a credentials provider that never answers: the signal ends it, and so does timeoutMs', async () => {
    const never = (): Promise<never> => new Promise<never>(() => undefined);
    const reason = new Error('stop');
    const bySignal = await ending(
      clientOf(vod.url, undefined, { credentials: never, timeoutMs: 60_000 }).deleteImage(REQUEST, {
        signal: abortAfter(100, reason),
      }),
    );
    expect(bySignal.result).toBe(reason);
    expect(bySignal.ms).toBeLessThan(1_000);
    const byTime = await ending(
      clientOf(vod.url, undefined, { credentials: never, timeoutMs: 150 }).deleteImage(REQUEST),
    );
    expect(byTime.result).toMatchObject({
      error: { kind: 'credentials', code: 'CredentialsFailed', possiblyApplied: false },
    });
    expect((byTime.result as { error: Error }).error.message).toBe(
      'credentials provider did not answer within 150 ms',
    );
    expect(byTime.ms).toBeLessThan(1_000);
    expect(vod.requests()).toEqual([]);
  });

  it('the sleep before a retry: the signal ends it, and maxDelayMs bounds it', async () => {
    vod.faults.failNext(1, 'InternalError');
    const reason = new Error('stop');
    const slow = { maxAttempts: 2, baseDelayMs: 10_000, maxDelayMs: 10_000, random: () => 0.99 };
    const bySignal = await ending(
      clientOf(vod.url, socketTransport(), { retry: slow }).deleteImage(REQUEST, {
        signal: abortAfter(200, reason),
      }),
    );
    expect(bySignal.result).toBe(reason);
    expect(bySignal.ms).toBeLessThan(1_500);
    vod.faults.failNext(1, 'InternalError');
    const capped = { ...slow, maxDelayMs: 50 };
    const byCap = await ending(
      clientOf(vod.url, socketTransport(), { retry: capped }).deleteImage(REQUEST),
    );
    expect(byCap.result).toMatchObject({ error: { code: 'NoSuchResource', attempts: 2 } });
    expect(byCap.ms).toBeLessThan(1_500);
  });
});
