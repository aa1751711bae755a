/** Waiting for a promise, but only so long. */

/**
 * Settles like `promise`, or with `onTimeout()` once `timeoutMs` have passed
 * first (a throwing `onTimeout` rejects); the timer is cleared either way, so
 * nothing is left running.
 */
export async function withDeadline<T, F>(
  promise: Promise<T>,
  timeoutMs: number,
  onTimeout: () => F,
): Promise<T | F> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<F>((resolve, reject) => {
    timer = setTimeout(() => {
      try {
        resolve(onTimeout());
      } catch (error) {
        reject(error);
      }
    }, timeoutMs);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Settles like `promise`, or fails naming `what` once `timeoutMs` have passed first. */
export function within<T>(
  promise: Promise<T>,
  timeoutMs = 5_000,
  what = "the awaited event",
): Promise<T> {
  return withDeadline(promise, timeoutMs, (): never => {
    throw new Error(`Timed out after ${timeoutMs} ms: ${what}`);
  });
}
