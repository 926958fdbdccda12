import { boundedWait } from './bounded-wait.js';

/** Waits `ms` (nothing when ≤ 0); rejects with the signal's reason when it aborts. */
export const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  ms <= 0
    ? Promise.resolve()
    : // A promise of its own each time: one shared for ever would keep every sleep's handlers.
      boundedWait(new Promise<void>(() => undefined), ms, signal, () => Promise.resolve());
