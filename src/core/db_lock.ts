/**
 * Work that must not run twice at once, across every process sharing the
 * database: a lock row taken before the work and released after it.
 */
import type { HandlerContext } from "./context.ts";

/** How long a lock is held and how long to wait for it. */
export interface LockOptions {
  /**
   * How long the lock lasts without renewal. While `fn` runs it is renewed every
   * third of this, so the TTL only bounds how long a crashed holder blocks others.
   */
  ttlMs: number;
  /** How long to wait for a lock someone else holds before giving up. */
  waitMs: number;
}

/** The lock was still held by someone else after waiting `waitMs`. */
export class LockTimeoutError extends Error {
  readonly key: string;
  constructor(key: string, waitMs: number) {
    super(`Cannot take lock ${key}: another process held it for the whole ${waitMs} ms wait`);
    this.name = "LockTimeoutError";
    this.key = key;
  }
}

const FIRST_PAUSE_MS = 20;
const LONGEST_PAUSE_MS = 500;

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Callers of this process waiting for a lock, per repository and key: they line up
 * here and reach the database one at a time instead of polling it together. Keyed
 * by the repository object, so two databases in one process never wait on each
 * other. Only an economy: which caller runs is decided by the lock row.
 */
const lines = new WeakMap<object, Map<string, Promise<unknown>>>();

/**
 * Takes the database lock `key` (polling with a growing pause for up to
 * `waitMs`), runs `fn`, renews the lock while `fn` runs and releases it after.
 * Callers in this process wait their turn first. Throws `LockTimeoutError` when
 * the lock stays taken by another process for the whole wait.
 */
export async function withLock<T>(
  ctx: Pick<HandlerContext, "repo" | "clock" | "log">,
  key: string,
  options: LockOptions,
  fn: () => Promise<T>,
): Promise<T> {
  if (!(options.ttlMs > 0) || !(options.waitMs >= 0)) {
    throw new RangeError(`Cannot take lock ${key}: ttlMs must be positive and waitMs not negative`);
  }
  let line = lines.get(ctx.repo);
  if (line === undefined) {
    line = new Map();
    lines.set(ctx.repo, line);
  }
  const run = (line.get(key) ?? Promise.resolve()).then(() => lockAndRun(ctx, key, options, fn));
  const tail = run.catch(() => {});
  line.set(key, tail);
  try {
    return await run;
  } finally {
    if (line.get(key) === tail) line.delete(key);
  }
}

async function lockAndRun<T>(
  ctx: Pick<HandlerContext, "repo" | "clock" | "log">,
  key: string,
  options: LockOptions,
  fn: () => Promise<T>,
): Promise<T> {
  const { repo, clock, log } = ctx;
  const { ttlMs, waitMs } = options;
  const started = clock.now().getTime();
  // The pauses are counted too, so a clock that stands still cannot make the wait endless.
  let paused = 0;
  let pauseMs = FIRST_PAUSE_MS;
  let holder = await repo.acquireLock(key, ttlMs);
  while (holder === null) {
    const waited = Math.max(clock.now().getTime() - started, paused);
    if (waited >= waitMs) throw new LockTimeoutError(key, waitMs);
    const next = Math.min(pauseMs * (0.5 + Math.random()), waitMs - waited);
    await pause(next);
    paused += next;
    pauseMs = Math.min(pauseMs * 2, LONGEST_PAUSE_MS);
    holder = await repo.acquireLock(key, ttlMs);
  }

  const token = holder;
  let renewing: Promise<unknown> = Promise.resolve();
  const renewal = setInterval(() => {
    renewing = renewing.then(() => repo.renewLock(key, token, ttlMs)).then(
      (held) => {
        if (!held) log.warn("Lost lock {key} while holding it: it expired first", { key });
      },
      (error) => log.warn("Could not renew lock {key}: {error}", { key, error }),
    );
  }, Math.max(1, Math.floor(ttlMs / 3)));
  try {
    return await fn();
  } finally {
    clearInterval(renewal);
    await renewing;
    try {
      await repo.releaseLock(key, token);
    } catch (error) {
      // It expires on its own after ttlMs.
      log.warn("Could not release lock {key}: {error}", { key, error });
    }
  }
}
