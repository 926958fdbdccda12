/**
 * `startEmulator`: resolves the options, assembles one emulator's parts, and listens; what each
 * request meets is the route table's (`routes.ts`).
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createNonceCache } from '@vodkit/signer/node';
import { NONCE_REPLAY_WINDOW_SECONDS } from '@vodkit/types';
import type { EmulatorCore } from './core.js';
import { nowOf } from './core.js';
import { createFaultController } from './faults.js';
import type { FaultController } from './faults.js';
import { answerUnparseable, Exchange } from './http.js';
import { createKeyRegistry } from './keys.js';
import type { KeyRegistry } from './keys.js';
import { RequestLog } from './log.js';
import type { RecordedRequest } from './log.js';
import { connectUrlOf } from './loopback.js';
import { resolveOptions } from './options.js';
import type { EmulatorOptions } from './options.js';
import { createRateLimiter } from './rate-limit.js';
import { errorOf } from './responses.js';
import { dispatch } from './routes.js';
import type { App } from './routes.js';
import { defaultRequestValidator } from './spec-validator.js';
import type { ValidationProfile } from './spec-validator.js';
import { createState } from './state.js';
import type { EmulatorState } from './state.js';
import { ImageStore } from './store.js';
import type { PartialBatch } from './store.js';

/** A running emulator. */
export interface RunningEmulator {
  /**
   * Base URL, e.g. `http://127.0.0.1:43117` or `http://[::1]:43117`; RPC calls go to `${url}/`.
   * On a wildcard address (`0.0.0.0`, `::`) it names the loopback address of that family.
   */
  readonly url: string;
  /** The address it listens on, as the socket reports it (`::`, `0.0.0.0`, `::1`…). */
  readonly address: string;
  /** The port it listens on. */
  readonly port: number;
  /** The image store. */
  readonly state: EmulatorState;
  /** The fault plan, changeable at run time. */
  readonly faults: FaultController;
  /** Accounts, keys and STS tokens; add more at run time. */
  readonly keys: KeyRegistry;
  /** The behaviour profile it was started with. */
  readonly profile: ValidationProfile;
  /** What it does when only some images of a call exist (the spec's `x-assumptions`). */
  readonly partialBatch: PartialBatch;
  /** Received RPC requests, oldest first (bounded; secrets redacted). */
  requests(): RecordedRequest[];
  /**
   * Stops listening, cuts injected delays short, closes idle connections, lets requests in
   * flight finish for up to `timeoutMs` (default 0: none), then destroys every connection left
   * and, with a `stateFile`, saves the store. Safe to call twice (the first call's options hold).
   */
  close(options?: CloseOptions): Promise<void>;
}

/** Options of {@link RunningEmulator.close}. */
export interface CloseOptions {
  /**
   * How long (ms) requests in flight may take to finish before their connections are destroyed.
   * Default 0: destroyed at once, so a test's teardown never waits on a client.
   */
  readonly timeoutMs?: number | undefined;
}

/**
 * Starts an emulator of ApsaraVideo VOD `DeleteImage` on a real node:http server.
 *
 * @example
 * ```ts
 * import { startEmulator, DEFAULT_EMULATOR_CREDENTIALS } from '@vodkit/emulator';
 *
 * const vod = await startEmulator({ images: [{ imageId: 'a1', kind: 'Uploaded' }] });
 * // sign a DeleteImage call with DEFAULT_EMULATOR_CREDENTIALS and send it to vod.url …
 * vod.state.has('a1'); // false once deleted
 * vod.faults.failNext(2, 'ServiceUnavailable'); // the next two calls answer 503
 * await vod.close();
 * ```
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const config = resolveOptions(options);
  const { now: clock } = config;
  const core: EmulatorCore = {
    clock,
    keys: createKeyRegistry(config.accounts, config.stsTokens),
    store: new ImageStore(),
    nonces: createNonceCache({
      maxEntries: config.maxNonces,
      ttlMs: NONCE_REPLAY_WINDOW_SECONDS * 1000,
      clock: () => clock() + core.clockOffsetMs,
    }),
    limiter: createRateLimiter(config.qps),
    faults: createFaultController(config.faults, config.seed),
    requests: new RequestLog(config.maxRecordedRequests, config.log, () => nowOf(core)),
    validator: defaultRequestValidator(config.profile),
    partialBatch: config.partialBatch,
    stateDir: config.stateDir,
    adminToken: config.adminToken,
    loopback: config.loopback,
    maxSkewMs: config.maxSkewMs,
    maxBodyBytes: config.maxBodyBytes,
    cdnLagMs: config.cdnLagMs,
    retryAfter: config.retryAfter,
    hostId: config.hostId,
    cors: config.cors,
    stateFile: config.stateFile,
    maxStateFileBytes: config.maxStateFileBytes,
    baseUrl: '',
    clockOffsetMs: 0,
    timers: new Set(),
  };
  const state = createState(core);
  const app: App = { core, state, stages: config.stages };
  if (config.stateFile !== undefined && existsSync(config.stateFile)) {
    await state.load(config.stateFile);
  } else {
    state.add(config.images);
  }

  let draining = false;
  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    // While close() waits for requests in flight, each answer ends its connection, so the wait
    // ends with the last answer rather than at the deadline.
    res.once('finish', () => {
      if (draining) req.socket.end();
    });
    const x = new Exchange(core, req, res);
    dispatch(x, app).catch((error: unknown) => {
      // A handler bug must still end in an Alibaba-shaped 500, never a hung socket.
      if (!res.headersSent) {
        x.sendError(
          errorOf('InternalError', `Emulator failure: ${(error as Error).message}`),
          'JSON',
        );
      } else {
        res.destroy();
      }
    });
  };
  const { requestTimeoutMs } = config;
  const server = createServer(
    {
      keepAliveTimeout: 5000,
      // A client that stops sending mid-request (slow headers, a body that never ends) is cut
      // off here; Node checks only every `connectionsCheckingInterval`, so check often enough
      // for the bound to mean what it says.
      requestTimeout: requestTimeoutMs,
      headersTimeout: Math.min(requestTimeoutMs, 60_000),
      connectionsCheckingInterval: Math.min(30_000, Math.max(50, Math.floor(requestTimeoutMs / 4))),
    },
    handler,
  );
  // An `Expect` other than 100-continue would get Node's bare 417; the gateway ignores it.
  server.on('checkExpectation', handler);
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    answerUnparseable(core, error, socket);
  });
  await listen(server, config.host, config.port);
  const address = server.address() as AddressInfo;
  core.baseUrl = connectUrlOf(address);

  let closing: Promise<void> | undefined;
  return {
    url: core.baseUrl,
    address: address.address,
    port: address.port,
    state,
    faults: core.faults,
    keys: core.keys,
    profile: config.profile,
    partialBatch: config.partialBatch,
    requests: () => core.requests.list(),
    close(closeOptions = {}) {
      const { timeoutMs } = closeOptions;
      if (timeoutMs !== undefined && (typeof timeoutMs !== 'number' || !(timeoutMs >= 0))) {
        // Refused before anything closes, so a corrected call still can.
        return Promise.reject(new TypeError('timeoutMs must be a number ≥ 0'));
      }
      const graceMs = timeoutMs ?? 0;
      closing ??= (async () => {
        for (const entry of core.timers) {
          clearTimeout(entry.timer);
          entry.done();
        }
        core.timers.clear();
        draining = true;
        const closed = new Promise<void>((resolve) =>
          server.close(() => {
            resolve();
          }),
        );
        server.closeIdleConnections();
        if (graceMs > 0) await settleWithin(closed, graceMs);
        // Whatever is still open past the grace is destroyed, so close() always ends.
        server.closeAllConnections();
        await closed;
        if (core.stateFile !== undefined) await state.save();
      })();
      return closing;
    },
  };
}

/** Waits for `promise`, or `ms`, whichever comes first. */
async function settleWithin(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    promise,
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
    }),
  ]);
  clearTimeout(timer);
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
