/**
 * Waits for `promise`, but no longer than `ms` and not past `signal`'s abort: then rejects with
 * `late()` or the signal's reason. For work that cannot be told to stop (a credentials provider
 * takes no signal), so only the caller's wait ends; the work runs on, and its late outcome is
 * dropped.
 */
export function boundedWait<T>(
  promise: Promise<T>,
  ms: number,
  signal: AbortSignal | undefined,
  late: () => Error,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = (): void => {
      done();
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      done();
      reject(late());
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
    // The promise's own rejection passes through as it is.
    promise.finally(done).then(resolve, reject);
  });
}
