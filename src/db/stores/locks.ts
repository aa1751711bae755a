/**
 * The `LockStore`: work that must not run twice at once, across every process
 * sharing the database, guarded by a lock row taken before the work and released
 * after it. Leases are compared with the database's clock in the statement, so a
 * machine whose clock is off neither steals a live lock nor keeps a dead one.
 */
import type { Logger } from "@logtape/logtape";
import { sql } from "kysely";
import type { Clock, LockStore } from "../../core/ports.ts";
import { LockTimeoutError } from "../../core/lock_timeout_error.ts";
import { retry } from "../../lib/retry.ts";
import { withRetry } from "../db_errors.ts";
import { databaseNowMs } from "./database_now.ts";
import { ignoringDuplicates } from "./inserts.ts";
import type { StoreScope } from "./scope.ts";

/** What a `LockStore` measures its waits with and reports lost locks to. */
export interface LockStoreOptions {
  /** Measures how long a caller has waited (never the lease: that is the database's). */
  clock: Clock;
  log: Logger;
}

/** Thrown by one attempt when someone else holds the lock, so `retry` runs again. */
class LockHeld extends Error {
  constructor(key: string) {
    super(`Cannot take lock ${key}: someone else holds it`);
  }
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A `LockStore` on `scope`; its line of waiting callers belongs to this instance. */
export function lockStore(scope: StoreScope, options: LockStoreOptions): LockStore {
  const { db, kind } = scope;
  const { clock, log } = options;
  const dbNow = () => databaseNowMs(kind);
  /**
   * Callers of this process waiting for a lock, per key: they line up here and
   * reach the database one at a time instead of polling it together. Only an
   * economy: which caller runs is decided by the lock row.
   */
  const lines = new Map<string, Promise<unknown>>();

  async function lockAndRun<T>(
    key: string,
    lock: { ttlMs: number; waitMs: number },
    work: () => Promise<T>,
  ): Promise<T> {
    const { ttlMs, waitMs } = lock;
    const started = clock.now().getTime();
    // The pauses are counted too, so a clock that stands still cannot make the wait endless.
    let paused = 0;
    const waited = () => Math.max(clock.now().getTime() - started, paused);
    let token: string;
    try {
      token = await retry(async () => {
        const holder = await store.acquire(key, ttlMs);
        if (holder === null) throw new LockHeld(key);
        return holder;
      }, {
        maxAttempts: Number.MAX_SAFE_INTEGER,
        minTimeout: 30,
        maxTimeout: 750,
        jitter: 2 / 3,
        isRetryable: (error) => error instanceof LockHeld && waited() < waitMs,
        sleep: (ms) => {
          const next = Math.max(0, Math.min(ms, waitMs - waited()));
          paused += next;
          return pause(next);
        },
      });
    } catch (error) {
      if (error instanceof LockHeld) throw new LockTimeoutError(key, waitMs);
      throw error;
    }

    let renewing: Promise<unknown> = Promise.resolve();
    const renewal = setInterval(() => {
      renewing = renewing.then(() => store.renew(key, token, ttlMs)).then(
        (held) => {
          if (!held) log.warn("Lost lock {key} while holding it: it expired first", { key });
        },
        (error) => log.warn("Could not renew lock {key}: {error}", { key, error }),
      );
    }, Math.max(1, Math.floor(ttlMs / 3)));
    try {
      return await work();
    } finally {
      clearInterval(renewal);
      await renewing;
      try {
        await store.release(key, token);
      } catch (error) {
        // It expires on its own after ttlMs.
        log.warn("Could not release lock {key}: {error}", { key, error });
      }
    }
  }

  const store: LockStore = {
    async withLock(key, lock, work) {
      if (!(lock.ttlMs > 0) || !(lock.waitMs >= 0)) {
        throw new RangeError(
          `Cannot take lock ${key}: ttlMs must be positive and waitMs not negative`,
        );
      }
      const run = (lines.get(key) ?? Promise.resolve()).then(() => lockAndRun(key, lock, work));
      const tail = run.catch(() => {});
      lines.set(key, tail);
      try {
        return await run;
      } finally {
        if (lines.get(key) === tail) lines.delete(key);
      }
    },

    async acquire(key, ttlMs) {
      const holder = crypto.randomUUID();
      // A free lock has no row: the insert takes it, and a concurrent insert of the same
      // key is skipped by the primary key. An expired row is taken over by one
      // conditional update; the database lets only one of several such updates match.
      const inserted = await withRetry(() =>
        ignoringDuplicates(
          scope,
          db.insertInto("locks").values({ key, holder, expires_at: expiresIn(ttlMs) }),
        ).executeTakeFirst()
      );
      if (inserted.numInsertedOrUpdatedRows) return holder;
      const taken = await withRetry(() =>
        db.updateTable("locks").set({ holder, expires_at: expiresIn(ttlMs) })
          .where("key", "=", key).where("expires_at", "<=", dbNow()).executeTakeFirst()
      );
      return taken.numUpdatedRows > 0n ? holder : null;
    },

    async renew(key, holder, ttlMs) {
      const result = await withRetry(() =>
        db.updateTable("locks").set({ expires_at: expiresIn(ttlMs) }).where("key", "=", key)
          .where("holder", "=", holder).executeTakeFirst()
      );
      return result.numUpdatedRows > 0n;
    },

    async release(key, holder) {
      await withRetry(() =>
        db.deleteFrom("locks").where("key", "=", key).where("holder", "=", holder).execute()
      );
    },
  };

  /** `ttlMs` from the database's now. */
  function expiresIn(ttlMs: number) {
    if (!Number.isFinite(ttlMs)) throw new RangeError(`Cannot hold a lock for ${ttlMs} ms`);
    return sql<number>`${dbNow()} + ${Math.round(ttlMs)}`;
  }
  return store;
}
