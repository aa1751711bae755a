/** Waiting for a promise, but only so long. */

/**
 * Settles like `promise`, or with `onTimeout()` once `timeoutMs` have passed
 * first; the timer is cleared either way, so nothing is left running.
 */
export async function withDeadline<T, F>(
  promise: Promise<T>,
  timeoutMs: number,
  onTimeout: () => F,
): Promise<T | F> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<F>((resolve) => {
    timer = setTimeout(() => resolve(onTimeout()), timeoutMs);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
