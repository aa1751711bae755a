import assert from "node:assert/strict";
import { getLogger } from "@logtape/logtape";
import type { TicketRepository } from "./ports.ts";
import { LockTimeoutError, withLock } from "./db_lock.ts";
import { createRepository } from "../db/repository.ts";
import { openTestRepository } from "../../tests/fixtures/test_repository.ts";
import { within } from "../lib/deadline.ts";

const START = Date.UTC(2026, 0, 1, 12, 0, 0);

/** A repository on a settable clock, and a context whose clock stands still (as in handler tests). */
async function lockWorld() {
  const now = { value: START };
  const test = await openTestRepository({ clock: { now: () => new Date(now.value) } });
  const ctx = {
    repo: test.repo,
    clock: { now: () => new Date(START) },
    log: getLogger(["ticketeer", "test"]),
  };
  return { ...test, ctx, now, [Symbol.asyncDispose]: () => test.close() };
}

/** A promise and the function that settles it. */
function signal<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => resolve = r);
  return { promise, resolve };
}

Deno.test("withLock() runs the work and releases the lock after it", async () => {
  await using w = await lockWorld();
  const result = await withLock(w.ctx, "job", { ttlMs: 60_000, waitMs: 0 }, async () => {
    assert.equal(await w.repo.acquireLock("job", 60_000), null, "held while the work runs");
    return 42;
  });
  assert.equal(result, 42);
  assert.notEqual(await w.repo.acquireLock("job", 60_000), null, "free afterwards");
});

Deno.test("withLock() releases the lock when the work throws", async () => {
  await using w = await lockWorld();
  await assert.rejects(
    withLock(w.ctx, "job", { ttlMs: 60_000, waitMs: 0 }, () => {
      throw new Error("work failed");
    }),
    /work failed/,
  );
  assert.notEqual(await w.repo.acquireLock("job", 60_000), null);
});

Deno.test("withLock() makes a caller of another process wait until the first is done", async () => {
  await using w = await lockWorld();
  // A second repository on the same database stands for a second process.
  const otherRepo = createRepository(w.handle, { clock: { now: () => new Date(w.now.value) } });
  const order: string[] = [];
  const firstRunning = signal();
  const finishFirst = signal();
  const first = withLock(w.ctx, "job", { ttlMs: 60_000, waitMs: 5_000 }, async () => {
    order.push("first starts");
    firstRunning.resolve();
    await finishFirst.promise;
    order.push("first ends");
  });
  await within(firstRunning.promise, 2_000, "the first holder to start");
  const refused = signal();
  const realAcquire = otherRepo.acquireLock.bind(otherRepo);
  otherRepo.acquireLock = async (key, ttlMs) => {
    const token = await realAcquire(key, ttlMs);
    if (token === null) refused.resolve();
    return token;
  };
  const second = withLock(
    { ...w.ctx, repo: otherRepo },
    "job",
    { ttlMs: 60_000, waitMs: 5_000 },
    () => {
      order.push("second runs");
      return Promise.resolve();
    },
  );
  await within(refused.promise, 2_000, "the second caller to find the lock taken");
  assert.deepEqual(order, ["first starts"]);
  finishFirst.resolve();
  await within(Promise.all([first, second]), 5_000, "both holders to finish");
  assert.deepEqual(order, ["first starts", "first ends", "second runs"]);
});

Deno.test("withLock() lines callers of one process up without polling the database", async () => {
  await using w = await lockWorld();
  let attempts = 0;
  const realAcquire = w.repo.acquireLock.bind(w.repo);
  w.repo.acquireLock = (key, ttlMs) => {
    attempts++;
    return realAcquire(key, ttlMs);
  };
  const order: number[] = [];
  let running = 0;
  const runs = Array.from(
    { length: 5 },
    (_, i) =>
      withLock(w.ctx, "job", { ttlMs: 60_000, waitMs: 5_000 }, async () => {
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

Deno.test("withLock() gives up after waitMs even when the clock stands still", async () => {
  await using w = await lockWorld();
  const other = await w.repo.acquireLock("job", 60_000);
  assert.ok(other);
  let ran = false;
  const error = await within(
    withLock(w.ctx, "job", { ttlMs: 60_000, waitMs: 150 }, () => {
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
  await w.repo.releaseLock("job", other);
  assert.notEqual(await w.repo.acquireLock("job", 60_000), null);
});

Deno.test("withLock() takes a lock whose holder stopped renewing it", async () => {
  await using w = await lockWorld();
  assert.ok(await w.repo.acquireLock("job", 1_000), "a holder that then crashes");
  w.now.value = START + 1_001;
  const result = await withLock(w.ctx, "job", { ttlMs: 1_000, waitMs: 0 }, () => {
    return Promise.resolve("mine");
  });
  assert.equal(result, "mine");
});

Deno.test("withLock() renews the lock while the work runs", async () => {
  await using w = await lockWorld();
  const renewed = signal<boolean>();
  const repo: TicketRepository = w.repo;
  const realRenew = repo.renewLock.bind(repo);
  const ctx = {
    ...w.ctx,
    repo: new Proxy(repo, {
      get(target, key, receiver) {
        if (key !== "renewLock") return Reflect.get(target, key, receiver);
        return async (k: string, holder: string, ttlMs: number) => {
          const held = await realRenew(k, holder, ttlMs);
          renewed.resolve(held);
          return held;
        };
      },
    }),
  };
  await withLock(ctx, "job", { ttlMs: 60, waitMs: 0 }, async () => {
    // Taken at START for 60 ms; renewed at START + 50, it lasts until START + 110.
    w.now.value = START + 50;
    assert.equal(await within(renewed.promise, 2_000, "a renewal"), true);
    w.now.value = START + 100;
    assert.equal(await w.repo.acquireLock("job", 60), null, "still held after its first TTL");
  });
  assert.notEqual(await w.repo.acquireLock("job", 60), null, "released after the work");
});

Deno.test("withLock() refuses a TTL that is not positive", async () => {
  await using w = await lockWorld();
  await assert.rejects(
    withLock(w.ctx, "job", { ttlMs: 0, waitMs: 0 }, () => Promise.resolve()),
    RangeError,
  );
});
