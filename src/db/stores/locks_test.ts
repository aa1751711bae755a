import assert from "node:assert/strict";
import type { LockStore } from "../../core/ports.ts";
import { LockTimeoutError } from "../../core/lock_timeout_error.ts";
import { createStores } from "./create_stores.ts";
import { openTestStores } from "../../../tests/fixtures/test_stores.ts";
import { within } from "../../lib/deadline.ts";

const START = Date.UTC(2026, 0, 1, 12, 0, 0);

/**
 * Lock stores on one in-memory database: `locks` measures its waits with a clock
 * that stands still (as in handler tests); `other()` stands for another process.
 */
async function lockWorld() {
  const test = await openTestStores();
  const locks = createStores(test.handle, { clock: { now: () => new Date(START) } }).locks;
  const other = () => createStores(test.handle).locks;
  return { ...test, locks, other, [Symbol.asyncDispose]: () => test.close() };
}

/** A promise and the function that settles it. */
function signal<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => resolve = r);
  return { promise, resolve };
}

Deno.test("withLock() runs the work and releases the lock after it", async () => {
  await using w = await lockWorld();
  const result = await w.locks.withLock("job", { ttlMs: 60_000, waitMs: 0 }, async () => {
    assert.equal(await w.locks.acquire("job", 60_000), null, "held while the work runs");
    return 42;
  });
  assert.equal(result, 42);
  assert.notEqual(await w.locks.acquire("job", 60_000), null, "free afterwards");
});

Deno.test("withLock() releases the lock when the work throws", async () => {
  await using w = await lockWorld();
  await assert.rejects(
    w.locks.withLock("job", { ttlMs: 60_000, waitMs: 0 }, () => {
      throw new Error("work failed");
    }),
    /work failed/,
  );
  assert.notEqual(await w.locks.acquire("job", 60_000), null);
});

Deno.test("withLock() makes a caller of another process wait until the first is done", async () => {
  await using w = await lockWorld();
  const otherLocks = w.other();
  const order: string[] = [];
  const firstRunning = signal();
  const finishFirst = signal();
  const first = w.locks.withLock("job", { ttlMs: 60_000, waitMs: 5_000 }, async () => {
    order.push("first starts");
    firstRunning.resolve();
    await finishFirst.promise;
    order.push("first ends");
  });
  await within(firstRunning.promise, 2_000, "the first holder to start");
  const refused = signal();
  const realAcquire = otherLocks.acquire.bind(otherLocks);
  otherLocks.acquire = async (key, ttlMs) => {
    const token = await realAcquire(key, ttlMs);
    if (token === null) refused.resolve();
    return token;
  };
  const second = otherLocks.withLock("job", { ttlMs: 60_000, waitMs: 5_000 }, () => {
    order.push("second runs");
    return Promise.resolve();
  });
  await within(refused.promise, 2_000, "the second caller to find the lock taken");
  assert.deepEqual(order, ["first starts"]);
  finishFirst.resolve();
  await within(Promise.all([first, second]), 5_000, "both holders to finish");
  assert.deepEqual(order, ["first starts", "first ends", "second runs"]);
});

Deno.test("withLock() lines callers of one process up without polling the database", async () => {
  await using w = await lockWorld();
  let attempts = 0;
  const realAcquire = w.locks.acquire.bind(w.locks);
  w.locks.acquire = (key, ttlMs) => {
    attempts++;
    return realAcquire(key, ttlMs);
  };
  const order: number[] = [];
  let running = 0;
  const runs = Array.from(
    { length: 5 },
    (_, i) =>
      w.locks.withLock("job", { ttlMs: 60_000, waitMs: 5_000 }, async () => {
        running++;
        assert.equal(running, 1, "two holders overlapped");
        await Promise.resolve();
        order.push(i);
        running--;
      }),
  );
  await within(Promise.all(runs), 5_000, "every caller to run");
  assert.deepEqual(order, [0, 1, 2, 3, 4]);
  assert.equal(attempts, 5, "each caller took the lock once, none was refused");
});

Deno.test("withLock() lines up per store instance: two apps on one database do not share a line", async () => {
  await using w = await lockWorld();
  const otherLocks = w.other();
  const inside = signal();
  const finish = signal();
  const first = w.locks.withLock("job", { ttlMs: 60_000, waitMs: 5_000 }, async () => {
    inside.resolve();
    await finish.promise;
  });
  await within(inside.promise, 2_000, "the first holder to start");
  // Another instance polls the database itself instead of waiting in the first one's line.
  const error = await otherLocks.withLock("job", { ttlMs: 60_000, waitMs: 0 }, () => {
    return Promise.resolve();
  }).then(() => null, (e: unknown) => e);
  assert.ok(error instanceof LockTimeoutError);
  finish.resolve();
  await within(first, 2_000, "the first holder to finish");
});

Deno.test("withLock() gives up after waitMs even when the clock stands still", async () => {
  await using w = await lockWorld();
  const other = await w.locks.acquire("job", 60_000);
  assert.ok(other);
  let ran = false;
  const error = await within(
    w.locks.withLock("job", { ttlMs: 60_000, waitMs: 150 }, () => {
      ran = true;
      return Promise.resolve();
    }).then(() => null, (e: unknown) => e),
    3_000,
    "withLock() to give up",
  );
  assert.ok(error instanceof LockTimeoutError, `expected LockTimeoutError, got ${error}`);
  assert.match(error.message, /^Cannot take lock job: another process held it/);
  assert.equal(ran, false);
  // The other holder's lock is untouched.
  await w.locks.release("job", other);
  assert.notEqual(await w.locks.acquire("job", 60_000), null);
});

Deno.test("withLock() takes a lock whose holder stopped renewing it", async () => {
  await using w = await lockWorld();
  assert.ok(await w.other().acquire("job", 50), "a holder that then crashes");
  const result = await within(
    w.locks.withLock("job", { ttlMs: 1_000, waitMs: 5_000 }, () => Promise.resolve("mine")),
    3_000,
    "the expired lock to be taken",
  );
  assert.equal(result, "mine");
});

Deno.test("withLock() renews the lock while the work runs", async () => {
  await using w = await lockWorld();
  const ttlMs = 150;
  let renewals = 0;
  const renewedPastTtl = signal<boolean>();
  const realRenew = w.locks.renew.bind(w.locks);
  w.locks.renew = async (key, holder, ms) => {
    const held = await realRenew(key, holder, ms);
    // Renewed every 50 ms: the sixth renewal comes well after the first TTL ran out.
    if (++renewals === 6) renewedPastTtl.resolve(held);
    return held;
  };
  const rival: LockStore = w.other();
  await w.locks.withLock("job", { ttlMs, waitMs: 0 }, async () => {
    assert.equal(await within(renewedPastTtl.promise, 3_000, "renewals"), true);
    assert.equal(await rival.acquire("job", ttlMs), null, "still held after its first TTL");
  });
  assert.notEqual(await rival.acquire("job", ttlMs), null, "released after the work");
});

Deno.test("withLock() refuses a TTL that is not positive", async () => {
  await using w = await lockWorld();
  await assert.rejects(
    w.locks.withLock("job", { ttlMs: 0, waitMs: 0 }, () => Promise.resolve()),
    RangeError,
  );
});
