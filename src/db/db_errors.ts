/** Classifies driver errors the same way on SQLite, PostgreSQL and MySQL/MariaDB. */
import { retry, RetryError } from "../lib/retry.ts";

interface DriverError {
  code?: unknown;
  errno?: unknown;
  errcode?: unknown;
}

function fields(error: unknown): DriverError {
  return typeof error === "object" && error !== null ? error as DriverError : {};
}

/** True for a unique or primary-key violation. */
export function isUniqueViolation(error: unknown): boolean {
  const { code, errno, errcode } = fields(error);
  if (code === "23505") return true; // PostgreSQL unique_violation
  if (errno === 1062 || code === "ER_DUP_ENTRY") return true; // MySQL duplicate entry
  // SQLite extended codes: SQLITE_CONSTRAINT_PRIMARYKEY, SQLITE_CONSTRAINT_UNIQUE.
  return errcode === 1555 || errcode === 2067;
}

/** True for errors a transaction can simply be run again after: deadlocks, busy locks. */
export function isTransient(error: unknown): boolean {
  const { code, errno, errcode } = fields(error);
  // PostgreSQL: serialization_failure, deadlock_detected.
  if (code === "40001" || code === "40P01") return true;
  // MySQL: ER_LOCK_DEADLOCK, ER_LOCK_WAIT_TIMEOUT.
  if (errno === 1213 || errno === 1205) return true;
  // SQLite: SQLITE_BUSY and SQLITE_LOCKED with any extended code.
  if (typeof errcode === "number") return (errcode & 0xff) === 5 || (errcode & 0xff) === 6;
  return false;
}

/** How many times `withRetry` runs its function at most. */
export const RETRY_ATTEMPTS = 8;

/**
 * Runs `fn`, running it again (after a short random pause that grows) when it
 * fails with a transient error, at most `RETRY_ATTEMPTS` times in all. The last
 * failure is thrown as it is.
 */
export async function withRetry<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await retry(fn, {
      maxAttempts: RETRY_ATTEMPTS,
      isRetryable: isTransient,
      // Full jitter below 10 ms, 20 ms, 40 ms ...
      minTimeout: 10,
      multiplier: 2,
      jitter: 1,
    });
  } catch (error) {
    // Only this retry's own give-up is unwrapped, not one `fn` threw itself.
    const spent = error instanceof RetryError && error.attempts === RETRY_ATTEMPTS &&
      isTransient(error.cause);
    throw spent ? error.cause : error;
  }
}
