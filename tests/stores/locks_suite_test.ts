/**
 * The lock store on every database in `DIALECTS`: one holder at a time, and
 * leases on the database's clock, so a process whose clock is far off neither
 * steals a live lock nor keeps an expired one. The passing of time on the
 * database is stood for by moving a lock's expiry back (`ageLock`).
 */
import assert from "node:assert/strict";
import { sql } from "kysely";
import type { Clock } from "../../src/core/ports.ts";
import type { DatabaseHandle } from "../../src/db/connect.ts";
import { createStores } from "../../src/db/stores/create_stores.ts";
import { DIALECTS } from "../fixtures/dialects.ts";
import { dialectLabel, fresh } from "../fixtures/store_suite.ts";
import { within } from "../../src/lib/deadline.ts";

const DAY_MS = 24 * 60 * 60 * 1_000;

/** A clock `offsetMs` away from the machine's, for a process whose clock is wrong. */
function skewed(offsetMs: number): Clock {
  return { now: () => new Date(Date.now() + offsetMs) };
}

/** Moves the expiry of lock `key` `ms` earlier, as if that much time passed on the database. */
async function ageLock(handle: DatabaseHandle, key: string, ms: number): Promise<void> {
  await handle.db.updateTable("locks")
    .set({ expires_at: sql<number>`expires_at - ${ms}` })
    .where("key", "=", key).execute();
}

for (const dialect of DIALECTS) {
  Deno.test({
    name: dialectLabel(dialect, "locks are held by one holder at a time"),
    ignore: dialect.skip !== null,
    async fn(t) {
      const handle = await dialect.open();
      // Two stores over the same database, as two processes would have them.
      const locks = createStores(handle).locks;
      const other = createStores(handle).locks;
      try {
        await t.step("locks.acquire() gives a token to one of two concurrent callers", async () => {
          const key = `job:${fresh()}`;
          const tokens = await Promise.all([
            locks.acquire(key, 60_000),
            other.acquire(key, 60_000),
          ]);
          const won = tokens.filter((x) => x !== null);
          assert.equal(won.length, 1);
          assert.match(won[0]!, /^[0-9a-f-]{36}$/);
          assert.equal(await locks.acquire(key, 60_000), null, "taken while held");
          // Other keys are independent.
          assert.notEqual(await locks.acquire(`job:${fresh()}`, 60_000), null);
        });

        await t.step("locks.acquire() gives one of 20 concurrent callers the lock", async () => {
          const key = `job:${fresh()}`;
          const tokens = await Promise.all(
            Array.from({ length: 20 }, (_, i) => (i % 2 ? locks : other).acquire(key, 60_000)),
          );
          assert.equal(tokens.filter((x) => x !== null).length, 1);
        });

        await t.step("locks.release() by another holder leaves the lock held", async () => {
          const key = `job:${fresh()}`;
          const token = await locks.acquire(key, 60_000);
          assert.ok(token);
          await locks.release(key, crypto.randomUUID());
          assert.equal(await locks.acquire(key, 60_000), null);
          assert.equal(await locks.renew(key, crypto.randomUUID(), 60_000), false);
          await locks.release(key, token);
          const next = await locks.acquire(key, 60_000);
          assert.ok(next, "free after its holder released it");
          assert.notEqual(next, token);
          // The first holder's late release does not free the new holder's lock.
          await locks.release(key, token);
          assert.equal(await locks.acquire(key, 60_000), null);
        });

        await t.step("locks.acquire() takes an expired lock, for one of 20 callers", async () => {
          const key = `job:${fresh()}`;
          const stale = await locks.acquire(key, 60_000);
          assert.ok(stale);
          await ageLock(handle, key, 59_000);
          assert.equal(await locks.acquire(key, 1_000), null, "not yet expired");
          await ageLock(handle, key, 2_000);
          const tokens = await Promise.all(
            Array.from({ length: 20 }, (_, i) => (i % 2 ? locks : other).acquire(key, 60_000)),
          );
          const won = tokens.filter((x) => x !== null);
          assert.equal(won.length, 1);
          // The expired holder lost it: renewing and releasing do nothing.
          assert.equal(await locks.renew(key, stale, 60_000), false);
          await locks.release(key, stale);
          assert.equal(await locks.acquire(key, 60_000), null);
          await locks.release(key, won[0]!);
        });

        await t.step("locks.renew() keeps a lock held past its first expiry", async () => {
          const key = `job:${fresh()}`;
          const token = await locks.acquire(key, 60_000);
          assert.ok(token);
          await ageLock(handle, key, 50_000);
          assert.equal(await locks.renew(key, token, 60_000), true);
          // Renewing again at once still counts as held.
          assert.equal(await locks.renew(key, token, 60_000), true);
          await ageLock(handle, key, 50_000);
          assert.equal(await other.acquire(key, 60_000), null, "held past the first expiry");
          await ageLock(handle, key, 11_000);
          assert.notEqual(await other.acquire(key, 60_000), null, "expired after the renewed one");
        });

        await t.step("lock keys keep 191 characters exactly", async () => {
          const key = `k${"é".repeat(189)}${fresh().slice(-1)}`;
          assert.equal(key.length, 191);
          const token = await locks.acquire(key, 60_000);
          assert.ok(token);
          assert.equal(await locks.acquire(key.toUpperCase(), 60_000) !== null, true);
          await locks.release(key, token);
          assert.notEqual(await locks.acquire(key, 60_000), null);
        });
      } finally {
        await handle.close();
      }
    },
  });

  Deno.test({
    name: dialectLabel(dialect, "leases run on the database's clock, not a process's"),
    ignore: dialect.skip !== null,
    async fn(t) {
      const handle = await dialect.open();
      // One process's clock runs a day behind, another's a day ahead, a third is right.
      const behind = createStores(handle, { clock: skewed(-DAY_MS) }).locks;
      const ahead = createStores(handle, { clock: skewed(DAY_MS) }).locks;
      const right = createStores(handle).locks;
      try {
        await t.step("a lock taken by a process a day behind still excludes others", async () => {
          const key = `skew:${fresh()}`;
          const token = await behind.acquire(key, 60_000);
          assert.ok(token);
          assert.equal(await right.acquire(key, 60_000), null);
          assert.equal(
            await ahead.acquire(key, 60_000),
            null,
            "a clock a day ahead steals nothing",
          );
          await behind.release(key, token);
        });

        await t.step("a lock taken by a process a day ahead still expires", async () => {
          const key = `skew:${fresh()}`;
          assert.ok(await ahead.acquire(key, 300), "a holder that then stops");
          assert.equal(await behind.acquire(key, 300), null, "held while its lease runs");
          // The lease ends 300 ms later on the database, not a day later.
          const result = await within(
            right.withLock(key, { ttlMs: 60_000, waitMs: 10_000 }, () => Promise.resolve("mine")),
            10_000,
            "the expired lease to be taken",
          );
          assert.equal(result, "mine");
        });

        await t.step("renewals by a process a day behind keep the lock held", async () => {
          const key = `skew:${fresh()}`;
          const token = await behind.acquire(key, 60_000);
          assert.ok(token);
          await ageLock(handle, key, 50_000);
          assert.equal(await behind.renew(key, token, 60_000), true);
          await ageLock(handle, key, 50_000);
          assert.equal(await ahead.acquire(key, 60_000), null);
          await behind.release(key, token);
        });
      } finally {
        await handle.close();
      }
    },
  });
}
