import { DEFAULT_EMULATOR_CREDENTIALS, startEmulator } from '@vodkit/emulator';
import type { EmulatorOptions, RecordedRequest, RunningEmulator } from '@vodkit/emulator';

export { DEFAULT_EMULATOR_CREDENTIALS };

/** Starts an emulator on 127.0.0.1 port 0, silent. */
export function emulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulator({ host: '127.0.0.1', port: 0, log: false, ...options });
}

/** The nonce a recorded request carried, under either algorithm. */
export const nonceOf = (r: RecordedRequest): string | undefined =>
  r.params['SignatureNonce'] ?? r.headers['x-acs-signature-nonce'];

/** Fast retries for tests: tiny delays. */
export const FAST_RETRY = { baseDelayMs: 1, throttlingBaseDelayMs: 1, maxDelayMs: 20 } as const;

/** Settles with `promise`, or fails the test if it has not settled within `ms`. */
export async function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`did not settle within ${ms} ms`));
    }, ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}
