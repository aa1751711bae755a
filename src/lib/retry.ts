/**
 * The one retry with exponential backoff, shaped like std's `async/retry`: an
 * options object with documented defaults, and a `RetryError` whose `cause` is the
 * last failure once every attempt is spent. REST, the relay, the database and locks
 * all retry through it, each with its own options.
 */

/** Thrown when `fn` still fails after `maxAttempts`; `cause` holds its last error. */
export class RetryError extends Error {
  /** How many times `fn` ran. */
  readonly attempts: number;
  constructor(cause: unknown, attempts: number) {
    super(`Cannot finish the operation: it failed ${attempts} times`, { cause });
    this.name = "RetryError";
    this.attempts = attempts;
  }
}

/** How `retry` runs again, and when it gives up. */
export interface RetryOptions {
  /** How much the pause grows per attempt. Default 2. */
  multiplier?: number;
  /** Longest pause in milliseconds (a server-asked delay included). Default 60,000. */
  maxTimeout?: number;
  /** Runs of `fn` in all, the first one included. Default 5. */
  maxAttempts?: number;
  /** Pause in milliseconds before the second run, before jitter. Default 1,000. */
  minTimeout?: number;
  /** Share of each pause that is random: 0 none, 1 full jitter. Default 1. */
  jitter?: number;
  /** Whether this error is worth another run; others are rethrown as they are. Default: all. */
  isRetryable?: (error: unknown) => boolean;
  /** A pause the failure itself asks for (a `Retry-After`), used instead of the backoff. */
  delayFor?: (error: unknown) => number | null;
  /** Told before each pause: the attempt that failed, the pause and the error. */
  onRetry?: (attempt: number, delayMs: number, error: unknown) => void;
  /** Waits `ms` milliseconds. Default: a timer. */
  sleep?: (ms: number) => Promise<void>;
  /** A number in [0, 1). Default `Math.random`. */
  random?: () => number;
}

/** The pause before run `attempt + 1`, as std computes it: capped exponential, jittered. */
export function backoffDelay(attempt: number, options: RetryOptions = {}): number {
  const multiplier = options.multiplier ?? 2;
  const maxTimeout = options.maxTimeout ?? 60_000;
  const minTimeout = options.minTimeout ?? 1_000;
  const jitter = options.jitter ?? 1;
  const random = options.random ?? Math.random;
  const exponential = Math.min(maxTimeout, minTimeout * multiplier ** (attempt - 1));
  return Math.round(exponential - jitter * random() * exponential);
}

function timerSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Runs `fn` until it succeeds, pausing with exponential backoff between runs.
 * A failure `isRetryable` rejects is rethrown at once; after `maxAttempts` runs the
 * last failure is thrown wrapped in a `RetryError`.
 */
export async function retry<T>(
  fn: (attempt: number) => Promise<T> | T,
  options: RetryOptions = {},
): Promise<T> {
  const maxAttempts = options.maxAttempts ?? 5;
  const maxTimeout = options.maxTimeout ?? 60_000;
  const minTimeout = options.minTimeout ?? 1_000;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new RangeError(`Cannot retry: maxAttempts ${maxAttempts} is not a positive integer`);
  }
  if (!(minTimeout >= 0) || !(maxTimeout >= minTimeout)) {
    throw new RangeError(
      `Cannot retry: minTimeout ${minTimeout} must be at least 0 and at most maxTimeout ${maxTimeout}`,
    );
  }
  const sleep = options.sleep ?? timerSleep;
  for (let attempt = 1;; attempt++) {
    try {
      return await fn(attempt);
    } catch (error) {
      if (options.isRetryable !== undefined && !options.isRetryable(error)) throw error;
      if (attempt >= maxAttempts) throw new RetryError(error, attempt);
      const asked = options.delayFor?.(error) ?? null;
      const delayMs = asked === null
        ? backoffDelay(attempt, options)
        : Math.min(maxTimeout, Math.max(0, asked));
      options.onRetry?.(attempt, delayMs, error);
      await sleep(delayMs);
    }
  }
}
