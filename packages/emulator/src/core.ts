import type { NonceCache } from '@vodkit/signer/node';
import type { FaultSource } from './faults.js';
import type { KeyRegistry } from './keys.js';
import type { RequestLog } from './log.js';
import type { RateLimiter } from './rate-limit.js';
import type { RequestValidator } from './spec-validator.js';
import type { ImageStore, PartialBatch } from './store.js';

/** Everything one emulator instance holds, shared by its request handlers. */
export interface EmulatorCore {
  readonly clock: () => number;
  readonly keys: KeyRegistry;
  readonly store: ImageStore;
  readonly nonces: NonceCache;
  readonly limiter: RateLimiter;
  readonly faults: FaultSource;
  readonly requests: RequestLog;
  readonly validator: RequestValidator;
  /** What a call with only some of its images missing does. */
  readonly partialBatch: PartialBatch;
  /** The only folder admin `save`/`load` may touch (absolute, real path); none: no names. */
  readonly stateDir: string | undefined;
  /** The token admin requests must carry, if any. */
  readonly adminToken: string | undefined;
  /** Whether the server listens on a loopback address only. */
  readonly loopback: boolean;
  readonly maxSkewMs: number;
  readonly maxBodyBytes: number;
  readonly cdnLagMs: number;
  readonly retryAfter: boolean;
  readonly hostId: string;
  readonly cors: { readonly origin: string } | undefined;
  readonly stateFile: string | undefined;
  /** Largest seed or state file `load` reads, bytes. */
  readonly maxStateFileBytes: number;
  /** The emulator's base URL, e.g. `http://127.0.0.1:4010` (known once it listens). */
  baseUrl: string;
  /** Wall-clock offset added to `clock` by `POST /__admin/clock`, ms. */
  clockOffsetMs: number;
  /** Pending injected delays, cut short on close. */
  readonly timers: Set<{ timer: NodeJS.Timeout; done: () => void }>;
}

/** The emulator's current time: its clock plus any admin offset. */
export const nowOf = (core: EmulatorCore): number => core.clock() + core.clockOffsetMs;

/** Waits `ms` unless the emulator closes first. */
export function delay(core: EmulatorCore, ms: number): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const entry = {
      timer: setTimeout(() => {
        core.timers.delete(entry);
        resolve();
      }, ms),
      done: resolve,
    };
    core.timers.add(entry);
  });
}
