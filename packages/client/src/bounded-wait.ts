/**
 * Waits for `promise`, but no longer than `ms` and not past `signal`'s abort: then settles as
 * `late()` does, or rejects with the signal's reason. For work that cannot be told to stop (a
 * credentials provider takes no signal), so only the caller's wait ends; the work runs on, and its
 * late outcome is dropped. `sleep` is the same wait on a promise that never settles.
 */
export function boundedWait<T>(
  promise: T | PromiseLike<T>,
  ms: number,
  signal: AbortSignal | undefined,
  late: () => Promise<T>,
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
      resolve(late());
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
    // A plain value counts as settled (a provider written as a plain function returns one); the
    // promise's own rejection passes through as it is.
    Promise.resolve(promise).finally(done).then(resolve, reject);
  });
}
